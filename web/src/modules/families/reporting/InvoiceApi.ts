import { get, post } from '../../../platform/api/client';

/** B-REP-2: the e-invoice of an approved monthly report (server reporting/invoice-routes.ts). */
export interface SellerInput {
  iban: string;
  street: string;
  city: string;
  postalZone: string;
  vatNumber?: string | null;
  email?: string | null;
}

export interface InvoiceSummary {
  id: string;
  number: string;
  issuedOn: string;
  dueOn: string;
  totalCents: number;
  issuedBy: string | null;
}

export interface InvoiceStatus {
  reportId: string;
  reportStatus: string;
  totalCents: number;
  invoice: InvoiceSummary | null;
  canIssue: boolean;
  sellerDefaults: Partial<SellerInput> | null;
}

const base = (reportId: string) => `/api/families/monthly-reports/${encodeURIComponent(reportId)}/e-invoice`;

export const invoiceKeys = { status: (reportId: string) => ['invoices', 'status', reportId] as const };
export const fetchInvoiceStatus = (reportId: string, signal?: AbortSignal) => get<InvoiceStatus>(base(reportId), undefined, signal);
export const issueInvoice = (reportId: string, body: SellerInput) => post<InvoiceSummary>(base(reportId), body);
export const invoiceXmlUrl = (reportId: string) => `${base(reportId)}.xml`;
export const invoicePdfUrl = (reportId: string) => `${base(reportId)}.pdf`;

/** Euros from integer cents (the one platform formatter). */
export { formatEuros as euros } from '../../../platform/format';

/** ISO 13616 check digits, as the server checks them. */
export function validIban(value: string): boolean {
  const iban = value.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban)) return false;
  const digits = (iban.slice(4) + iban.slice(0, 4)).replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rest = 0;
  for (const d of digits) rest = (rest * 10 + Number(d)) % 97;
  return rest === 1;
}
