import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { verifyAuditChain } from '../../platform/audit/verify.js';
import { isValidPersonalCode, parsePersonalCode } from '../../modules/people/personal-code.js';
import { addWorkingDays } from '../../platform/calendar/working-days.js';
import { PER_FACTOR, seedScale, type ScaleResult } from './generate.js';

const FACTOR = 0.01;
let t: TestApp;
let result: ScaleResult;

beforeAll(async () => {
  t = await createTestApp();
  const { database } = t;
  result = await seedScale(database.db, {
    factor: FACTOR,
    pg: database.connectionString ? { connectionString: database.connectionString } : undefined,
    pglite: database.pglite,
  });
}, 60_000);

afterAll(async () => {
  await t?.close();
});

const rows = async (query: string) => (await sql.raw<Record<string, unknown>>(query).execute(t.database.db)).rows;
const one = async (query: string) => Number(Object.values((await rows(query))[0]!)[0]);

describe('seed:scale', () => {
  it('loads volumes in proportion to the factor', async () => {
    expect(result.skipped).toBe(false);
    expect(result.counts.cases).toBe(PER_FACTOR.cases * FACTOR);
    expect(result.counts.families).toBe(PER_FACTOR.families * FACTOR);
    const volume = (result.counts.family_contacts ?? 0) + (result.counts.service_sessions ?? 0);
    expect(volume).toBeGreaterThan(PER_FACTOR.contactsAndSessions * FACTOR * 0.9);
    expect(volume).toBeLessThan(PER_FACTOR.contactsAndSessions * FACTOR * 1.1);
    expect(await one(`select count(*) from cases`)).toBe(result.counts.cases);
    expect(await one(`select count(*) from family_contacts`)).toBe(result.counts.family_contacts);
  });

  it('is idempotent: a second run with the same factor does nothing', async () => {
    const again = await seedScale(t.database.db, { factor: FACTOR, pglite: t.database.pglite });
    expect(again.skipped).toBe(true);
    expect(await one(`select count(*) from cases`)).toBe(result.counts.cases);
  });

  it('gives every person a valid personal code matching the birth date', async () => {
    const people = await rows(`select personal_code, birth_date, sex from people where personal_code is not null`);
    expect(people.length).toBeGreaterThan(100);
    for (const p of people) {
      const parsed = parsePersonalCode(p.personal_code as string);
      expect(isValidPersonalCode(p.personal_code as string)).toBe(true);
      if (parsed.ok) {
        expect(parsed.birthDate).toBe(p.birth_date);
        expect(parsed.sex).toBe(p.sex);
      }
    }
  });

  it('keeps case dates in order and derives the first-contact deadline', async () => {
    expect(await one(`select count(*) from cases where closed_on < received_on or received_on > current_date or opinion_issued_on < received_on`)).toBe(0);
    expect(await one(`select count(*) from cases where status = 'closed' and closed_on is null`)).toBe(0);
    expect(await one(`select count(*) from cases c join people p on p.id = c.child_person_id where p.birth_date > c.received_on`)).toBe(0);
    const domestic = await rows(`select received_on, first_contact_due from cases where type = 'domestic' limit 50`);
    for (const c of domestic) expect(c.first_contact_due).toBe(addWorkingDays(c.received_on as string, 5));
    expect(await one(`select count(*) from cases where search_text = '' or search_text not like '%' || replace(lower(reference), '-', ' ') || '%'`)).toBe(0);
  });

  it('dates contacts inside their episodes and episodes inside the B-ADAPT/B-NEED windows', async () => {
    expect(
      await one(`select count(*) from family_contacts fc join family_episodes e on e.id = fc.episode_id
        where fc.occurred_on < e.starts_on or fc.occurred_on > coalesce(e.ends_on, current_date)`),
    ).toBe(0);
    expect(
      await one(`select count(*) from family_episodes e join family_children fc on fc.family_id = e.family_id and fc.child_person_id = e.child_person_id
        where e.kind = 'adaptation' and (e.starts_on < fc.arrived_on - interval '1 month' or coalesce(e.ends_on, current_date) > fc.arrived_on + interval '12 months' and e.ends_on is not null)`),
    ).toBe(0);
    expect(
      await one(`select count(*) from family_episodes e join family_children fc on fc.family_id = e.family_id and fc.child_person_id = e.child_person_id
        where e.kind = 'needs_based' and e.starts_on <= fc.arrived_on + interval '12 months'`),
    ).toBe(0);
    expect(await one(`select count(*) from (select family_id, sum(coalesce(ends_on, current_date) - starts_on) d from family_episodes where kind = 'needs_based' group by family_id) x where d >= 365`)).toBe(0);
  });

  it('respects the session limits', async () => {
    expect(
      await one(`select count(*) from (select family_id from service_sessions where service = 'mentoring' group by family_id, date_trunc('quarter', held_on) having count(*) > 4) x`),
    ).toBe(0);
    expect(
      await one(`select count(*) from (select family_id from service_sessions where service in ('counselling','supervision') group by family_id, extract(year from held_on) having count(*) > 5) x`),
    ).toBe(0);
    expect(await one(`select count(*) from service_sessions where held_on > current_date`)).toBe(0);
  });

  it('still answers the list endpoints and keeps the audit chain whole', async () => {
    for (const role of ['kov_worker', 'ska_specialist', 'ska_manager'] as const) {
      const client = await t.loginAs(role);
      const response = await client.get('/api/cases');
      expect(response.statusCode).toBe(200);
      expect(response.json().items.length).toBeGreaterThan(0);
    }
    const contact = await t.loginAs('ska_contact');
    for (const url of ['/api/families', '/api/families/episodes']) {
      const response = await contact.get(url);
      expect(response.statusCode).toBe(200);
      expect(response.json().items.length).toBeGreaterThan(0);
    }
    const chain = await verifyAuditChain(t.database.db);
    expect(chain.ok).toBe(true);
  });
});
