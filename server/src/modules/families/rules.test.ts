import { describe, expect, it } from 'vitest';
import {
  adaptationWindow,
  carryBonusApplies,
  checkAdaptationDay,
  checkForward,
  checkNeedsBasedChild,
  checkNoDuplicateEpisode,
  checkNoRunningNeedsBased,
  checkReferralRequest,
  checkRejection,
  checkServiceDay,
  checkSpecialist,
  checkTermination,
  coiProblems,
  contactCompliance,
  daysExcluding,
  firstContactDue,
  firstContactState,
  kovInvolved,
  lastDayWithVolume,
  needsBasedEligibleFrom,
  needsBasedLimitDays,
  needsBasedVolume,
  nextKovOverviewDue,
  type CoiFacts,
  type ContactFact,
} from './rules.js';
import { childrenAdaptation, episodeLimit, familyNeedsBasedVolume, type FamilyFacts } from './volume.js';

describe('B-ADAPT-1 adaptation window per child: 1 month before arrival to 1 year after', () => {
  const cases: { arrivedOn: string; from: string; to: string; note: string }[] = [
    { arrivedOn: '2025-03-10', from: '2025-02-10', to: '2026-03-10', note: 'an ordinary date' },
    { arrivedOn: '2024-03-31', from: '2024-02-29', to: '2025-03-31', note: 'one month before 31 March in a leap year is 29 February' },
    { arrivedOn: '2023-03-31', from: '2023-02-28', to: '2024-03-31', note: 'one month before 31 March in a common year is 28 February' },
    { arrivedOn: '2024-02-29', from: '2024-01-29', to: '2025-02-28', note: 'a 29 February arrival: the year ends on 28 February' },
    { arrivedOn: '2025-01-31', from: '2024-12-31', to: '2026-01-31', note: 'across the year boundary' },
  ];
  for (const c of cases) {
    it(`B-ADAPT-1: arrival ${c.arrivedOn} → ${c.from} … ${c.to} (${c.note})`, () => {
      const window = adaptationWindow({ arrivedOn: c.arrivedOn });
      expect({ from: window.from, to: window.to }).toEqual({ from: c.from, to: c.to });
    });
  }

  it('B-ADAPT-1: the day before the window is refused, the first and last days allowed, the day after refused (arrival minus one month, exactly one year)', () => {
    const window = adaptationWindow({ arrivedOn: '2025-03-10' });
    expect(checkAdaptationDay(window, '2025-02-09')).toBe('B_ADAPT_BEFORE_WINDOW');
    expect(checkAdaptationDay(window, '2025-02-10')).toBeNull();
    expect(checkAdaptationDay(window, '2025-03-10')).toBeNull();
    expect(checkAdaptationDay(window, '2026-03-10')).toBeNull();
    expect(checkAdaptationDay(window, '2026-03-11')).toBe('B_ADAPT_AFTER_WINDOW');
  });

  it('B-ADAPT-1 leap years: arrival 29.02.2024, 28.01.2024 refused, 29.01.2024 and 28.02.2025 allowed, 01.03.2025 refused', () => {
    const window = adaptationWindow({ arrivedOn: '2024-02-29' });
    expect(checkAdaptationDay(window, '2024-01-28')).toBe('B_ADAPT_BEFORE_WINDOW');
    expect(checkAdaptationDay(window, '2024-01-29')).toBeNull();
    expect(checkAdaptationDay(window, '2025-02-28')).toBeNull();
    expect(checkAdaptationDay(window, '2025-03-01')).toBe('B_ADAPT_AFTER_WINDOW');
  });

  it('B-ADAPT-1 with B-CARRY: an agency-caused gap inside the window moves its end by the gap’s days; a gap outside does not', () => {
    const inside = adaptationWindow({ arrivedOn: '2025-03-10', agencyGaps: [{ from: '2025-06-01', to: '2025-06-10' }] });
    expect(inside).toMatchObject({ to: '2026-03-20', gapDays: 10 });
    const outside = adaptationWindow({ arrivedOn: '2025-03-10', agencyGaps: [{ from: '2027-01-01', to: '2027-01-31' }] });
    expect(outside).toMatchObject({ to: '2026-03-10', gapDays: 0 });
    const overlapping = adaptationWindow({ arrivedOn: '2025-03-10', agencyGaps: [{ from: '2025-06-01', to: '2025-06-10' }, { from: '2025-06-05', to: '2025-06-12' }] });
    expect(overlapping.gapDays).toBe(12);
  });

  it('B-ADAPT-1 with B-CARRY: a child who arrived by 31.10.2022 in a family then in service gets 2 more months', () => {
    expect(carryBonusApplies('adaptation', true, '2022-10-31')).toBe(true);
    expect(carryBonusApplies('adaptation', true, '2022-11-01')).toBe(false);
    expect(carryBonusApplies('adaptation', false, '2022-01-01')).toBe(false);
    expect(adaptationWindow({ arrivedOn: '2022-09-15', bonus: true }).to).toBe('2023-11-15');
  });
});

describe('B-LEAVE continuation up to 1 month after the child leaves', () => {
  it('B-LEAVE: the window ends 1 month after leaving when that is earlier; the last day allowed, the next refused', () => {
    const window = adaptationWindow({ arrivedOn: '2025-01-15', leftOn: '2025-05-31' });
    expect(window).toMatchObject({ to: '2025-06-30', leaveLimit: '2025-06-30', regularEnd: '2026-01-15' });
    const limit = { startsOn: '2025-01-20', lastAllowedDay: window.to, limitKind: 'child_left' as const };
    expect(checkServiceDay(limit, '2025-06-30')).toBeNull();
    expect(checkServiceDay(limit, '2025-07-01')).toBe('B_LEAVE_CONTINUATION_OVER');
  });

  it('B-LEAVE: leaving a week before the window ends changes nothing', () => {
    expect(adaptationWindow({ arrivedOn: '2025-01-15', leftOn: '2026-01-08' }).to).toBe('2026-01-15');
  });

  it('B-LEAVE: a needs-based episode may continue 1 month after the child leaves, not past the volume', () => {
    const facts: FamilyFacts = {
      inServiceOn20221031: false,
      placements: [{ childPersonId: 'c1', arrivedOn: '2020-05-01', leftOn: '2025-03-15' }],
      priorPeriods: [],
      agencyGaps: [],
      episodes: [{ id: 'e1', kind: 'needs_based', childPersonId: 'c1', status: 'active', startsOn: '2025-01-01', endsOn: null }],
    };
    expect(episodeLimit(facts, facts.episodes[0]!, '2025-03-20')).toMatchObject({ lastAllowedDay: '2025-04-15', limitKind: 'child_left' });
  });
});

describe('B-NEED-1 needs-based support: a child in the family for over 1 year, at most 12 months per family', () => {
  it('B-NEED-1: the child counts from the day after the first anniversary of arrival (exactly one year is not yet over a year)', () => {
    expect(needsBasedEligibleFrom('2023-05-10')).toBe('2024-05-11');
    expect(checkNeedsBasedChild({ arrivedOn: '2023-05-10', leftOn: null }, '2024-05-10')).toBe('B_NEED_CHILD_UNDER_ONE_YEAR');
    expect(checkNeedsBasedChild({ arrivedOn: '2023-05-10', leftOn: null }, '2024-05-11')).toBeNull();
    expect(checkNeedsBasedChild({ arrivedOn: '2020-02-29', leftOn: null }, '2021-02-28')).toBe('B_NEED_CHILD_UNDER_ONE_YEAR');
    expect(checkNeedsBasedChild({ arrivedOn: '2020-02-29', leftOn: null }, '2021-03-01')).toBeNull();
    expect(checkNeedsBasedChild({ arrivedOn: '2020-01-01', leftOn: '2024-06-30' }, '2024-07-01')).toBe('B_NEED_CHILD_NOT_IN_FAMILY');
  });

  const limits: [string, boolean, number][] = [
    ['2025-01-01', false, 365],
    ['2024-01-01', false, 366],
    ['2024-03-01', false, 365],
    ['2023-03-01', false, 366],
    ['2025-01-01', true, 424],
  ];
  for (const [start, bonus, days] of limits) {
    it(`B-NEED-1: 12 months${bonus ? ' + 2 (B-CARRY)' : ''} from ${start} is ${days} days`, () => {
      expect(needsBasedLimitDays(start, bonus)).toBe(days);
    });
  }

  it('B-NEED-1: one uninterrupted period from 01.01.2025 ends on 31.12.2025; one day more is over the volume', () => {
    expect(lastDayWithVolume('2025-01-01', needsBasedLimitDays('2025-01-01', false))).toBe('2025-12-31');
    expect(lastDayWithVolume('2024-01-01', needsBasedLimitDays('2024-01-01', false))).toBe('2024-12-31');
    const limit = { startsOn: '2025-01-01', lastAllowedDay: '2025-12-31', limitKind: 'needs_based_volume' as const };
    expect(checkServiceDay(limit, '2025-12-31')).toBeNull();
    expect(checkServiceDay(limit, '2026-01-01')).toBe('B_NEED_VOLUME_USED');
    expect(checkServiceDay(limit, '2024-12-31')).toBe('EPISODE_NOT_STARTED');
  });

  it('B-NEED-1: 12 months split over periods: 121 days in spring 2024 leave 245 days, so a period from 01.09.2024 may run to 03.05.2025', () => {
    const volume = needsBasedVolume({ periods: [{ from: '2024-01-01', to: '2024-04-30' }], bonus: false, asOf: '2024-08-31' });
    expect(volume).toMatchObject({ limitDays: 366, usedDays: 121, remainingDays: 245, firstStart: '2024-01-01' });
    expect(lastDayWithVolume('2024-09-01', volume.remainingDays)).toBe('2025-05-03');
    const three = needsBasedVolume({ periods: [{ from: '2024-01-01', to: '2024-04-30' }, { from: '2024-09-01', to: '2024-12-31' }, { from: '2025-03-01', to: null }], bonus: false, asOf: '2025-03-31' });
    expect(three).toMatchObject({ usedDays: 121 + 122 + 31, remainingDays: 366 - 274 });
  });

  it('B-NEED-1: a used-up volume leaves nothing; a running period counts up to today, a future one not yet', () => {
    const used = needsBasedVolume({ periods: [{ from: '2024-01-01', to: '2024-12-31' }], bonus: false, asOf: '2025-06-01' });
    expect(used.remainingDays).toBe(0);
    expect(lastDayWithVolume('2025-06-01', used.remainingDays)).toBeNull();
    const running = needsBasedVolume({ periods: [{ from: '2025-01-01', to: null }, { from: '2026-01-01', to: null }], bonus: false, asOf: '2025-01-10' });
    expect(running.usedDays).toBe(10);
  });

  it('B-NEED-1 needs a KOV referral form with topics, problems and goals, except for adoptive families', () => {
    const form = { childPersonId: 'c1', topics: 'Kiindumus', problems: 'Unehäired', goals: 'Rahulik uneaeg' };
    expect(checkReferralRequest({ familyType: 'hooldus', kind: 'needs_based', source: 'kov', ...form })).toEqual({ ok: true });
    expect(checkReferralRequest({ familyType: 'hooldus', kind: 'needs_based', source: 'family', ...form })).toMatchObject({ ok: false, problem: 'B_NEED_KOV_REFERRAL_REQUIRED' });
    expect(checkReferralRequest({ familyType: 'eestkoste', kind: 'needs_based', source: 'family', ...form })).toMatchObject({ problem: 'B_NEED_KOV_REFERRAL_REQUIRED' });
    expect(checkReferralRequest({ familyType: 'lapsendaja', kind: 'needs_based', source: 'family', childPersonId: 'c1', topics: null, problems: null, goals: null })).toEqual({ ok: true });
    expect(checkReferralRequest({ familyType: 'hooldus', kind: 'needs_based', source: 'kov', ...form, problems: ' ', goals: null })).toEqual({ ok: false, problem: 'B_NEED_REFERRAL_FORM_INCOMPLETE', missing: ['problems', 'goals'] });
    expect(checkReferralRequest({ familyType: 'hooldus', kind: 'needs_based', source: 'kov', ...form, childPersonId: null })).toMatchObject({ problem: 'B_NEED_CHILD_REQUIRED' });
  });

  it('B-ADAPT-1: any family may ask for adaptation, the family itself or the KOV, for one child', () => {
    for (const familyType of ['hooldus', 'eestkoste', 'lapsendaja'] as const) {
      for (const source of ['kov', 'family'] as const) {
        expect(checkReferralRequest({ familyType, kind: 'adaptation', source, childPersonId: 'c1', topics: null, problems: null, goals: null })).toEqual({ ok: true });
      }
    }
    expect(checkReferralRequest({ familyType: 'hooldus', kind: 'adaptation', source: 'family', childPersonId: null, topics: null, problems: null, goals: null })).toMatchObject({ problem: 'B_ADAPT_CHILD_REQUIRED' });
  });
});

describe('B-NEED-2 the SKA contact checks and forwards or rejects with a reason', () => {
  it('B-NEED-2: needs-based forwarding needs the target group, earlier service and justification/goals checks', () => {
    expect(checkForward('needs_based', { targetGroup: true, earlierService: true, justificationAndGoals: true })).toEqual({ ok: true });
    expect(checkForward('needs_based', { targetGroup: true, earlierService: false, justificationAndGoals: undefined })).toEqual({
      ok: false,
      problem: 'B_NEED_CHECK_INCOMPLETE',
      missing: ['checks.earlierService', 'checks.justificationAndGoals'],
    });
    expect(checkForward('adaptation', { targetGroup: true, earlierService: true, justificationAndGoals: null })).toEqual({ ok: true });
  });

  it('B-NEED-2: a rejection needs a reason (blank is none)', () => {
    expect(checkRejection('  ')).toMatchObject({ problem: 'B_NEED_REJECTION_REASON_REQUIRED' });
    expect(checkRejection('Pere ei kuulu sihtrühma')).toEqual({ ok: true });
  });
});

describe('B-START first contact within 5 working days of receipt (X-CAL)', () => {
  const cases: [string, string, string][] = [
    ['2025-06-02', '2025-06-09', 'Monday → next Monday'],
    ['2024-12-20', '2025-01-02', 'Christmas holidays and New Year inside the window (SPEC X-CAL example)'],
    ['2025-06-19', '2025-06-30', 'a holiday inside the 5-working-day window: 23 and 24 June'],
    ['2025-04-14', '2025-04-22', 'Good Friday inside the window'],
    ['2025-06-21', '2025-07-01', 'received on a Saturday before Midsummer: counting starts on the next working day, 25 June'],
  ];
  for (const [received, due, note] of cases) {
    it(`B-START: received ${received} → due ${due} (${note})`, () => {
      expect(firstContactDue(received)).toBe(due);
    });
  }

  it('B-START: the due day itself is in time, the next day late; no contact after the due day is overdue', () => {
    expect(firstContactState('2025-06-30', '2025-06-30', '2025-07-05')).toBe('in_time');
    expect(firstContactState('2025-06-30', '2025-07-01', '2025-07-05')).toBe('late');
    expect(firstContactState('2025-06-30', null, '2025-06-30')).toBe('waiting');
    expect(firstContactState('2025-06-30', null, '2025-07-01')).toBe('overdue');
    expect(firstContactState(null, null, '2025-07-01')).toBe('not_received');
  });
});

describe('B-FREQ contact frequency: weekly for 3 months, then twice a month; home visits quarterly or monthly', () => {
  const contacts = (...list: [string, ContactFact['kind']][]) => list.map(([on, kind]) => ({ on, kind }));

  it('B-FREQ: right after the agreement (made at home) the episode is green, with a contact due within a week', () => {
    const c = contactCompliance({ kind: 'adaptation', agreementOn: '2025-03-03', contacts: [], today: '2025-03-03' });
    expect(c).toMatchObject({ status: 'green', phase: 'weekly', nextContactDue: '2025-03-10', nextHomeVisitDue: '2025-06-03', nextDue: '2025-03-10', weeklyUntil: '2025-06-03' });
  });

  it('B-FREQ: amber 2 days before the contact is due, red the day after it', () => {
    const base = { kind: 'adaptation' as const, agreementOn: '2025-03-03', contacts: [] };
    expect(contactCompliance({ ...base, today: '2025-03-07' }).status).toBe('green');
    expect(contactCompliance({ ...base, today: '2025-03-08' }).status).toBe('amber');
    expect(contactCompliance({ ...base, today: '2025-03-10' }).status).toBe('amber');
    expect(contactCompliance({ ...base, today: '2025-03-11' })).toMatchObject({ status: 'red', contactGaps: 1 });
  });

  it('B-FREQ: a call within the week turns it green again and moves the due date', () => {
    const c = contactCompliance({ kind: 'adaptation', agreementOn: '2025-03-03', contacts: contacts(['2025-03-09', 'call']), today: '2025-03-09' });
    expect(c).toMatchObject({ status: 'green', lastContactOn: '2025-03-09', nextContactDue: '2025-03-16' });
  });

  it('B-FREQ: after the first 3 months, 15 days between contacts are allowed (twice a month)', () => {
    const c = contactCompliance({ kind: 'adaptation', agreementOn: '2025-01-10', contacts: contacts(['2025-04-10', 'email']), today: '2025-04-12' });
    expect(c).toMatchObject({ phase: 'twice_monthly', nextContactDue: '2025-04-25' });
    const stillWeekly = contactCompliance({ kind: 'adaptation', agreementOn: '2025-01-10', contacts: contacts(['2025-04-09', 'email']), today: '2025-04-12' });
    expect(stillWeekly).toMatchObject({ phase: 'weekly', nextContactDue: '2025-04-16' });
  });

  it('B-FREQ: home visits at least quarterly for adaptation and monthly for needs-based support', () => {
    const weekly = contacts(['2025-03-08', 'call'], ['2025-03-14', 'call'], ['2025-03-20', 'call'], ['2025-03-26', 'message'], ['2025-04-01', 'call'], ['2025-04-04', 'call']);
    const adaptation = contactCompliance({ kind: 'adaptation', agreementOn: '2025-03-03', contacts: weekly, today: '2025-04-05' });
    expect(adaptation).toMatchObject({ status: 'green', nextHomeVisitDue: '2025-06-03' });
    const needs = contactCompliance({ kind: 'needs_based', agreementOn: '2025-03-03', contacts: weekly, today: '2025-04-05' });
    expect(needs).toMatchObject({ status: 'red', nextHomeVisitDue: '2025-04-03', homeVisitGaps: 1 });
    const visited = contactCompliance({ kind: 'needs_based', agreementOn: '2025-03-03', contacts: [...weekly, { on: '2025-04-03', kind: 'home_visit' }], today: '2025-04-05' });
    expect(visited).toMatchObject({ status: 'green', lastHomeVisitOn: '2025-04-03', nextHomeVisitDue: '2025-05-03' });
  });

  it('B-FREQ: counts earlier gaps; before the agreement there is nothing to measure; mentoring has no rule; an ended episode is ended', () => {
    const gappy = contactCompliance({ kind: 'adaptation', agreementOn: '2025-03-03', contacts: contacts(['2025-03-20', 'call'], ['2025-03-25', 'call']), today: '2025-03-26' });
    expect(gappy).toMatchObject({ status: 'green', contactGaps: 1 });
    expect(contactCompliance({ kind: 'adaptation', agreementOn: null, contacts: [], today: '2025-03-26' }).status).toBe('not_started');
    expect(contactCompliance({ kind: 'mentoring', agreementOn: '2025-03-01', contacts: [], today: '2025-03-26' }).status).toBe('not_applicable');
    expect(contactCompliance({ kind: 'adaptation', agreementOn: '2025-03-03', contacts: [], today: '2025-04-26', endedOn: '2025-03-05' }).status).toBe('ended');
    const continued = contactCompliance({ kind: 'adaptation', agreementOn: '2025-03-03', contacts: contacts(['2025-03-09', 'continued_support']), today: '2025-03-11' });
    expect(continued.status).toBe('red');
  });
});

describe('B-KOV informing the KOV; B-END writing the end; B-SWITCH', () => {
  it('B-KOV: nothing goes to the KOV for an adoptive family that declines KOV involvement', () => {
    expect(kovInvolved({ type: 'lapsendaja', kovInvolvementConsent: false })).toBe(false);
    expect(kovInvolved({ type: 'lapsendaja', kovInvolvementConsent: true })).toBe(true);
    expect(kovInvolved({ type: 'hooldus', kovInvolvementConsent: false })).toBe(true);
    expect(nextKovOverviewDue({ kovInvolved: false, agreementOn: '2025-01-15', lastOverviewOn: null, ended: false })).toBeNull();
  });

  it('B-KOV: a written overview at least quarterly, from the agreement or the last overview', () => {
    expect(nextKovOverviewDue({ kovInvolved: true, agreementOn: '2024-11-30', lastOverviewOn: null, ended: false })).toBe('2025-02-28');
    expect(nextKovOverviewDue({ kovInvolved: true, agreementOn: '2024-11-30', lastOverviewOn: '2025-02-20', ended: false })).toBe('2025-05-20');
    expect(nextKovOverviewDue({ kovInvolved: true, agreementOn: '2024-11-30', lastOverviewOn: null, ended: true })).toBeNull();
  });

  it('B-END: the termination agreement needs activities, goals reached, further needs and recommendations for the KOV (not when the KOV is not involved)', () => {
    const full = { activities: 'Kohtumised', goalsReached: 'Uni korras', furtherNeeds: 'Tugigrupp', kovRecommendations: 'Jätkata külastusi' };
    expect(checkTermination(full, true)).toEqual({ ok: true });
    expect(checkTermination({ ...full, kovRecommendations: '' }, true)).toEqual({ ok: false, problem: 'B_END_TERMINATION_INCOMPLETE', missing: ['kovRecommendations'] });
    expect(checkTermination({ ...full, kovRecommendations: null }, false)).toEqual({ ok: true });
    expect(checkTermination({ activities: null, goalsReached: null, furtherNeeds: null, kovRecommendations: null }, false)).toMatchObject({ missing: ['activities', 'goalsReached', 'furtherNeeds'] });
  });

  it('B-SWITCH: adaptation cannot start beside a running needs-based episode; once it has ended it can', () => {
    expect(checkNoRunningNeedsBased([{ kind: 'needs_based', status: 'active' }])).toMatchObject({ problem: 'B_SWITCH_NEEDS_BASED_ACTIVE' });
    expect(checkNoRunningNeedsBased([{ kind: 'needs_based', status: 'pending' }])).toMatchObject({ problem: 'B_SWITCH_NEEDS_BASED_ACTIVE' });
    expect(checkNoRunningNeedsBased([{ kind: 'needs_based', status: 'ended' }, { kind: 'adaptation', status: 'active' }])).toEqual({ ok: true });
    expect(checkNoDuplicateEpisode([{ kind: 'adaptation', status: 'active', childPersonId: 'c1' }], 'adaptation', 'c2')).toEqual({ ok: true });
    expect(checkNoDuplicateEpisode([{ kind: 'adaptation', status: 'active', childPersonId: 'c1' }], 'adaptation', 'c1')).toMatchObject({ problem: 'EPISODE_ALREADY_RUNNING' });
  });

  it('B-SWITCH: the unused needs-based volume stays available after the switch', () => {
    const facts: FamilyFacts = {
      inServiceOn20221031: false,
      placements: [
        { childPersonId: 'old', arrivedOn: '2020-01-01', leftOn: null },
        { childPersonId: 'new', arrivedOn: '2025-05-01', leftOn: null },
      ],
      priorPeriods: [],
      agencyGaps: [],
      episodes: [
        { id: 'nb', kind: 'needs_based', childPersonId: 'old', status: 'ended', startsOn: '2025-01-01', endsOn: '2025-04-30' },
        { id: 'ad', kind: 'adaptation', childPersonId: 'new', status: 'active', startsOn: '2025-05-01', endsOn: null },
      ],
    };
    const volume = familyNeedsBasedVolume(facts, '2025-09-01');
    expect(volume).toMatchObject({ limitDays: 365, usedDays: 120, remainingDays: 245 });
    const later = { id: 'nb2', kind: 'needs_based' as const, childPersonId: 'old', status: 'active' as const, startsOn: '2026-06-01', endsOn: null };
    expect(episodeLimit({ ...facts, episodes: [...facts.episodes, later] }, later, '2026-06-01')).toMatchObject({ lastAllowedDay: '2027-01-31', limitKind: 'needs_based_volume', remainingDays: 245 });
  });
});

describe('B-CARRY earlier procurements, agency gaps and the 31.10.2022 bonus', () => {
  const facts = (over: Partial<FamilyFacts>): FamilyFacts => ({ inServiceOn20221031: false, placements: [{ childPersonId: 'c', arrivedOn: '2019-01-01', leftOn: null }], priorPeriods: [], agencyGaps: [], episodes: [], ...over });

  it('B-CARRY: months used under an earlier procurement count against the 12', () => {
    const f = facts({ priorPeriods: [{ kind: 'needs_based', childPersonId: null, from: '2023-01-01', to: '2023-06-30', transitionalExtra: false }] });
    expect(familyNeedsBasedVolume(f, '2025-01-01')).toMatchObject({ limitDays: 365, usedDays: 181, remainingDays: 184, firstStart: '2023-01-01' });
  });

  it('B-CARRY: extra volume under the 2022 procurement’s transition rules is not counted', () => {
    const f = facts({ priorPeriods: [{ kind: 'needs_based', childPersonId: null, from: '2023-01-01', to: '2023-02-28', transitionalExtra: true }] });
    expect(familyNeedsBasedVolume(f, '2025-01-01')).toMatchObject({ usedDays: 0 });
  });

  it('B-CARRY: a gap caused by the agency inside a period is excluded from the volume', () => {
    const f = facts({
      priorPeriods: [{ kind: 'needs_based', childPersonId: null, from: '2023-01-01', to: '2023-12-31', transitionalExtra: false }],
      agencyGaps: [{ kind: 'needs_based', childPersonId: null, from: '2023-07-01', to: '2023-07-31' }],
    });
    expect(familyNeedsBasedVolume(f, '2025-01-01')).toMatchObject({ usedDays: 334, remainingDays: 31, excludedGapDays: 31 });
    expect(daysExcluding({ from: '2023-01-01', to: '2023-12-31' }, [{ from: '2023-07-01', to: '2023-07-31' }, { from: '2023-07-15', to: '2023-08-05' }])).toBe(365 - 36);
  });

  it('B-CARRY: families in service on 31.10.2022 get 2 more months (12 + 2)', () => {
    const f = facts({ inServiceOn20221031: true, priorPeriods: [{ kind: 'needs_based', childPersonId: null, from: '2022-06-01', to: '2023-05-31', transitionalExtra: false }] });
    expect(familyNeedsBasedVolume(f, '2025-01-01')).toMatchObject({ limitDays: 365 + 61, usedDays: 365, remainingDays: 61, bonus: true });
  });

  it('B-CARRY: the remaining adaptation volume is visible per child, shortened by what was used', () => {
    const f = facts({
      placements: [{ childPersonId: 'c', arrivedOn: '2025-03-10', leftOn: null }],
      episodes: [{ id: 'a', kind: 'adaptation', childPersonId: 'c', status: 'active', startsOn: '2025-03-01', endsOn: null }],
    });
    const [child] = childrenAdaptation(f, '2025-03-31');
    expect(child).toMatchObject({ usedDays: 31, daysLeft: 345, open: true, window: { from: '2025-02-10', to: '2026-03-10' } });
  });
});

describe('§2.8.6 and §2.8.9 a specialist serves only after SKA approval, in the family’s language', () => {
  const specialist = { active: true, providerOrganisationId: 'p', roles: ['family_supporter' as const], languages: ['et' as const], skaApprovedOn: '2025-02-01' };
  const need = { providerOrganisationId: 'p', kind: 'adaptation' as const, language: 'et' as const, on: '2025-02-01' };
  it('approved on the day: allowed; the day before approval: refused', () => {
    expect(checkSpecialist(specialist, need)).toBeNull();
    expect(checkSpecialist(specialist, { ...need, on: '2025-01-31' })).toBe('SPECIALIST_NOT_APPROVED');
    expect(checkSpecialist({ ...specialist, skaApprovedOn: null }, need)).toBe('SPECIALIST_NOT_APPROVED');
  });
  it('needs the role, the language, the same provider and an active record', () => {
    expect(checkSpecialist(specialist, { ...need, kind: 'mentoring' })).toBe('SPECIALIST_ROLE_MISMATCH');
    expect(checkSpecialist(specialist, { ...need, language: 'ru' })).toBe('SPECIALIST_LANGUAGE_MISMATCH');
    expect(checkSpecialist(specialist, { ...need, providerOrganisationId: 'q' })).toBe('SPECIALIST_OTHER_PROVIDER');
    expect(checkSpecialist({ ...specialist, active: false }, need)).toBe('SPECIALIST_INACTIVE');
  });
});

describe('B-COI conflicts of interest', () => {
  const base: CoiFacts = {
    kind: 'needs_based',
    family: { crisisOrSpecialFoster: false, kovOrganisationIds: ['tartu'], district: null },
    tallinnOrganisationId: 'tallinn',
    officialPosts: [],
    specialistReceivesNeedsBased: false,
    familySupportsSpecialistsHousehold: false,
    specialistGivesOtherService: false,
    kovOfficialCleared: false,
  };
  const cases: { name: string; facts: Partial<CoiFacts>; expected: string[] }[] = [
    { name: 'no conflict', facts: {}, expected: [] },
    { name: 'B-COI §2.1.5.8: a family providing crisis or special foster care gets no family support', facts: { family: { ...base.family, crisisOrSpecialFoster: true } }, expected: ['B_COI_CRISIS_FOSTER'] },
    { name: 'B-COI §2.1.5.8: … but may get mentoring', facts: { kind: 'mentoring', family: { ...base.family, crisisOrSpecialFoster: true } }, expected: [] },
    { name: 'B-COI §2.1.6.4: a supporter who receives needs-based support themselves', facts: { specialistReceivesNeedsBased: true }, expected: ['B_COI_SELF_NEEDS_BASED'] },
    { name: 'B-COI §2.1.6.5: an official of the referring/guardian/residence KOV', facts: { officialPosts: [{ kovOrganisationId: 'tartu', district: null }] }, expected: ['B_COI_KOV_OFFICIAL'] },
    { name: 'B-COI §2.1.6.5: an official of another KOV is no conflict', facts: { officialPosts: [{ kovOrganisationId: 'elva', district: null }] }, expected: [] },
    { name: 'B-COI §2.1.6.5: … unless SKA cleared it with a recorded decision', facts: { officialPosts: [{ kovOrganisationId: 'tartu', district: null }], kovOfficialCleared: true }, expected: [] },
    {
      name: 'B-COI §2.1.6.5: in Tallinn, an official of the same district',
      facts: { family: { ...base.family, kovOrganisationIds: ['tallinn'], district: 'Lasnamäe' }, officialPosts: [{ kovOrganisationId: 'tallinn', district: 'lasnamäe' }] },
      expected: ['B_COI_KOV_OFFICIAL'],
    },
    {
      name: 'B-COI §2.1.6.5: in Tallinn, an official of another district is no conflict',
      facts: { family: { ...base.family, kovOrganisationIds: ['tallinn'], district: 'Lasnamäe' }, officialPosts: [{ kovOrganisationId: 'tallinn', district: 'Nõmme' }] },
      expected: [],
    },
    {
      name: 'B-COI §2.1.6.5: in Tallinn, an unknown district cannot rule the conflict out',
      facts: { family: { ...base.family, kovOrganisationIds: ['tallinn'], district: null }, officialPosts: [{ kovOrganisationId: 'tallinn', district: 'Nõmme' }] },
      expected: ['B_COI_KOV_OFFICIAL'],
    },
    { name: 'B-COI §2.1.6.6: two people supporting each other’s households', facts: { familySupportsSpecialistsHousehold: true }, expected: ['B_COI_MUTUAL_HOUSEHOLDS'] },
    { name: 'B-COI §2.1.6.7: family support and mentoring to the same family by one specialist', facts: { specialistGivesOtherService: true }, expected: ['B_COI_SUPPORT_AND_MENTORING'] },
    { name: 'B-COI §2.1.6.7: … also when mentoring is added', facts: { kind: 'mentoring', specialistGivesOtherService: true }, expected: ['B_COI_SUPPORT_AND_MENTORING'] },
    {
      name: 'B-COI: every conflict is named, in the seed’s order',
      facts: { specialistReceivesNeedsBased: true, familySupportsSpecialistsHousehold: true, family: { ...base.family, crisisOrSpecialFoster: true } },
      expected: ['B_COI_CRISIS_FOSTER', 'B_COI_SELF_NEEDS_BASED', 'B_COI_MUTUAL_HOUSEHOLDS'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(coiProblems({ ...base, ...c.facts })).toEqual(c.expected);
    });
  }
});
