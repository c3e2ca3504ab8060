import { describe, expect, it } from 'vitest';
import {
  attendanceSummary,
  calendarMonths,
  certificateNumber,
  defaultCutoff,
  eligibilityProblem,
  feedbackOpen,
  groupProblems,
  isUnderfilled,
  mayRegisterFor,
  mergeProblem,
  placeFor,
  planMerge,
  promotions,
  registrationState,
  summariseFeedback,
  trainingProblems,
  trainingReference,
  waitlistOrder,
} from './rules.js';

const training = { windowStart: '2024-05-15', windowEnd: '2024-12-15', days: 1, form: 'in_person' as const };
const group = (over: Partial<Parameters<typeof groupProblems>[1]> = {}) => ({
  sessions: [{ day: '2024-09-17', startsAt: '10:00', endsAt: '16:30' }],
  city: 'Tallinn',
  capacityMin: 15,
  capacityMax: 25,
  registrationClosesOn: '2024-09-03',
  ...over,
});
const codes = (problems: { code: string }[]) => problems.map((p) => p.code);

describe('C-1: the training', () => {
  it('C-1: a window may be one day long but may not end before it starts', () => {
    expect(trainingProblems({ windowStart: '2024-05-15', windowEnd: '2024-05-15' })).toEqual([]);
    expect(codes(trainingProblems({ windowStart: '2024-05-15', windowEnd: '2024-05-14' }))).toEqual(['C_1_WINDOW_INVALID']);
  });

  it('C-1: references are KO-<year>-<two digits>', () => {
    expect(trainingReference(2024, 1)).toBe('KO-2024-01');
    expect(trainingReference(2025, 12)).toBe('KO-2025-12');
  });
});

describe('C-2: groups', () => {
  it('C-2: a group of 004 (one day in Tallinn inside 15.05–15.12.2024, 15–25 places) has no problems', () => {
    expect(groupProblems(training, group())).toEqual([]);
  });

  it('C-2: the window’s first and last day are inside it, the day before and after are not', () => {
    expect(groupProblems(training, group({ sessions: [{ day: '2024-05-15', startsAt: '10:00', endsAt: '14:00' }], registrationClosesOn: '2024-05-01' }))).toEqual([]);
    expect(groupProblems(training, group({ sessions: [{ day: '2024-12-15', startsAt: '10:00', endsAt: '14:00' }], registrationClosesOn: '2024-12-01' }))).toEqual([]);
    expect(codes(groupProblems(training, group({ sessions: [{ day: '2024-05-14', startsAt: '10:00', endsAt: '14:00' }], registrationClosesOn: '2024-05-01' })))).toEqual(['C_2_DATE_OUTSIDE_WINDOW']);
    expect(codes(groupProblems(training, group({ sessions: [{ day: '2024-12-16', startsAt: '10:00', endsAt: '14:00' }], registrationClosesOn: '2024-12-01' })))).toEqual(['C_2_DATE_OUTSIDE_WINDOW']);
  });

  it('C-2: as many session days as the training’s days, each day once, ending after it starts', () => {
    const two = [{ day: '2024-09-17', startsAt: '10:00', endsAt: '16:00' }, { day: '2024-09-18', startsAt: '10:00', endsAt: '16:00' }];
    expect(codes(groupProblems(training, group({ sessions: two })))).toEqual(['C_2_SESSION_COUNT']);
    expect(groupProblems({ ...training, days: 2 }, group({ sessions: two }))).toEqual([]);
    expect(codes(groupProblems({ ...training, days: 2 }, group({ sessions: [two[0]!, two[0]!] })))).toEqual(['C_2_SESSION_DAY_TWICE']);
    expect(codes(groupProblems(training, group({ sessions: [{ day: '2024-09-17', startsAt: '16:00', endsAt: '10:00' }] })))).toEqual(['C_2_SESSION_TIME']);
  });

  it('C-2: in person needs a city (online does not); min ≤ max (equal is fine); the cut-off is before the first day', () => {
    expect(codes(groupProblems(training, group({ city: ' ' })))).toEqual(['C_2_CITY_REQUIRED']);
    expect(groupProblems({ ...training, form: 'online' }, group({ city: null }))).toEqual([]);
    expect(groupProblems(training, group({ capacityMin: 20, capacityMax: 20 }))).toEqual([]);
    expect(codes(groupProblems(training, group({ capacityMin: 26, capacityMax: 25 })))).toEqual(['C_2_CAPACITY_INVALID']);
    expect(groupProblems(training, group({ registrationClosesOn: '2024-09-16' }))).toEqual([]);
    expect(codes(groupProblems(training, group({ registrationClosesOn: '2024-09-17' })))).toEqual(['C_2_CUTOFF_AFTER_START']);
  });

  it('C-3 default cut-off: 10 working days before the first day (X-CAL: weekends and public holidays do not count)', () => {
    expect(defaultCutoff('2024-09-17')).toBe('2024-09-03');
    // Tuesday 2025-01-07: 10 working days back skips 24–26 Dec and 1 Jan.
    expect(defaultCutoff('2025-01-07')).toBe('2024-12-18');
  });
});

describe('C-3: registration and the waitlist', () => {
  const g = { status: 'scheduled' as const, registrationClosesOn: '2024-09-03', startsOn: '2024-09-17' };

  it('C-3 cut-off: open on the cut-off day itself, closed the day after, started on the first day', () => {
    expect(registrationState(g, '2024-08-01')).toBe('open');
    expect(registrationState(g, '2024-09-03')).toBe('open');
    expect(registrationState(g, '2024-09-04')).toBe('closed');
    expect(registrationState(g, '2024-09-16')).toBe('closed');
    expect(registrationState(g, '2024-09-17')).toBe('started');
    expect(registrationState({ ...g, status: 'cancelled' }, '2024-08-01')).toBe('cancelled');
    expect(registrationState({ ...g, status: 'merged' }, '2024-08-01')).toBe('merged');
  });

  it('C-3 capacity: in a 15–25 group the 25th registration gets the last place, the 26th goes to the waitlist', () => {
    expect(placeFor(23, 25)).toBe('confirmed');
    expect(placeFor(24, 25)).toBe('confirmed'); // the 25th
    expect(placeFor(25, 25)).toBe('waitlisted'); // the 26th
    expect(placeFor(26, 25)).toBe('waitlisted');
  });

  it('C-3 waitlist: first registered, first to move up; as many as there are free places', () => {
    const waitlist = [{ id: 'c', queueNo: 30 }, { id: 'a', queueNo: 10 }, { id: 'b', queueNo: 20 }];
    expect(waitlistOrder(waitlist).map((w) => w.id)).toEqual(['a', 'b', 'c']);
    expect(promotions(waitlist, 24, 25).map((w) => w.id)).toEqual(['a']);
    expect(promotions(waitlist, 22, 25).map((w) => w.id)).toEqual(['a', 'b', 'c']);
    expect(promotions(waitlist, 25, 25)).toEqual([]);
    expect(promotions(waitlist, 27, 25)).toEqual([]);
  });

  it('C-3 eligibility: an active child protection worker of a municipality; a restricted training only its municipalities', () => {
    const worker = { id: 'u', role: 'kov_worker', organisationId: 'tartu', organisationKind: 'kov', active: true };
    expect(eligibilityProblem(worker, { eligibleOrganisationIds: null })).toBeNull();
    expect(eligibilityProblem(worker, { eligibleOrganisationIds: ['tartu', 'elva'] })).toBeNull();
    expect(eligibilityProblem(worker, { eligibleOrganisationIds: ['elva'] })).toBe('C_3_NOT_ELIGIBLE_ORGANISATION');
    expect(eligibilityProblem({ ...worker, active: false }, { eligibleOrganisationIds: null })).toBe('C_3_PARTICIPANT_INACTIVE');
    expect(eligibilityProblem({ ...worker, role: 'ska_specialist', organisationKind: 'ska' }, { eligibleOrganisationIds: null })).toBe('C_3_NOT_ELIGIBLE_ROLE');
    expect(eligibilityProblem({ ...worker, role: 'provider_specialist', organisationKind: 'provider' }, { eligibleOrganisationIds: null })).toBe('C_3_NOT_ELIGIBLE_ROLE');
  });

  it('C-3 who registers: a KOV worker themselves or a colleague of the same municipality, nobody else', () => {
    const me = { userId: 'me', role: 'kov_worker', organisationId: 'tartu' };
    expect(mayRegisterFor(me, { id: 'me', organisationId: 'tartu' })).toBe(true);
    expect(mayRegisterFor(me, { id: 'kadri', organisationId: 'tartu' })).toBe(true);
    expect(mayRegisterFor(me, { id: 'olga', organisationId: 'narva' })).toBe(false);
    expect(mayRegisterFor({ ...me, role: 'ska_manager' }, { id: 'kadri', organisationId: 'tartu' })).toBe(false);
  });
});

describe('C-4: under-filled groups, merge', () => {
  const g = { status: 'scheduled' as const, registrationClosesOn: '2024-09-03', startsOn: '2024-09-17', capacityMin: 15 };

  it('C-4 cut-off: not a warning on the cut-off day itself (registration still open), a warning the day after, until the first day', () => {
    expect(isUnderfilled(g, 7, '2024-09-03')).toBe(false);
    expect(isUnderfilled(g, 7, '2024-09-04')).toBe(true);
    expect(isUnderfilled(g, 7, '2024-09-16')).toBe(true);
    expect(isUnderfilled(g, 7, '2024-09-17')).toBe(false);
  });

  it('C-4: at the minimum it is no warning; a cancelled or merged group neither', () => {
    expect(isUnderfilled(g, 14, '2024-09-04')).toBe(true);
    expect(isUnderfilled(g, 15, '2024-09-04')).toBe(false);
    expect(isUnderfilled({ ...g, status: 'cancelled' }, 0, '2024-09-04')).toBe(false);
    expect(isUnderfilled({ ...g, status: 'merged' }, 0, '2024-09-04')).toBe(false);
  });

  it('C-4 merge: everyone fits — all confirmed move with their place', () => {
    const plan = planMerge(
      [{ id: 's1', queueNo: 5, status: 'confirmed' }, { id: 's2', queueNo: 6, status: 'confirmed' }],
      { confirmed: 12, capacityMax: 25, waitlisted: [] },
    );
    expect(plan).toEqual({ moves: [{ id: 's1', status: 'confirmed' }, { id: 's2', status: 'confirmed' }], promoted: [] });
  });

  it('C-4 merge: the target has 2 places for 3 — the first two keep a place, the third and the source’s waitlist join the target’s waitlist in order of registration', () => {
    const plan = planMerge(
      [{ id: 's3', queueNo: 30, status: 'confirmed' }, { id: 's1', queueNo: 10, status: 'confirmed' }, { id: 's2', queueNo: 20, status: 'confirmed' }, { id: 'sw', queueNo: 5, status: 'waitlisted' }],
      { confirmed: 23, capacityMax: 25, waitlisted: [{ id: 'tw', queueNo: 25 }] },
    );
    expect(plan.moves).toEqual([
      { id: 'sw', status: 'waitlisted' },
      { id: 's1', status: 'confirmed' },
      { id: 's2', status: 'confirmed' },
      { id: 's3', status: 'waitlisted' },
    ]);
    expect(plan.promoted).toEqual([]);
  });

  it('C-4 merge: places left after the source’s confirmed go to the head of the combined waitlist, which may be the target’s own', () => {
    const plan = planMerge(
      [{ id: 's1', queueNo: 50, status: 'confirmed' }, { id: 'sw', queueNo: 60, status: 'waitlisted' }],
      { confirmed: 20, capacityMax: 23, waitlisted: [{ id: 'tw', queueNo: 40 }] },
    );
    expect(plan.moves).toEqual([{ id: 's1', status: 'confirmed' }, { id: 'sw', status: 'confirmed' }]);
    expect(plan.promoted).toEqual(['tw']);
  });

  it('C-4 merge: only into another group of the same training that has not started; a started or closed source neither', () => {
    const a = { id: 'a', trainingId: 't', status: 'scheduled' as const, startsOn: '2024-09-17' };
    const b = { id: 'b', trainingId: 't', status: 'scheduled' as const, startsOn: '2024-10-22' };
    expect(mergeProblem(a, b, '2024-09-05')).toBeNull();
    expect(mergeProblem(a, a, '2024-09-05')?.code).toBe('C_4_MERGE_SAME_GROUP');
    expect(mergeProblem(a, { ...b, trainingId: 'u' }, '2024-09-05')?.code).toBe('C_4_MERGE_OTHER_TRAINING');
    expect(mergeProblem(a, { ...b, status: 'cancelled' }, '2024-09-05')?.code).toBe('C_4_MERGE_TARGET_CLOSED');
    expect(mergeProblem(b, a, '2024-09-17')?.code).toBe('C_4_MERGE_TARGET_CLOSED');
    expect(mergeProblem(a, b, '2024-09-17')?.code).toBe('C_4_GROUP_STARTED');
    expect(mergeProblem({ ...a, status: 'merged' }, b, '2024-09-05')?.code).toBe('C_4_GROUP_CLOSED');
  });
});

describe('C-5: attendance, certificates, feedback', () => {
  const sessions = ['d1', 'd2', 'd3'];

  it('C-5 full attendance: present on every day; a partial day, an absence or a day not recorded is not full', () => {
    const marks = (...s: string[]) => new Map(s.map((status, i) => [sessions[i]!, status as 'present' | 'partial' | 'absent']));
    expect(attendanceSummary(sessions, marks('present', 'present', 'present'))).toBe('full');
    expect(attendanceSummary(sessions, marks('present', 'partial', 'present'))).toBe('partial');
    expect(attendanceSummary(sessions, marks('present', 'absent', 'present'))).toBe('partial');
    expect(attendanceSummary(sessions, marks('present', 'present'))).toBe('partial');
    expect(attendanceSummary(sessions, marks('absent', 'absent', 'absent'))).toBe('absent');
    expect(attendanceSummary(sessions, new Map())).toBe('not_recorded');
    expect(attendanceSummary([], new Map())).toBe('not_recorded');
  });

  it('C-5 feedback opens on the last day, not before, and closes 30 days after it; not for a cancelled group', () => {
    expect(feedbackOpen({ endsOn: '2024-09-18', status: 'scheduled' }, '2024-09-17')).toBe(false);
    expect(feedbackOpen({ endsOn: '2024-09-18', status: 'scheduled' }, '2024-09-18')).toBe(true);
    expect(feedbackOpen({ endsOn: '2024-09-18', status: 'scheduled' }, '2024-10-18')).toBe(true);
    expect(feedbackOpen({ endsOn: '2024-09-18', status: 'scheduled' }, '2024-10-19')).toBe(false);
    expect(feedbackOpen({ endsOn: '2024-09-18', status: 'cancelled' }, '2024-10-01')).toBe(false);
  });

  it('C-5 summary: means to one decimal, answers 1–5 counted, recommendation in per cent, comments without names', () => {
    const answer = (overall: number, recommend: boolean, mostUseful: string | null = null) => ({ overall, content: 4, trainer: 5, usefulness: 3, organisation: 4, recommend, mostUseful, improve: null });
    const s = summariseFeedback([answer(5, true, 'Genogramm'), answer(4, true, '  '), answer(4, false)]);
    expect(s.responses).toBe(3);
    expect(s.questions.find((q) => q.question === 'overall')).toEqual({ question: 'overall', average: 4.3, counts: [0, 0, 0, 2, 1] });
    expect(s.recommendPercent).toBe(67);
    expect(s.mostUseful).toEqual(['Genogramm']);
    expect(summariseFeedback([])).toMatchObject({ responses: 0, recommendPercent: null, questions: expect.arrayContaining([{ question: 'trainer', average: null, counts: [0, 0, 0, 0, 0] }]) });
  });

  it('C-5 certificate numbers are the training reference, group and queue number', () => {
    expect(certificateNumber('KO-2024-01', 3, 42)).toBe('KO-2024-01-3-0042');
  });
});

describe('C-6: the calendar of the year', () => {
  it('C-6: twelve months, each with its groups by first day, January first', () => {
    const months = calendarMonths(2025, [{ startsOn: '2025-03-10' }, { startsOn: '2025-03-03' }, { startsOn: '2025-11-20' }, { startsOn: '2024-12-31' }]);
    expect(months).toHaveLength(12);
    expect(months[0]!.month).toBe('2025-01');
    expect(months[2]!.groups.map((g) => g.startsOn)).toEqual(['2025-03-03', '2025-03-10']);
    expect(months[10]!.groups).toHaveLength(1);
    expect(months.flatMap((m) => m.groups)).toHaveLength(3);
  });
});
