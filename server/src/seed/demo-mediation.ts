import { createHash } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import { loadConfig } from '../config.js';
import { hashPassword } from '../platform/auth/passwords.js';
import { appendAudit } from '../platform/audit/audit.js';
import { addCalendarDays, todayInTallinn, type IsoDate } from '../platform/calendar/working-days.js';
import { renderPdf } from '../platform/documents/pdf.js';
import { parsePersonalCode, personalCodeCheckDigit } from '../modules/people/personal-code.js';
import { searchNameOf } from '../modules/people/rules.js';
import { encryptBytes } from '../modules/families/report-files.js';
import { encryptionKeyFrom } from '../platform/crypto/keys.js';
import { decisionDocument } from '../modules/mediation/documents.js';
import { freeSlots, type WeeklyWindow } from '../modules/mediation/rules.js';
import type { CustodyOutcome, MediationLanguage, MediationStatus, MediationTopic, Referrer } from '../modules/mediation/tables.js';
import { DEMO_PASSWORD } from './demo.js';

/**
 * Module E demo data, around `now`: the demo mediator Olga Ivanova
 * (perelepitaja@tugi.demo) and a colleague with published availability and
 * leave; the demo client Kati Karu's proceedings with Mart Karu (who can log in
 * too, mart.karu@tugi.demo) — a session held, the next one booked, a thread
 * with the mediator and an administrative decision she has not read yet — and
 * proceedings in every other state: waiting for the second parent's consent,
 * first meeting booked, an agreement delivered to the population register, one
 * whose delivery failed, one ended without agreement. Rows are written
 * directly (one transaction); does nothing when proceedings exist.
 */
const ORG = 'Perelepituse Keskus MTÜ';
const OLGA = 'perelepitaja@tugi.demo';
const JAANUS = { email: 'jaanus.jarv@tugi.demo', name: 'Jaanus Järv' };
const MART = 'mart.karu@tugi.demo';

const OLGA_WEEK: Omit<WeeklyWindow, 'validFrom' | 'validTo'>[] = [
  ...[1, 2, 3, 4].map((weekday) => ({ weekday, startsAt: '09:00', endsAt: '17:00' })),
  { weekday: 5, startsAt: '09:00', endsAt: '13:00' },
];
const JAANUS_WEEK: Omit<WeeklyWindow, 'validFrom' | 'validTo'>[] = [2, 4].map((weekday) => ({ weekday, startsAt: '10:00', endsAt: '16:00' }));

const code = (firstTen: string) => `${firstTen}${personalCodeCheckDigit(firstTen)}`;
type DemoPerson = { first: string; last: string; code: string };
const P = (first: string, last: string, firstTen: string): DemoPerson => ({ first, last, code: code(firstTen) });

interface DemoProceeding {
  status: MediationStatus;
  referredBy: Referrer;
  referrerName: string | null;
  referredDaysAgo: number;
  topics: MediationTopic[];
  description: string;
  language: MediationLanguage;
  kov: string;
  parents: [DemoPerson, DemoPerson];
  children: DemoPerson[];
  consented: [boolean, boolean];
  mediator: 'olga' | 'jaanus' | null;
  /** Days ago of held sessions; a positive `next` books the first free slot that many days ahead. */
  held: number[];
  next?: number;
  agreement?: { daysAgo: number; custody: CustodyOutcome; summary: string; delivery: 'delivered' | 'failed' };
  ended?: { daysAgo: number; reason: string };
}

const KATI = P('Kati', 'Karu', '4850612025');
const PROCEEDINGS: DemoProceeding[] = [
  {
    status: 'in_mediation', referredBy: 'court', referrerName: 'Tartu Maakohus', referredDaysAgo: 30, topics: ['custody', 'residence', 'contact'], language: 'et', kov: 'Tartu linn',
    description: 'Vanemad elavad lahus alates 2025. aasta kevadest. Vaja on kokku leppida laste elukoht, suhtluskord isaga ja koolivaheaegade jagamine.',
    parents: [KATI, P('Mart', 'Karu', '3830315123')], children: [P('Mia', 'Karu', '6160510027'), P('Rasmus', 'Karu', '5190902031')],
    consented: [true, true], mediator: 'olga', held: [14], next: 7,
  },
  {
    status: 'agreement', referredBy: 'kov', referrerName: 'Narva linn', referredDaysAgo: 75, topics: ['custody', 'contact'], language: 'ru', kov: 'Narva linn',
    description: 'Родители договариваются о порядке общения и изменении совместной опеки.',
    parents: [P('Irina', 'Smirnova', '4860404056'), P('Ivan', 'Smirnov', '3801120045')], children: [P('Maria', 'Smirnova', '6110930044')],
    consented: [true, true], mediator: 'olga', held: [45, 30],
    agreement: { daysAgo: 20, custody: 'changes_joint', delivery: 'delivered', summary: 'Ühine hooldusõigus jääb, kuid igapäevaseid koolikorralduslikke otsuseid teeb ema; isaga suhtlus igal teisel nädalavahetusel.' },
  },
  {
    status: 'referred', referredBy: 'parents', referrerName: null, referredDaysAgo: 4, topics: ['contact'], language: 'et', kov: 'Tallinn',
    description: 'Vanemad soovivad kokku leppida suhtluskorra ja jõulupühade jagamise.',
    parents: [P('Liis', 'Tamm', '4900220062'), P('Tarmo', 'Tamm', '3880707071')], children: [P('Kirke', 'Tamm', '6180311084')],
    consented: [true, false], mediator: null, held: [],
  },
  {
    status: 'first_meeting_booked', referredBy: 'ska', referrerName: 'SKA lastekaitse osakond', referredDaysAgo: 10, topics: ['residence', 'maintenance'], language: 'et', kov: 'Pärnu linn',
    description: 'Lapse elukoha ja ülalpidamise küsimused pärast vanemate lahkuminekut.',
    parents: [P('Anna', 'Kask', '4920918093'), P('Kaspar', 'Kask', '3900101107')], children: [P('Oskar', 'Kask', '5170425115')],
    consented: [true, true], mediator: 'jaanus', held: [], next: 3,
  },
  {
    status: 'agreement', referredBy: 'court', referrerName: 'Harju Maakohus', referredDaysAgo: 90, topics: ['custody'], language: 'et', kov: 'Maardu linn',
    description: 'Ema taotleb ühise hooldusõiguse lõpetamist.',
    parents: [P('Jelena', 'Volkova', '4870606128'), P('Sergei', 'Volkov', '3850505136')], children: [P('Nikita', 'Volkov', '5150815148')],
    consented: [true, true], mediator: 'olga', held: [60, 50],
    agreement: { daysAgo: 40, custody: 'ends_joint', delivery: 'failed', summary: 'Vanemad lepivad kokku ühise hooldusõiguse lõpetamises; hooldusõigus jääb emale, isaga suhtlus kokkuleppel.' },
  },
  {
    status: 'ended_without_agreement', referredBy: 'kov', referrerName: 'Tartu linn', referredDaysAgo: 70, topics: ['contact', 'other'], language: 'et', kov: 'Elva vald',
    description: 'Suhtluskorra muutmine; vanemad ei jõudnud kokkuleppele.',
    parents: [P('Eeva', 'Lepp', '4891212155'), P('Rein', 'Lepp', '3870303163')], children: [P('Laura', 'Lepp', '6140707171')],
    consented: [true, true], mediator: 'olga', held: [55], ended: { daysAgo: 48, reason: 'Vanemad ei jõudnud kokkuleppele; soovitatud pöörduda kohtusse.' },
  },
];

const DAY = 86_400_000;
/** The i-th demo proceeding's reference (the year of its referral, as the service numbers them). */
const referenceOf = (today: IsoDate, i: number) => `PL-${addCalendarDays(today, -PROCEEDINGS[i]!.referredDaysAgo).slice(0, 4)}-${String(i + 1).padStart(5, '0')}`;

export async function seedDemoMediation(db: Kysely<DB>, options: { now?: Date; passwordHash?: string } = {}): Promise<{ proceedings: number }> {
  const any = await db.selectFrom('mediation_proceedings').select('id').limit(1).executeTakeFirst();
  if (any) return { proceedings: 0 };
  const olga = await db.selectFrom('users').select(['id', 'organisation_id']).where('email', '=', OLGA).executeTakeFirst();
  if (!olga) return { proceedings: 0 };
  const now = options.now ?? new Date();
  const today = todayInTallinn(now);
  const passwordHash = options.passwordHash ?? (await hashPassword(DEMO_PASSWORD));
  const key = encryptionKeyFrom(loadConfig());
  // The decision PDF is made before the transaction (no I/O inside it beyond the database).
  const decision = { number: '7.2-4/26-101', title: 'Otsus riikliku perelepitusteenuse osutamise kohta', body: DECISION_BODY, decidedBy: 'Kadri Kask', createdAt: new Date(now.getTime() - 10 * DAY) };
  const decisionPdf = await renderPdf(
    decisionDocument({ reference: referenceOf(today, 0), language: 'et' }, KATI_PARTIES.map((x) => ({ role: x.role, first_name: x.first, last_name: x.last })), decision),
  );

  return db.transaction().execute(async (trx) => {
    const org = await trx.selectFrom('organisations').select('id').where('name', '=', ORG).executeTakeFirstOrThrow();
    const ska = await trx.selectFrom('organisations').select('id').where('kind', '=', 'ska').executeTakeFirstOrThrow();
    const kadri = await trx.selectFrom('users').select('id').where('email', '=', 'kontakt@tugi.demo').executeTakeFirstOrThrow();
    const jaanus = await trx.insertInto('users').values({ email: JAANUS.email, name: JAANUS.name, role: 'mediator', organisation_id: org.id, password_hash: passwordHash }).returning('id').executeTakeFirstOrThrow();
    const mediators = { olga: olga.id, jaanus: jaanus.id };
    const validFrom = addCalendarDays(today, -120);
    await trx
      .insertInto('mediators')
      .values([
        { user_id: olga.id, regions: ['north', 'east', 'south'], languages: ['et', 'ru', 'en'] },
        { user_id: jaanus.id, regions: ['south', 'west'], languages: ['et'] },
      ])
      .execute();
    const windows = { olga: OLGA_WEEK.map((w) => ({ ...w, validFrom, validTo: null })), jaanus: JAANUS_WEEK.map((w) => ({ ...w, validFrom, validTo: null })) };
    await trx
      .insertInto('mediation_availability')
      .values([
        ...windows.olga.map((w) => ({ mediator_id: olga.id, weekday: w.weekday, starts_at: w.startsAt, ends_at: w.endsAt, valid_from: validFrom })),
        ...windows.jaanus.map((w) => ({ mediator_id: jaanus.id, weekday: w.weekday, starts_at: w.startsAt, ends_at: w.endsAt, valid_from: validFrom })),
      ])
      .execute();
    const leaveStart = addCalendarDays(today, 35);
    await trx.insertInto('mediation_leave').values({ mediator_id: olga.id, starts_on: leaveStart, ends_on: addCalendarDays(leaveStart, 4), note: 'Puhkus' }).execute();

    const kovs = await trx.selectFrom('organisations').select(['id', 'name']).where('kind', '=', 'kov').execute();
    const existing = await trx.selectFrom('people').select(['id', 'personal_code']).execute();
    const personId = async (p: DemoPerson) => {
      const found = existing.find((e) => e.personal_code === p.code);
      if (found) return found.id;
      const parsed = parsePersonalCode(p.code);
      if (!parsed.ok) throw new Error(`demo personal code ${p.code} is invalid`);
      const row = await trx
        .insertInto('people')
        .values({ personal_code: p.code, first_name: p.first, last_name: p.last, search_name: searchNameOf(p.first, p.last), birth_date: parsed.birthDate, sex: Number(p.code[0]) % 2 ? 'male' : 'female' })
        .returning('id')
        .executeTakeFirstOrThrow();
      existing.push({ id: row.id, personal_code: p.code });
      return row.id;
    };
    /** A session on the mediator's grid: the first slot of the first day with one, from `day` on. */
    const gridSlot = (who: 'olga' | 'jaanus', day: IsoDate, taken: { startsAt: Date; blockedUntil: Date }[], at: Date) => {
      const slot = freeSlots({ from: day, to: addCalendarDays(day, 14), windows: windows[who], leave: [], taken, sessionMinutes: 90, bufferMinutes: 15, now: at })[0]!;
      return { startsAt: slot.startsAt, endsAt: slot.endsAt, blockedUntil: new Date(slot.endsAt.getTime() + 15 * 60_000) };
    };
    const taken: Record<'olga' | 'jaanus', { startsAt: Date; blockedUntil: Date }[]> = { olga: [], jaanus: [] };

    let n = 0;
    for (const d of PROCEEDINGS) {
      n += 1;
      const referredOn = addCalendarDays(today, -d.referredDaysAgo);
      const reference = referenceOf(today, n - 1);
      const mediatorId = d.mediator ? mediators[d.mediator] : null;
      const { id } = await trx
        .insertInto('mediation_proceedings')
        .values({
          reference,
          status: d.status,
          referred_by: d.referredBy,
          referrer_name: d.referrerName,
          referred_on: referredOn,
          topics: d.topics,
          description: d.description,
          language: d.language,
          mediator_id: mediatorId,
          assigned_at: mediatorId ? new Date(now.getTime() - (d.referredDaysAgo - 2) * DAY) : null,
          assignment_reason: d.mediator === 'olga' && n === 1 ? 'preferred' : mediatorId ? 'automatic' : null,
          ended_on: d.agreement ? addCalendarDays(today, -d.agreement.daysAgo) : d.ended ? addCalendarDays(today, -d.ended.daysAgo) : null,
          end_reason: d.ended?.reason ?? null,
          created_by: kadri.id,
          created_at: new Date(now.getTime() - d.referredDaysAgo * DAY),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await sql`select setval('mediation_reference_seq', ${n})`.execute(trx);
      const kov = kovs.find((k) => k.name === d.kov)?.id ?? null;
      const parentIds = [await personId(d.parents[0]), await personId(d.parents[1])];
      const childIds = [];
      for (const c of d.children) childIds.push(await personId(c));
      await trx
        .insertInto('mediation_parties')
        .values([
          ...parentIds.map((pid, i) => ({
            proceeding_id: id,
            person_id: pid,
            role: 'parent' as const,
            position: i + 1,
            address: i === 0 ? `${d.kov.replace(/ (linn|vald)$/, '')}, Kesk tn ${10 + n}` : `${d.kov.replace(/ (linn|vald)$/, '')}, Aia tn ${3 + n}`,
            kov_organisation_id: kov,
            phone: `+372 5${n}${i} 1234`,
            email: `${d.parents[i]!.first.toLowerCase()}.${d.parents[i]!.last.toLowerCase()}@example.ee`.normalize('NFD').replace(/[\u0300-\u036f]/g, ''),
            consented_at: d.consented[i] ? new Date(now.getTime() - (d.referredDaysAgo - 1) * DAY) : null,
            preferred_mediator_id: n === 1 && i === 0 ? olga.id : null,
          })),
          ...childIds.map((pid, i) => ({ proceeding_id: id, person_id: pid, role: 'child' as const, position: 3 + i })),
        ])
        .execute();
      const people = [...parentIds, ...childIds];
      await trx
        .insertInto('person_links')
        .values([
          ...people.map((pid) => ({ person_id: pid, organisation_id: ska.id, user_id: null, reason: 'mediation' })),
          ...(mediatorId ? people.map((pid) => ({ person_id: pid, organisation_id: org.id, user_id: mediatorId, reason: `mediation:${id}` })) : []),
        ])
        .onConflict((oc) => oc.doNothing())
        .execute();

      if (d.mediator) {
        const who = d.mediator;
        for (const ago of d.held) {
          const s = gridSlot(who, addCalendarDays(today, -ago), taken[who], new Date(0));
          taken[who].push(s);
          await trx.insertInto('mediation_bookings').values({ proceeding_id: id, mediator_id: mediators[who], starts_at: s.startsAt, ends_at: s.endsAt, blocked_until: s.blockedUntil, status: 'held', booked_by: mediators[who], created_at: new Date(s.startsAt.getTime() - 7 * DAY) }).execute();
        }
        if (d.next) {
          const s = gridSlot(who, addCalendarDays(today, d.next), taken[who], now);
          taken[who].push(s);
          const bookedBy = n === 1 ? (await trx.selectFrom('users').select('id').where('email', '=', 'lapsevanem@tugi.demo').executeTakeFirstOrThrow()).id : mediators[who];
          await trx.insertInto('mediation_bookings').values({ proceeding_id: id, mediator_id: mediators[who], starts_at: s.startsAt, ends_at: s.endsAt, blocked_until: s.blockedUntil, booked_by: bookedBy }).execute();
        }
      }
      if (d.agreement) {
        const concludedOn = addCalendarDays(today, -d.agreement.daysAgo);
        const agreement = await trx
          .insertInto('mediation_agreements')
          .values({ proceeding_id: id, concluded_on: concludedOn, custody: d.agreement.custody, child_person_ids: childIds, summary: d.agreement.summary, created_by: mediators[d.mediator!] })
          .returning('id')
          .executeTakeFirstOrThrow();
        const at = new Date(now.getTime() - d.agreement.daysAgo * DAY);
        const person = (p: DemoPerson) => ({ personalCode: p.code, firstName: p.first, lastName: p.last, birthDate: (parsePersonalCode(p.code) as { birthDate: string }).birthDate });
        const payload = { agreementId: agreement.id, proceedings: reference, concludedOn, custody: d.agreement.custody, summary: d.agreement.summary, parents: d.parents.map(person), children: d.children.map(person), mediator: 'Olga Ivanova', sender: 'Sotsiaalkindlustusamet' };
        const delivered = d.agreement.delivery === 'delivered';
        await trx
          .insertInto('mediation_register_outbox')
          .values({
            agreement_id: agreement.id,
            payload: JSON.stringify(payload),
            status: delivered ? 'delivered' : 'failed',
            attempts: delivered ? 1 : 12,
            next_attempt_at: at,
            last_attempt_at: new Date(at.getTime() + (delivered ? 60_000 : 2 * DAY)),
            last_error: delivered ? null : 'HTTP 503: rahvastikuregister ei vasta (hooldustööd)',
            delivered_at: delivered ? new Date(at.getTime() + 60_000) : null,
            register_reference: delivered ? `RR-${concludedOn.slice(0, 4)}-${String(480 + n).padStart(6, '0')}` : null,
            created_at: at,
          })
          .execute();
      }
      if (n === 1) await seedCorrespondence(trx, { proceedingId: id, reference, mediatorId: olga.id, skaContactId: kadri.id, now, key, decision, decisionPdf });
    }

    // Mart Karu, the other parent of Kati's proceedings, uses the self-service too.
    const mart = await trx.selectFrom('people').select(['id', 'personal_code']).where('personal_code', '=', PROCEEDINGS[0]!.parents[1].code).executeTakeFirstOrThrow();
    const selfService = await trx.selectFrom('users').select('organisation_id').where('email', '=', 'lapsevanem@tugi.demo').executeTakeFirstOrThrow();
    await trx.insertInto('users').values({ email: MART, name: 'Mart Karu', role: 'client', organisation_id: selfService.organisation_id, person_id: mart.id, personal_code: mart.personal_code, password_hash: passwordHash }).execute();
    await appendAudit(trx, { actor: null, ip: null }, [{ action: 'create', recordType: 'seed', recordId: 'demo-mediation' }]);
    return { proceedings: PROCEEDINGS.length };
  });
}

const KATI_PARTIES = [
  { role: 'parent' as const, first: 'Kati', last: 'Karu' },
  { role: 'parent' as const, first: 'Mart', last: 'Karu' },
  { role: 'child' as const, first: 'Mia', last: 'Karu' },
  { role: 'child' as const, first: 'Rasmus', last: 'Karu' },
];

const DECISION_BODY = [
  'Sotsiaalkindlustusamet rahuldab Kati Karu ja Mart Karu taotluse riikliku perelepitusteenuse saamiseks.',
  'Teenust osutab perelepitaja Olga Ivanova (Perelepituse Keskus MTÜ). Teenus on vanematele tasuta ja kestab kuni kuus kuud otsuse tegemisest.',
  'Otsust on võimalik vaidlustada 30 päeva jooksul, esitades vaide Sotsiaalkindlustusametile või kaebuse halduskohtule.',
].join('\n\n');

/** Kati Karu's correspondence: a thread with the mediator (read by both) and SKA's decision as a PDF, not read by her yet. */
async function seedCorrespondence(
  trx: Transaction<DB>,
  c: { proceedingId: string; reference: string; mediatorId: string; skaContactId: string; now: Date; key: Buffer; decision: { number: string; title: string; body: string; createdAt: Date }; decisionPdf: Buffer },
) {
  const kati = await trx.selectFrom('users').select('id').where('email', '=', 'lapsevanem@tugi.demo').executeTakeFirstOrThrow();
  const at = (daysAgo: number, hour = 10) => new Date(c.now.getTime() - daysAgo * DAY + hour * 60_000);
  const thread = await trx.insertInto('mediation_threads').values({ proceeding_id: c.proceedingId, subject: 'Järgmine kohtumine', created_by: c.mediatorId, created_at: at(13), last_message_at: at(12) }).returning('id').executeTakeFirstOrThrow();
  const first = await trx
    .insertInto('mediation_messages')
    .values({ thread_id: thread.id, proceeding_id: c.proceedingId, author_id: c.mediatorId, body: 'Tere! Aitäh eilse kohtumise eest. Palun broneerige järgmine aeg iseteeninduses; võtke kaasa laste koolivaheaegade kalender.', created_at: at(13) })
    .returning('id')
    .executeTakeFirstOrThrow();
  const second = await trx
    .insertInto('mediation_messages')
    .values({ thread_id: thread.id, proceeding_id: c.proceedingId, author_id: kati.id, body: 'Tere! Broneerisin aja. Kalendri võtan kaasa.', created_at: at(12) })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('mediation_message_reads')
    .values([
      { message_id: first.id, user_id: c.mediatorId, read_at: at(13) },
      { message_id: first.id, user_id: kati.id, read_at: at(12) },
      { message_id: second.id, user_id: kati.id, read_at: at(12) },
      { message_id: second.id, user_id: c.mediatorId, read_at: at(11) },
    ])
    .execute();
  const decisionThread = await trx.insertInto('mediation_threads').values({ proceeding_id: c.proceedingId, subject: c.decision.title, created_by: c.skaContactId, created_at: c.decision.createdAt, last_message_at: c.decision.createdAt }).returning('id').executeTakeFirstOrThrow();
  const message = await trx
    .insertInto('mediation_messages')
    .values({ thread_id: decisionThread.id, proceeding_id: c.proceedingId, author_id: c.skaContactId, kind: 'decision', body: c.decision.body, decision_number: c.decision.number, created_at: c.decision.createdAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx.insertInto('mediation_message_reads').values({ message_id: message.id, user_id: c.skaContactId, read_at: c.decision.createdAt }).execute();
  await trx
    .insertInto('mediation_files')
    .values({
      proceeding_id: c.proceedingId,
      message_id: message.id,
      filename: `otsus-${c.decision.number.replace(/[^\p{L}\p{N}-]/gu, '_')}.pdf`,
      content_type: 'application/pdf',
      size: c.decisionPdf.length,
      sha256: createHash('sha256').update(c.decisionPdf).digest('hex'),
      ciphertext: encryptBytes(c.key, c.decisionPdf),
      uploaded_by: c.skaContactId,
      created_at: c.decision.createdAt,
    })
    .execute();
}
