import { addCalendarDays, addMonths, addWorkingDays, compareIsoDates, type IsoDate } from '../platform/calendar/working-days.js';
import { CLOSING_ASSESSMENTS, type CaseType } from '../modules/cases/tables.js';
import type { Random } from './random.js';

/**
 * How far a generated case has come by today, from its age: old cases are
 * closed, recent ones still open. Shared by the demo seed and the scale
 * generator; `dates` says when each status was reached (for the timeline).
 */
export interface Progress {
  status: string;
  until: IsoDate;
  dates: Record<string, IsoDate>;
  fields: Record<string, string | null | undefined>;
}

export function progressOf(type: CaseType, receivedOn: IsoDate, today: IsoDate, random: Random): Progress {
  const ageDays = Math.round((Date.parse(today) - Date.parse(receivedOn)) / 86_400_000);
  const plan = 'Esmane juhtumiarutelu, tegevuskava: võrgustikukohtumine ja STAR-i jälgimine.';
  if (type === 'klat_opinion') {
    if (ageDays < 5) return { status: 'application', until: today, dates: {}, fields: {} };
    if (ageDays < 14) return { status: 'drafting', until: today, dates: {}, fields: {} };
    const supporting = random() < 0.7;
    const issued = addWorkingDays(receivedOn, 9);
    return {
      status: 'opinion_issued',
      until: issued,
      dates: { drafting: addWorkingDays(receivedOn, 2), opinion_issued: issued },
      fields: {
        opinion: supporting ? 'supporting' : 'not_supporting',
        opinion_recommendations: 'Pere kaasamine, regulaarne suhtlus lapsega KLATis viibimise ajal ja järjepidev tugi pärast.',
        alternative_measures: supporting ? null : 'Intensiivne pereteenus, mitmedimensiooniline pereteraapia (MDFT), tugiisik.',
        opinion_issued_on: issued,
      },
    };
  }
  if (type === 'rv') {
    if (ageDays < 30) return { status: 'preparatory', until: today, dates: {}, fields: {} };
    const activeFrom = addCalendarDays(receivedOn, 30);
    const followFrom = addMonths(activeFrom, 6);
    const closeOn = addMonths(followFrom, 6);
    const dates = { active: activeFrom, follow_up: followFrom, closed: closeOn };
    if (compareIsoDates(today, followFrom) < 0) return { status: 'active', until: today, dates, fields: { rv_active_started_on: activeFrom } };
    if (compareIsoDates(today, closeOn) < 0) return { status: 'follow_up', until: today, dates, fields: { rv_active_started_on: activeFrom, rv_follow_up_started_on: followFrom } };
    return { status: 'closed', until: closeOn, dates, fields: { rv_active_started_on: activeFrom, rv_follow_up_started_on: followFrom, closed_on: closeOn } };
  }
  const closedAfter = type === 'international' ? 60 + Math.floor(random() * 200) : 90 + Math.floor(random() * 240);
  if (ageDays >= closedAfter) {
    const closedOn = addCalendarDays(receivedOn, closedAfter);
    const assessments = Object.fromEntries(CLOSING_ASSESSMENTS.map((k) => [k, 'Hinnatud lõpetamisel: jah']));
    return {
      status: 'closed',
      until: closedOn,
      dates: { first_contact: addWorkingDays(receivedOn, 3), closed: closedOn },
      fields: {
        ...(type === 'domestic' ? { action_plan: plan, assessments: JSON.stringify(assessments) } : {}),
        summary: 'Juhtum lahendati koostöös; KOV jätkab iseseisvalt.',
        recommendations: 'Jätkata võrgustikutööga, hinnata abivajadust uuesti poole aasta pärast.',
        closed_on: closedOn,
        kov_feedback: random() < 0.6 ? 'Nõustamine oli abiks.' : null,
      },
    };
  }
  if (type === 'international') return { status: ageDays < 7 ? 'application' : 'in_progress', until: today, dates: {}, fields: {} };
  if (ageDays < 4) return { status: 'application', until: today, dates: {}, fields: {} };
  if (ageDays < 14) return { status: 'first_contact', until: today, dates: { first_contact: addWorkingDays(receivedOn, 1) }, fields: {} };
  return { status: ageDays > closedAfter - 20 ? 'closing' : 'in_progress', until: today, dates: { first_contact: addWorkingDays(receivedOn, 3) }, fields: { action_plan: plan } };
}
