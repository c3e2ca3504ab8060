import type { PdfDocument } from '../../../platform/documents/pdf.js';
import type { LineView } from './monthly-views.js';
import type { ReportRow } from './monthly-queries.js';

const SERVICE_ET: Record<string, string> = {
  family_support: 'Peretugi',
  mentoring: 'Mentorlus',
  counselling: 'Psühholoogiline nõustamine',
  supervision: 'Individuaalne supervisioon',
  support_group: 'Tugigrupp',
};

const euros = (cents: number) => `${(cents / 100).toFixed(2).replace('.', ',')} €`;

/**
 * B-REP-1 (003 §3.1.2, Lisa 4/5): one specialist's monthly report — their
 * lines of the month, to be signed by the specialist and by each recipient.
 * Family reference and parents only; never a child's name (X-SECRET).
 */
export function specialistReportDocument(r: ReportRow, specialistName: string, revision: number, lines: readonly LineView[], createdAt: Date): PdfDocument {
  const recipients = [...new Map(lines.filter((l) => l.family).map((l) => [l.family!.id, `${l.family!.reference}${l.family!.parentNames ? ` (${l.family!.parentNames})` : ''}`])).values()];
  return {
    language: 'et',
    issuer: r.provider_name,
    title: `Spetsialisti kuuaruanne ${r.month}`,
    reference: `${r.reference}/${revision}`,
    meta: [
      { label: 'Teenuseosutaja', value: r.provider_name },
      { label: 'Leping', value: r.contract_reference ?? '—' },
      { label: 'Aruandekuu', value: r.month },
      { label: 'Spetsialist', value: specialistName },
      { label: 'Versioon', value: String(revision) },
    ],
    sections: [
      {
        heading: 'Osutatud teenused',
        table: {
          headers: ['Kuupäev', 'Pere', 'Teenus', 'Sisu', 'Kogus', 'Arvestatud'],
          rows: lines.map((l) => [
            l.occurredOn ?? '',
            l.family ? `${l.family.reference}${l.family.parentNames ? `, ${l.family.parentNames}` : ''}` : '',
            SERVICE_ET[l.service] ?? l.service,
            l.description,
            String(l.quantity).replace('.', ','),
            l.billable ? euros(l.amountCents) : `ei (${l.excludedReason})`,
          ]),
        },
      },
    ],
    signatureLines: [`Spetsialist: ${specialistName}`, ...recipients.map((f) => `Teenuse saaja: ${f}`)],
    createdAt,
  };
}
