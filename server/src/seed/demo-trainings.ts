import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import { hashPassword } from '../platform/auth/passwords.js';
import { addCalendarDays, isWorkingDay, todayInTallinn, type IsoDate } from '../platform/calendar/working-days.js';
import { normaliseName } from '../modules/people/rules.js';
import { defaultCutoff, trainingReference } from '../modules/trainings/rules.js';
import type { AttendanceStatus, TrainingForm } from '../modules/trainings/tables.js';
import { DEMO_PASSWORD } from './demo.js';
import { prng, pick, type Random } from './random.js';

/**
 * Module C demo data: the 2024 attachment training of seed 004 (two groups in
 * Tallinn, one in Tartu, 15–25 places, 8 academic hours in one day) and the
 * 2025 courses of seed 002 with their numbers of groups, all held, with
 * attendance, certificates and feedback; and around today a new edition with
 * a group open for registration, a full group with a waitlist and a group
 * under its minimum after its cut-off (SKA's C-4 warning), a group the demo
 * trainer still has to take attendance for, a held one whose questionnaire
 * the demo KOV worker has yet to answer, a training only for the RV
 * municipalities and a draft. 002 names the 2025 courses and their groups but
 * not their volumes or dates: those are illustrative. Deterministic for a day;
 * does nothing when trainings exist.
 */

const FIRST = ['Mari', 'Kati', 'Liis', 'Anu', 'Tiina', 'Kadri', 'Piret', 'Merike', 'Helen', 'Kristi', 'Triin', 'Jaanika', 'Eve', 'Siret', 'Andres', 'Margus', 'Olga', 'Svetlana', 'Irina', 'Natalja', 'Marko', 'Kaja', 'Reet', 'Ülle'];
const LAST = ['Tamm', 'Saar', 'Sepp', 'Mägi', 'Kask', 'Kukk', 'Rebane', 'Pärn', 'Koppel', 'Lepik', 'Põder', 'Oja', 'Ivanova', 'Smirnova', 'Vaher', 'Kallas', 'Luik', 'Raudsepp', 'Lõhmus', 'Kivi', 'Jõgi', 'Toom', 'Org', 'Nurm'];
/** Municipalities whose child protection workers take part, with how many of them are in Tugi. */
const KOVS: [string, number][] = [
  ['Tallinna linn', 16], ['Tartu linn', 6], ['Narva linn', 6], ['Pärnu linn', 6], ['Kohtla-Järve linn', 4], ['Viljandi linn', 3], ['Rakvere linn', 3], ['Saaremaa vald', 4],
  ['Võru linn', 3], ['Elva vald', 3], ['Rapla vald', 3], ['Jõhvi vald', 3], ['Haapsalu linn', 3], ['Harku vald', 3], ['Viimsi vald', 3], ['Rae vald', 3],
  ['Saue vald', 3], ['Maardu linn', 2], ['Valga vald', 2], ['Põlva vald', 2], ['Paide linn', 2], ['Jõgeva vald', 2], ['Türi vald', 2], ['Kambja vald', 2],
  ['Lääne-Harju vald', 2], ['Sillamäe linn', 2], ['Saarde vald', 2], ['Viljandi vald', 2], ['Hiiumaa vald', 2], ['Märjamaa vald', 2], ['Kuusalu vald', 2], ['Anija vald', 2],
];
/** The demo KOV worker's colleagues in Tartu, whom she may register (C-3). */
const TARTU_COLLEAGUES = ['Kadri Saar', 'Marko Põld', 'Eve Kuusik'];
const PROVIDERS = { kompass: 'Koolituskeskus Kompass OÜ', lhk: 'Lapse Heaolu Koolitused MTÜ' } as const;
const TRAINERS = [
  { email: 'jaak.kivi@tugi.demo', name: 'Jaak Kivi', provider: PROVIDERS.kompass },
  { email: 'krista.luik@tugi.demo', name: 'Krista Luik', provider: PROVIDERS.lhk },
];
const SKA_ROOM = 'Sotsiaalkindlustusameti koolitusruum';

const TARGET_KOV = 'Kohaliku omavalitsuse lastekaitse- ja peretöötajad ning lastekaitsetöötaja ülesandeid täitvad töötajad.';
const ATTACHMENT = {
  title: 'Laste ja perede kiindumussuhte toetamine lastekaitsetöös',
  curriculum:
    'Koolituse läbinud osalejad mõistavad perekonda kui süsteemi ning selles toimuvaid protsesse lähtudes varasest kiindumussuhtest lapse arengu mõjutajana ja toetavad oma töövaldkonna piires turvalise kiindumussuhte kujunemist perekonnas.\n\nKoolituse aluseks on Sotsiaalkindlustusameti õpidisaineri poolt kinnitatud õppekava (hanke lisa 3). Kontaktõpe füüsilises ruumis; ruumi tagab tellija.',
  topics: [
    'Perekond kui süsteem oma hierarhia ja ülesehitusega, perekonna kaardistamine (sh genogrammi koostamine) lapse ja pere heaolu soodustamiseks ja kaasamiseks',
    'Perekonna emotsionaalsed protsessid, arengufaasid, arengukriisid ja lapse toe vajadus',
    'Kiindumussuhte areng ja selle mõjud lapse- ja täiskasvanueas ning kiindumussuhete häired J. Bowlby järgi',
    'Kiindumussuhte ja vanemluse toetamise võimalused laste heaolu valdkonnas koostöös võrgustikuliikmetega',
    'Vestlus lapse ja perega, perekohtumise läbiviimine ja teenuste planeerimine, esmase sekkumise kavandamine',
  ],
  targetGroup: 'Osaleja töötab lastekaitse- või peretöötajana kohalikus omavalitsuses või täidab lastekaitsetöötaja ülesandeid.',
};

interface CourseSpec {
  title: string;
  topics: string[];
  hours: number;
  days: number;
  form?: TrainingForm;
  provider: keyof typeof PROVIDERS;
  capacity: [number, number];
  /** Cities of the groups (002 gives their number); none for a course without groups. */
  cities: string[];
  note?: string;
}

/** 002 "Lastekaitsevaldkonna pädevused ja täienduskoolitused": the 2025 courses and their groups. */
const COURSES_2025: CourseSpec[] = [
  { title: 'Lastekaitsetöö põhialused (e-kursus)', topics: ['Lastekaitsetöö õiguslik ja eetiline alus', 'Lapse abivajaduse märkamine ja hindamine', 'Juhtumitöö ja võrgustikutöö põhimõtted'], hours: 20, days: 1, form: 'online', provider: 'kompass', capacity: [1, 500], cities: [], note: 'Iseseisvalt läbitav e-kursus (valmis 2025. aasta märtsis); gruppe ei moodustata.' },
  { title: 'Kovisioon lastekaitsetöötajatele', topics: ['Kovisiooni meetod ja rollid', 'Juhtumite arutelu kolleegide toel', 'Professionaalne enesehoid'], hours: 24, days: 4, provider: 'lhk', capacity: [8, 12], cities: ['Tallinn', 'Tartu', 'Pärnu', 'Jõhvi', 'Rakvere'], note: 'Viis koolitusgruppi eri piirkondades.' },
  { title: 'Teematöötuba: käitumisprobleemide ennetamine ja lapsega vestlemine', topics: ['Laste ja noorte käitumisprobleemide ennetamine ja sekkumine', 'Lapsega vestlemine'], hours: 4, days: 1, provider: 'kompass', capacity: [10, 20], cities: ['Tallinn', 'Tartu', 'Narva', 'Pärnu', 'Viljandi'] },
  { title: 'Lastekaitsetöö õiguslikud alused', topics: ['Lastekaitseseadus ja sotsiaalhoolekande seadus', 'Haldusmenetlus lastekaitsetöös', 'Kohtumenetlus ja KOV-i roll'], hours: 16, days: 2, provider: 'lhk', capacity: [15, 25], cities: ['Tallinn', 'Tartu', 'Jõhvi'] },
  { title: 'Lapse ja pere abivajaduse hindamine', topics: ['Lapse heaolu hindamise käsiraamat', 'Abivajaduse hindamine STAR-is', 'Juhtumiplaan ja tegevuskava'], hours: 24, days: 3, provider: 'kompass', capacity: [15, 25], cities: ['Tallinn', 'Tallinn', 'Tartu', 'Pärnu', 'Narva'] },
  { title: 'Lastega vestlemine', topics: ['Vestluse ettevalmistamine ja keskkond', 'Eri vanuses laste kaasamine', 'Raske teema käsitlemine lapsega'], hours: 16, days: 2, provider: 'lhk', capacity: [12, 20], cities: ['Tallinn', 'Tartu'] },
  { title: 'Lahenduskeskne lähenemine lastekaitsetöös', topics: ['Lahenduskesksed küsimused', 'Pere ressursside märkamine', 'Eesmärkide seadmine koos perega'], hours: 16, days: 2, provider: 'kompass', capacity: [15, 25], cities: ['Tallinn', 'Tartu'] },
  { title: 'Traumateadlik ja kiindumuspõhine lähenemine lastekaitsetöös', topics: ['Trauma mõju lapse arengule', 'Kiindumuspõhine suhtlemine perega', 'Töötaja enesehoid'], hours: 16, days: 2, provider: 'kompass', capacity: [15, 25], cities: ['Tallinn', 'Tartu', 'Pärnu'] },
  { title: 'Keeruliste vestluste läbiviimine lastekaitsetöös', topics: ['Konfliktsed ja emotsionaalsed vestlused', 'Deeskaleerimine', 'Vestluse dokumenteerimine'], hours: 8, days: 1, provider: 'lhk', capacity: [15, 25], cities: ['Tallinn', 'Tartu', 'Narva'] },
  { title: 'Laste heaolu valdkonna juhtide arenguprogramm', topics: ['Inimeste ja teenuste juhtimine', 'Õigusaktide koostamine ja kohtutega suhtlemine', 'Valdkonna arenduste ja koostöö eestvedamine'], hours: 48, days: 6, provider: 'lhk', capacity: [12, 20], cities: [], note: 'Juhtidele, kes tegelevad igapäevaselt inimeste ja teenuste juhtimise, õigusaktide koostamise, kohtutega suhtlemise ning valdkonna arenduste ja koostöö eestvedamisega.' },
];

const COMMENTS_USEFUL = ['Genogrammi koostamine praktikas', 'Juhtumianalüüsid väikestes gruppides', 'Konkreetsed vestlustehnikad', 'Kolleegidega kogemuste vahetamine', 'Koolitaja näited oma praktikast', 'Selged materjalid, mida saab tööl kasutada'];
const COMMENTS_IMPROVE = ['Rohkem aega praktilistele harjutustele', 'Päev oli liiga tihe', 'Materjalid võiksid olla varem kättesaadavad', 'Rohkem näiteid väikestest omavalitsustest', 'Ruum oli kitsas'];

type Db = Kysely<DB> | Transaction<DB>;

/** The nearest working day on or after (dir 1) or on or before (dir -1) `date`. */
function workday(date: IsoDate, dir: 1 | -1): IsoDate {
  let d = date;
  while (!isWorkingDay(d)) d = addCalendarDays(d, dir);
  return d;
}

/** `days` working days from `first` on (a multi-day training meets on consecutive working days, or weekly with `weekly`). */
function sessionDays(first: IsoDate, days: number, weekly = false): IsoDate[] {
  const out = [workday(first, 1)];
  while (out.length < days) out.push(workday(addCalendarDays(out[out.length - 1]!, weekly ? 14 : 1), 1));
  return out;
}

const slug = (name: string) => normaliseName(name).replace(/ /g, '.');

interface Worker {
  id: string;
  organisationId: string;
}

interface GroupPlan {
  city: string | null;
  venue: string | null;
  days: IsoDate[];
  capacity: [number, number];
  trainer: string | null;
  cutoff?: IsoDate;
  confirmed: number;
  waitlisted?: number;
  /** Attendance and feedback for a held group (all sessions past). */
  held?: { feedbackShare: number };
  /** People who must be in this group (the demo KOV worker, a colleague). */
  include?: { id: string; organisationId: string; status?: 'confirmed' | 'waitlisted'; attendance?: AttendanceStatus; feedback?: boolean }[];
}

interface TrainingPlan {
  title: string;
  curriculum: string;
  topics: string[];
  targetGroup: string;
  hours: number;
  days: number;
  form: TrainingForm;
  provider: string;
  window: [IsoDate, IsoDate];
  status?: 'draft' | 'published';
  eligible?: string[];
  groups: GroupPlan[];
}

export interface DemoTrainingsResult {
  trainings: number;
  groups: number;
  registrations: number;
}

/** Loads the module C demo; `passwordHash` (the demo password's) is computed when not given. */
export async function seedDemoTrainings(db: Kysely<DB>, options: { now?: Date; passwordHash?: string } = {}): Promise<DemoTrainingsResult> {
  const none = { trainings: 0, groups: 0, registrations: 0 };
  if (await db.selectFrom('trainings').select('id').limit(1).executeTakeFirst()) return none;
  const kov = await db.selectFrom('users').select(['id', 'organisation_id']).where('email', '=', 'kov@tugi.demo').executeTakeFirst();
  const helen = await db.selectFrom('users').select(['id']).where('email', '=', 'koolitaja@tugi.demo').executeTakeFirst();
  const manager = await db.selectFrom('users').select(['id']).where('email', '=', 'juht@tugi.demo').executeTakeFirst();
  if (!kov || !helen) return none;
  const passwordHash = options.passwordHash ?? (await hashPassword(DEMO_PASSWORD));
  const today = todayInTallinn(options.now ?? new Date());
  const random = prng(20240515);
  return db.transaction().execute(async (trx) => {
    const orgs = await trx.selectFrom('organisations').select(['id', 'name', 'kind']).execute();
    if (!orgs.some((o) => o.name === PROVIDERS.lhk)) await trx.insertInto('organisations').values({ name: PROVIDERS.lhk, kind: 'training_provider', registry_code: '80054321', county: null, population: null, regional_specialist_id: null }).execute();
    const orgId = async (name: string) => (await trx.selectFrom('organisations').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
    const providerIds = { [PROVIDERS.kompass]: await orgId(PROVIDERS.kompass), [PROVIDERS.lhk]: await orgId(PROVIDERS.lhk) } as Record<string, string>;
    const trainerIds = new Map<string, string>([['Helen Org', helen.id]]);
    for (const t of TRAINERS) {
      const existing = await trx.selectFrom('users').select('id').where('email', '=', t.email).executeTakeFirst();
      const row = existing ?? (await trx.insertInto('users').values({ email: t.email, name: t.name, role: 'trainer', organisation_id: providerIds[t.provider]!, password_hash: passwordHash }).returning('id').executeTakeFirstOrThrow());
      trainerIds.set(t.name, row.id);
    }
    const workers = await seedWorkers(trx, random, kov);
    const tartu = kov.organisation_id;
    const colleagues = workers.filter((w) => w.organisationId === tartu && w.id !== kov.id);
    const rv = (await trx.selectFrom('rv_municipalities').select('organisation_id').where('period_start', '=', 2024).execute()).map((r) => r.organisation_id);
    const plans = trainingPlans(today, { kov, colleagues, trainer: (name) => trainerIds.get(name)!, providers: providerIds, rv });
    let groups = 0;
    let registrations = 0;
    const taken = new Map<number, number>();
    for (const plan of plans) {
      const year = Number(plan.window[0].slice(0, 4));
      const n = (taken.get(year) ?? 0) + 1;
      taken.set(year, n);
      const training = await trx
        .insertInto('trainings')
        .values({
          reference: trainingReference(year, n),
          title: plan.title,
          curriculum: plan.curriculum,
          topics: JSON.stringify(plan.topics),
          target_group: plan.targetGroup,
          eligible_organisation_ids: plan.eligible ? JSON.stringify(plan.eligible) : null,
          academic_hours: plan.hours,
          days: plan.days,
          form: plan.form,
          provider_organisation_id: plan.provider,
          window_start: plan.window[0],
          window_end: plan.window[1],
          status: plan.status ?? 'published',
          created_by: manager?.id ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      // The demo KOV worker is only where a plan names her, so her own registrations tell a clear story.
      const pool = shuffle(random, workers.filter((w) => w.id !== kov.id && (!plan.eligible || plan.eligible.includes(w.organisationId))));
      const used = new Set<string>(plan.groups.flatMap((g) => (g.include ?? []).map((i) => i.id)));
      for (const [i, g] of plan.groups.entries()) {
        registrations += await seedGroup(trx, random, { trainingId: training.id, number: i + 1, plan: g, pool, used, today, createdBy: manager?.id ?? null });
        groups += 1;
      }
    }
    return { trainings: plans.length, groups, registrations };
  });
}

async function seedWorkers(trx: Transaction<DB>, random: Random, kov: { id: string; organisation_id: string }): Promise<Worker[]> {
  const kovs = await trx.selectFrom('organisations').select(['id', 'name']).where('kind', '=', 'kov').execute();
  const rows: { email: string; name: string; organisation_id: string; locale: 'et' | 'ru' }[] = [];
  let serial = 0;
  for (const [name, count] of KOVS) {
    const org = kovs.find((k) => k.name === name);
    if (!org) continue;
    const names = org.id === kov.organisation_id ? TARTU_COLLEAGUES : Array.from({ length: count }, () => `${pick(random, FIRST)} ${pick(random, LAST)}`);
    for (const person of names) {
      serial += 1;
      const russian = ['Narva linn', 'Kohtla-Järve linn', 'Sillamäe linn'].includes(name) && random() < 0.6;
      rows.push({ email: `${slug(person)}.${serial}@kov.tugi.demo`, name: person, organisation_id: org.id, locale: russian ? 'ru' : 'et' });
    }
  }
  // Participants without a password: they are registered by colleagues and appear in lists, but do not log in.
  const inserted = await trx
    .insertInto('users')
    .values(rows.map((r) => ({ ...r, role: 'kov_worker' as const, password_hash: null })))
    .returning(['id', 'organisation_id'])
    .execute();
  return [{ id: kov.id, organisationId: kov.organisation_id }, ...inserted.map((r) => ({ id: r.id, organisationId: r.organisation_id }))];
}

function shuffle<T>(random: Random, list: readonly T[]): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function trainingPlans(
  today: IsoDate,
  ctx: { kov: { id: string; organisation_id: string }; colleagues: Worker[]; trainer: (name: string) => string; providers: Record<string, string>; rv: string[] },
): TrainingPlan[] {
  const me = { id: ctx.kov.id, organisationId: ctx.kov.organisation_id };
  const [kadri, marko] = ctx.colleagues;
  const trainerOf = (provider: keyof typeof PROVIDERS, i: number) => (provider === 'kompass' ? ctx.trainer(i % 2 ? 'Jaak Kivi' : 'Helen Org') : ctx.trainer('Krista Luik'));
  const held = { feedbackShare: 0.7 };

  // 004: the 2024 attachment training, two groups in Tallinn and one in Tartu.
  const attachment: TrainingPlan = {
    ...ATTACHMENT,
    hours: 8,
    days: 1,
    form: 'in_person',
    provider: ctx.providers[PROVIDERS.kompass]!,
    window: ['2024-05-15', '2024-12-15'],
    groups: [
      { city: 'Tallinn', venue: SKA_ROOM, days: ['2024-09-17'], capacity: [15, 25], trainer: ctx.trainer('Helen Org'), confirmed: 23, held },
      { city: 'Tallinn', venue: SKA_ROOM, days: ['2024-10-22'], capacity: [15, 25], trainer: ctx.trainer('Helen Org'), confirmed: 21, held },
      { city: 'Tartu', venue: SKA_ROOM, days: ['2024-11-19'], capacity: [15, 25], trainer: ctx.trainer('Helen Org'), confirmed: 19, held, include: [{ ...me, attendance: 'present', feedback: true }] },
    ],
  };

  // 002: the 2025 courses with their groups, spread over the year.
  const courses = COURSES_2025.map((c, ci): TrainingPlan => ({
    title: c.title,
    curriculum: `${c.topics.join('; ')}.${c.note ? `\n\n${c.note}` : ''}`,
    topics: c.topics,
    targetGroup: c.title.startsWith('Laste heaolu valdkonna juhtide') ? 'Kohaliku omavalitsuse laste heaolu ja lastekaitse valdkonna juhid.' : TARGET_KOV,
    hours: c.hours,
    days: c.days,
    form: c.form ?? 'in_person',
    provider: ctx.providers[PROVIDERS[c.provider]]!,
    window: ['2025-02-01', '2025-12-15'],
    groups: c.cities.map((city, gi) => {
      // Spread over the year, group 1 first.
      const first = addCalendarDays('2025-02-10', ((ci * 11) % 30) + Math.floor((gi * 250) / Math.max(1, c.cities.length)));
      const [min, max] = c.capacity;
      return { city, venue: SKA_ROOM, days: sessionDays(first, c.days, c.days > 3), capacity: c.capacity, trainer: trainerOf(c.provider, gi), confirmed: Math.min(max, min + ((ci + gi * 3) % (max - min + 1))), held };
    }),
  }));

  // Around today: a new edition open for registration, full with a waitlist, and under its minimum after the cut-off (C-4).
  const open = workday(addCalendarDays(today, 40), 1);
  const full = workday(addCalendarDays(today, 47), 1);
  const under = workday(addCalendarDays(today, 12), 1);
  const year = Number(today.slice(0, 4));
  const assessment: TrainingPlan = {
    title: 'Lapse ja pere abivajaduse hindamine',
    curriculum: 'Lapse heaolu hindamise käsiraamatu kasutamine, abivajaduse hindamine ja juhtumiplaani koostamine STAR-is; praktilised juhtumianalüüsid.',
    topics: ['Lapse heaolu hindamise käsiraamat', 'Abivajaduse hindamine STAR-is', 'Juhtumiplaan ja tegevuskava', 'Praktilised juhtumianalüüsid'],
    targetGroup: TARGET_KOV,
    hours: 16,
    days: 2,
    form: 'in_person',
    provider: ctx.providers[PROVIDERS.kompass]!,
    window: [addCalendarDays(today, -30), addCalendarDays(today, 150)],
    groups: [
      { city: 'Tartu', venue: SKA_ROOM, days: sessionDays(open, 2), capacity: [15, 25], trainer: ctx.trainer('Helen Org'), confirmed: 12 },
      { city: 'Tallinn', venue: SKA_ROOM, days: sessionDays(full, 2), capacity: [15, 20], trainer: ctx.trainer('Jaak Kivi'), confirmed: 20, waitlisted: 2, include: marko ? [{ ...marko, status: 'waitlisted' }] : [] },
      { city: 'Pärnu', venue: 'Pärnu Keskraamatukogu saal', days: sessionDays(under, 2), capacity: [15, 25], trainer: ctx.trainer('Jaak Kivi'), confirmed: 7, cutoff: workday(addCalendarDays(today, -2), -1) },
    ],
  };

  // The demo trainer's group that met on the last working day: attendance still to be taken (the demo KOV worker is in it).
  const yesterday = workday(addCalendarDays(today, -1), -1);
  const trauma: TrainingPlan = {
    title: 'Traumateadlik ja kiindumuspõhine lähenemine lastekaitsetöös',
    curriculum: 'Trauma mõju lapse arengule ja käitumisele; kiindumuspõhine suhtlemine lapse ja perega; töötaja enesehoid.',
    topics: ['Trauma mõju lapse arengule', 'Kiindumuspõhine suhtlemine perega', 'Töötaja enesehoid'],
    targetGroup: TARGET_KOV,
    hours: 8,
    days: 1,
    form: 'in_person',
    provider: ctx.providers[PROVIDERS.kompass]!,
    window: [addCalendarDays(today, -90), addCalendarDays(today, 90)],
    groups: [
      { city: 'Tallinn', venue: SKA_ROOM, days: [workday(addCalendarDays(today, -35), -1)], capacity: [15, 25], trainer: ctx.trainer('Helen Org'), confirmed: 19, held },
      { city: 'Tartu', venue: SKA_ROOM, days: [yesterday], capacity: [15, 25], trainer: ctx.trainer('Helen Org'), confirmed: 16, include: [me, ...(kadri ? [kadri] : [])] },
    ],
  };

  // Held three weeks ago: the demo KOV worker attended in full and has not answered the questionnaire yet.
  const solution: TrainingPlan = {
    title: 'Lahenduskeskne lähenemine lastekaitsetöös',
    curriculum: 'Lahenduskeskse lähenemise põhimõtted ja küsimustehnikad lastekaitsetöös; pere ressursside märkamine ja eesmärkide seadmine koos perega.',
    topics: ['Lahenduskesksed küsimused', 'Pere ressursside märkamine', 'Eesmärkide seadmine koos perega'],
    targetGroup: TARGET_KOV,
    hours: 16,
    days: 2,
    form: 'in_person',
    provider: ctx.providers[PROVIDERS.lhk]!,
    window: [addCalendarDays(today, -120), addCalendarDays(today, 60)],
    groups: [
      { city: 'Tartu', venue: SKA_ROOM, days: sessionDays(workday(addCalendarDays(today, -21), -1), 2), capacity: [15, 25], trainer: ctx.trainer('Krista Luik'), confirmed: 18, held, include: [{ ...me, attendance: 'present', feedback: false }] },
      { city: 'Narva', venue: 'Narva Kultuurimaja Rugodiv', days: sessionDays(workday(addCalendarDays(today, -28), -1), 2), capacity: [15, 25], trainer: ctx.trainer('Krista Luik'), confirmed: 15, held },
    ],
  };

  // 002 "RV baaskoolitus KOV spetsialistidele": only for the RV municipalities (C-3 eligibility by organisation).
  const rvTraining: TrainingPlan = {
    title: 'Ringist välja: baaskoolitus KOV spetsialistidele',
    curriculum: 'Ringist välja mudeli põhimõtted: võrgustikutöö noorega, PACT riskihindamine, usaldusisiku roll, aktiivne faas ja järelseire.',
    topics: ['Ringist välja mudel ja selle faasid', 'PACT riskihindamine', 'Võrgustikukohtumised ja usaldusisik'],
    targetGroup: 'Ringist välja mudelit rakendavate omavalitsuste (2024–2025) lastekaitse- ja noorsootöötajad.',
    hours: 8,
    days: 1,
    form: 'in_person',
    provider: ctx.providers[PROVIDERS.lhk]!,
    window: [addCalendarDays(today, -10), addCalendarDays(today, 120)],
    eligible: ctx.rv,
    groups: [{ city: 'Tallinn', venue: SKA_ROOM, days: [workday(addCalendarDays(today, 30), 1)], capacity: [10, 20], trainer: ctx.trainer('Krista Luik'), confirmed: 6 }],
  };

  // Next year's edition, still a draft: SKA sees it, KOV workers do not.
  const draft: TrainingPlan = {
    title: 'Keeruliste vestluste läbiviimine lastekaitsetöös',
    curriculum: 'Konfliktsed ja emotsionaalsed vestlused, deeskaleerimine ja vestluse dokumenteerimine.',
    topics: ['Konfliktsed ja emotsionaalsed vestlused', 'Deeskaleerimine', 'Vestluse dokumenteerimine'],
    targetGroup: TARGET_KOV,
    hours: 8,
    days: 1,
    form: 'in_person',
    provider: ctx.providers[PROVIDERS.lhk]!,
    window: [`${year + 1}-02-01`, `${year + 1}-11-30`],
    status: 'draft',
    groups: [],
  };
  return [attachment, ...courses, assessment, trauma, solution, rvTraining, draft];
}

async function seedGroup(
  trx: Transaction<DB>,
  random: Random,
  g: { trainingId: string; number: number; plan: GroupPlan; pool: Worker[]; used: Set<string>; today: IsoDate; createdBy: string | null },
): Promise<number> {
  const { plan } = g;
  const cutoff = plan.cutoff ?? defaultCutoff(plan.days[0]!);
  const group = await trx
    .insertInto('training_groups')
    .values({
      training_id: g.trainingId,
      number: g.number,
      city: plan.city,
      venue: plan.venue,
      starts_on: plan.days[0]!,
      ends_on: plan.days[plan.days.length - 1]!,
      capacity_min: plan.capacity[0],
      capacity_max: plan.capacity[1],
      trainer_user_id: plan.trainer,
      registration_closes_on: cutoff,
      created_by: g.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const sessions = await trx
    .insertInto('training_sessions')
    .values(plan.days.map((day) => ({ group_id: group.id, day, starts_at: '10:00', ends_at: plan.days.length > 1 || plan.capacity[1] > 20 ? '16:30' : '14:00' })))
    .returning(['id', 'day'])
    .execute();
  const included = plan.include ?? [];
  const others: Worker[] = [];
  const wanted = plan.confirmed + (plan.waitlisted ?? 0) - included.length;
  for (const w of g.pool) {
    if (others.length >= wanted) break;
    if (g.used.has(w.id)) continue;
    g.used.add(w.id);
    others.push(w);
  }
  const registeredAt = (i: number) => `${addCalendarDays(cutoff, -(20 - Math.min(19, i)))}T08:${String(10 + (i % 50)).padStart(2, '0')}:00Z`;
  const confirmedIncluded = included.filter((i) => (i.status ?? 'confirmed') === 'confirmed');
  const waitIncluded = included.filter((i) => i.status === 'waitlisted');
  const confirmedOthers = others.slice(0, Math.max(0, plan.confirmed - confirmedIncluded.length));
  const waitOthers = others.slice(confirmedOthers.length);
  const people = [
    ...[...confirmedIncluded, ...confirmedOthers].map((w) => ({ w, status: 'confirmed' as const })),
    ...[...waitOthers.slice(0, 1), ...waitIncluded, ...waitOthers.slice(1)].map((w) => ({ w, status: 'waitlisted' as const })),
  ];
  if (people.length === 0) return 0;
  const rows = await trx
    .insertInto('training_registrations')
    .values(
      people.map((p, i) => ({
        training_id: g.trainingId,
        group_id: group.id,
        user_id: p.w.id,
        organisation_id: p.w.organisationId,
        registered_by: p.w.id,
        status: p.status,
        registered_at: registeredAt(i),
        confirmed_at: p.status === 'confirmed' ? new Date(registeredAt(i)) : null,
      })),
    )
    .returning(['id', 'user_id', 'status'])
    .execute();
  if (!plan.held) return rows.length;
  const attendance: { registration_id: string; session_id: string; status: AttendanceStatus; recorded_by: string; recorded_at: string }[] = [];
  const feedbackRows: { registration_id: string; group_id: string; overall: number; content: number; trainer: number; usefulness: number; organisation: number; recommend: boolean; most_useful: string | null; improve: string | null }[] = [];
  for (const r of rows) {
    if (r.status !== 'confirmed') continue;
    const fixed = included.find((i) => i.id === r.user_id);
    let attended = false;
    for (const s of sessions) {
      const roll = random();
      const status: AttendanceStatus = fixed?.attendance ?? (roll < 0.9 ? 'present' : roll < 0.95 ? 'partial' : 'absent');
      if (status !== 'absent') attended = true;
      attendance.push({ registration_id: r.id, session_id: s.id, status, recorded_by: plan.trainer!, recorded_at: `${s.day}T14:00:00Z` });
    }
    const gives = fixed ? fixed.feedback === true : random() < plan.held.feedbackShare;
    if (attended && gives) {
      const score = () => Math.min(5, Math.max(1, Math.round(3.4 + random() * 2 - (random() < 0.1 ? 1.5 : 0))));
      feedbackRows.push({
        registration_id: r.id,
        group_id: group.id,
        overall: score(),
        content: score(),
        trainer: score(),
        usefulness: score(),
        organisation: score(),
        recommend: random() < 0.85,
        most_useful: random() < 0.5 ? pick(random, COMMENTS_USEFUL) : null,
        improve: random() < 0.35 ? pick(random, COMMENTS_IMPROVE) : null,
      });
    }
  }
  await insertChunks(trx, 'training_attendance', attendance);
  await insertChunks(trx, 'training_feedback', feedbackRows);
  return rows.length;
}

async function insertChunks(db: Db, table: 'training_attendance' | 'training_feedback', rows: readonly object[]) {
  for (let i = 0; i < rows.length; i += 1000) await db.insertInto(table).values(rows.slice(i, i + 1000) as never).execute();
}
