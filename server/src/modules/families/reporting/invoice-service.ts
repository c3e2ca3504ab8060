import { DOMParser } from '@xmldom/xmldom';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../../platform/db/schema.js';
import type { Actor } from '../../../platform/policy/actor.js';
import type { RequestContext } from '../../../platform/http/index.js';
import { AppError, notFound } from '../../../platform/http/index.js';
import { appendAudit } from '../../../platform/audit/audit.js';
import { monthlyReportScope } from '../../../platform/policy/policy.js';
import { formatDateEt, todayInTallinn, type IsoDate } from '../../../platform/calendar/working-days.js';
import type { Messages } from '../../../platform/i18n/messages.js';
import type { PdfDocument } from '../../../platform/documents/pdf.js';
import {
  buildInvoice,
  centsToDecimal,
  formatEuro,
  generateUbl,
  invoiceDueOn,
  invoiceLineGroups,
  invoiceNumberFor,
  milliToDecimal,
  monthLabelEt,
  normaliseIban,
  SKA_BUYER,
  VAT_EXEMPTION_REASON,
  type SellerDetails,
} from './einvoice.js';
import { checkEn16931 } from './einvoice-rules.js';

/** B-REP-2 error codes in et/en/ru (registered by the module's entry point). */
export const invoiceMessages: Messages = {
  B_REP2_NOT_APPROVED: {
    et: 'E-arve esitatakse alles pärast seda, kui Sotsiaalkindlustusamet on aruande kinnitanud.',
    en: 'The e-invoice can be issued only after SKA has approved the report.',
    ru: 'Электронный счёт выставляется только после утверждения отчёта Департаментом социального страхования.',
  },
  B_REP2_NOTHING_TO_BILL: {
    et: 'Kinnitatud aruandes ei ole arveldatavaid ridu.',
    en: 'The approved report has no billable lines.',
    ru: 'В утверждённом отчёте нет строк к оплате.',
  },
  B_REP2_TOTAL_MISMATCH: {
    et: 'Aruande read ({lines} €) ei klapi kinnitatud summaga ({total} €); arvet ei koostata.',
    en: 'The report lines ({lines} €) do not add up to the approved total ({total} €); no invoice is made.',
    ru: 'Строки отчёта ({lines} €) не совпадают с утверждённой суммой ({total} €); счёт не составляется.',
  },
  B_REP2_INVALID_IBAN: { et: 'IBAN ei ole korrektne.', en: 'The IBAN is not valid.', ru: 'IBAN некорректен.' },
  B_REP2_RULES_FAILED: {
    et: 'Koostatud e-arve ei vasta standardi EN 16931 reeglitele ({rules}).',
    en: 'The e-invoice does not meet the EN 16931 rules ({rules}).',
    ru: 'Электронный счёт не соответствует правилам EN 16931 ({rules}).',
  },
  B_REP2_NOT_ISSUED: { et: 'Sellele aruandele ei ole e-arvet veel esitatud.', en: 'No e-invoice has been issued for this report yet.', ru: 'Электронный счёт по этому отчёту ещё не выставлен.' },
};

export interface SellerInput {
  iban: string;
  street: string;
  city: string;
  postalZone: string;
  vatNumber?: string | null;
  email?: string | null;
}

export interface ReportForInvoice {
  id: string;
  reference: string;
  provider_organisation_id: string;
  provider_name: string;
  registry_code: string | null;
  contract_reference: string | null;
  month: string;
  status: string;
  revision: number;
  total_cents: string | number;
  decided_on: string | null;
}

export interface InvoiceRecord {
  id: string;
  report_id: string;
  number: string;
  issued_on: string;
  due_on: string;
  total_cents: string | number;
  ubl_xml: string;
  issued_by: string;
  issued_by_name: string | null;
}

/** The monthly report as its user may see it (policy row scope in SQL), or null. */
export async function findReportForInvoice(db: Kysely<DB> | Transaction<DB>, actor: Actor, id: string): Promise<ReportForInvoice | null> {
  const row = await db
    .selectFrom('monthly_reports')
    .innerJoin('organisations as provider', 'provider.id', 'monthly_reports.provider_organisation_id')
    .leftJoin('provider_contracts as contract', 'contract.id', 'monthly_reports.contract_id')
    .select([
      'monthly_reports.id',
      'monthly_reports.reference',
      'monthly_reports.provider_organisation_id',
      'provider.name as provider_name',
      'provider.registry_code',
      'contract.reference as contract_reference',
      'monthly_reports.month',
      'monthly_reports.status',
      'monthly_reports.revision',
      'monthly_reports.total_cents',
      'monthly_reports.decided_on',
    ])
    .where('monthly_reports.id', '=', id)
    .where(monthlyReportScope(actor))
    .executeTakeFirst();
  return row ?? null;
}

export async function invoiceOf(db: Kysely<DB> | Transaction<DB>, reportId: string): Promise<InvoiceRecord | null> {
  const row = await db
    .selectFrom('e_invoices')
    .leftJoin('users', 'users.id', 'e_invoices.issued_by')
    .select(['e_invoices.id', 'e_invoices.report_id', 'e_invoices.number', 'e_invoices.issued_on', 'e_invoices.due_on', 'e_invoices.total_cents', 'e_invoices.ubl_xml', 'e_invoices.issued_by', 'users.name as issued_by_name'])
    .where('e_invoices.report_id', '=', reportId)
    .executeTakeFirst();
  return row ?? null;
}

/** The seller details of the provider's last e-invoice, offered when it issues the next one. */
export async function sellerDefaults(db: Kysely<DB>, providerId: string): Promise<SellerInput | null> {
  const last = await db
    .selectFrom('e_invoices')
    .innerJoin('monthly_reports', 'monthly_reports.id', 'e_invoices.report_id')
    .select('e_invoices.ubl_xml')
    .where('monthly_reports.provider_organisation_id', '=', providerId)
    .orderBy('e_invoices.created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return last ? sellerFromXml(last.ubl_xml) : null;
}

export function sellerFromXml(xml: string): SellerInput | null {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const cac = 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2';
  const cbc = 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2';
  const party = doc.getElementsByTagNameNS(cac, 'AccountingSupplierParty')[0];
  const account = doc.getElementsByTagNameNS(cac, 'PayeeFinancialAccount')[0];
  if (!party || !account) return null;
  const first = (el: { getElementsByTagNameNS: (ns: string, name: string) => ArrayLike<{ textContent: string | null } | undefined> }, name: string) => el.getElementsByTagNameNS(cbc, name)[0]?.textContent?.trim() ?? '';
  const address = party.getElementsByTagNameNS(cac, 'PostalAddress')[0];
  const vatScheme = Array.from(party.getElementsByTagNameNS(cac, 'PartyTaxScheme')).find((s) => first(s, 'ID') === 'VAT');
  return {
    iban: first(account, 'ID'),
    street: address ? first(address, 'StreetName') : '',
    city: address ? first(address, 'CityName') : '',
    postalZone: address ? first(address, 'PostalZone') : '',
    vatNumber: vatScheme ? first(vatScheme, 'CompanyID') : null,
    email: first(party, 'ElectronicMail') || null,
  };
}

/** The invoice lines of the report's approved revision: its billable lines folded per service and price. */
async function invoiceGroupsOf(db: Kysely<DB> | Transaction<DB>, report: Pick<ReportForInvoice, 'id' | 'revision'>) {
  const lines = await db
    .selectFrom('monthly_report_lines')
    .select(['service', 'quantity_milli', 'unit_cents', 'amount_cents', 'billable'])
    .where('report_id', '=', report.id)
    .where('revision', '=', report.revision)
    .where('billable', '=', true)
    .execute();
  return invoiceLineGroups(lines);
}

/**
 * B-REP-2: the e-invoice for an approved report, for exactly its approved
 * total. Issued once; asking again gives the stored invoice (same number, same XML).
 * `issuedOn`: today (the demo seed gives its history's days).
 */
export async function issueInvoice(db: Kysely<DB>, ctx: RequestContext, reportId: string, seller: SellerInput, issuedOn: IsoDate = todayInTallinn(new Date())): Promise<{ invoice: InvoiceRecord; created: boolean }> {
  return db.transaction().execute(async (trx) => {
    const report = await findReportForInvoice(trx, ctx.actor, reportId);
    if (!report || ctx.actor.role !== 'provider_admin') throw notFound();
    // One issuer at a time per report: the row lock makes a double click wait, then find the invoice.
    await trx.selectFrom('monthly_reports').select('id').where('id', '=', report.id).forUpdate().executeTakeFirst();
    const existing = await invoiceOf(trx, report.id);
    if (existing) {
      await appendAudit(trx, ctx, [{ action: 'read', recordType: 'e_invoice', recordId: existing.id }]);
      return { invoice: existing, created: false };
    }
    if (report.status !== 'approved') throw new AppError(409, 'B_REP2_NOT_APPROVED');
    const iban = normaliseIban(seller.iban);
    if (!iban) throw new AppError(400, 'B_REP2_INVALID_IBAN');
    const groups = await invoiceGroupsOf(trx, report);
    const total = BigInt(report.total_cents);
    const linesTotal = groups.reduce((s, g) => s + g.amountCents, 0n);
    if (groups.length === 0 || total === 0n) throw new AppError(409, 'B_REP2_NOTHING_TO_BILL');
    if (linesTotal !== total) throw new AppError(409, 'B_REP2_TOTAL_MISMATCH', { lines: centsToDecimal(linesTotal), total: centsToDecimal(total) });
    const number = invoiceNumberFor(report.reference);
    const details: SellerDetails = {
      name: report.provider_name,
      registryCode: report.registry_code ?? '',
      iban,
      street: seller.street,
      city: seller.city,
      postalZone: seller.postalZone,
      vatNumber: seller.vatNumber || null,
      email: seller.email || null,
    };
    const xml = await generateUbl(
      buildInvoice({ number, issuedOn, dueOn: invoiceDueOn(issuedOn), month: report.month, reportReference: report.reference, contractReference: report.contract_reference, seller: details, lines: groups, totalCents: total }),
    );
    const violations = checkEn16931(xml);
    if (violations.length > 0) throw new AppError(422, 'B_REP2_RULES_FAILED', { rules: violations.map((v) => v.rule).join(', ') }, violations);
    const inserted = await trx
      .insertInto('e_invoices')
      .values({ report_id: report.id, number, issued_on: issuedOn, due_on: invoiceDueOn(issuedOn), total_cents: Number(total), ubl_xml: xml, issued_by: ctx.actor.userId })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, ctx, [{ action: 'create', recordType: 'e_invoice', recordId: inserted.id }]);
    return { invoice: (await invoiceOf(trx, report.id))!, created: true };
  });
}

/** A download (XML or PDF) of an issued invoice: provider admin of the report's provider or SKA; audited. */
export async function invoiceForDownload(db: Kysely<DB>, ctx: RequestContext, reportId: string): Promise<{ report: ReportForInvoice; invoice: InvoiceRecord }> {
  return db.transaction().execute(async (trx) => {
    const report = await findReportForInvoice(trx, ctx.actor, reportId);
    if (!report) throw notFound();
    const invoice = await invoiceOf(trx, report.id);
    if (!invoice) throw new AppError(404, 'B_REP2_NOT_ISSUED');
    await appendAudit(trx, ctx, [{ action: 'export', recordType: 'e_invoice', recordId: invoice.id }]);
    return { report, invoice };
  });
}

/** The readable PDF view of the invoice, built from the stored XML's figures and the report. */
export async function invoicePdfSpec(db: Kysely<DB>, report: ReportForInvoice, invoice: InvoiceRecord): Promise<PdfDocument> {
  const seller = sellerFromXml(invoice.ubl_xml);
  const groups = await invoiceGroupsOf(db, report);
  return {
    language: 'et',
    issuer: report.provider_name,
    title: `Arve ${invoice.number}`,
    reference: invoice.number,
    meta: [
      { label: 'Arve number', value: invoice.number },
      { label: 'Kuupäev', value: formatDateEt(invoice.issued_on) },
      { label: 'Maksetähtaeg', value: formatDateEt(invoice.due_on) },
      { label: 'Müüja', value: [report.provider_name, `registrikood ${report.registry_code ?? '—'}`, seller?.vatNumber ? `KMKR ${seller.vatNumber}` : '', seller ? `${seller.street}, ${seller.postalZone} ${seller.city}` : ''].filter(Boolean).join('\n') },
      { label: 'Ostja', value: `${SKA_BUYER.name}\nregistrikood ${SKA_BUYER.registryCode}\n${SKA_BUYER.street}, ${SKA_BUYER.postalZone} ${SKA_BUYER.city}` },
      { label: 'Leping', value: report.contract_reference ?? '—' },
      { label: 'Periood', value: monthLabelEt(report.month) },
      { label: 'Aruanne', value: report.reference },
      { label: 'Arveldusarve', value: seller?.iban ?? '—' },
    ],
    sections: [
      {
        heading: 'Arve read',
        table: {
          headers: ['Nr', 'Teenus', 'Kogus', 'Ühiku hind', 'Summa'],
          rows: groups.map((g, i) => [String(i + 1), g.name, milliToDecimal(g.quantityMilli).replace('.', ','), formatEuro(g.priceCents), formatEuro(g.amountCents)]),
        },
      },
      {
        heading: 'Kokku',
        paragraphs: [`Summa käibemaksuta: ${formatEuro(invoice.total_cents)}`, `Käibemaks: 0,00 € (${VAT_EXEMPTION_REASON})`, `Tasumisele kuulub: ${formatEuro(invoice.total_cents)}`],
      },
    ],
    footer: 'E-arve (EN 16931, UBL) loetav vaade. Maksmisel märkida selgitusse arve number.',
    createdAt: new Date(`${invoice.issued_on}T09:00:00Z`),
  };
}
