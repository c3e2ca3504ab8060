import { describe, expect, it } from 'vitest';
import {
  attendanceProblem,
  counsellingLimit,
  counsellingRemaining,
  groupPayUnits,
  groupPlanDeadline,
  groupPlanInTime,
  groupPriceCents,
  mentoringRemaining,
  mentorQualifies,
  paidGroups,
  quarterOf,
} from './service-limits.js';

describe('B-MENT-2 mentoring sessions', () => {
  it.each([
    ['three earlier this quarter: one more', ['2025-01-10', '2025-02-10', '2025-03-10'], '2025-03-31', 1],
    ['four earlier this quarter: the 5th is refused', ['2025-01-10', '2025-02-10', '2025-03-10', '2025-03-30'], '2025-03-31', 0],
    ['four in Q1: the next day is Q2, four again', ['2025-01-10', '2025-02-10', '2025-03-10', '2025-03-30'], '2025-04-01', 4],
    ['a quarter boundary at the year end', ['2024-10-01', '2024-11-01', '2024-12-01', '2024-12-31'], '2025-01-01', 4],
  ])('%s', (_name, earlier, on, remaining) => {
    expect(mentoringRemaining('with_child', earlier, on)).toBe(remaining);
  });

  it('a family not yet assessed, or waiting for a child, has 2 in total, whatever the quarter', () => {
    expect(mentoringRemaining('not_assessed', [], '2025-01-01')).toBe(2);
    expect(mentoringRemaining('not_assessed', ['2024-06-01'], '2025-09-01')).toBe(1);
    expect(mentoringRemaining('awaiting_child', ['2024-06-01', '2025-01-02'], '2025-09-01')).toBe(0);
  });

  it('names quarters by calendar', () => {
    expect([quarterOf('2025-03-31'), quarterOf('2025-04-01'), quarterOf('2025-12-31')]).toEqual(['2025-Q1', '2025-Q2', '2025-Q4']);
  });
});

describe('B-MENT-3 mentor experience', () => {
  it('needs 2 years of personal experience: the day before refused, the day itself allowed', () => {
    expect(mentorQualifies({ experienceSince: '2023-05-10', on: '2025-05-09', supportedFamilyBefore: false })).toBe(false);
    expect(mentorQualifies({ experienceSince: '2023-05-10', on: '2025-05-10', supportedFamilyBefore: false })).toBe(true);
    // From 29 Feb 2024, two years end on 28 Feb 2026.
    expect(mentorQualifies({ experienceSince: '2024-02-29', on: '2026-02-28', supportedFamilyBefore: false })).toBe(true);
    expect(mentorQualifies({ experienceSince: null, on: '2026-02-28', supportedFamilyBefore: false })).toBe(false);
  });

  it('does not apply to the family supporter who goes on as this family’s mentor', () => {
    expect(mentorQualifies({ experienceSince: null, on: '2025-01-01', supportedFamilyBefore: true })).toBe(true);
  });
});

describe('B-GRP-1 monthly plan by the 15th of the month before', () => {
  it('plans March by 15 February; the 15th is in time, the 16th late; January is planned in December', () => {
    expect(groupPlanDeadline('2025-03')).toBe('2025-02-15');
    expect(groupPlanInTime('2025-03', '2025-02-15')).toBe(true);
    expect(groupPlanInTime('2025-03', '2025-02-16')).toBe(false);
    expect(groupPlanDeadline('2026-01')).toBe('2025-12-15');
  });
});

describe('B-GRP-2 attendance', () => {
  it.each([
    [6, false, null],
    [5, false, 'B_GRP_NEEDS_APPROVAL'],
    [5, true, null],
    [4, true, null],
    [3, true, 'B_GRP_TOO_FEW'],
  ] as const)('%i participants, prior approval %s → %s', (participants, approval, problem) => {
    expect(attendanceProblem(participants, approval)).toBe(problem);
  });
});

describe('B-GRP-3 paid time', () => {
  it.each([
    ['2 h in person', { minutes: 120, online: false, island: false }, 1],
    ['2 h 30 min in person: paid up to 3 h', { minutes: 150, online: false, island: false }, 1.25],
    ['4 h in person: capped at 3 h', { minutes: 240, online: false, island: false }, 1.5],
    ['1 h 30 min online: pro rata', { minutes: 90, online: true, island: false }, 0.75],
    ['3 h 30 min on Saaremaa: 3 h × 1.5', { minutes: 210, online: false, island: true }, 2.25],
    ['2 h on an island', { minutes: 120, online: false, island: true }, 1.5],
  ])('%s', (_name, input, units) => {
    expect(groupPayUnits(input)).toEqual({ ok: true, units });
  });

  it('refuses an in-person meeting under 2 hours', () => {
    expect(groupPayUnits({ minutes: 119, online: false, island: false })).toEqual({ ok: false, problem: 'B_GRP_TOO_SHORT' });
  });

  it('prices in whole cents', () => {
    expect(groupPriceCents(0.75, 32_000)).toBe(24_000);
    expect(groupPriceCents(2.25, 30_001)).toBe(67_502);
  });
});

describe('B-GRP-4 at most 12 paid groups per provider per quarter', () => {
  it('pays the first 12 by date; the 13th is not paid', () => {
    const groups = Array.from({ length: 13 }, (_, i) => ({ id: `g${String(i).padStart(2, '0')}`, heldOn: `2025-0${1 + Math.floor(i / 5)}-${String(10 + (i % 5)).padStart(2, '0')}` }));
    const { paid, unpaid } = paidGroups([...groups].reverse());
    expect(paid).toHaveLength(12);
    expect(unpaid).toEqual([groups[12]]);
  });
});

describe('B-PSY-1 / B-PSY-2 counselling per calendar year', () => {
  const five = ['2025-01-10', '2025-02-10', '2025-03-10', '2025-04-10', '2025-05-10'];

  it('allows 5; the 6th only after SKA approves more (at most 5 more)', () => {
    expect(counsellingRemaining({ approvedExtra: 0, childLeft: false, notAssessed: false }, five, '2025-06-01')).toBe(0);
    expect(counsellingRemaining({ approvedExtra: 3, childLeft: false, notAssessed: false }, five, '2025-06-01')).toBe(3);
    expect(counsellingLimit({ approvedExtra: 9, childLeft: false, notAssessed: false })).toBe(10);
  });

  it('a new calendar year starts again', () => {
    expect(counsellingRemaining({ approvedExtra: 0, childLeft: false, notAssessed: false }, five, '2026-01-01')).toBe(5);
  });

  it('a family whose child has left has 2 more; a family not yet assessed at most 2', () => {
    expect(counsellingLimit({ approvedExtra: 0, childLeft: true, notAssessed: false })).toBe(7);
    expect(counsellingLimit({ approvedExtra: 5, childLeft: true, notAssessed: false })).toBe(12);
    expect(counsellingRemaining({ approvedExtra: 0, childLeft: false, notAssessed: true }, ['2025-01-10'], '2025-03-01')).toBe(1);
  });
});
