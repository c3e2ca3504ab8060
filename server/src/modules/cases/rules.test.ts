import { describe, expect, it } from 'vitest';
import {
  caseReference,
  checkRvAge,
  checkTransition,
  currentDeadline,
  deadlineSeverity,
  earliestReassessment,
  firstContactDue,
  isOverdue,
  klatOpinionDue,
  reassessmentAllowed,
  type CaseForTransition,
} from './rules.js';

const base: CaseForTransition = {
  type: 'domestic',
  status: 'application',
  actionPlan: null,
  assessments: {},
  summary: null,
  opinion: null,
  opinionRecommendations: null,
  alternativeMeasures: null,
  question: 'Kuidas toetada last?',
  riskAssessments: [],
  rvActiveStartedOn: null,
  rvFollowUpStartedOn: null,
  reason: null,
};
const TODAY = '2025-06-02';
const ALL_ASSESSMENTS = {
  measures_effective: 'Jah',
  kov_continues_independently: 'Jah',
  network_functioning: 'Jah',
  kov_active: 'Jah',
  child_rights_ensured: 'Jah',
};

describe('A-DOM domestic workflow', () => {
  it('moves only along application → first_contact → in_progress → closing → closed', () => {
    expect(checkTransition(base, 'first_contact', TODAY)).toEqual({ ok: true });
    expect(checkTransition(base, 'closed', TODAY)).toMatchObject({ ok: false, problem: 'TRANSITION_NOT_ALLOWED', params: { from: 'application', to: 'closed' } });
    expect(checkTransition({ ...base, status: 'closing' }, 'in_progress', TODAY)).toEqual({ ok: true });
    expect(checkTransition({ ...base, status: 'closed' }, 'in_progress', TODAY)).toMatchObject({ problem: 'TRANSITION_NOT_ALLOWED' });
  });

  it('needs an action plan to leave first_contact (blank text is no plan)', () => {
    const c = { ...base, status: 'first_contact' };
    expect(checkTransition(c, 'in_progress', TODAY)).toEqual({ ok: false, problem: 'ACTION_PLAN_REQUIRED', missing: ['actionPlan'] });
    expect(checkTransition({ ...c, actionPlan: '   ' }, 'in_progress', TODAY)).toMatchObject({ problem: 'ACTION_PLAN_REQUIRED' });
    expect(checkTransition({ ...c, actionPlan: 'Kohtumine vanematega' }, 'in_progress', TODAY)).toEqual({ ok: true });
  });

  it('needs all five closing assessments, then a written summary, to close', () => {
    const c = { ...base, status: 'closing', actionPlan: 'x' };
    const four = { ...ALL_ASSESSMENTS, child_rights_ensured: '' };
    expect(checkTransition({ ...c, assessments: four, summary: 'Kokkuvõte' }, 'closed', TODAY)).toEqual({
      ok: false,
      problem: 'CLOSING_ASSESSMENTS_REQUIRED',
      missing: ['assessments.child_rights_ensured'],
    });
    expect(checkTransition({ ...c, assessments: {} }, 'closed', TODAY)).toMatchObject({ missing: expect.arrayContaining(['assessments.measures_effective', 'assessments.kov_active']) });
    expect(checkTransition({ ...c, assessments: ALL_ASSESSMENTS }, 'closed', TODAY)).toMatchObject({ problem: 'SUMMARY_REQUIRED' });
    expect(checkTransition({ ...c, assessments: ALL_ASSESSMENTS, summary: 'Kokkuvõte' }, 'closed', TODAY)).toEqual({ ok: true });
  });
});

describe('A-KLAT opinion', () => {
  const klat = { ...base, type: 'klat_opinion' as const, status: 'drafting' };
  it('needs an opinion with recommendations; a not-supporting one lists alternative measures', () => {
    expect(checkTransition(klat, 'opinion_issued', TODAY)).toMatchObject({ problem: 'OPINION_REQUIRED' });
    expect(checkTransition({ ...klat, opinion: 'supporting' }, 'opinion_issued', TODAY)).toMatchObject({ problem: 'OPINION_RECOMMENDATIONS_REQUIRED' });
    expect(checkTransition({ ...klat, opinion: 'supporting', opinionRecommendations: 'Pere toetamine' }, 'opinion_issued', TODAY)).toEqual({ ok: true });
    const notSupporting = { ...klat, opinion: 'not_supporting' as const, opinionRecommendations: 'Toetus' };
    expect(checkTransition(notSupporting, 'opinion_issued', TODAY)).toEqual({ ok: false, problem: 'ALTERNATIVE_MEASURES_REQUIRED', missing: ['alternativeMeasures'] });
    expect(checkTransition({ ...notSupporting, alternativeMeasures: 'Intensiivne pereteenus' }, 'opinion_issued', TODAY)).toEqual({ ok: true });
  });

  it('is due in 10 working days, or 2 working days before an earlier court date (X-CAL)', () => {
    // Received Friday 2024-12-20: 10 working days over Christmas (24–26 Dec) and New Year → 2025-01-09.
    expect(klatOpinionDue('2024-12-20', null)).toBe('2025-01-09');
    // Court on Monday 2025-01-06: two working days before is Thursday 2025-01-02 (1 Jan is a holiday, then the weekend).
    expect(klatOpinionDue('2024-12-20', '2025-01-06')).toBe('2025-01-02');
    // A court date far away does not push the deadline later than 10 working days.
    expect(klatOpinionDue('2024-12-20', '2025-03-01')).toBe('2025-01-09');
  });

  it('warns before and flags after the due day; the due day itself is still in time', () => {
    const deadline = currentDeadline({ type: 'klat_opinion', status: 'drafting', firstContactDue: null, opinionDue: '2025-01-09', riskAssessmentDates: [] });
    expect(deadline).toEqual({ kind: 'klat_opinion', due: '2025-01-09' });
    expect(isOverdue(deadline, '2025-01-09')).toBe(false);
    expect(isOverdue(deadline, '2025-01-10')).toBe(true);
    expect(deadlineSeverity(deadline, '2025-01-06')).toBe('info');
    expect(deadlineSeverity(deadline, '2025-01-07')).toBe('warning');
    expect(deadlineSeverity(deadline, '2025-01-10')).toBe('overdue');
    expect(currentDeadline({ type: 'klat_opinion', status: 'opinion_issued', firstContactDue: null, opinionDue: '2025-01-09', riskAssessmentDates: [] })).toBeNull();
  });
});

describe('A-DOM first contact deadline (X-CAL)', () => {
  it('is 5 working days after receipt: the spec example 2024-12-20 → 2025-01-02', () => {
    expect(firstContactDue('2024-12-20')).toBe('2025-01-02');
    // Thursday before Good Friday 2024: 28.03 + 5 skips 29.03 (Good Friday), the weekend and Easter.
    expect(firstContactDue('2024-03-28')).toBe('2024-04-05');
  });
});

describe('A-INT international case', () => {
  it('closes only with a written summary', () => {
    const c = { ...base, type: 'international' as const, status: 'in_progress' };
    expect(checkTransition(c, 'closed', TODAY)).toMatchObject({ problem: 'SUMMARY_REQUIRED' });
    expect(checkTransition({ ...c, summary: 'Vahendatud' }, 'closed', TODAY)).toEqual({ ok: true });
  });
});

describe('A-RV Ringist välja', () => {
  const rv = { ...base, type: 'rv' as const, status: 'preparatory' };

  it('starts the active phase only with a PACT assessment of medium or high risk', () => {
    expect(checkTransition(rv, 'active', TODAY)).toMatchObject({ problem: 'RV_PACT_REQUIRED' });
    expect(checkTransition({ ...rv, riskAssessments: [{ assessedOn: '2025-01-10', level: 'low' }] }, 'active', TODAY)).toMatchObject({ problem: 'RV_PACT_REQUIRED' });
    expect(checkTransition({ ...rv, riskAssessments: [{ assessedOn: '2025-01-10', level: 'medium' }] }, 'active', TODAY)).toEqual({ ok: true });
    expect(checkTransition({ ...rv, question: ' ', riskAssessments: [{ assessedOn: '2025-01-10', level: 'high' }] }, 'active', TODAY)).toMatchObject({ problem: 'RV_APPLICATION_REQUIRED' });
  });

  it('keeps the active phase at least 6 months: the day before is refused, the day itself allowed, a reason allows earlier', () => {
    const active = { ...rv, status: 'active', rvActiveStartedOn: '2024-08-31' };
    // 31 Aug + 6 months is 28 Feb 2025 (no 31 Feb, and 2025 is not a leap year).
    expect(checkTransition(active, 'follow_up', '2025-02-27')).toEqual({ ok: false, problem: 'RV_ACTIVE_TOO_SHORT', missing: ['reason'], params: { earliest: '2025-02-28' } });
    expect(checkTransition(active, 'follow_up', '2025-02-28')).toEqual({ ok: true });
    expect(checkTransition({ ...active, reason: 'Noor kolis välismaale' }, 'follow_up', '2024-10-01')).toEqual({ ok: true });
    // Leap year: 31 Aug 2023 + 6 months is 29 Feb 2024.
    expect(checkTransition({ ...active, rvActiveStartedOn: '2023-08-31' }, 'follow_up', '2024-02-28')).toMatchObject({ params: { earliest: '2024-02-29' } });
  });

  it('keeps follow-up 6 months before closing', () => {
    const followUp = { ...rv, status: 'follow_up', rvFollowUpStartedOn: '2025-01-15' };
    expect(checkTransition(followUp, 'closed', '2025-07-14')).toMatchObject({ problem: 'RV_FOLLOW_UP_TOO_SHORT' });
    expect(checkTransition(followUp, 'closed', '2025-07-15')).toEqual({ ok: true });
  });

  it('re-assesses risk no earlier than 6 months after the previous PACT', () => {
    expect(reassessmentAllowed([], '2025-01-01')).toBe(true);
    expect(earliestReassessment(['2024-03-15', '2024-09-30'])).toBe('2025-03-30');
    expect(reassessmentAllowed(['2024-03-15', '2024-09-30'], '2025-03-29')).toBe(false);
    expect(reassessmentAllowed(['2024-09-30', '2024-03-15'], '2025-03-30')).toBe(true);
  });

  it('targets ages 12–18: younger needs a note, 18 and over needs consent (birthday edges)', () => {
    // Born 2013-06-02: 11 on 2025-06-01, 12 on 2025-06-02.
    expect(checkRvAge('2013-06-02', '2025-06-01', null, false)).toBe('RV_TOO_YOUNG_WITHOUT_NOTE');
    expect(checkRvAge('2013-06-02', '2025-06-01', 'Korduvad rikkumised, kooli ettepanek', false)).toBeNull();
    expect(checkRvAge('2013-06-02', '2025-06-02', null, false)).toBeNull();
    // Born 2007-06-02: 17 the day before the birthday, 18 on it.
    expect(checkRvAge('2007-06-02', '2025-06-01', null, false)).toBeNull();
    expect(checkRvAge('2007-06-02', '2025-06-02', null, false)).toBe('RV_ADULT_WITHOUT_CONSENT');
    expect(checkRvAge('2007-06-02', '2025-06-02', null, true)).toBeNull();
    // Born on 29 Feb 2008: turns 18 on 1 Mar 2026 (no 29 Feb in 2026).
    expect(checkRvAge('2008-02-29', '2026-02-28', null, false)).toBeNull();
    expect(checkRvAge('2008-02-29', '2026-03-01', null, false)).toBe('RV_ADULT_WITHOUT_CONSENT');
  });
});

describe('case references', () => {
  it('carry the type, the year received and a running number', () => {
    expect(caseReference('domestic', '2025-03-01', 42)).toBe('SN-2025-00042');
    expect(caseReference('klat_opinion', '2024-12-31', 7)).toBe('KA-2024-00007');
    expect(caseReference('rv', '2026-01-01', 123456)).toBe('RV-2026-123456');
  });
});
