/**
 * B-REP-2 — the e-invoice for an approved monthly report, in EN 16931 (UBL 2.1
 * syntax, CustomizationID urn:cen.eu:en16931:2017), generated with the
 * maintained library @e-invoice-eu/core (its "UBL" format; it checks the
 * invoice data against the EN 16931 data model before writing the XML).
 *
 * Decisions (documented here and in the report of this slice):
 * - Seller = the provider organisation (name, registry code from Tugi). The
 *   organisation table has no address, IBAN or VAT number and the migration is
 *   not changed, so the provider admin enters IBAN, address and (optional) VAT
 *   number when issuing; the next issue offers the values of its last invoice.
 * - Buyer = Sotsiaalkindlustusamet, registry code 70001975, Paldiski mnt 80,
 *   15092 Tallinn; electronic addresses use scheme 0191 (Estonian business register code).
 * - VAT: the services are social services, exempt under KMS § 16 lg 2 p 6
 *   (VAT Directive art. 132(1)(g)): category E, rate 0, reason code
 *   VATEX-EU-132-1G, no VAT amount. Without a VAT number the seller's tax
 *   registration identifier (BT-32) is its registry code (BR-E-02).
 * - One invoice line per service and unit price (family support, mentoring,
 *   counselling, supervision, support groups): service-level names only, never
 *   a family or child (adoption secrecy, B-SEC). Only billable lines of the
 *   approved revision: volumes over the limits are never billed.
 * - Money is integer cents throughout; XML amounts are written from cents
 *   with exactly two decimals (no floating point).
 * - Number "A-<report reference>", issued today (Tallinn), due in 14 calendar days,
 *   BuyerReference / OrderReference / ContractDocumentReference = the contract reference.
 */
import { createRequire } from 'node:module';
import { FormatFactoryService, invoiceSchema, ValidationService, type EInvoiceFormat, type Invoice, type Logger } from '@e-invoice-eu/core';
import { addCalendarDays } from '../../../platform/calendar/working-days.js';
import { firstDayOf, lastDayOf } from '../groups/rules.js';
import type { ReportLineService } from '../service-tables.js';

export const EN16931_CUSTOMIZATION_ID = 'urn:cen.eu:en16931:2017';
export const INVOICE_DUE_DAYS = 14;
export const VAT_EXEMPTION_CODE = 'VATEX-EU-132-1G';
export const VAT_EXEMPTION_REASON = 'Käibemaksuvaba sotsiaalteenus (KMS § 16 lg 2 p 6)';

export const SKA_BUYER = {
  name: 'Sotsiaalkindlustusamet',
  registryCode: '70001975',
  street: 'Paldiski mnt 80',
  city: 'Tallinn',
  postalZone: '15092',
  country: 'EE',
} as const;

/** Invoice line item names per service, in Estonian (the invoice's language). */
export const SERVICE_ITEM_NAMES: Record<ReportLineService, string> = {
  family_support: 'Peretugi (pere-kuu)',
  mentoring: 'Mentorlus (kohtumine)',
  counselling: 'Nõustamine (kohtumine)',
  supervision: 'Supervisioon (kohtumine)',
  support_group: 'Tugigrupp (kohtumine)',
};

const SERVICE_ORDER: ReportLineService[] = ['family_support', 'mentoring', 'counselling', 'supervision', 'support_group'];

// ---------------------------------------------------------------- money

/** Integer cents (number, bigint or the database's bigint string) as a decimal with two places: 123456789 → "1234567.89". */
export function centsToDecimal(cents: number | bigint | string): string {
  const value = BigInt(cents);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const whole = abs / 100n;
  const fraction = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}

/** A decimal with at most two places back to integer cents; null when it is not such a number. */
export function decimalToCents(text: string): bigint | null {
  const m = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  const cents = BigInt(m[2]!) * 100n + BigInt((m[3] ?? '0').padEnd(2, '0'));
  return m[1] ? -cents : cents;
}

/** Thousandths as a decimal without trailing zeros: 2500 → "2.5", 1000 → "1". */
export function milliToDecimal(milli: number): string {
  const whole = Math.trunc(milli / 1000);
  const fraction = String(milli % 1000).padStart(3, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : String(whole);
}

/** Estonian display of cents: 123456789 → "1 234 567,89 €". */
export function formatEuro(cents: number | bigint | string): string {
  const [whole, fraction] = centsToDecimal(cents).split('.');
  return `${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0')},${fraction} €`;
}

// ---------------------------------------------------------------- lines

export interface BillableLine {
  service: ReportLineService;
  quantity_milli: number;
  unit_cents: number;
  amount_cents: number;
  billable: boolean;
}

export interface InvoiceLineGroup {
  service: ReportLineService;
  name: string;
  unitCode: 'MON' | 'C62';
  /** Quantity in thousandths and price in cents; quantity × price = amount to the cent (otherwise quantity 1 at the amount). */
  quantityMilli: number;
  priceCents: bigint;
  amountCents: bigint;
  /** Report lines folded into this invoice line. */
  count: number;
}

/**
 * Billable report lines folded into one invoice line per service and unit
 * price. When the report's pro-rated amounts do not equal quantity × price
 * (a part month rounded per family), the line is billed as quantity 1 at
 * the line total, so line amount = quantity × price always holds.
 */
export function invoiceLineGroups(lines: readonly BillableLine[]): InvoiceLineGroup[] {
  const groups = new Map<string, InvoiceLineGroup>();
  for (const line of lines) {
    if (!line.billable || line.amount_cents <= 0) continue;
    const key = `${line.service}:${line.unit_cents}`;
    const group = groups.get(key) ?? {
      service: line.service,
      name: SERVICE_ITEM_NAMES[line.service],
      unitCode: line.service === 'family_support' ? ('MON' as const) : ('C62' as const),
      quantityMilli: 0,
      priceCents: BigInt(line.unit_cents),
      amountCents: 0n,
      count: 0,
    };
    group.quantityMilli += line.quantity_milli;
    group.amountCents += BigInt(line.amount_cents);
    group.count++;
    groups.set(key, group);
  }
  return [...groups.values()]
    .sort((a, b) => SERVICE_ORDER.indexOf(a.service) - SERVICE_ORDER.indexOf(b.service) || Number(a.priceCents - b.priceCents))
    .map((g) => {
      const exact = g.quantityMilli > 0 && BigInt(g.quantityMilli) * g.priceCents === g.amountCents * 1000n;
      return exact ? g : { ...g, unitCode: 'C62' as const, quantityMilli: 1000, priceCents: g.amountCents };
    });
}

// ---------------------------------------------------------------- invoice

export interface SellerDetails {
  name: string;
  registryCode: string;
  iban: string;
  street: string;
  city: string;
  postalZone: string;
  vatNumber?: string | null;
  email?: string | null;
}

export interface EInvoiceInput {
  number: string;
  issuedOn: string;
  dueOn: string;
  month: string;
  reportReference: string;
  contractReference: string | null;
  seller: SellerDetails;
  lines: InvoiceLineGroup[];
  totalCents: bigint;
}

export const MONTH_NAMES_ET = ['jaanuar', 'veebruar', 'märts', 'aprill', 'mai', 'juuni', 'juuli', 'august', 'september', 'oktoober', 'november', 'detsember'];

export function monthLabelEt(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return `${MONTH_NAMES_ET[m! - 1]} ${y}`;
}

export function monthBounds(month: string): { start: string; end: string } {
  return { start: firstDayOf(month), end: lastDayOf(month) };
}

export function invoiceNumberFor(reportReference: string): string {
  return `A-${reportReference}`;
}

export function invoiceDueOn(issuedOn: string): string {
  return addCalendarDays(issuedOn, INVOICE_DUE_DAYS);
}

/** Normalised IBAN (no spaces, upper case) when its ISO 13616 check digits hold; otherwise null. */
export function normaliseIban(value: string): string | null {
  const iban = value.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban)) return null;
  const digits = (iban.slice(4) + iban.slice(0, 4)).replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rest = 0;
  for (const d of digits) rest = (rest * 10 + Number(d)) % 97;
  return rest === 1 ? iban : null;
}

/** The invoice as the library's EN 16931 data model (UBL element names). */
export function buildInvoice(input: EInvoiceInput): Invoice {
  const sum = input.lines.reduce((s, l) => s + l.amountCents, 0n);
  if (sum !== input.totalCents) throw new Error(`invoice lines sum to ${sum} cents, the approved total is ${input.totalCents}`);
  if (input.lines.length === 0) throw new Error('an invoice needs at least one line');
  const eur = 'EUR' as const;
  const total = centsToDecimal(input.totalCents);
  const period = monthBounds(input.month);
  const vat = { 'cbc:ID': 'E', 'cbc:Percent': '0', 'cac:TaxScheme': { 'cbc:ID': 'VAT' } };
  const s = input.seller;
  const sellerTax = s.vatNumber
    ? [{ 'cbc:CompanyID': s.vatNumber, 'cac:TaxScheme': { 'cbc:ID': 'VAT' } }]
    : [{ 'cbc:CompanyID': s.registryCode, 'cac:TaxScheme': { 'cbc:ID': 'TAX' } }];
  const reference = input.contractReference ?? input.reportReference;
  const lines = input.lines.map((l, i) => ({
    'cbc:ID': String(i + 1),
    'cbc:InvoicedQuantity': milliToDecimal(l.quantityMilli),
    'cbc:InvoicedQuantity@unitCode': l.unitCode,
    'cbc:LineExtensionAmount': centsToDecimal(l.amountCents),
    'cbc:LineExtensionAmount@currencyID': eur,
    'cac:Item': { 'cbc:Name': l.name, 'cac:ClassifiedTaxCategory': vat },
    'cac:Price': { 'cbc:PriceAmount': centsToDecimal(l.priceCents), 'cbc:PriceAmount@currencyID': eur },
  }));
  return {
    'ubl:Invoice': {
      'cbc:CustomizationID': EN16931_CUSTOMIZATION_ID,
      'cbc:ID': input.number,
      'cbc:IssueDate': input.issuedOn,
      'cbc:DueDate': input.dueOn,
      'cbc:InvoiceTypeCode': '380',
      'cbc:Note': [`Peretoe teenused, ${monthLabelEt(input.month)}. Igakuine aruanne ${input.reportReference}, kinnitatud Sotsiaalkindlustusameti poolt.`],
      'cbc:DocumentCurrencyCode': eur,
      'cbc:BuyerReference': reference,
      'cac:InvoicePeriod': { 'cbc:StartDate': period.start, 'cbc:EndDate': period.end },
      'cac:OrderReference': { 'cbc:ID': reference },
      ...(input.contractReference ? { 'cac:ContractDocumentReference': { 'cbc:ID': input.contractReference } } : {}),
      'cac:AdditionalDocumentReference': [{ 'cbc:ID': input.reportReference, 'cbc:DocumentDescription': 'Igakuine aruanne' }],
      'cac:AccountingSupplierParty': {
        'cac:Party': {
          'cbc:EndpointID': s.registryCode,
          'cbc:EndpointID@schemeID': '0191',
          'cac:PartyName': { 'cbc:Name': s.name },
          'cac:PostalAddress': { 'cbc:StreetName': s.street, 'cbc:CityName': s.city, 'cbc:PostalZone': s.postalZone, 'cac:Country': { 'cbc:IdentificationCode': 'EE' } },
          'cac:PartyTaxScheme': sellerTax as [(typeof sellerTax)[number]],
          'cac:PartyLegalEntity': { 'cbc:RegistrationName': s.name, 'cbc:CompanyID': s.registryCode, 'cbc:CompanyID@schemeID': '0191' },
          ...(s.email ? { 'cac:Contact': { 'cbc:ElectronicMail': s.email } } : {}),
        },
      },
      'cac:AccountingCustomerParty': {
        'cac:Party': {
          'cbc:EndpointID': SKA_BUYER.registryCode,
          'cbc:EndpointID@schemeID': '0191',
          'cac:PartyName': { 'cbc:Name': SKA_BUYER.name },
          'cac:PostalAddress': { 'cbc:StreetName': SKA_BUYER.street, 'cbc:CityName': SKA_BUYER.city, 'cbc:PostalZone': SKA_BUYER.postalZone, 'cac:Country': { 'cbc:IdentificationCode': SKA_BUYER.country } },
          'cac:PartyLegalEntity': { 'cbc:RegistrationName': SKA_BUYER.name, 'cbc:CompanyID': SKA_BUYER.registryCode, 'cbc:CompanyID@schemeID': '0191' },
        },
      },
      'cac:PaymentMeans': [{ 'cbc:PaymentMeansCode': '58', 'cbc:PaymentID': input.number, 'cac:PayeeFinancialAccount': { 'cbc:ID': s.iban, 'cbc:Name': s.name } }],
      'cac:PaymentTerms': { 'cbc:Note': `Tasuda ${INVOICE_DUE_DAYS} päeva jooksul` },
      'cac:TaxTotal': [
        {
          'cbc:TaxAmount': '0.00',
          'cbc:TaxAmount@currencyID': eur,
          'cac:TaxSubtotal': [
            {
              'cbc:TaxableAmount': total,
              'cbc:TaxableAmount@currencyID': eur,
              'cbc:TaxAmount': '0.00',
              'cbc:TaxAmount@currencyID': eur,
              'cac:TaxCategory': { ...vat, 'cbc:TaxExemptionReasonCode': VAT_EXEMPTION_CODE, 'cbc:TaxExemptionReason': VAT_EXEMPTION_REASON },
            },
          ],
        },
      ],
      'cac:LegalMonetaryTotal': {
        'cbc:LineExtensionAmount': total,
        'cbc:LineExtensionAmount@currencyID': eur,
        'cbc:TaxExclusiveAmount': total,
        'cbc:TaxExclusiveAmount@currencyID': eur,
        'cbc:TaxInclusiveAmount': total,
        'cbc:TaxInclusiveAmount@currencyID': eur,
        'cbc:PayableAmount': total,
        'cbc:PayableAmount@currencyID': eur,
      },
      'cac:InvoiceLine': lines as Invoice['ubl:Invoice']['cac:InvoiceLine'],
    },
  } as Invoice;
}

const quiet: Logger = { log: () => undefined, warn: () => undefined, error: () => undefined };

/** Ajv's compiled validator, as ValidationService takes it. */
type InvoiceValidator = Parameters<ValidationService['validate']>[1];

let ubl: { format: EInvoiceFormat; validate: InvoiceValidator } | undefined;

/**
 * The library's UBL format and its invoice-data validator, made once. The
 * library's InvoiceService.generate compiles the whole EN 16931 JSON schema
 * with Ajv on every call (about 0.2 s, nearly all of an invoice's time); this
 * does the same steps with the same schema, patch and Ajv options (the Ajv the
 * library itself loads), keeping the compiled validator.
 */
function ublWriter() {
  if (ubl) return ubl;
  const format = new FormatFactoryService().createFormatService('UBL', quiet);
  const schema = structuredClone(invoiceSchema);
  format.patchSchema(schema);
  const libraryRequire = createRequire(createRequire(import.meta.url).resolve('@e-invoice-eu/core'));
  const Ajv2019 = (libraryRequire('ajv/dist/2019') as { default: new (options: object) => { compile(schema: object): InvoiceValidator } }).default;
  ubl = { format, validate: new Ajv2019({ strict: true, allErrors: true, useDefaults: true }).compile(schema) };
  return ubl;
}

/** The UBL XML, written by @e-invoice-eu/core's EN 16931 UBL format (which validates the data model first). */
export async function generateUbl(invoice: Invoice): Promise<string> {
  const { format, validate } = ublWriter();
  const data = new ValidationService(quiet).validate('invoice data', validate, structuredClone(invoice)) as Invoice;
  format.fillInvoiceDefaults(data);
  const xml = await format.generate(data, { format: 'ubl', lang: 'et', noWarnings: true });
  return typeof xml === 'string' ? xml : Buffer.from(xml).toString('utf8');
}
