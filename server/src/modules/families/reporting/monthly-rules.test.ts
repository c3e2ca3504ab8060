import { describe, expect, it } from 'vitest';
import { addCalendarDays, compareIsoDates } from '../../../platform/calendar/working-days.js';
import { quarterOf } from '../service-limits.js';
import {
  composeReport,
  familySupportLines,
  lineAmount,
  missingSignatures,
  previousMonth,
  reportDueOn,
  reportTotals,
  sessionsWithinLimits,
  signatureFingerprint,
  signatureNeeds,
  submittedLate,
  type DraftInput,
  type FamilySessionFacts,
  type SessionFact,
} from './monthly-rules.js';
import { prng } from '../../../seed/random.js';


const PRICES = { familySupportMonthCents: 42_000, mentoringSessionCents: 6_000, counsellingSessionCents: 7_500, supportGroupMeetingCents: 32_000 };

describe('B-REP-1 months and deadlines', () => {
  it('the report of a month is due on the 5th of the next month; the 5th is in time, the 6th late', () => {
    expect(reportDueOn('2026-01')).toBe('2026-02-05');
    expect(reportDueOn('2025-12')).toBe('2026-01-05');
    expect(submittedLate('2026-02-05', '2026-02-05')).toBe(false);
    expect(submittedLate('2026-02-05', '2026-02-06')).toBe(true);
    expect(previousMonth('2026-01-01')).toBe('2025-12');
    expect(previousMonth('2026-03-31')).toBe('2026-02');
  });

  it('amounts round half up to the cent; excluded lines cost nothing but their value is counted apart', () => {
    expect(lineAmount(1083, 32_000)).toBe(34_656);
    expect(lineAmount(1500, 33_333)).toBe(50_000);
    const totals = reportTotals([
      { quantityMilli: 1000, unitCents: 100, amountCents: 100, billable: true },
      { quantityMilli: 2000, unitCents: 100, amountCents: 0, billable: false },
    ]);
    expect(totals).toEqual({ totalCents: 100, excludedCents: 200, billableLines: 1, excludedLines: 1 });
  });
});

describe('B-ADAPT-1 / B-NEED-1 family months', () => {
  const base = { kind: 'needs_based' as const, specialistId: 's1', servedTo: null, endedOn: null, limitKind: 'needs_based_volume' as const };
  it('a month with a day inside the volume is billed; a month after the volume is listed with B_NEED_VOLUME_USED', () => {
    const lines = familySupportLines('2026-03', [
      { ...base, episodeId: 'e1', familyId: 'f1', servedFrom: '2025-05-01', lastAllowedDay: '2026-03-01' },
      { ...base, episodeId: 'e2', familyId: 'f2', servedFrom: '2025-01-01', lastAllowedDay: '2026-02-28' },
    ], 42_000);
    expect(lines.map((l) => [l.episodeId, l.billable, l.excludedReason])).toEqual([
      ['e1', true, null],
      ['e2', false, 'B_NEED_VOLUME_USED'],
    ]);
  });

  it('the price is per family and month: a second episode of the same family in the month is not billed again', () => {
    const lines = familySupportLines('2026-03', [
      { ...base, kind: 'adaptation', limitKind: 'adaptation_window', episodeId: 'a', familyId: 'f1', servedFrom: '2026-01-10', lastAllowedDay: '2027-01-01' },
      { ...base, kind: 'adaptation', limitKind: 'adaptation_window', episodeId: 'b', familyId: 'f1', servedFrom: '2026-02-10', lastAllowedDay: '2027-02-01' },
    ], 42_000);
    expect(lines.map((l) => l.excludedReason)).toEqual([null, 'B_REP_SAME_FAMILY_MONTH']);
  });

  it('B-END: an episode that ended in the month is listed with its end; one that ended before is not', () => {
    const lines = familySupportLines('2026-03', [
      { ...base, episodeId: 'e1', familyId: 'f1', servedFrom: '2025-05-01', servedTo: '2026-03-10', endedOn: '2026-03-10', lastAllowedDay: '2026-04-01' },
      { ...base, episodeId: 'e2', familyId: 'f2', servedFrom: '2025-05-01', servedTo: '2026-02-27', endedOn: '2026-02-27', lastAllowedDay: '2026-04-01' },
    ], 42_000);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.description).toContain('lõppes 2026-03-10');
  });
});

describe('B-MENT-2 / B-PSY-1/2 replayed in date order', () => {
  const withChild: FamilySessionFacts = { assessed: true, placements: [{ arrivedOn: '2020-01-01', leftOn: null }], approvedExtraByYear: {} };
  const s = (id: string, service: SessionFact['service'], heldOn: string): SessionFact => ({ id, service, familyId: 'f', heldOn, seq: 0, providerId: 'p', specialistId: 'x', minutes: 60 });

  it('B-MENT-2: the 5th mentoring session of a quarter is over the limit; a new quarter starts again', () => {
    const sessions = ['2026-01-05', '2026-01-12', '2026-02-02', '2026-03-02', '2026-03-20', '2026-04-01'].map((d, i) => s(`m${i}`, 'mentoring', d));
    const verdicts = sessionsWithinLimits(sessions, withChild);
    expect([...verdicts.values()]).toEqual([null, null, null, null, 'B_MENT_OVER_LIMIT', null]);
  });

  it('B-MENT-2: a family not yet assessed has 2 sessions in total', () => {
    const verdicts = sessionsWithinLimits(['2026-01-05', '2026-04-12', '2026-07-02'].map((d, i) => s(`m${i}`, 'mentoring', d)), { assessed: false, placements: [], approvedExtraByYear: {} });
    expect([...verdicts.values()]).toEqual([null, null, 'B_MENT_OVER_LIMIT']);
  });

  it('B-PSY-1: counselling and supervision share 5 a year; SKA’s approved extras raise it', () => {
    const sessions = Array.from({ length: 7 }, (_, i) => s(`c${i}`, i % 2 ? 'supervision' : 'counselling', `2026-0${i + 1}-10`));
    expect([...sessionsWithinLimits(sessions, withChild).values()].filter(Boolean)).toHaveLength(2);
    expect([...sessionsWithinLimits(sessions, { ...withChild, approvedExtraByYear: { 2026: 1 } }).values()].filter(Boolean)).toHaveLength(1);
  });
});

describe('B-REP-1 signatures', () => {
  it('each specialist signs once and each of their recipients once; groups need none', () => {
    const lines = [
      { service: 'family_support' as const, specialistId: 'a', familyId: 'f1' },
      { service: 'mentoring' as const, specialistId: 'a', familyId: 'f2' },
      { service: 'counselling' as const, specialistId: 'b', familyId: 'f1' },
      { service: 'support_group' as const, specialistId: 'c', familyId: null },
    ];
    const needs = signatureNeeds(lines);
    expect(needs).toHaveLength(5);
    expect(missingSignatures(needs, [{ signer: 'specialist', specialistId: 'a', familyId: null }])).toHaveLength(4);
    const fp = signatureFingerprint({ signer: 'recipient', specialistId: 'a', familyId: 'f1' }, lines.map((l) => ({ ...l, sessionId: null, episodeId: 'e', occurredOn: '2026-01-01', quantityMilli: 1000 })));
    expect(fp).toContain('family_support');
    expect(fp).not.toContain('mentoring');
  });
});

describe('B-REP-2 property: the total is the sum of billable lines and never includes an over-limit item', () => {
  const month = '2026-02';
  function randomInput(random: () => number): { input: DraftInput; facts: Map<string, FamilySessionFacts> } {
    const pick = <T,>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    const day = (from: string, span: number) => addCalendarDays(from, Math.floor(random() * span));
    const familyIds = Array.from({ length: 1 + Math.floor(random() * 6) }, (_, i) => `f${i}`);
    const facts = new Map<string, FamilySessionFacts>();
    const sessionFamilies = familyIds.map((familyId) => {
      const arrived = random() < 0.7 ? day('2025-06-01', 400) : null;
      const f: FamilySessionFacts = {
        assessed: random() < 0.8,
        placements: arrived ? [{ arrivedOn: arrived, leftOn: random() < 0.2 ? day(arrived, 200) : null }] : [],
        approvedExtraByYear: random() < 0.3 ? { 2026: 1 + Math.floor(random() * 5) } : {},
      };
      facts.set(familyId, f);
      const sessions: SessionFact[] = Array.from({ length: Math.floor(random() * 14) }, (_, i) => ({
        id: `${familyId}-s${i}`,
        service: pick(['mentoring', 'counselling', 'supervision'] as const),
        familyId,
        heldOn: day('2025-12-01', 90),
        seq: i,
        providerId: random() < 0.8 ? 'p' : 'other',
        specialistId: pick(['a', 'b']),
        minutes: 60,
      }));
      return { facts: f, sessions };
    });
    const familySupport = familyIds.map((familyId, i) => ({
      episodeId: `e${i}`,
      familyId,
      kind: pick(['adaptation', 'needs_based'] as const),
      specialistId: 'a',
      servedFrom: day('2025-10-01', 150),
      servedTo: random() < 0.3 ? day('2026-01-15', 60) : null,
      lastAllowedDay: random() < 0.2 ? null : day('2026-01-01', 90),
      limitKind: pick(['adaptation_window', 'needs_based_volume', 'child_left'] as const),
      endedOn: null,
    }));
    const groups = Array.from({ length: Math.floor(random() * 5) }, (_, i) => {
      const billable = random() < 0.7;
      return { groupId: `g${i}`, heldOn: day('2026-02-01', 28), topic: 'Teema', leaderSpecialistId: 'c', minutes: 120 + Math.floor(random() * 90), participants: 6, units: pick([1, 1.25, 1.5, 0.75, 2.25]), unitCents: random() < 0.5 ? null : 31_999, billable, excludedReason: billable ? null : pick(['B_GRP_OVER_QUARTER', 'B_GRP_TOO_FEW', 'B_GRP_TOO_SHORT']) };
    });
    return { input: { month, providerId: 'p', prices: PRICES, familySupport, sessionFamilies, groups }, facts };
  }

  it('holds for 500 random months (seeded)', () => {
    const random = prng(20260205);
    for (let run = 0; run < 500; run += 1) {
      const { input, facts } = randomInput(random);
      const { lines, totals } = composeReport(input);
      // The total is the sum of the billable lines; excluded lines are worth 0 and carry their reason.
      expect(totals.totalCents).toBe(lines.filter((l) => l.billable).reduce((sum, l) => sum + l.amountCents, 0));
      for (const l of lines) {
        expect(l.billable).toBe(l.excludedReason === null);
        if (!l.billable) expect(l.amountCents).toBe(0);
        else expect(l.amountCents).toBe(lineAmount(l.quantityMilli, l.unitCents));
      }
      // Only the month's own sessions, never another provider's.
      const own = new Set(input.sessionFamilies.flatMap((f) => f.sessions.filter((s) => s.providerId === 'p' && s.heldOn.startsWith(month)).map((s) => s.id)));
      const sessionLines = lines.filter((l) => l.sessionId);
      expect(new Set(sessionLines.map((l) => l.sessionId))).toEqual(own);
      // Independently counted: a billed mentoring session is within 4 a quarter (2 in total before a child);
      // billed counselling/supervision within the yearly limit.
      for (const f of input.sessionFamilies) {
        const ordered = [...f.sessions].sort((a, b) => compareIsoDates(a.heldOn, b.heldOn) || a.seq - b.seq);
        const verdicts = sessionsWithinLimits(f.sessions, facts.get(f.sessions[0]?.familyId ?? '') ?? f.facts);
        const mentoring = ordered.filter((s) => s.service === 'mentoring' && verdicts.get(s.id) === null);
        for (const s of mentoring) {
          const hasChild = f.facts.placements.some((p) => compareIsoDates(p.arrivedOn, s.heldOn) <= 0);
          const before = mentoring.filter((m) => compareIsoDates(m.heldOn, s.heldOn) < 0 || (m.heldOn === s.heldOn && m.seq < s.seq));
          if (hasChild) expect(before.filter((m) => quarterOf(m.heldOn) === quarterOf(s.heldOn)).length).toBeLessThan(4);
          else expect(before.length).toBeLessThan(2);
        }
        const counselling = ordered.filter((s) => s.service !== 'mentoring' && verdicts.get(s.id) === null);
        const years = new Set(counselling.map((s) => s.heldOn.slice(0, 4)));
        for (const y of years) expect(counselling.filter((s) => s.heldOn.startsWith(y)).length).toBeLessThanOrEqual(5 + 5 + 2);
        for (const l of sessionLines.filter((x) => x.familyId === f.sessions[0]?.familyId)) expect(l.billable).toBe(verdicts.get(l.sessionId!) === null);
      }
      // A family-month is billed at most once, and never outside the volume.
      const billedFamilies = lines.filter((l) => l.service === 'family_support' && l.billable).map((l) => l.familyId);
      expect(new Set(billedFamilies).size).toBe(billedFamilies.length);
      for (const l of lines.filter((x) => x.service === 'family_support' && x.billable)) {
        const c = input.familySupport.find((x) => x.episodeId === l.episodeId)!;
        expect(c.lastAllowedDay).not.toBeNull();
        expect(compareIsoDates(l.occurredOn!, c.lastAllowedDay!)).toBeLessThanOrEqual(0);
      }
      // Groups the groups module excludes are never billed.
      for (const g of input.groups.filter((x) => !x.billable)) expect(lines.find((l) => l.groupId === g.groupId)!.billable).toBe(false);
    }
  });
});
