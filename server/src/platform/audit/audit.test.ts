import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { execFileSync } from 'node:child_process';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { GENESIS_HASH, chainHash, canonicalJson } from './chain.js';
import { verifyAuditChain } from './verify.js';
import { appendAudit, listEntries } from './audit.js';
import { auditReads } from './reads.js';

let t: TestApp;
let personId: string;
beforeAll(async () => {
  t = await createTestApp();
  const kov = await t.loginAs('kov_worker');
  const created = await kov.post('/api/people', { personalCode: '50103152755', firstName: 'Oskar', lastName: 'Oja' });
  personId = created.json().id;
  await kov.get(`/api/people/${personId}`);
  await (await t.loginAs('ska_specialist')).get(`/api/people/${personId}`);
});
afterAll(() => t.close());

describe('X-AUDIT hash chain', () => {
  it('canonical JSON ignores key order, so jsonb cannot change a hash', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: null }] })).toBe(canonicalJson({ a: [{ c: null, d: 2 }], b: 1 }));
    const content = { id: 1, at: new Date('2025-01-02T10:00:00.000Z'), actorId: null, actorName: null, actorRole: null, actorOrganisationId: null, action: 'read', recordType: 'person', recordId: 'x', personId: null, ip: null, changes: null, schemaVersion: 1 };
    expect(chainHash(GENESIS_HASH, content)).toMatch(/^[0-9a-f]{64}$/);
    expect(chainHash(GENESIS_HASH, content)).not.toBe(chainHash(GENESIS_HASH, { ...content, recordId: 'y' }));
  });

  it('concurrent appends (and one outside a transaction) keep one gapless chain in id order', async () => {
    const db = t.database.db;
    const before = await db.selectFrom('audit_head').select(['last_id', 'last_hash']).executeTakeFirstOrThrow();
    const source = { actor: null, ip: '127.0.0.1' };
    const entries = (n: number) => [1, 2, 3].map((i) => ({ action: 'read' as const, recordType: 'probe', recordId: `${n}-${i}` }));
    await Promise.all([
      ...Array.from({ length: 12 }, (_, n) => db.transaction().execute((trx) => appendAudit(trx, source, entries(n)))),
      appendAudit(db, source, entries(99)),
    ]);
    const rows = await db.selectFrom('audit_log').select(['id', 'prev_hash', 'hash']).where('id', '>', Number(before.last_id)).orderBy('id').execute();
    expect(rows.map((r) => Number(r.id))).toEqual(Array.from({ length: 39 }, (_, i) => Number(before.last_id) + 1 + i));
    expect(rows[0]!.prev_hash).toBe(before.last_hash);
    rows.slice(1).forEach((r, i) => expect(r.prev_hash).toBe(rows[i]!.hash));
    const head = await db.selectFrom('audit_head').select(['last_id', 'last_hash']).executeTakeFirstOrThrow();
    expect({ id: Number(head.last_id), hash: head.last_hash }).toEqual({ id: Number(rows.at(-1)!.id), hash: rows.at(-1)!.hash });
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it('reads are committed in groups: each caller resumes after its own entries are in the log, and the chain holds', async () => {
    const db = t.database.db;
    const source = { actor: null, ip: '127.0.0.1' };
    const seen: number[] = [];
    await Promise.all(
      Array.from({ length: 15 }, async (_, n) => {
        await auditReads(db, source, [{ action: 'read', recordType: 'grouped', recordId: String(n) }]);
        // Resolved means committed: the entry is visible to another connection's read now.
        const row = await db.selectFrom('audit_log').select('id').where('record_type', '=', 'grouped').where('record_id', '=', String(n)).executeTakeFirst();
        if (row) seen.push(n);
      }),
    );
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 15 }, (_, n) => n));
    expect(() => auditReads(db, source, [{ action: 'update', recordType: 'grouped', recordId: 'x' }])).toThrow(/reads only/);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it('a read append whose remembered head is stale (a write appended meanwhile) rechains from the new head', async () => {
    const db = t.database.db;
    const source = { actor: null, ip: '127.0.0.1' };
    const read = (id: string) => auditReads(db, source, [{ action: 'read', recordType: 'stale-head', recordId: id }]);
    await read('before');
    await db.transaction().execute((trx) => appendAudit(trx, source, [{ action: 'update', recordType: 'stale-head', recordId: 'write', changes: [{ field: 'x', old: 1, new: 2 }] }]));
    await read('after');
    const rows = await db.selectFrom('audit_log').select(['id', 'record_id', 'prev_hash', 'hash']).where('record_type', '=', 'stale-head').orderBy('id').execute();
    expect(rows.map((r) => r.record_id)).toEqual(['before', 'write', 'after']);
    const head = await db.selectFrom('audit_head').select(['last_id', 'last_hash']).executeTakeFirstOrThrow();
    expect(head.last_hash).toBe(rows[2]!.hash);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it('a list page is one entry naming every record and person shown, odd characters included, and the chain covers both arrays', async () => {
    const db = t.database.db;
    const source = { actor: null, ip: '127.0.0.1' };
    const ids = ['plain', 'with "quotes"', 'back\\slash', 'comma,brace}{', 'ümlaut õ', 'NULL'];
    const people = [personId, personId, null];
    await auditReads(db, source, listEntries('odd-list', ids.map((id, i) => ({ id, personId: people[i % 3] ?? null }))));
    expect(listEntries('odd-list', [])).toEqual([]);
    const row = await db.selectFrom('audit_log').select(['id', 'action', 'record_id', 'record_ids', 'person_ids', 'schema_version']).where('record_type', '=', 'odd-list').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ action: 'list', record_id: 'list', record_ids: ids, person_ids: [personId], schema_version: 2 });
    expect((await verifyAuditChain(db)).ok).toBe(true);
    // The arrays are hashed: dropping a record from the entry breaks the chain at that row.
    await sql`alter table audit_log disable trigger audit_log_no_update`.execute(db);
    await sql`update audit_log set record_ids = ${['plain']} where id = ${row.id}`.execute(db);
    const broken = await verifyAuditChain(db);
    await sql`update audit_log set record_ids = ${ids} where id = ${row.id}`.execute(db);
    await sql`alter table audit_log enable trigger audit_log_no_update`.execute(db);
    expect(broken.firstBroken).toEqual({ id: Number(row.id), reason: 'hash_mismatch' });
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it('is intact after ordinary work, and every read and write of the person was logged', async () => {
    const result = await verifyAuditChain(t.database.db);
    expect(result).toMatchObject({ ok: true, firstBroken: null });
    expect(result.checked).toBeGreaterThanOrEqual(5);
    const rows = await t.database.db.selectFrom('audit_log').select(['action', 'actor_role']).where('record_type', '=', 'person').where('record_id', '=', personId).orderBy('id').execute();
    expect(rows).toEqual([
      { action: 'create', actor_role: 'kov_worker' },
      { action: 'read', actor_role: 'kov_worker' },
    ]);
  });

  it('keeps field-level old and new values of a write', async () => {
    const kov = await t.loginAs('kov_worker');
    const before = (await kov.get(`/api/people/${personId}`)).json();
    const changed = await kov.patch(`/api/people/${personId}`, { version: before.version, lastName: 'Org' });
    expect(changed.statusCode).toBe(200);
    const row = await t.database.db.selectFrom('audit_log').select(['changes', 'schema_version']).where('record_id', '=', personId).where('action', '=', 'update').executeTakeFirstOrThrow();
    expect(row.changes).toEqual([{ field: 'last_name', old: 'Oja', new: 'Org' }]);
    expect(row.schema_version).toBe(2);
  });

  it('refuses UPDATE and DELETE on the log (append-only)', async () => {
    await expect(sql`update audit_log set action = 'x' where id = 1`.execute(t.database.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log where id = 1`.execute(t.database.db)).rejects.toThrow(/append-only/);
  });

  it('catches a row edited directly in SQL and names the first broken link', async () => {
    const victim = await t.database.db.selectFrom('audit_log').select('id').where('record_id', '=', personId).where('action', '=', 'read').executeTakeFirstOrThrow();
    // An attacker with table-owner rights disables the guard and rewrites history.
    await sql`alter table audit_log disable trigger audit_log_no_update`.execute(t.database.db);
    await sql`update audit_log set actor_role = 'ska_manager' where id = ${victim.id}`.execute(t.database.db);
    await sql`alter table audit_log enable trigger audit_log_no_update`.execute(t.database.db);
    const result = await verifyAuditChain(t.database.db);
    expect(result.ok).toBe(false);
    expect(result.firstBroken).toEqual({ id: Number(victim.id), reason: 'hash_mismatch' });
    expect(result.lastVerifiedId).toBe(Number(victim.id) - 1);

    const auditor = await t.loginAs('auditor');
    const page = await auditor.get('/api/audit/verify');
    expect(page.json()).toMatchObject({ ok: false, firstBroken: { id: Number(victim.id), reason: 'hash_mismatch' } });
  });
});

describe('X-AUDIT who accessed a record', () => {
  it('shows the accesses of a record the viewer may open, and 404 for one they may not', async () => {
    const kov = await t.loginAs('kov_worker');
    const history = await kov.get(`/api/audit/access/person/${personId}`);
    expect(history.statusCode).toBe(200);
    const actions = history.json().items.map((i: { action: string; actorRole: string }) => `${i.actorRole}:${i.action}`);
    expect(actions).toContain('kov_worker:create');
    expect(actions).toContain('kov_worker:read');
    // SKA has no link to this person, so its attempt was a 404 and reached no data.
    expect(actions.some((a: string) => a.startsWith('ska_specialist'))).toBe(false);
    const provider = await t.loginAs('provider_admin');
    expect((await provider.get(`/api/audit/access/person/${personId}`)).statusCode).toBe(404);
    expect((await kov.get('/api/audit/access/unknown_type/1')).statusCode).toBe(404);
  });

  it('counts being shown in a list page as an access: the page entry is found by record and by person', async () => {
    const kov = await t.loginAs('kov_worker');
    const found = await kov.get('/api/people?q=Oskar');
    expect(found.json().items.map((p: { id: string }) => p.id)).toContain(personId);
    const history = (await kov.get(`/api/audit/access/person/${personId}`)).json().items;
    expect(history[0]).toMatchObject({ actorRole: 'kov_worker', action: 'list' });
    const auditor = await t.loginAs('auditor');
    const log = (await auditor.get(`/api/audit?recordType=person&recordId=${personId}`)).json().items;
    expect(log[0]).toMatchObject({ action: 'list', recordId: 'list' });
    expect(log[0].recordIds).toContain(personId);
  });

  it("lets a self-service client see which organisations looked at their data (data tracker)", async () => {
    const kati = (await t.database.db.selectFrom('users').select('person_id').where('email', '=', 'lapsevanem@tugi.demo').executeTakeFirstOrThrow()).person_id!;
    await (await t.loginAs('kov_worker')).get(`/api/people/${kati}`);
    const client = await t.loginAs('client');
    await client.get(`/api/people/${kati}`);
    const tracker = (await client.get('/api/me/data-tracker')).json();
    expect(tracker.items).toEqual([expect.objectContaining({ organisationName: 'Tartu linn', actorRole: 'kov_worker', action: 'read', recordType: 'person' })]);
  });
});

describe('X-EXPORT audit log', () => {
  it('the auditor exports the filtered log, and the export itself is logged', async () => {
    const auditor = await t.loginAs('auditor');
    const csv = await auditor.get('/api/audit/export?format=csv&action=login');
    expect(csv.statusCode).toBe(200);
    const lines = csv.body.trim().split('\r\n').slice(1);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => l.includes(',login,'))).toBe(true);
    const exported = await t.database.db.selectFrom('audit_log').select('record_type').where('action', '=', 'export').execute();
    expect(exported).toEqual([{ record_type: 'audit_log' }]);
    expect((await (await t.loginAs('admin')).get('/api/audit/export')).statusCode).toBe(403);
  });
});

describe('npm run audit:verify', () => {
  it('exits 0 on an intact chain in the data folder and reports the count', () => {
    const dir = `/tmp/tugi-verify-${process.pid}`;
    const output = execFileSync('npx', ['tsx', 'server/src/platform/audit/verify-cli.ts'], { env: { ...process.env, TUGI_DATA_DIR: dir, DATABASE_URL: '' }, encoding: 'utf8' });
    expect(output).toMatch(/Audit chain intact: 0 entries checked/);
  });
});
