import { describe, expect, it } from 'vitest';
import { PEREPESA, SIGNS_OF_SAFETY } from './measures.js';
import { populationCategory, rankApplications, type RankInput } from './rules.js';

/** Municipalities with their populations from the reference data (server/data/municipalities.csv). */
const POP = { Tallinn: 457_000, Tartu: 97_000, Narva: 53_000, Parnu: 52_000, KohtlaJarve: 32_000, Saaremaa: 31_000, Rae: 25_000, Elva: 14_400, Viljandi: 17_000 } as const;
type Kov = keyof typeof POP;

let clock = 0;
const app = (kov: Kov, status: RankInput['status'] = 'eligible', requestedCents = 20_000_000, grantedCents: number | null = null): RankInput => ({
  id: kov, status, population: POP[kov], requestedCents, grantedCents, submittedAt: `2026-10-${String(10 + clock++).padStart(2, '0')}T09:00:00.000Z`,
});
const rank = (apps: RankInput[], budgetCents = 1_000_000_000, placesPerCategory = 2, measure = SIGNS_OF_SAFETY) => rankApplications(apps, { measure, placesPerCategory, budgetCents });
const places = (r: ReturnType<typeof rank>) => Object.fromEntries(r.rows.map((x) => [x.id, x.place]));
const fundable = (r: ReturnType<typeof rank>) => r.rows.filter((x) => x.fundable).map((x) => x.id);
const codes = (r: ReturnType<typeof rank>, id: string) => r.rows.find((x) => x.id === id)!.explanation.map((e) => e.code);

describe('D-SOS-ORDER ranking', () => {
  it('D-SOS-ORDER: three categories — over 50,000; 20,000–50,000 with both bounds; under 20,000', () => {
    expect(populationCategory(457_000)).toBe('over_50000');
    expect(populationCategory(50_001)).toBe('over_50000');
    expect(populationCategory(50_000)).toBe('from_20000_to_50000');
    expect(populationCategory(20_000)).toBe('from_20000_to_50000');
    expect(populationCategory(19_999)).toBe('under_20000');
    expect(populationCategory(150)).toBe('under_20000');
  });

  it('D-SOS-ORDER without spill-over: two places per category in submission order; the third large town gets none', () => {
    clock = 0;
    const r = rank([app('Tallinn'), app('Tartu'), app('Narva'), app('KohtlaJarve'), app('Saaremaa'), app('Elva'), app('Viljandi')]);
    expect(places(r)).toEqual({ Tallinn: 'category', Tartu: 'category', Narva: null, KohtlaJarve: 'category', Saaremaa: 'category', Elva: 'category', Viljandi: 'category' });
    expect(r.spilloverPlaces).toBe(0);
    expect(codes(r, 'Narva')).toEqual(['D_SOS_ORDER_NO_PLACE']);
    expect(r.rows.find((x) => x.id === 'Tartu')!.explanation[0]).toEqual({ code: 'D_SOS_ORDER_CATEGORY_PLACE', params: { category: 'over_50000', n: 2, places: 2, population: 97_000 } });
    expect(fundable(r)).toEqual(['Tallinn', 'Tartu', 'KohtlaJarve', 'Saaremaa', 'Elva', 'Viljandi']);
  });

  it('D-SOS-ORDER with spill-over: a category with fewer eligible applications passes its places to the earliest eligible ones elsewhere', () => {
    clock = 0;
    // Small municipalities: one eligible (Elva) for two places; medium: none — three places spill over.
    const r = rank([app('Tallinn'), app('Tartu'), app('Narva'), app('Elva'), app('Parnu')]);
    expect(r.categories).toEqual([
      { category: 'over_50000', places: 2, taken: 2, unused: 0 },
      { category: 'from_20000_to_50000', places: 2, taken: 0, unused: 2 },
      { category: 'under_20000', places: 2, taken: 1, unused: 1 },
    ]);
    expect(r.spilloverPlaces).toBe(3);
    expect(places(r)).toEqual({ Tallinn: 'category', Tartu: 'category', Narva: 'spillover', Elva: 'category', Parnu: 'spillover' });
    expect(r.rows.find((x) => x.id === 'Narva')!.explanation[0]).toEqual({ code: 'D_SOS_ORDER_SPILLOVER', params: { category: 'over_50000', from: 'from_20000_to_50000, under_20000' } });
    // One spill-over place only: the earliest (Narva, submitted before Pärnu) gets it.
    clock = 0;
    const one = rank([app('Tallinn'), app('Tartu'), app('Narva'), app('KohtlaJarve'), app('Saaremaa'), app('Elva'), app('Parnu')]);
    expect(places(one)).toMatchObject({ Narva: 'spillover', Parnu: null });
  });

  it('D-SOS-ORDER: one place per category when the round says so', () => {
    clock = 0;
    const r = rank([app('Tallinn'), app('Tartu'), app('Rae'), app('Elva'), app('Viljandi')], 1_000_000_000, 1);
    expect(places(r)).toEqual({ Tallinn: 'category', Tartu: null, Rae: 'category', Elva: 'category', Viljandi: null });
  });

  it('D-SOS-ORDER budget exhaustion: funded in order while the budget lasts; the first that does not fit may get the rest as partial funding; nobody after it jumps the queue', () => {
    clock = 0;
    const r = rank([app('Tallinn'), app('Tartu'), app('Rae', 'eligible', 20_000_000), app('Elva', 'eligible', 5_000_000)], 50_000_000);
    expect(fundable(r)).toEqual(['Tallinn', 'Tartu']);
    const rae = r.rows.find((x) => x.id === 'Rae')!;
    expect(rae).toMatchObject({ budgetBeforeCents: 10_000_000, fundable: false, partialPossibleCents: 10_000_000 });
    expect(rae.explanation.at(-1)).toEqual({ code: 'D_SOS_ORDER_BUDGET_EXHAUSTED', params: { amountCents: 20_000_000, remainingCents: 10_000_000 } });
    expect(codes(r, 'Elva')).toEqual(['D_SOS_ORDER_CATEGORY_PLACE', 'D_SOS_ORDER_BUDGET_STOPPED']);
    expect(r.remainingCents).toBe(10_000_000);
    // Exactly the rest of the budget fits.
    clock = 0;
    expect(fundable(rank([app('Tallinn', 'eligible', 30_000_000), app('Tartu', 'eligible', 20_000_000)], 50_000_000))).toEqual(['Tallinn', 'Tartu']);
  });

  it('D-SOS-ORDER: granted applications keep their places and amounts; a lapsed one leaves the line and the next becomes fundable', () => {
    clock = 0;
    // Every category full: the medium and small places are taken.
    const others = () => [app('KohtlaJarve'), app('Saaremaa'), app('Elva'), app('Viljandi')];
    const apps = [app('Tallinn'), app('Tartu', 'contract_sent', 20_000_000, 18_000_000), app('Narva'), ...others()];
    const before = rank(apps);
    expect(places(before)).toMatchObject({ Tallinn: 'category', Tartu: 'category', Narva: null });
    expect(before.reservedCents).toBe(6 * 20_000_000 - 2_000_000);
    // Tartu did not sign in time (D-CONTRACT): its place goes to Narva, next in line.
    const after = rank(apps.map((a) => (a.id === 'Tartu' ? { ...a, status: 'lapsed' as const } : a)));
    expect(places(after)).toMatchObject({ Tallinn: 'category', Narva: 'category' });
    expect(fundable(after)).toEqual(['Tallinn', 'Narva', 'KohtlaJarve', 'Saaremaa', 'Elva', 'Viljandi']);
    // Decided earlier but submitted later: a granted application keeps its category place before an eligible one.
    clock = 0;
    const kept = rank([app('Tallinn'), app('Tartu'), app('Narva', 'granted', 20_000_000, 20_000_000), ...others()]);
    expect(places(kept)).toMatchObject({ Tallinn: 'category', Tartu: null, Narva: 'category' });
    // Submitted, in review, rejected and not funded applications are not in the line.
    clock = 0;
    expect(rank([app('Tallinn', 'submitted'), app('Tartu', 'in_review'), app('Narva', 'rejected'), app('Parnu', 'not_funded'), app('Elva')]).rows.map((x) => x.id)).toEqual(['Elva']);
  });

  it('D-PESA: no categories — every eligible application in line by submission, within the budget', () => {
    clock = 0;
    const r = rank([app('Tallinn'), app('Tartu'), app('Narva'), app('Parnu')], 60_000_000, 2, PEREPESA);
    expect(r.categories).toEqual([]);
    expect(fundable(r)).toEqual(['Tallinn', 'Tartu', 'Narva']);
    expect(codes(r, 'Parnu')).toEqual(['D_PESA_ORDER_IN_LINE', 'D_SOS_ORDER_BUDGET_EXHAUSTED']);
  });
});
