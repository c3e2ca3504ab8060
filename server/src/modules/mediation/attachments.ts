import { listZipEntries } from '../../platform/documents/zip-reader.js';
import { readSignedContainer } from '../../platform/documents/signed-container.js';

/**
 * E-MSG: attachments are checked before they are stored: the content must be
 * one of the accepted types by its own bytes (magic numbers, and for ZIP-based
 * formats the entries), the file name's extension must say the same, and the
 * size must be within the limit. Pure: bytes in, verdict out.
 */
export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;

export const ATTACHMENT_TYPES = {
  pdf: { contentType: 'application/pdf', extensions: ['pdf'] },
  png: { contentType: 'image/png', extensions: ['png'] },
  jpeg: { contentType: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'] },
  asice: { contentType: 'application/vnd.etsi.asic-e+zip', extensions: ['asice', 'sce', 'bdoc'] },
} as const;
export type AttachmentType = keyof typeof ATTACHMENT_TYPES;

export type AttachmentCheck =
  | { ok: true; type: AttachmentType; contentType: string }
  | { ok: false; code: 'E_MSG_FILE_EMPTY' | 'E_MSG_FILE_TOO_LARGE' | 'E_MSG_FILE_TYPE' | 'E_MSG_FILE_EXTENSION'; params: Record<string, string | number> };

const startsWith = (bytes: Buffer, signature: number[]) => bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);

/** The type of a file by its content, or null when it is none of the accepted ones. */
export function sniffType(bytes: Buffer): AttachmentType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return null; // every accepted ZIP starts with a local header
  const container = readSignedContainer(bytes);
  if (container.ok) return 'asice';
  const listing = listZipEntries(bytes, { maxEntries: 2000, maxUncompressedBytes: 50 * 1024 * 1024 });
  if (listing.ok && listing.entries.some((e) => e.name === '[Content_Types].xml') && listing.entries.some((e) => e.name === 'word/document.xml')) return 'docx';
  return null;
}

export function checkAttachment(filename: string, bytes: Buffer): AttachmentCheck {
  if (bytes.length === 0) return { ok: false, code: 'E_MSG_FILE_EMPTY', params: {} };
  if (bytes.length > ATTACHMENT_MAX_BYTES) return { ok: false, code: 'E_MSG_FILE_TOO_LARGE', params: { maxMb: ATTACHMENT_MAX_BYTES / 1024 / 1024 } };
  const type = sniffType(bytes);
  if (!type) return { ok: false, code: 'E_MSG_FILE_TYPE', params: { accepted: 'PDF, PNG, JPEG, DOCX, ASiC-E/BDOC' } };
  const extension = filename.toLowerCase().split('.').pop() ?? '';
  if (!(ATTACHMENT_TYPES[type].extensions as readonly string[]).includes(extension)) return { ok: false, code: 'E_MSG_FILE_EXTENSION', params: { extension: ATTACHMENT_TYPES[type].extensions[0] } };
  return { ok: true, type, contentType: ATTACHMENT_TYPES[type].contentType };
}
