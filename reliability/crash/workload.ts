import { sql, type Kysely } from 'kysely';
import type { DB } from '../../server/src/platform/db/schema.js';
import { personalCodeCheckDigit } from '../../server/src/modules/people/personal-code.js';
import { addCalendarDays, todayInTallinn } from '../../server/src/platform/calendar/working-days.js';
import type { HttpUser } from './server.js';

/**
 * The crash test's writes: real HTTP requests across modules by logged-in demo
 * users. Every write answered 2xx is an acknowledged write and carries a check
 * of what must then be stored: its row, its required child rows and its audit
 * entry.
 */
export interface Ack {
  kind: string;
  id: string;
  /** `missing`: the row itself is gone (a lost write); otherwise the parts that are missing (half-written). */
  check(db: Kysely<DB>): Promise<{ missing: boolean; problems: string[] }>;
}

export interface Users {
  kov: HttpUser;
  ska: HttpUser;
  manager: HttpUser;
  mediator: HttpUser;
  ministry: HttpUser;
}

let serial = 0;
/** A valid personal code, different on every call (born in the 1980s for parents, 2016 for children, 2001 for people). */
export function personalCode(kind: 'mother' | 'father' | 'child' | 'adult'): string {
  serial += 1;
  const day = String(1 + (Math.floor(serial / 1000) % 28)).padStart(2, '0');
  const seq = String(serial % 1000).padStart(3, '0');
  const head = { mother: '48503', father: '38204', child: '61606', adult: '50107' }[kind];
  const ten = `${head}${day}${seq}`;
  return `${ten}${personalCodeCheckDigit(ten)}`;
}

const today = () => todayInTallinn(new Date());
const day = (n: number) => addCalendarDays(today(), n);

async function count(db: Kysely<DB>, query: ReturnType<typeof sql<{ n: number }>>): Promise<number> {
  const { rows } = await query.execute(db);
  return Number(rows[0]?.n ?? 0);
}

const audited = (db: Kysely<DB>, id: string) => count(db, sql<{ n: number }>`select count(*)::int as n from audit_log where record_id = ${id} and action not in ('read', 'list')`);

/** A check of one row and its required parts, each part a count that must be at least 1. */
function checker(table: string, id: string, parts: Record<string, (db: Kysely<DB>) => Promise<number>>) {
  return async (db: Kysely<DB>) => {
    const present = await count(db, sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where id = ${id}`);
    if (!present) return { missing: true, problems: [`${table} ${id} missing`] };
    const problems: string[] = [];
    for (const [name, n] of Object.entries({ ...parts, 'audit entry': (d: Kysely<DB>) => audited(d, id) })) if ((await n(db)) < 1) problems.push(`${table} ${id}: no ${name}`);
    return { missing: false, problems };
  };
}

/** What one run needs prepared before its burst: proceedings ready for an agreement, a training group and colleagues to register. */
export interface Prepared {
  proceedings: { id: string; childPersonId: string }[];
  groupId: string;
  colleagues: string[];
}

let heldSessions = 0;

/** Set-up of a run through the same HTTP API (these writes are acknowledged too, and checked). */
export async function prepare(db: Kysely<DB>, users: Users, acks: Ack[], runNo: number, agreements: number, colleagues: number): Promise<Prepared> {
  const mediatorId = (await db.selectFrom('users').select('id').where('email', '=', users.mediator.email).executeTakeFirstOrThrow()).id;
  const tartu = (await db.selectFrom('organisations').select('id').where('name', '=', 'Tartu linn').executeTakeFirstOrThrow()).id;
  const proceedings: Prepared['proceedings'] = [];
  for (let i = 0; i < agreements; i++) {
    const p = await createProceeding(users.ska, tartu, mediatorId, acks, `run ${runNo}`);
    const slot = (await users.mediator.ok('GET', `/api/mediation/proceedings/${p.id}/slots`)).items[0].startsAt;
    const booked = await users.mediator.ok('POST', `/api/mediation/proceedings/${p.id}/bookings`, { startsAt: slot });
    const b = booked.bookings[0];
    // The session took place: moved a year into the past, each 3 hours apart (the mediator's exclusion constraint).
    heldSessions += 1;
    const past = Date.now() - 400 * 86_400_000 - heldSessions * 3 * 3_600_000;
    await db.updateTable('mediation_bookings').set({ starts_at: new Date(past), ends_at: new Date(past + 90 * 60_000), blocked_until: new Date(past + 105 * 60_000) }).where('id', '=', b.id).execute();
    await users.mediator.ok('POST', `/api/mediation/bookings/${b.id}/outcome`, { version: b.version, outcome: 'held' });
    proceedings.push({ id: p.id, childPersonId: p.children[0].personId });
  }
  const training = await users.manager.ok('POST', '/api/trainings', {
    title: `Kriisikindlus ${runNo}`,
    curriculum: 'Õppekava',
    topics: ['Perekond kui süsteem'],
    targetGroup: 'KOV lastekaitsetöötajad',
    academicHours: 8,
    days: 1,
    form: 'in_person',
    providerId: (await db.selectFrom('organisations').select('id').where('name', '=', 'Koolituskeskus Kompass OÜ').executeTakeFirstOrThrow()).id,
    windowStart: day(-10),
    windowEnd: day(200),
    status: 'published',
  });
  const trainerId = (await db.selectFrom('users').select('id').where('email', '=', 'koolitaja@tugi.demo').executeTakeFirstOrThrow()).id;
  const group = await users.manager.ok('POST', `/api/trainings/${training.id}/groups`, {
    city: 'Tartu',
    venue: 'SKA koolitusruum',
    sessions: [{ day: day(30 + runNo), startsAt: '10:00', endsAt: '16:00' }],
    capacityMin: 5,
    capacityMax: Math.max(5, Math.floor(colleagues / 2)),
    trainerId,
  });
  const people = await db
    .insertInto('users')
    .values(Array.from({ length: colleagues }, (_, i) => ({ email: `kolleeg.${runNo}.${i}@crash.test`, name: `Kolleeg ${runNo}-${i}`, role: 'kov_worker' as const, organisation_id: tartu })))
    .returning('id')
    .execute();
  return { proceedings, groupId: group.id, colleagues: people.map((p) => p.id) };
}

async function createProceeding(ska: HttpUser, kovId: string, mediatorId: string | null, acks: Ack[], tag: string) {
  const p = await ska.ok('POST', '/api/mediation/proceedings', {
    referredBy: 'kov',
    referrerName: 'Tartu linn',
    referredOn: day(-20),
    topics: ['contact'],
    description: `Krahhitest ${tag}`,
    language: 'et',
    parents: [
      { person: { personalCode: personalCode('mother'), firstName: 'Ema', lastName: 'Krahh' }, kovOrganisationId: kovId, email: 'ema@example.ee', phone: '+372 5555 0001', address: 'Tartu, Ema 1', consented: true, preferredMediatorId: mediatorId },
      { person: { personalCode: personalCode('father'), firstName: 'Isa', lastName: 'Krahh' }, kovOrganisationId: kovId, email: 'isa@example.ee', consented: true },
    ],
    children: [{ personalCode: personalCode('child'), firstName: 'Laps', lastName: 'Krahh' }],
  });
  acks.push(proceedingAck(p.id));
  return p;
}

function proceedingAck(id: string): Ack {
  return {
    kind: 'mediation proceeding',
    id,
    check: checker('mediation_proceedings', id, {
      'two parents': async (db) => ((await count(db, sql<{ n: number }>`select count(*)::int as n from mediation_parties where proceeding_id = ${id} and role = 'parent'`)) === 2 ? 1 : 0),
      child: (db) => count(db, sql<{ n: number }>`select count(*)::int as n from mediation_parties where proceeding_id = ${id} and role = 'child'`),
    }),
  };
}

/** One write of the burst: sends it, and returns its Ack when answered 2xx, else the status. Rejects when the server is gone. */
export type Write = () => Promise<Ack | number>;

export function writesFor(users: Users, prepared: Prepared, runNo: number, tartuId: string): { first: Write[]; more: (i: number) => Write } {
  const first: Write[] = [];
  // Agreements first: their register deliveries are then in flight during the burst.
  prepared.proceedings.forEach((p, i) => {
    first.push(async () => {
      const custody = i % 2 ? 'changes_joint' : 'ends_joint';
      const { status, body } = await users.mediator.send('POST', `/api/mediation/proceedings/${p.id}/agreement`, { concludedOn: today(), custody, childPersonIds: [p.childPersonId], summary: `Kokkulepe ${runNo}-${i}` });
      if (status !== 201) return status;
      const id = body.agreement.id as string;
      return {
        kind: 'mediation agreement',
        id,
        check: checker('mediation_agreements', id, {
          'register delivery': (db) => count(db, sql<{ n: number }>`select count(*)::int as n from mediation_register_outbox where agreement_id = ${id}`),
          'proceeding in state agreement': (db) => count(db, sql<{ n: number }>`select count(*)::int as n from mediation_proceedings where id = ${p.id} and status = 'agreement'`),
        }),
      };
    });
  });
  prepared.colleagues.forEach((userId) => {
    first.push(async () => {
      const { status, body } = await users.kov.send('POST', `/api/trainings/groups/${prepared.groupId}/registrations`, { userId });
      if (status !== 201) return status;
      const id = body.id as string;
      return {
        kind: 'training registration',
        id,
        check: checker('training_registrations', id, {
          'its group and person': (db) => count(db, sql<{ n: number }>`select count(*)::int as n from training_registrations where id = ${id} and group_id = ${prepared.groupId} and user_id = ${userId} and status in ('confirmed', 'waitlisted')`),
        }),
      };
    });
  });
  const more = (i: number): Write => {
    const tag = `${runNo}-${i}`;
    switch (i % 6) {
      case 0:
      case 3:
        return async () => {
          const question = `Krahhitest ${tag}: kuidas last toetada?`;
          const { status, body } = await users.kov.send('POST', '/api/cases', { type: 'domestic', child: { firstName: 'Kaur', lastName: `Krahh${i}`, birthDate: '2015-06-01' }, question });
          if (status !== 201) return status;
          const id = body.id as string;
          return {
            kind: 'case',
            id,
            check: checker('cases', id, {
              'its question': (db) => count(db, sql<{ n: number }>`select count(*)::int as n from cases where id = ${id} and question = ${question}`),
              'first event': (db) => count(db, sql<{ n: number }>`select count(*)::int as n from case_events where case_id = ${id} and kind = 'received'`),
              'child in the registry': (db) => count(db, sql<{ n: number }>`select count(*)::int as n from cases c join people p on p.id = c.child_person_id where c.id = ${id}`),
            }),
          };
        };
      case 1:
        return async () => {
          const code = personalCode('adult');
          const { status, body } = await users.kov.send('POST', '/api/people', { personalCode: code, firstName: 'Pille', lastName: `Krahh${i}` });
          if (status !== 201) return status;
          const id = body.id as string;
          return {
            kind: 'person',
            id,
            check: checker('people', id, {
              'its personal code': (db) => count(db, sql<{ n: number }>`select count(*)::int as n from people where id = ${id} and personal_code = ${code}`),
              "the KOV's link": (db) => count(db, sql<{ n: number }>`select count(*)::int as n from person_links where person_id = ${id} and organisation_id = ${tartuId}`),
            }),
          };
        };
      case 2:
      case 5:
        return async () => {
          const { status, body } = await users.kov.send('POST', '/api/families', {
            type: 'hooldus',
            parents: [{ person: { firstName: 'Mari', lastName: `Krahh${i}`, birthDate: '1985-05-05' } }, { person: { firstName: 'Jüri', lastName: `Krahh${i}`, birthDate: '1983-03-03' } }],
            children: [{ person: { firstName: 'Mia', lastName: `Krahh${i}`, birthDate: '2016-01-01' }, arrivedOn: day(-30) }],
          });
          if (status !== 201) return status;
          const id = body.id as string;
          return {
            kind: 'family',
            id,
            check: checker('families', id, {
              'two parents': async (db) => ((await count(db, sql<{ n: number }>`select count(*)::int as n from family_parents where family_id = ${id}`)) === 2 ? 1 : 0),
              'its child': (db) => count(db, sql<{ n: number }>`select count(*)::int as n from family_children where family_id = ${id}`),
              'family_created event': (db) => count(db, sql<{ n: number }>`select count(*)::int as n from family_events where family_id = ${id} and kind = 'family_created'`),
            }),
          };
        };
      default:
        // A grant round of the ministry, then the KOV's application to it: two acknowledged writes in turn.
        return async () => {
          const round = await users.ministry.send('POST', '/api/grants/rounds', { measure: 'signs_of_safety', title: `Krahhitest ${tag}`, budgetCents: 10_000_000, announcedOn: day(-10), opensOn: day(-5) });
          if (round.status !== 201) return round.status;
          const roundId = round.body.id as string;
          const roundAck: Ack = { kind: 'grant round', id: roundId, check: checker('grant_rounds', roundId, {}) };
          const application = await users.kov.send('POST', `/api/grants/rounds/${roundId}/applications`, {}).catch(() => null);
          if (!application || application.status !== 201) return roundAck;
          pendingExtra.push({ kind: 'grant application', id: application.body.id, check: checker('grant_applications', application.body.id, { 'its round': (db) => count(db, sql<{ n: number }>`select count(*)::int as n from grant_applications where id = ${application.body.id} and round_id = ${roundId}`) }) });
          return roundAck;
        };
    }
  };
  return { first, more };
}

/** Acks produced inside a write besides its own (the grant application after its round). */
export const pendingExtra: Ack[] = [];

/**
 * Records that exist without their required parts, anywhere (acknowledged or
 * not: a write cut short by the kill must leave nothing or everything). Only
 * records created since `since` (demo data is written by the seed, not audited
 * per record).
 */
export async function halfWritten(db: Kysely<DB>, since: Date): Promise<string[]> {
  const checks: [string, ReturnType<typeof sql<{ id: string }>>][] = [
    ['case without its received event', sql<{ id: string }>`select c.id from cases c where c.created_at > ${since} and not exists (select 1 from case_events e where e.case_id = c.id and e.kind = 'received')`],
    ['case without its audit entry', sql<{ id: string }>`select c.id from cases c where c.created_at > ${since} and not exists (select 1 from audit_log a where a.record_id = c.id::text and a.action = 'create')`],
    ['family without parents', sql<{ id: string }>`select f.id from families f where f.created_at > ${since} and not exists (select 1 from family_parents p where p.family_id = f.id)`],
    ['family without its created event', sql<{ id: string }>`select f.id from families f where f.created_at > ${since} and not exists (select 1 from family_events e where e.family_id = f.id and e.kind = 'family_created')`],
    ['family without its audit entry', sql<{ id: string }>`select f.id from families f where f.created_at > ${since} and not exists (select 1 from audit_log a where a.record_id = f.id::text and a.action = 'create')`],
    ['proceeding without two parents and a child', sql<{ id: string }>`select m.id from mediation_proceedings m where m.created_at > ${since} and ((select count(*) from mediation_parties p where p.proceeding_id = m.id and p.role = 'parent') <> 2 or not exists (select 1 from mediation_parties p where p.proceeding_id = m.id and p.role = 'child'))`],
    ['agreement changing custody without a register delivery', sql<{ id: string }>`select a.id from mediation_agreements a where a.custody <> 'unchanged' and not exists (select 1 from mediation_register_outbox o where o.agreement_id = a.id)`],
    ['agreement whose proceeding is not in state agreement', sql<{ id: string }>`select a.id from mediation_agreements a join mediation_proceedings m on m.id = a.proceeding_id where m.status <> 'agreement'`],
    ['proceeding in state agreement without an agreement', sql<{ id: string }>`select m.id from mediation_proceedings m where m.status = 'agreement' and not exists (select 1 from mediation_agreements a where a.proceeding_id = m.id)`],
    ['agreement without its audit entry', sql<{ id: string }>`select a.id from mediation_agreements a where a.created_at > ${since} and not exists (select 1 from audit_log l where l.record_id = a.id::text and l.action = 'create')`],
    ['training group over its capacity', sql<{ id: string }>`select g.id from training_groups g where (select count(*) from training_registrations r where r.group_id = g.id and r.status = 'confirmed') > g.capacity_max`],
    ['registration without its audit entry', sql<{ id: string }>`select r.id from training_registrations r join training_groups g on g.id = r.group_id where g.created_at > ${since} and not exists (select 1 from audit_log a where a.record_id = r.id::text)`],
    ['person without any link', sql<{ id: string }>`select p.id from people p where p.created_at > ${since} and not exists (select 1 from person_links l where l.person_id = p.id)`],
  ];
  const found: string[] = [];
  for (const [what, query] of checks) {
    const { rows } = await query.execute(db);
    for (const r of rows) found.push(`${what}: ${r.id}`);
  }
  return found;
}
