import { describe, expect, it } from 'vitest';
import { buildInvoice, centsToDecimal, decimalToCents, formatEuro, generateUbl, invoiceLineGroups, milliToDecimal, normaliseIban, type BillableLine, type EInvoiceInput } from './einvoice.js';
import { checkEn16931 } from './einvoice-rules.js';

const seller = { name: 'Perekeskus Kasvulava OÜ', registryCode: '12345678', iban: 'EE382200221020145685', street: 'Rüütli 1', city: 'Tartu', postalZone: '51007' };

function input(lines: BillableLine[], overrides: Partial<EInvoiceInput> = {}): EInvoiceInput {
  const groups = invoiceLineGroups(lines);
  return {
    number: 'A-KA-2026-00001',
    issuedOn: '2026-02-10',
    dueOn: '2026-02-24',
    month: '2026-01',
    reportReference: 'KA-2026-00001',
    contractReference: 'TL-2025-7',
    seller,
    lines: groups,
    totalCents: groups.reduce((s, g) => s + g.amountCents, 0n),
    ...overrides,
  };
}

const line = (service: BillableLine['service'], amount: number, quantityMilli = 1000, unit = amount): BillableLine => ({ service, amount_cents: amount, quantity_milli: quantityMilli, unit_cents: unit, billable: true });

describe('B-REP-2 money in integer cents', () => {
  it.each([
    [0, '0.00'],
    [1, '0.01'],
    [33_333, '333.33'],
    [123_456_789, '1234567.89'],
    ['900719925474099312', '9007199254740993.12'],
  ] as const)('%s cents are written as %s and read back exactly', (cents, text) => {
    expect(centsToDecimal(cents)).toBe(text);
    expect(decimalToCents(text)).toBe(BigInt(cents));
  });

  it('reads only amounts with at most two decimals', () => {
    expect(decimalToCents('1.5')).toBe(150n);
    expect(decimalToCents('1.234')).toBeNull();
    expect(decimalToCents('1e3')).toBeNull();
  });

  it('quantities, euro display and IBAN check digits', () => {
    expect(milliToDecimal(2500)).toBe('2.5');
    expect(milliToDecimal(1000)).toBe('1');
    expect(milliToDecimal(333)).toBe('0.333');
    expect(formatEuro(123_456_789)).toBe('1\u00a0234\u00a0567,89 €');
    expect(normaliseIban('ee38 2200 2210 2014 5685')).toBe('EE382200221020145685');
    expect(normaliseIban('EE382200221020145686')).toBeNull();
  });
});

describe('B-REP-2 invoice lines per service, never over the limits', () => {
  it('folds billable lines per service and unit price and skips excluded ones', () => {
    const groups = invoiceLineGroups([
      line('mentoring', 6_000, 1000, 6_000),
      line('mentoring', 6_000, 1000, 6_000),
      { service: 'mentoring', amount_cents: 0, quantity_milli: 1000, unit_cents: 6_000, billable: false },
      line('family_support', 45_000, 1000, 45_000),
    ]);
    expect(groups.map((g) => [g.service, g.quantityMilli, g.priceCents, g.amountCents, g.unitCode])).toEqual([
      ['family_support', 1000, 45_000n, 45_000n, 'MON'],
      ['mentoring', 2000, 6_000n, 12_000n, 'C62'],
    ]);
  });

  it('a pro-rated part month that does not equal quantity × price is billed as 1 × the line total', () => {
    const [g] = invoiceLineGroups([line('family_support', 14_516, 323, 45_000)]);
    expect(g).toMatchObject({ quantityMilli: 1000, priceCents: 14_516n, amountCents: 14_516n });
  });
});

describe('B-REP-2 EN 16931 UBL from @e-invoice-eu/core, checked against the standard\'s rules', () => {
  it('awkward amounts (333,33 + 0,01 + 1 234 567,89) total to the cent and pass BR-*, BR-CO-*, BR-E-*', async () => {
    const xml = await generateUbl(buildInvoice(input([line('family_support', 33_333), line('mentoring', 1), line('counselling', 123_456_789)])));
    expect(checkEn16931(xml)).toEqual([]);
    expect(xml).toContain('<cbc:CustomizationID>urn:cen.eu:en16931:2017</cbc:CustomizationID>');
    expect(xml).toMatch(/<cbc:PayableAmount currencyID="EUR">1234901\.23<\/cbc:PayableAmount>/);
    expect(xml).toMatch(/<cbc:TaxAmount currencyID="EUR">0\.00<\/cbc:TaxAmount>/);
    expect(xml).toContain('<cbc:TaxExemptionReasonCode>VATEX-EU-132-1G</cbc:TaxExemptionReasonCode>');
    expect(xml).toContain('<cbc:BuyerReference>TL-2025-7</cbc:BuyerReference>');
  });

  it('a VAT-registered seller carries its VAT identifier instead of the tax registration identifier', async () => {
    const xml = await generateUbl(buildInvoice(input([line('support_group', 30_000)], { seller: { ...seller, vatNumber: 'EE100000000' } })));
    expect(checkEn16931(xml)).toEqual([]);
    expect(xml).toContain('<cbc:CompanyID>EE100000000</cbc:CompanyID>');
  });

  it('lines that do not add up to the approved total are refused before any XML is written', () => {
    expect(() => buildInvoice({ ...input([line('mentoring', 6_000)]), totalCents: 6_001n })).toThrow(/approved total/);
  });

  it('the checker finds broken sums, missing VAT exemption reasons, three-decimal amounts and a missing due date', async () => {
    const xml = await generateUbl(buildInvoice(input([line('mentoring', 6_000), line('counselling', 7_000)])));
    const rules = (broken: string) => checkEn16931(broken).map((v) => v.rule);
    expect(rules(xml.replace('<cbc:LineExtensionAmount currencyID="EUR">60.00</cbc:LineExtensionAmount>', '<cbc:LineExtensionAmount currencyID="EUR">60.01</cbc:LineExtensionAmount>'))).toContain('BR-CO-10');
    expect(rules(xml.replace(/<cbc:TaxExemptionReasonCode>.*?<\/cbc:TaxExemptionReasonCode>/, '').replace(/<cbc:TaxExemptionReason>.*?<\/cbc:TaxExemptionReason>/, ''))).toContain('BR-E-10');
    expect(rules(xml.replace('<cbc:PayableAmount currencyID="EUR">130.00</cbc:PayableAmount>', '<cbc:PayableAmount currencyID="EUR">130.001</cbc:PayableAmount>'))).toContain('BR-DEC-18');
    expect(rules(xml.replace(/<cbc:DueDate>.*?<\/cbc:DueDate>/, '').replace(/<cac:PaymentTerms>[\s\S]*?<\/cac:PaymentTerms>/, ''))).toContain('BR-CO-25');
    expect(rules(xml.replace(/<cbc:CustomizationID>.*?<\/cbc:CustomizationID>/, '<cbc:CustomizationID>urn:example</cbc:CustomizationID>'))).toContain('BR-01');
    expect(rules(xml.replace(/<cac:PartyTaxScheme>[\s\S]*?<\/cac:PartyTaxScheme>/, ''))).toContain('BR-E-02');
  });
});
