import { sql, type Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import { readBundledPlan } from '../modules/programme/plan-data.js';
import { importPlan } from '../modules/programme/service.js';
import type { SubactivityStatus } from '../modules/programme/tables.js';

/**
 * Module D demo data, part 1 (D-PLAN): the 2024 plan imported from the file
 * that ships with Tugi, with its progress as the ministry might have recorded
 * it: most sub-activities done, a few still running past their end (overdue),
 * 2.3's child protection system work running to 2027, a handful of notes.
 * Does nothing when the 2024 plan exists.
 */

/** [activity, measure position, sub-activity number, status, progress, note]. */
const PROGRESS: [string, number, number, SubactivityStatus, number, string | null][] = [
  ['2.1', 1, 1, 'done', 100, 'Alusanalüüs valmis märtsis; töörühm valis testimiseks kaks programmi.'],
  ['2.1', 2, 3, 'in_progress', 60, 'Mõju-uuringu plaan ootab eetikakomitee kooskõlastust.'],
  ['2.1', 4, 3, 'done', 100, 'Infotunnid peeti kõigis maakondades, osales 41 kooli.'],
  ['2.2', 4, 3, 'in_progress', 80, 'Hindamisvahendi pilootversioon on testimisel kolmes KOV-is.'],
  ['2.3', 1, 7, 'done', 100, 'Valimiskriteeriumid kinnitati; toetusvoor „Turvalisuse märgid“ avati.'],
  ['2.3', 3, 1, 'in_progress', 55, 'Kompetentsimudelite esimene osa valmis; jätkub 2027. aastani.'],
  ['2.3', 3, 2, 'in_progress', 50, null],
  ['2.5', 1, 1, 'done', 100, 'STAR2 arendus võeti kasutusele 26.02.2024.'],
  ['2.6', 1, 2, 'planned', 0, null],
  ['2.7', 1, 2, 'done', 100, 'Perepesa taotlusvoor oli avatud 01.–31.10.2024.'],
];

export async function seedDemoProgramme(db: Kysely<DB>): Promise<{ plans: number }> {
  const existing = await db.selectFrom('programme_plans').select('id').where('year', '=', 2024).executeTakeFirst();
  if (existing) return { plans: 0 };
  const plan = await importPlan(db, null, readBundledPlan(2024));
  const officer = await db.selectFrom('users').select('id').where('role', '=', 'ministry_officer').orderBy('created_at').executeTakeFirst();
  await db.transaction().execute(async (trx) => {
    // Everything ended by now is done, unless listed below.
    await trx.updateTable('programme_subactivities').set({ status: 'done', progress: 100, updated_by: officer?.id ?? null }).where('plan_id', '=', plan.id).where('ends_on', '<=', '2024-12-31').execute();
    const subs = await trx
      .selectFrom('programme_subactivities as s')
      .innerJoin('programme_measures as m', 'm.id', 's.measure_id')
      .innerJoin('programme_activities as a', 'a.id', 'm.activity_id')
      .select(['s.id', 's.number', 's.ends_on', 'm.position', 'a.code'])
      .where('s.plan_id', '=', plan.id)
      .execute();
    const notes = [];
    for (const [code, position, number, status, progress, note] of PROGRESS) {
      const sub = subs.find((s) => s.code === code && s.position === position && s.number === number);
      if (!sub) throw new Error(`demo programme: no sub-activity ${code}/${position}/${number}`);
      await trx.updateTable('programme_subactivities').set({ status, progress, version: sql`version + 1` }).where('id', '=', sub.id).execute();
      // Notes are dated in the plan year (the end of the sub-activity, or before Christmas 2024 for one running on).
      const writtenOn = sub.ends_on < '2024-12-20' ? sub.ends_on : '2024-12-20';
      if (note) notes.push({ subactivity_id: sub.id, note, status, progress, written_by: officer?.id ?? null, written_at: `${writtenOn}T10:00:00Z` });
    }
    if (notes.length) await trx.insertInto('programme_notes').values(notes).execute();
  });
  return { plans: 1 };
}
