import type { TestApp } from '../../../test/harness.js';
import type { TestClient } from '../../../test/client.js';
import { ok } from '../../../test/responses.js';
import { personalCodeCheckDigit } from '../people/personal-code.js';

/** Test helpers of module E. */

export const code = (firstTen: string) => `${firstTen}${personalCodeCheckDigit(firstTen)}`;

let serial = 100;
/** A valid personal code of a parent (born 1980s) or a child (born 2010s), different every call. */
export function personalCode(kind: 'mother' | 'father' | 'child'): string {
  serial += 1;
  const sequence = String(serial).padStart(3, '0');
  if (kind === 'mother') return code(`48503${String(10 + (serial % 18)).padStart(2, '0')}${sequence}`);
  if (kind === 'father') return code(`38204${String(10 + (serial % 18)).padStart(2, '0')}${sequence}`);
  return code(`61606${String(10 + (serial % 18)).padStart(2, '0')}${sequence}`);
}

/** A self-service login for a person (the demo password, copied from Kati Karu's account). */
export async function clientLogin(t: TestApp, personId: string, email: string): Promise<TestClient> {
  const kati = await t.database.db.selectFrom('users').select(['organisation_id', 'password_hash']).where('email', '=', 'lapsevanem@tugi.demo').executeTakeFirstOrThrow();
  await t.database.db.insertInto('users').values({ email, name: email, role: 'client', organisation_id: kati.organisation_id, person_id: personId, password_hash: kati.password_hash }).execute();
  return t.login(email);
}

export async function kovId(t: TestApp, name: string): Promise<string> {
  return (await t.database.db.selectFrom('organisations').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
}

export interface NewProceeding {
  language?: 'et' | 'ru' | 'en';
  kov?: string;
  consented?: [boolean, boolean];
  preferredMediatorId?: string | null;
}

/** SKA registers proceedings of two new parents and a child; returns the detail. */
export async function newProceeding(t: TestApp, ska: TestClient, o: NewProceeding = {}) {
  const kov = await kovId(t, o.kov ?? 'Tartu linn');
  const [a, b] = o.consented ?? [true, true];
  return ok(
    ska.post('/api/mediation/proceedings', {
      referredBy: 'kov',
      referrerName: o.kov ?? 'Tartu linn',
      referredOn: '2026-02-02',
      topics: ['contact'],
      description: 'Suhtluskord',
      language: o.language ?? 'et',
      parents: [
        { person: { personalCode: personalCode('mother'), firstName: 'Ema', lastName: 'Test' }, kovOrganisationId: kov, email: 'ema@example.ee', phone: '+372 5555 0001', address: 'Tartu, Ema 1', consented: a, preferredMediatorId: o.preferredMediatorId ?? null },
        { person: { personalCode: personalCode('father'), firstName: 'Isa', lastName: 'Test' }, kovOrganisationId: kov, email: 'isa@example.ee', consented: b },
      ],
      children: [{ personalCode: personalCode('child'), firstName: 'Laps', lastName: 'Test' }],
    }),
    201,
  );
}

export async function userId(t: TestApp, email: string): Promise<string> {
  return (await t.database.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
}
