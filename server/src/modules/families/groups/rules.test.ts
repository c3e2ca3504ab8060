import { describe, expect, it } from 'vitest';
import { countedParticipants, firstOpenPlanMonth, quarterMinimum, groupPayability, lastDayOf, nextMonthOf, planDeadlineState, planOpen, proofComplete, quarterOfMonth, quarterRange, type AttendanceFacts } from './rules.js';
import { escapeHtml, renderWidget } from './widget.js';

const facts = (over: Partial<AttendanceFacts> = {}): AttendanceFacts => ({
  online: false,
  island: false,
  actualMinutes: 120,
  smallGroupApproved: false,
  leaderSigned: true,
  hasAttendanceList: true,
  hasScreenshot: false,
  signatures: Array(6).fill('signed'),
  ...over,
});

describe('B-GRP-1: plan deadline', () => {
  it.each([
    ['2026-06', '2026-05-01', 'open', 14],
    ['2026-06', '2026-05-10', 'due_soon', 5],
    ['2026-06', '2026-05-15', 'due_soon', 0],
    ['2026-06', '2026-05-16', 'late', -1],
    ['2027-01', '2026-12-15', 'due_soon', 0],
  ])('B-GRP-1: plan %s on %s is %s (%i days left)', (month, today, state, daysLeft) => {
    expect(planDeadlineState(month, today)).toMatchObject({ state, daysLeft });
  });

  it('B-GRP-1: open on the 15th, closed on the 16th', () => {
    expect(planOpen('2026-06', '2026-05-15')).toBe(true);
    expect(planOpen('2026-06', '2026-05-16')).toBe(false);
  });

  it('B-GRP-1: the first open plan is next month until the 15th, then the month after (across the year end)', () => {
    expect(firstOpenPlanMonth('2026-11-15')).toBe('2026-12');
    expect(firstOpenPlanMonth('2026-11-16')).toBe('2027-01');
    expect(firstOpenPlanMonth('2026-12-22')).toBe('2027-02');
    expect(firstOpenPlanMonth('2027-01-31')).toBe('2027-03');
  });

  it('B-GRP-4: a quarter below the minimum only once it has ended; a running one is at risk without an approved group', () => {
    expect(quarterMinimum({ held: 1, approved: 1, quarterEnded: false })).toBe('met');
    expect(quarterMinimum({ held: 0, approved: 0, quarterEnded: true })).toBe('below');
    expect(quarterMinimum({ held: 0, approved: 2, quarterEnded: true })).toBe('below');
    expect(quarterMinimum({ held: 0, approved: 1, quarterEnded: false })).toBe('on_track');
    expect(quarterMinimum({ held: 0, approved: 0, quarterEnded: false })).toBe('at_risk');
  });

  it('months and quarters', () => {
    expect(nextMonthOf('2026-12-31')).toBe('2027-01');
    expect(lastDayOf('2028-02')).toBe('2028-02-29');
    expect(quarterRange('2026-Q4')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(quarterOfMonth('2026-04')).toBe('2026-Q2');
  });
});

describe('B-GRP-2, B-GRP-3, B-GRP-5: payability', () => {
  it('B-GRP-3: online 1 h 30 min → 0.75 units; island 3 h 30 min → 2.25; in person 1 h 59 min not paid', () => {
    expect(groupPayability(facts({ online: true, hasScreenshot: true, hasAttendanceList: false, actualMinutes: 90 }))).toMatchObject({ units: 0.75, excludedReason: null });
    expect(groupPayability(facts({ island: true, actualMinutes: 210 }))).toMatchObject({ units: 2.25, excludedReason: null });
    expect(groupPayability(facts({ actualMinutes: 119 }))).toMatchObject({ units: 0, excludedReason: 'B_GRP_TOO_SHORT' });
  });

  it('B-GRP-2: 5 need prior approval, 3 are too few; every problem is listed', () => {
    expect(groupPayability(facts({ signatures: Array(5).fill('signed') })).excludedReason).toBe('B_GRP_NEEDS_APPROVAL');
    expect(groupPayability(facts({ signatures: Array(5).fill('signed'), smallGroupApproved: true })).excludedReason).toBeNull();
    expect(groupPayability(facts({ signatures: Array(3).fill('signed'), actualMinutes: 60, leaderSigned: false })).problems).toEqual(['B_GRP_TOO_SHORT', 'B_GRP_TOO_FEW', 'B_GRP_PROOF_MISSING']);
  });

  it('B-GRP-5: who counts and what proves attendance', () => {
    expect(countedParticipants({ signatures: ['signed', 'none', 'screenshot', 'digital'], hasScreenshot: false })).toBe(2);
    expect(countedParticipants({ signatures: ['signed', 'none', 'screenshot', 'digital'], hasScreenshot: true })).toBe(3);
    expect(proofComplete(facts({ hasAttendanceList: false }))).toBe(false);
    expect(proofComplete(facts({ online: true, hasAttendanceList: false, signatures: Array(6).fill('digital') }))).toBe(true);
    expect(proofComplete(facts({ online: true, hasAttendanceList: true, signatures: ['digital', 'signed'] }))).toBe(false);
    expect(proofComplete(facts({ online: true, hasScreenshot: true, leaderSigned: false }))).toBe(false);
  });
});

describe('§2.8.2.2: the widget', () => {
  it('escapes every value and has no script', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&`)).toBe('&#60;a href&#61;&#34;x&#34; onclick&#61;&#39;y&#39;&#62;&#38;');
    const html = renderWidget(
      [{ id: '1', date: '2026-06-05', startsAt: '17:30', minutes: 150, online: false, place: '<b>Saal</b>', municipality: 'Saaremaa vald', topic: 'T', familyType: 'mixed', leaderName: 'L', publicInfo: null, provider: 'P' }],
      { lang: 'en', providerName: null },
    );
    expect(html).toContain('05.06.2026 17:30–20:00 · &#60;b&#62;Saal&#60;/b&#62;, Saaremaa vald');
    expect(html).toContain('Organised by: P');
    expect(html).not.toMatch(/<script/i);
  });
});
