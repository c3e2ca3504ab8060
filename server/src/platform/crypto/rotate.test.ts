import { createCipheriv, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Database } from '../db/database.js';
import { createTestDatabase } from '../../../test/database.js';
import { seedReferenceData } from '../../seed/reference.js';
import { seedDemoData } from '../../seed/demo.js';
import { seedDemoFamilies } from '../../seed/demo-families.js';
import { seedDemoFamilyServices } from '../../seed/demo-family-services.js';
import { seedDemoMediation } from '../../seed/demo-mediation.js';
import { decryptBytes, decryptJson, devKey, encryptBytes, encryptJson, encryptionKeyFrom, keyIdOf, ringOf } from './keys.js';
import { countByKey, ENCRYPTED_COLUMNS, rotateEncryption } from './rotate.js';

const A = randomBytes(32).toString('hex');
const B = randomBytes(32).toString('base64');
const kid = (raw: string) => keyIdOf(ringOf(encryptionKeyFrom({ demo: false, encryptionKey: raw })).current);

/** What the code wrote before key ids: `v1.<iv>.<tag>.<body>` and iv | tag | body. */
function legacyText(key: Buffer, value: unknown): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
}
function legacyBytes(key: Buffer, plain: Buffer): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

type Snapshot = Map<string, string>;

/** Every stored value decrypted with the given key (ring), by table and id. */
async function readAll(db: Database['db'], key: Buffer): Promise<Snapshot> {
  const out: Snapshot = new Map();
  for (const c of ENCRYPTED_COLUMNS) {
    const { rows } = await sql<{ id: string; v: string | Uint8Array }>`select id, ${sql.ref(c.column)} as v from ${sql.table(c.table)} where ${sql.ref(c.column)} is not null`.execute(db);
    for (const r of rows) {
      const plain = c.kind === 'text' ? JSON.stringify(decryptJson(key, r.v as string)) : decryptBytes(key, Buffer.from(r.v as Uint8Array)).toString('base64');
      out.set(`${c.table}/${r.id}`, plain);
    }
  }
  return out;
}

let database: Database;
let before: Snapshot;
const keyA = encryptionKeyFrom({ demo: false, encryptionKey: A });

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await seedReferenceData(db);
  await seedDemoData(db);
  await seedDemoFamilies(db, keyA);
  await seedDemoFamilyServices(db, keyA);
  await seedDemoMediation(db); // under the development key (no TUGI_ENCRYPTION_KEY in tests)
  // Rows written before key ids existed, under key A.
  const child = await db.selectFrom('family_children').select('id').where('origin_ciphertext', 'is not', null).orderBy('id').executeTakeFirstOrThrow();
  await db.updateTable('family_children').set({ origin_ciphertext: legacyText(Buffer.from(A, 'hex'), { birthName: 'Vana Vorming' }) }).where('id', '=', child.id).execute();
  const file = await db.selectFrom('report_files').select('id').orderBy('id').executeTakeFirstOrThrow();
  await db.updateTable('report_files').set({ ciphertext: legacyBytes(Buffer.from(A, 'hex'), Buffer.from('%PDF-1.4 legacy')), sha256: (await import('node:crypto')).createHash('sha256').update('%PDF-1.4 legacy').digest('hex') }).where('id', '=', file.id).execute();
  before = await readAll(db, encryptionKeyFrom({ demo: false, encryptionKey: A, encryptionOldKeys: ['dev'] }));
}, 120_000);
afterAll(() => database.close());

describe('encryption key rotation', () => {
  it('every encrypted column of the schema is in the rotation list', async () => {
    const { rows } = await sql<{ table_name: string; column_name: string }>`
      select table_name, column_name from information_schema.columns
      where table_schema = current_schema() and column_name like '%ciphertext%' order by 1, 2`.execute(database.db);
    expect(rows.map((r) => `${r.table_name}.${r.column_name}`)).toEqual(ENCRYPTED_COLUMNS.map((c) => `${c.table}.${c.column}`).sort());
  });

  it('has test data under key A (new and v1 format) and the development key, in every column', async () => {
    const counts = await countByKey(database.db);
    expect(counts['family_children.origin_ciphertext']![kid(A)]).toBeGreaterThan(0);
    expect(counts['family_children.origin_ciphertext']!.v1).toBe(1);
    expect(counts['report_files.ciphertext']![kid(A)]).toBeGreaterThan(0);
    expect(counts['report_files.ciphertext']!.v1).toBe(1);
    expect(counts['mediation_files.ciphertext']![keyIdOf(devKey())]).toBeGreaterThan(0);
    expect([...before.values()].some((v) => v.includes('Vana Vorming'))).toBe(true);
  });

  it('new writes name the current key; a tampered ciphertext or an unknown key is refused', () => {
    const text = encryptJson(keyA, { birthName: 'X' });
    expect(text.startsWith(`v2.${kid(A)}.`)).toBe(true);
    const parts = text.split('.');
    const body = Buffer.from(parts[4]!, 'base64url');
    body[0] = body[0]! ^ 1;
    expect(() => decryptJson(keyA, [...parts.slice(0, 4), body.toString('base64url')].join('.'))).toThrow();
    const bytes = encryptBytes(keyA, Buffer.from('secret file'));
    const tampered = Buffer.from(bytes);
    tampered[tampered.length - 1] = tampered[tampered.length - 1]! ^ 1;
    expect(() => decryptBytes(keyA, tampered)).toThrow();
    expect(decryptBytes(keyA, bytes).toString()).toBe('secret file');
    const keyB = encryptionKeyFrom({ demo: false, encryptionKey: B });
    expect(() => decryptJson(keyB, text)).toThrow(/not configured/);
    expect(() => decryptBytes(keyB, bytes)).toThrow();
    expect(() => decryptJson(keyA, legacyText(Buffer.from(B, 'base64'), 1))).toThrow();
  });

  it('a stopped rotation leaves everything readable and a new run continues where it stopped', async () => {
    const rotating = encryptionKeyFrom({ demo: false, encryptionKey: B, encryptionOldKeys: [A, 'dev'] });
    let batches = 0;
    await expect(
      rotateEncryption(database.db, rotating, {
        batchSize: 2,
        onBatch: () => {
          if (++batches === 2) throw new Error('stopped');
        },
      }),
    ).rejects.toThrow('stopped');
    const partly = await countByKey(database.db);
    expect(partly['family_children.origin_ciphertext']![kid(B)]).toBe(4);
    expect(await readAll(database.db, rotating)).toEqual(before);

    const counts = await rotateEncryption(database.db, rotating, { batchSize: 3 });
    const total = (table: string) => [...before.keys()].filter((k) => k.startsWith(`${table}/`)).length;
    expect(counts).toEqual([
      { table: 'family_children', column: 'origin_ciphertext', rotated: total('family_children') - 4, failed: [] },
      { table: 'report_files', column: 'ciphertext', rotated: total('report_files'), failed: [] },
      { table: 'mediation_files', column: 'ciphertext', rotated: total('mediation_files'), failed: [] },
    ]);
    const after = await countByKey(database.db);
    for (const place of Object.values(after)) expect(Object.keys(place)).toEqual([kid(B)]);
  });

  it('after the rotation the old keys can be dropped: everything reads with B alone, nothing with A', async () => {
    const onlyB = encryptionKeyFrom({ demo: false, encryptionKey: B });
    expect(await readAll(database.db, onlyB)).toEqual(before);
    await expect(readAll(database.db, encryptionKeyFrom({ demo: false, encryptionKey: A, encryptionOldKeys: ['dev'] }))).rejects.toThrow();
  });

  it('is idempotent: a second run re-encrypts nothing', async () => {
    const counts = await rotateEncryption(database.db, encryptionKeyFrom({ demo: false, encryptionKey: B }));
    expect(counts.map((c) => c.rotated)).toEqual([0, 0, 0]);
  });

  it('reports a value no key can read, leaves it untouched and goes on', async () => {
    const file = await database.db.selectFrom('report_files').select(['id', 'ciphertext']).orderBy('id', 'desc').executeTakeFirstOrThrow();
    const broken = Buffer.from(file.ciphertext);
    broken[broken.length - 1] = broken[broken.length - 1]! ^ 0xff;
    await database.db.updateTable('report_files').set({ ciphertext: broken }).where('id', '=', file.id).execute();
    const C = randomBytes(32).toString('hex');
    const counts = await rotateEncryption(database.db, encryptionKeyFrom({ demo: false, encryptionKey: C, encryptionOldKeys: [B] }), { batchSize: 5 });
    const files = counts.find((c) => c.table === 'report_files')!;
    expect(files.failed).toEqual([file.id]);
    expect(files.rotated).toBe(before.size - (await countOther(database.db)) - 1);
    const stored = await database.db.selectFrom('report_files').select('ciphertext').where('id', '=', file.id).executeTakeFirstOrThrow();
    expect(Buffer.from(stored.ciphertext).equals(broken)).toBe(true);
  });

  it('audits each batch with counts and key ids, never content', async () => {
    const rows = await database.db.selectFrom('audit_log').select(['action', 'record_type', 'record_id', 'changes', 'actor_id']).where('record_type', '=', 'encryption_key').execute();
    expect(rows.length).toBeGreaterThan(3);
    const total = rows.filter((r) => r.record_id === 'family_children.origin_ciphertext').reduce((n, r) => n + Number((r.changes as { field: string; new: number }[]).find((c) => c.field === 'rows_reencrypted')!.new), 0);
    expect(total).toBe([...before.keys()].filter((k) => k.startsWith('family_children/')).length * 2);
    const text = JSON.stringify(rows);
    expect(text).not.toContain('Vana Vorming');
    expect(text).not.toContain(A);
    expect(rows.every((r) => r.actor_id === null && r.action === 'update')).toBe(true);
  });
});

/** Rows of the other two columns (the report_files count is what is left). */
async function countOther(db: Database['db']): Promise<number> {
  const a = await db.selectFrom('family_children').select(sql<number>`count(*)::int`.as('n')).where('origin_ciphertext', 'is not', null).executeTakeFirstOrThrow();
  const b = await db.selectFrom('mediation_files').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  return a.n + b.n;
}
