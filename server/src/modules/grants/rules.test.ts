import { describe, expect, it } from 'vitest';
import { PEREPESA, SIGNS_OF_SAFETY } from './measures.js';
import {
  contractLapsed,
  contractStartProblems,
  decisionDueOn,
  evaluateBudget,
  projectPeriod,
  projectYearMonths,
  plannedStartProblems,
  roundProblems,
  roundState,
  signDueOn,
  submissionProblems,
  type BudgetLineInput,
} from './rules.js';

const staff = (costType: string, projectYear: number, months: number, grossMonthlyCents: number, employerMonthlyCents: number, ftePercent = 100): BudgetLineInput => ({ costType, projectYear, months, grossMonthlyCents, employerMonthlyCents, ftePercent });
const cost = (costType: string, projectYear: number, amountCents: number): BudgetLineInput => ({ costType, projectYear, amountCents });
const sos = (lines: BudgetLineInput[], extra: { maxPerApplicationCents?: number | null; plannedStart?: string | null } = {}) =>
  evaluateBudget(SIGNS_OF_SAFETY, { activity: null, lines, maxPerApplicationCents: extra.maxPerApplicationCents ?? null, plannedStart: extra.plannedStart ?? null });
const pesa = (activity: 'creation' | 'mobile', lines: BudgetLineInput[]) => evaluateBudget(PEREPESA, { activity, lines, maxPerApplicationCents: null, plannedStart: null });
const codes = (e: { problems: { code: string }[] }) => e.problems.map((p) => p.code);
const limit = (e: { limits: { key: string; ok: boolean }[] }, key: string) => e.limits.find((l) => l.key === key)!;

/**
 * A Signs of Safety model budget of exactly 170,983.00 EUR: the lead at the full caps for
 * 36 months (3 × 12 × 3,345 EUR = 120,420 EUR), indirect costs of exactly 15 % of that
 * (18,063 EUR), furnishing of exactly 10,000 EUR in year one and 22,500 EUR of other costs.
 */
const LEAD = [1, 2, 3].map((y) => staff('lead_salary', y, 12, 250_000, 334_500));
const MODEL_AT_MAX = [...LEAD, cost('indirect', 1, 1_806_300), cost('rooms_furnishing', 1, 1_000_000), cost('model_other', 2, 2_250_000)];

describe('D-SOS budget limits', () => {
  it('D-SOS: a model budget of exactly 170,983.00 EUR is within the limit; one cent more is not', () => {
    const exact = sos(MODEL_AT_MAX);
    expect(exact.totals.modelCents).toBe(17_098_300);
    expect(exact.ok).toBe(true);
    expect(limit(exact, 'D_SOS_MODEL_TOTAL')).toMatchObject({ usedCents: 17_098_300, limitCents: 17_098_300, ok: true });
    const over = sos([...MODEL_AT_MAX.slice(0, 5), cost('model_other', 2, 2_250_001)]);
    expect(over.totals.modelCents).toBe(17_098_301);
    expect(over.ok).toBe(false);
    expect(codes(over)).toEqual(['D_SOS_MODEL_TOTAL']);
  });

  it('D-SOS: indirect costs of exactly 15 % of the lead’s staff costs pass; one cent more does not', () => {
    expect(limit(sos(MODEL_AT_MAX), 'D_SOS_INDIRECT_SHARE')).toMatchObject({ usedCents: 1_806_300, limitCents: 1_806_300, ok: true });
    // Same model total (one cent moved from other costs to indirect): only the 15 % rule breaks.
    const over = sos([...LEAD, cost('indirect', 1, 1_806_301), cost('rooms_furnishing', 1, 1_000_000), cost('model_other', 2, 2_249_999)]);
    expect(over.totals.modelCents).toBe(17_098_300);
    expect(codes(over)).toEqual(['D_SOS_INDIRECT_SHARE']);
    // Indirect costs without the lead's (or the substitute worker's) staff costs have no base.
    expect(codes(sos([cost('model_other', 1, 100_000), cost('indirect', 1, 1)]))).toEqual(['D_SOS_INDIRECT_SHARE']);
    expect(sos([staff('worker_salary', 1, 10, 200_000, 267_600), cost('indirect', 1, 401_400)]).ok).toBe(true);
  });

  it('D-SOS: additional activities up to exactly 25 % of the model cost, on top of 170,983 EUR', () => {
    const exact = sos([...MODEL_AT_MAX, cost('additional_supervision', 1, 2_000_000), cost('additional_training', 2, 2_274_575)]);
    expect(exact.totals).toMatchObject({ modelCents: 17_098_300, additionalCents: 4_274_575, totalCents: 21_372_875 });
    expect(exact.ok).toBe(true);
    const over = sos([...MODEL_AT_MAX, cost('additional_supervision', 1, 2_000_000), cost('additional_training', 2, 2_274_576)]);
    expect(codes(over)).toEqual(['D_SOS_ADDITIONAL_SHARE']);
    expect(limit(over, 'D_SOS_ADDITIONAL_SHARE')).toMatchObject({ limitCents: 4_274_575, ok: false });
    // Additional activities alone have no model cost to be a share of.
    expect(codes(sos([cost('additional_other', 1, 100)]))).toEqual(['D_SOS_ADDITIONAL_SHARE']);
  });

  it('D-SOS: the lead at most 2,500 EUR gross and 3,345 EUR employer’s cost a month at full time, scaled by FTE', () => {
    expect(sos([staff('lead_salary', 1, 12, 250_000, 334_500)]).ok).toBe(true);
    expect(codes(sos([staff('lead_salary', 1, 12, 250_001, 334_500)]))).toEqual(['D_SOS_SALARY_GROSS_CAP']);
    expect(codes(sos([staff('lead_salary', 1, 12, 250_000, 334_501)]))).toEqual(['D_SOS_SALARY_EMPLOYER_CAP']);
    // Half time: 1,250.00 / 1,672.50 EUR.
    expect(sos([staff('lead_salary', 1, 12, 125_000, 167_250, 50)]).ok).toBe(true);
    const half = sos([staff('lead_salary', 1, 12, 125_001, 167_251, 50)]);
    expect(codes(half)).toEqual(['D_SOS_SALARY_GROSS_CAP', 'D_SOS_SALARY_EMPLOYER_CAP']);
    expect(half.problems[1]!.params).toMatchObject({ capCents: 167_250, fte: 50 });
    // The line's amount is the employer's cost × months, whatever the client sends.
    expect(sos([{ ...staff('lead_salary', 1, 7, 200_000, 267_600), amountCents: 1 }]).lines[0]!.amountCents).toBe(1_873_200);
    expect(codes(sos([{ costType: 'lead_salary', projectYear: 1 }]))).toEqual(['D_GRANT_STAFF_FIELDS_REQUIRED']);
    expect(codes(sos([staff('lead_salary', 1, 13, 200_000, 267_600)]))).toEqual(['D_SOS_MONTHS_OVER_YEAR']);
  });

  it('D-SOS: furnishing at most 10,000 EUR in year one and nothing later, or rent at most 7,500 EUR a year — not both', () => {
    expect(sos([cost('rooms_furnishing', 1, 1_000_000)]).ok).toBe(true);
    expect(codes(sos([cost('rooms_furnishing', 1, 1_000_001)]))).toEqual(['D_SOS_FURNISHING']);
    expect(codes(sos([cost('rooms_furnishing', 1, 600_000), cost('rooms_furnishing', 1, 400_001)]))).toEqual(['D_SOS_FURNISHING']);
    expect(codes(sos([cost('rooms_furnishing', 2, 100)]))).toEqual(['D_SOS_FURNISHING_LATER_YEAR']);
    expect(sos([1, 2, 3].map((y) => cost('rooms_rent', y, 750_000))).ok).toBe(true);
    const rent = sos([cost('rooms_rent', 1, 750_000), cost('rooms_rent', 2, 750_001)]);
    expect(codes(rent)).toEqual(['D_SOS_RENT_PER_YEAR']);
    expect(rent.problems[0]!.params).toMatchObject({ year: 2 });
    expect(codes(sos([cost('rooms_furnishing', 1, 100), cost('rooms_rent', 2, 100)]))).toEqual(['D_SOS_ROOMS_EITHER']);
  });

  it('D-SOS: budget years 1–3 of the project; a round’s maximum per application applies to the total', () => {
    expect(codes(sos([cost('model_other', 4, 100)]))).toEqual(['D_SOS_YEAR_OUT_OF_RANGE']);
    expect(codes(sos([cost('model_other', 1, 0)]))).toEqual(['D_GRANT_AMOUNT_REQUIRED']);
    expect(codes(sos([cost('catering', 1, 100)]))).toEqual(['D_GRANT_COST_TYPE_UNKNOWN']);
    expect(sos(MODEL_AT_MAX, { maxPerApplicationCents: 17_098_300 }).ok).toBe(true);
    expect(codes(sos(MODEL_AT_MAX, { maxPerApplicationCents: 17_098_299 }))).toEqual(['D_GRANT_ROUND_MAXIMUM']);
  });
});

describe('D-SOS / D-PESA project period', () => {
  it('D-SOS: 36 months that may not end after 31.12.2027 — a later start shortens the project', () => {
    expect(projectPeriod(SIGNS_OF_SAFETY, '2025-01-01')).toEqual({ start: '2025-01-01', end: '2027-12-31', months: 36, shortened: false });
    expect(projectPeriod(SIGNS_OF_SAFETY, '2025-01-02')).toMatchObject({ end: '2027-12-31', shortened: true });
    const late = projectPeriod(SIGNS_OF_SAFETY, '2026-12-01');
    expect(late).toMatchObject({ end: '2027-12-31', months: 13, shortened: true });
    expect(projectYearMonths(late)).toEqual([12, 1]);
    // Budget lines must fit the shortened period.
    const e = sos([cost('model_other', 3, 100), staff('lead_salary', 2, 2, 200_000, 267_600)], { plannedStart: '2026-12-01' });
    expect(codes(e)).toEqual(['D_SOS_YEAR_OUTSIDE_PERIOD', 'D_SOS_MONTHS_OVER_YEAR']);
    expect(plannedStartProblems(SIGNS_OF_SAFETY, '2027-12-31', '2026-11-22')).toEqual([]);
    expect(plannedStartProblems(SIGNS_OF_SAFETY, '2028-01-01', '2026-11-22').map((p) => p.code)).toEqual(['D_SOS_PERIOD_AFTER_LATEST_END']);
    expect(plannedStartProblems(SIGNS_OF_SAFETY, '2026-11-21', '2026-11-22').map((p) => p.code)).toEqual(['D_GRANT_2_START_IN_PAST']);
  });

  it('D-SOS: the project starts within 2 months of the contract, both ends allowed (31.10 → 31.12; 31.12 → 28.02)', () => {
    expect(contractStartProblems(SIGNS_OF_SAFETY, '2025-10-31', '2025-10-31')).toEqual([]);
    expect(contractStartProblems(SIGNS_OF_SAFETY, '2025-10-31', '2025-12-31')).toEqual([]);
    expect(contractStartProblems(SIGNS_OF_SAFETY, '2025-10-31', '2026-01-01').map((p) => p.code)).toEqual(['D_SOS_START_TOO_LATE']);
    expect(contractStartProblems(SIGNS_OF_SAFETY, '2025-12-31', '2026-02-28')).toEqual([]);
    expect(contractStartProblems(SIGNS_OF_SAFETY, '2025-12-31', '2026-03-01').map((p) => p.code)).toEqual(['D_SOS_START_TOO_LATE']);
    expect(contractStartProblems(SIGNS_OF_SAFETY, '2025-10-31', '2025-10-30').map((p) => p.code)).toEqual(['D_CONTRACT_START_BEFORE_CONTRACT']);
  });

  it('D-PESA: 24 months, starting within 4 months of the contract; no end-date cap', () => {
    expect(projectPeriod(PEREPESA, '2024-12-01')).toEqual({ start: '2024-12-01', end: '2026-11-30', months: 24, shortened: false });
    expect(projectPeriod(PEREPESA, '2029-03-01')).toMatchObject({ end: '2031-02-28', shortened: false });
    expect(contractStartProblems(PEREPESA, '2024-10-31', '2025-02-28')).toEqual([]);
    expect(contractStartProblems(PEREPESA, '2024-10-31', '2025-03-01').map((p) => p.code)).toEqual(['D_PESA_START_TOO_LATE']);
    expect(codes(pesa('creation', [staff('manager_salary', 3, 12, 190_000, 254_200)]))).toEqual(['D_PESA_YEAR_OUT_OF_RANGE']);
  });
});

describe('D-PESA budget', () => {
  it('D-PESA: the manager at most 1,900 / 2,542 EUR and the play-room coordinator 1,424 / 1,905.31 EUR a month at full time', () => {
    const atCaps = pesa('creation', [staff('manager_salary', 1, 12, 190_000, 254_200), staff('coordinator_salary', 1, 12, 142_400, 190_531)]);
    expect(atCaps.ok).toBe(true);
    expect(atCaps.totals.totalCents).toBe(12 * 254_200 + 12 * 190_531);
    expect(codes(pesa('creation', [staff('manager_salary', 1, 12, 190_001, 254_200)]))).toEqual(['D_PESA_SALARY_GROSS_CAP']);
    expect(codes(pesa('creation', [staff('coordinator_salary', 1, 12, 142_400, 190_532)]))).toEqual(['D_PESA_SALARY_EMPLOYER_CAP']);
    // Half time: 1,905.31 / 2 = 952.655 EUR; 952.65 passes, 952.66 does not.
    expect(pesa('creation', [staff('coordinator_salary', 1, 12, 71_200, 95_265, 50)]).ok).toBe(true);
    expect(codes(pesa('creation', [staff('coordinator_salary', 1, 12, 71_200, 95_266, 50)]))).toEqual(['D_PESA_SALARY_EMPLOYER_CAP']);
  });

  it('D-PESA: creating a Perepesa funds its staff only; the mobile service also its other costs and other staff', () => {
    expect(codes(pesa('creation', [cost('mobile_service', 1, 100_000)]))).toEqual(['D_PESA_COST_NOT_ELIGIBLE']);
    expect(pesa('mobile', [cost('mobile_service', 1, 100_000), staff('mobile_staff', 2, 12, 300_000, 401_400)]).ok).toBe(true);
    expect(codes(pesa('mobile', [cost('lead_salary', 1, 100)]))).toEqual(['D_GRANT_COST_TYPE_UNKNOWN']);
  });
});

describe('D-GRANT-1 round', () => {
  const round = (announcedOn: string, opensOn: string, closesOn: string | null = null, measure = SIGNS_OF_SAFETY) => roundProblems({ measure, announcedOn, opensOn, closesOn }).map((p) => p.code);

  it('D-GRANT-1: announced at least 5 calendar days before opening (25.09 → 30.09 yes, 29.09 no)', () => {
    expect(round('2024-09-25', '2024-09-30')).toEqual([]);
    expect(round('2024-09-25', '2024-09-29')).toEqual(['D_GRANT_1_ANNOUNCEMENT_LATE']);
    expect(round('2024-12-27', '2025-01-01')).toEqual([]);
    expect(round('2024-09-25', '2024-10-01', '2024-09-30')).toEqual(['D_GRANT_1_CLOSES_BEFORE_OPENING']);
  });

  it('D-PESA: a Perepesa round publishes its deadline; a Signs of Safety round may stay open until the money is used', () => {
    expect(round('2024-09-24', '2024-10-01', null, PEREPESA)).toEqual(['D_PESA_DEADLINE_REQUIRED']);
    expect(round('2024-09-24', '2024-10-01', '2024-10-31', PEREPESA)).toEqual([]);
  });

  it('D-GRANT-1: planned before the announcement, announced until it opens, open to the closing day inclusive', () => {
    const r = { announcedOn: '2024-09-24', opensOn: '2024-10-01', closesOn: '2024-10-31' };
    expect(roundState(r, '2024-09-23')).toBe('planned');
    expect(roundState(r, '2024-09-24')).toBe('announced');
    expect(roundState(r, '2024-10-01')).toBe('open');
    expect(roundState(r, '2024-10-31')).toBe('open');
    expect(roundState(r, '2024-11-01')).toBe('closed');
    expect(roundState({ ...r, closesOn: null }, '2030-01-01')).toBe('open');
  });
});

describe('D-GRANT-2 submission', () => {
  const base = {
    measure: SIGNS_OF_SAFETY,
    round: { announcedOn: '2026-10-01', opensOn: '2026-10-06', closesOn: null },
    status: 'draft' as const,
    contactName: 'Liis Lepik',
    contactEmail: 'kov@tugi.demo',
    activity: null,
    plannedStart: '2027-01-01',
    summary: 'Mudeli rakendamine Tartu linnas.',
    explanation: 'Eelarve seletuskiri.',
    sustainability: 'Jätkame omavahenditest.',
    evaluation: sos(MODEL_AT_MAX),
    evidenceFor: new Set(['sos_confirmation_letter']),
    signedContainer: true,
  };

  it('D-GRANT-2: a complete application in an open round has no problems', () => {
    expect(submissionProblems(base, '2026-11-22')).toEqual([]);
  });

  it('D-GRANT-2: each missing piece is named — signed application, evidence, explanation, budget within limits, contact, round open', () => {
    const problems = submissionProblems({ ...base, signedContainer: false, evidenceFor: new Set<string>(), explanation: ' ', sustainability: '', contactEmail: 'kov', evaluation: sos([cost('model_other', 1, 17_098_301)]) }, '2026-11-22');
    expect(problems.map((p) => p.code)).toEqual(['D_GRANT_2_CONTACT_REQUIRED', 'D_GRANT_2_EXPLANATION_REQUIRED', 'D_SOS_SUSTAINABILITY_REQUIRED', 'D_GRANT_2_BUDGET_OVER_LIMITS', 'D_GRANT_2_EVIDENCE_MISSING', 'D_GRANT_2_SIGNED_APPLICATION_REQUIRED']);
    expect(submissionProblems(base, '2026-10-05').map((p) => p.code)).toEqual(['D_GRANT_2_ROUND_NOT_OPEN']);
    expect(submissionProblems({ ...base, round: { ...base.round, closesOn: '2026-11-21' } }, '2026-11-22').map((p) => p.code)).toEqual(['D_GRANT_2_ROUND_CLOSED']);
    expect(submissionProblems({ ...base, evaluation: sos([]) }, '2026-11-22').map((p) => p.code)).toEqual(['D_GRANT_2_BUDGET_REQUIRED']);
    expect(submissionProblems({ ...base, status: 'submitted' }, '2026-11-22').map((p) => p.code)).toEqual(['D_GRANT_2_ALREADY_SUBMITTED']);
  });

  it('D-PESA: a Perepesa application names its activity and brings the three letters (budget, budget strategy, LaHe)', () => {
    const p = { ...base, measure: PEREPESA, round: { ...base.round, closesOn: '2026-12-01' }, sustainability: '', evaluation: pesa('creation', [staff('manager_salary', 1, 12, 190_000, 254_200)]), evidenceFor: new Set(['pesa_budget_confirmed']) };
    expect(submissionProblems(p, '2026-11-22').map((x) => `${x.code}${x.params?.condition ? `:${x.params.condition}` : ''}`)).toEqual([
      'D_PESA_ACTIVITY_REQUIRED',
      'D_GRANT_2_EVIDENCE_MISSING:pesa_budget_strategy',
      'D_GRANT_2_EVIDENCE_MISSING:pesa_lahe_consultation',
    ]);
  });
});

describe('D-GRANT-3 and D-CONTRACT deadlines (X-CAL)', () => {
  it('D-GRANT-3: 30 working days from submission, over Christmas and New Year (Fri 13.12.2024 → Thu 30.01.2025)', () => {
    expect(decisionDueOn('2024-12-13')).toBe('2025-01-30');
    expect(decisionDueOn('2024-10-01')).toBe('2024-11-12');
  });

  it('D-CONTRACT: the 10th working day after receipt is the last to sign, the 11th is too late — over Christmas (13.12.2024 → 02.01.2025)', () => {
    expect(signDueOn('2024-12-13')).toBe('2025-01-02');
    expect(contractLapsed('2025-01-02', '2025-01-02')).toBe(false);
    expect(contractLapsed('2025-01-02', '2025-01-03')).toBe(true);
    // Received on Friday 20.12.2024: 23, 27, 30, 31 December and 2, 3, 6, 7, 8, 9 January.
    expect(signDueOn('2024-12-20')).toBe('2025-01-09');
    expect(contractLapsed('2025-01-09', '2025-01-08')).toBe(false);
    expect(contractLapsed('2025-01-09', '2025-01-10')).toBe(true);
  });
});
