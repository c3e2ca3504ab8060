import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { ReportFilePurpose } from './service-tables.js';

/**
 * B-SEC (003 §3.6): report files — attendance lists, online screenshots, signed
 * monthly reports — are stored AES-256-GCM encrypted with the installation key
 * (the one that protects adoption data, `encryptionKeyFrom`), naming the key
 * that encrypted them (key rotation: docs/key-rotation.md); the SHA-256 of the plain file is kept
 * so a download can be checked against what was uploaded.
 */
// iv | tag | body before key ids; `TGE2` | kid | iv | tag | body now (platform/crypto/keys.ts).
export { encryptBytes, decryptBytes } from '../../platform/crypto/keys.js';
import { encryptBytes, decryptBytes } from '../../platform/crypto/keys.js';

export interface NewReportFile {
  providerId: string;
  purpose: ReportFilePurpose;
  filename: string;
  contentType: string;
  content: Buffer;
  uploadedBy: string;
}

/** Stores a file encrypted, in the caller's transaction; returns its id. */
export async function storeReportFile(trx: Transaction<DB> | Kysely<DB>, key: Buffer, file: NewReportFile): Promise<string> {
  const row = await trx
    .insertInto('report_files')
    .values({
      provider_organisation_id: file.providerId,
      purpose: file.purpose,
      filename: file.filename,
      content_type: file.contentType,
      size: file.content.length,
      sha256: createHash('sha256').update(file.content).digest('hex'),
      ciphertext: encryptBytes(key, file.content),
      uploaded_by: file.uploadedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface ReportFile {
  id: string;
  providerId: string;
  purpose: ReportFilePurpose;
  filename: string;
  contentType: string;
  content: Buffer;
}

/**
 * Reads and decrypts a file. The caller has already checked that the user may
 * see the record the file belongs to, and writes the download to the audit log.
 */
export async function loadReportFile(db: Kysely<DB> | Transaction<DB>, key: Buffer, id: string): Promise<ReportFile | null> {
  const row = await db.selectFrom('report_files').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const content = decryptBytes(key, row.ciphertext);
  if (createHash('sha256').update(content).digest('hex') !== row.sha256) throw new Error(`report file ${id} does not match its checksum`);
  return { id: row.id, providerId: row.provider_organisation_id, purpose: row.purpose, filename: row.filename, contentType: row.content_type, content };
}

/** A filename safe for a content-disposition header. */
export function safeFilename(name: string): string {
  return name.replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 120) || 'file';
}
