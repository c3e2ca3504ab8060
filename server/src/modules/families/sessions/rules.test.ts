import { describe, expect, it } from 'vitest';
import { mentoringRemaining } from '../service-limits.js';
import { childLeftRecently, counsellingAllowanceOf, counsellorProblem, countedMentoringDates, mentoringStage, mentorQualification, quarterBounds, remoteAgreed } from './rules.js';

describe('B-MENT-2 stage of a family on a day', () => {
  it.each([
    ['a child arrived before: quarter limit', true, [{ arrivedOn: '2025-01-10', leftOn: null }], '2025-03-01', 'with_child'],
    ['a child arrives that very day: quarter limit', true, [{ arrivedOn: '2025-03-01', leftOn: null }], '2025-03-01', 'with_child'],
    ['a child arrives the next day: still waiting', true, [{ arrivedOn: '2025-03-02', leftOn: null }], '2025-03-01', 'awaiting_child'],
    ['not assessed, no child', false, [], '2025-03-01', 'not_assessed'],
    ['a child who has since left still counts as having had a child', false, [{ arrivedOn: '2024-01-01', leftOn: '2024-06-01' }], '2025-03-01', 'with_child'],
  ] as const)('%s', (_name, assessed, placements, on, stage) => {
    expect(mentoringStage(assessed, placements, on)).toBe(stage);
  });

  it('B-MENT-2: before a child, only the sessions before the first arrival count, whatever their order', () => {
    expect(countedMentoringDates('awaiting_child', ['2025-01-01', '2025-05-01'], '2025-04-01')).toEqual(['2025-01-01']);
    expect(countedMentoringDates('not_assessed', ['2025-01-01', '2025-05-01'], null)).toEqual(['2025-01-01', '2025-05-01']);
    expect(countedMentoringDates('with_child', ['2025-01-01', '2025-05-01'], '2025-04-01')).toEqual(['2025-01-01', '2025-05-01']);
    expect(mentoringRemaining('awaiting_child', countedMentoringDates('awaiting_child', ['2025-01-01', '2025-05-01'], '2025-04-01'), '2025-03-01')).toBe(1);
  });

  it('names the quarter’s first and last day, at both year ends', () => {
    expect(quarterBounds('2025-03-31')).toEqual({ from: '2025-01-01', to: '2025-03-31' });
    expect(quarterBounds('2025-04-01')).toEqual({ from: '2025-04-01', to: '2025-06-30' });
    expect(quarterBounds('2025-12-31')).toEqual({ from: '2025-10-01', to: '2025-12-31' });
  });
});

describe('B-PSY-2 child left and not assessed', () => {
  it.each([
    ['left this year, before the day', [{ arrivedOn: '2020-01-01', leftOn: '2025-02-01' }], '2025-03-01', true],
    ['left on the day itself', [{ arrivedOn: '2020-01-01', leftOn: '2025-03-01' }], '2025-03-01', true],
    ['leaves after the day: not yet', [{ arrivedOn: '2020-01-01', leftOn: '2025-03-02' }], '2025-03-01', false],
    ['left on 01.01 of the year before: still counts', [{ arrivedOn: '2020-01-01', leftOn: '2024-01-01' }], '2025-12-31', true],
    ['left on 31.12 two years before: too long ago', [{ arrivedOn: '2020-01-01', leftOn: '2023-12-31' }], '2025-01-01', false],
    ['still in the family', [{ arrivedOn: '2020-01-01', leftOn: null }], '2025-03-01', false],
  ] as const)('%s', (_name, placements, on, left) => {
    expect(childLeftRecently(placements, on)).toBe(left);
  });

  it('the allowance carries the year’s approved extras and whether the family is assessed', () => {
    expect(counsellingAllowanceOf(false, [], 3, '2025-01-01')).toEqual({ approvedExtra: 3, childLeft: false, notAssessed: true });
    expect(counsellingAllowanceOf(true, [{ arrivedOn: '2020-01-01', leftOn: '2025-01-01' }], 0, '2025-01-01')).toEqual({ approvedExtra: 0, childLeft: true, notAssessed: false });
  });
});

describe('who may hold a session', () => {
  const base = { roles: ['mentor'], skaApprovedOn: '2024-01-01', supportedFamilyBefore: false };
  it('B-MENT-3: an SKA-approved mentor qualifies from the approval day, not the day before', () => {
    expect(mentorQualification(base, '2024-01-01')).toBe('qualified');
    expect(mentorQualification(base, '2023-12-31')).toBe('not_approved');
    expect(mentorQualification({ ...base, skaApprovedOn: null }, '2025-01-01')).toBe('not_approved');
  });
  it('B-MENT-3 §2.3.6.1: without the mentor role only the family’s earlier supporter qualifies (still SKA-approved)', () => {
    expect(mentorQualification({ ...base, roles: ['family_supporter'] }, '2025-01-01')).toBe('no_mentor_role');
    expect(mentorQualification({ ...base, roles: ['family_supporter'], supportedFamilyBefore: true }, '2025-01-01')).toBe('qualified');
    expect(mentorQualification({ ...base, roles: ['family_supporter'], supportedFamilyBefore: true, skaApprovedOn: null }, '2025-01-01')).toBe('not_approved');
  });
  it('B-PSY-3 §2.5.7: counselling by a psychologist, supervision by a supervisor', () => {
    expect(counsellorProblem('counselling', { ...base, roles: ['psychologist'] }, '2025-01-01')).toBeNull();
    expect(counsellorProblem('supervision', { ...base, roles: ['psychologist'] }, '2025-01-01')).toBe('role_mismatch');
    expect(counsellorProblem('supervision', { ...base, roles: ['supervisor'], skaApprovedOn: '2025-01-02' }, '2025-01-01')).toBe('not_approved');
  });
  it('B-PSY-3 §2.8.11: remote only with an agreement on or before the day', () => {
    expect(remoteAgreed('in_person', null, '2025-03-03')).toBe(true);
    expect(remoteAgreed('remote', null, '2025-03-03')).toBe(false);
    expect(remoteAgreed('remote', '2025-03-04', '2025-03-03')).toBe(false);
    expect(remoteAgreed('remote', '2025-03-03', '2025-03-03')).toBe(true);
    expect(remoteAgreed('remote', '2024-12-31', '2025-03-03')).toBe(true);
  });
});
