/**
 * B-REP-2 — EN 16931-1 business rules checked on the UBL XML Tugi issues.
 *
 * The official CEN validation artefacts (Schematron compiled to XSLT 2.0) are
 * not published on the npm registry, the only registry this project installs
 * from, so the rules that apply to Tugi's invoices (one currency, no
 * allowances or charges, VAT category E) are implemented here with their IDs,
 * reading the XML with @xmldom/xmldom. Every issued invoice is checked before
 * it is stored, and the tests check the stored XML again.
 *
 * Covered: BR-01…BR-16, BR-21…BR-27, BR-49, BR-61, BR-62, BR-63, BR-CO-10,
 * BR-CO-13…BR-CO-18, BR-CO-25, BR-CO-26, BR-E-01, BR-E-02, BR-E-05, BR-E-08,
 * BR-E-09, BR-E-10, BR-DEC-01…23 (two decimals), BR-CL-03/04 (ISO 4217),
 * plus the syntax's date format and the EN 16931 CustomizationID.
 */
import { DOMParser, type Element } from '@xmldom/xmldom';
import { decimalToCents, EN16931_CUSTOMIZATION_ID } from './einvoice.js';

const NS = {
  inv: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
  cac: 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2',
  cbc: 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2',
} as const;

export interface RuleViolation {
  rule: string;
  message: string;
}

type Step = `${'cac' | 'cbc'}:${string}`;

/** Direct children of `el` along a path of prefixed names. */
function all(el: Element | null | undefined, ...path: Step[]): Element[] {
  let current: Element[] = el ? [el] : [];
  for (const step of path) {
    const [prefix, local] = step.split(':') as ['cac' | 'cbc', string];
    current = current.flatMap((c) => {
      const out: Element[] = [];
      for (let n = c.firstChild; n; n = n.nextSibling) {
        if (n.nodeType === 1 && (n as Element).namespaceURI === NS[prefix] && (n as Element).localName === local) out.push(n as Element);
      }
      return out;
    });
  }
  return current;
}
const one = (el: Element | null | undefined, ...path: Step[]): Element | undefined => all(el, ...path)[0];
const text = (el: Element | null | undefined, ...path: Step[]): string | undefined => {
  const found = one(el, ...path);
  const value = found?.textContent?.trim();
  return value ? value : undefined;
};

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** The EN 16931 rules that apply to Tugi's invoices; an empty list means the invoice passes. */
export function checkEn16931(xml: string): RuleViolation[] {
  const violations: RuleViolation[] = [];
  const fail = (rule: string, message: string) => violations.push({ rule, message });
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const root = doc.documentElement;
  if (!root || root.namespaceURI !== NS.inv || root.localName !== 'Invoice') return [{ rule: 'UBL-SYNTAX', message: 'root element is not a UBL 2.1 Invoice' }];

  // Amounts: every one with two decimals at most (BR-DEC-*) and in the document currency (BR-CL-03/04, one currency).
  const currency = text(root, 'cbc:DocumentCurrencyCode');
  const amounts = new Map<Element, bigint>();
  const amountOf = (el: Element | undefined, rule: string, what: string): bigint | null => {
    if (!el) return null;
    const cents = decimalToCents(el.textContent ?? '');
    if (cents === null) fail(rule, `${what} "${el.textContent}" is not an amount with at most two decimals`);
    if (el.getAttribute('currencyID') !== currency) fail('BR-CL-03', `${what} has currency ${el.getAttribute('currencyID')} instead of ${currency}`);
    if (cents !== null) amounts.set(el, cents);
    return cents;
  };

  // BR-01..BR-05: specification, number, date, type, currency.
  const customization = text(root, 'cbc:CustomizationID');
  if (!customization) fail('BR-01', 'Specification identifier (BT-24) is missing');
  else if (!customization.startsWith(EN16931_CUSTOMIZATION_ID)) fail('BR-01', `Specification identifier ${customization} is not EN 16931 (${EN16931_CUSTOMIZATION_ID})`);
  if (!text(root, 'cbc:ID')) fail('BR-02', 'Invoice number (BT-1) is missing');
  const issueDate = text(root, 'cbc:IssueDate');
  if (!issueDate) fail('BR-03', 'Invoice issue date (BT-2) is missing');
  else if (!ISO_DATE.test(issueDate)) fail('BR-03', `Issue date ${issueDate} is not YYYY-MM-DD`);
  const typeCode = text(root, 'cbc:InvoiceTypeCode');
  if (!typeCode) fail('BR-04', 'Invoice type code (BT-3) is missing');
  else if (!['380', '381', '384', '389', '751'].includes(typeCode)) fail('BR-CL-01', `Invoice type code ${typeCode} is not one Tugi may use`);
  if (!currency) fail('BR-05', 'Invoice currency code (BT-5) is missing');
  else if (currency !== 'EUR') fail('BR-CL-04', `Currency ${currency} is not EUR`);

  // BR-06..BR-11: parties.
  const seller = one(root, 'cac:AccountingSupplierParty', 'cac:Party');
  const buyer = one(root, 'cac:AccountingCustomerParty', 'cac:Party');
  if (!text(seller, 'cac:PartyLegalEntity', 'cbc:RegistrationName')) fail('BR-06', 'Seller name (BT-27) is missing');
  if (!text(buyer, 'cac:PartyLegalEntity', 'cbc:RegistrationName')) fail('BR-07', 'Buyer name (BT-44) is missing');
  if (!one(seller, 'cac:PostalAddress')) fail('BR-08', 'Seller postal address (BG-5) is missing');
  if (!text(seller, 'cac:PostalAddress', 'cac:Country', 'cbc:IdentificationCode')) fail('BR-09', 'Seller country code (BT-40) is missing');
  if (!one(buyer, 'cac:PostalAddress')) fail('BR-10', 'Buyer postal address (BG-8) is missing');
  if (!text(buyer, 'cac:PostalAddress', 'cac:Country', 'cbc:IdentificationCode')) fail('BR-11', 'Buyer country code (BT-55) is missing');
  for (const [party, rule, name] of [[seller, 'BR-62', 'Seller'], [buyer, 'BR-63', 'Buyer']] as const) {
    const endpoint = one(party, 'cbc:EndpointID');
    if (endpoint && !endpoint.getAttribute('schemeID')) fail(rule, `${name} electronic address has no scheme identifier`);
  }
  const sellerTaxSchemes = all(seller, 'cac:PartyTaxScheme');
  const sellerVat = sellerTaxSchemes.find((t) => text(t, 'cac:TaxScheme', 'cbc:ID') === 'VAT' && text(t, 'cbc:CompanyID'));
  const sellerTaxRegistration = sellerTaxSchemes.find((t) => text(t, 'cac:TaxScheme', 'cbc:ID') !== 'VAT' && text(t, 'cbc:CompanyID'));
  const taxRepresentativeVat = text(root, 'cac:TaxRepresentativeParty', 'cac:PartyTaxScheme', 'cbc:CompanyID');
  if (!sellerVat && !text(seller, 'cac:PartyIdentification', 'cbc:ID') && !text(seller, 'cac:PartyLegalEntity', 'cbc:CompanyID')) {
    fail('BR-CO-26', 'Seller identifier, legal registration identifier or VAT identifier is needed so the buyer can identify the seller');
  }

  // BR-DEC / BR-12..BR-15: document totals.
  const totals = one(root, 'cac:LegalMonetaryTotal');
  const lineTotal = amountOf(one(totals, 'cbc:LineExtensionAmount'), 'BR-DEC-09', 'Sum of invoice line net amount (BT-106)');
  const taxExclusive = amountOf(one(totals, 'cbc:TaxExclusiveAmount'), 'BR-DEC-12', 'Invoice total amount without VAT (BT-109)');
  const taxInclusive = amountOf(one(totals, 'cbc:TaxInclusiveAmount'), 'BR-DEC-14', 'Invoice total amount with VAT (BT-112)');
  const payable = amountOf(one(totals, 'cbc:PayableAmount'), 'BR-DEC-18', 'Amount due for payment (BT-115)');
  const allowances = amountOf(one(totals, 'cbc:AllowanceTotalAmount'), 'BR-DEC-10', 'Sum of allowances (BT-107)') ?? 0n;
  const charges = amountOf(one(totals, 'cbc:ChargeTotalAmount'), 'BR-DEC-11', 'Sum of charges (BT-108)') ?? 0n;
  const prepaid = amountOf(one(totals, 'cbc:PrepaidAmount'), 'BR-DEC-16', 'Paid amount (BT-113)') ?? 0n;
  const rounding = amountOf(one(totals, 'cbc:PayableRoundingAmount'), 'BR-DEC-17', 'Rounding amount (BT-114)') ?? 0n;
  if (lineTotal === null) fail('BR-12', 'Sum of invoice line net amount (BT-106) is missing');
  if (taxExclusive === null) fail('BR-13', 'Invoice total amount without VAT (BT-109) is missing');
  if (taxInclusive === null) fail('BR-14', 'Invoice total amount with VAT (BT-112) is missing');
  if (payable === null) fail('BR-15', 'Amount due for payment (BT-115) is missing');

  // BR-16, BR-21..BR-27: lines.
  const lines = all(root, 'cac:InvoiceLine');
  if (lines.length === 0) fail('BR-16', 'An invoice needs at least one invoice line (BG-25)');
  let lineSum = 0n;
  const lineCategories = new Map<string, bigint>();
  lines.forEach((line, i) => {
    const at = `line ${i + 1}`;
    if (!text(line, 'cbc:ID')) fail('BR-21', `${at}: invoice line identifier (BT-126) is missing`);
    const quantity = one(line, 'cbc:InvoicedQuantity');
    if (!quantity?.textContent?.trim()) fail('BR-22', `${at}: invoiced quantity (BT-129) is missing`);
    else if (!/^-?\d+(\.\d+)?$/.test(quantity.textContent.trim())) fail('BR-22', `${at}: invoiced quantity is not a number`);
    if (!quantity?.getAttribute('unitCode')) fail('BR-23', `${at}: unit of measure (BT-130) is missing`);
    const net = amountOf(one(line, 'cbc:LineExtensionAmount'), 'BR-DEC-23', `${at}: invoice line net amount (BT-131)`);
    if (net === null) fail('BR-24', `${at}: invoice line net amount (BT-131) is missing`);
    else lineSum += net;
    if (!text(line, 'cac:Item', 'cbc:Name')) fail('BR-25', `${at}: item name (BT-153) is missing`);
    const price = one(line, 'cac:Price', 'cbc:PriceAmount');
    if (!price?.textContent?.trim()) fail('BR-26', `${at}: item net price (BT-146) is missing`);
    else if (price.textContent.trim().startsWith('-')) fail('BR-27', `${at}: item net price (BT-146) is negative`);
    const category = text(line, 'cac:Item', 'cac:ClassifiedTaxCategory', 'cbc:ID');
    if (!category) fail('BR-CO-04', `${at}: invoiced item VAT category code (BT-151) is missing`);
    else {
      lineCategories.set(category, (lineCategories.get(category) ?? 0n) + (net ?? 0n));
      const rate = text(line, 'cac:Item', 'cac:ClassifiedTaxCategory', 'cbc:Percent');
      if (category === 'E' && (rate === undefined || Number(rate) !== 0)) fail('BR-E-05', `${at}: an exempt item's VAT rate (BT-152) must be 0`);
    }
  });

  // BR-CO-10, BR-CO-13, BR-CO-15, BR-CO-16: the sums.
  if (lineTotal !== null && lineTotal !== lineSum) fail('BR-CO-10', `Sum of invoice line net amount ${lineTotal} ≠ sum of line net amounts ${lineSum} (cents)`);
  if (taxExclusive !== null && lineTotal !== null && taxExclusive !== lineTotal - allowances + charges) fail('BR-CO-13', 'Invoice total without VAT ≠ line total − allowances + charges');

  // BR-CO-14, BR-CO-17, BR-CO-18: VAT breakdown.
  const taxTotals = all(root, 'cac:TaxTotal');
  const inDocumentCurrency = taxTotals.filter((t) => one(t, 'cbc:TaxAmount')?.getAttribute('currencyID') === currency);
  const vatTotal = amountOf(one(inDocumentCurrency[0], 'cbc:TaxAmount'), 'BR-DEC-13', 'Invoice total VAT amount (BT-110)');
  const subtotals = inDocumentCurrency.flatMap((t) => all(t, 'cac:TaxSubtotal'));
  if (subtotals.length === 0) fail('BR-CO-18', 'An invoice needs at least one VAT breakdown group (BG-23)');
  let subtotalVat = 0n;
  for (const sub of subtotals) {
    const category = text(sub, 'cac:TaxCategory', 'cbc:ID') ?? '';
    const taxable = amountOf(one(sub, 'cbc:TaxableAmount'), 'BR-DEC-19', `VAT category ${category} taxable amount (BT-116)`);
    const tax = amountOf(one(sub, 'cbc:TaxAmount'), 'BR-DEC-20', `VAT category ${category} tax amount (BT-117)`);
    subtotalVat += tax ?? 0n;
    if (category === 'E') {
      if (taxable !== (lineCategories.get('E') ?? 0n)) fail('BR-E-08', `VAT category E taxable amount ${taxable} ≠ sum of exempt line net amounts ${lineCategories.get('E') ?? 0n} (cents)`);
      if (tax !== 0n) fail('BR-E-09', 'VAT category E tax amount must be 0');
      if (!text(sub, 'cac:TaxCategory', 'cbc:TaxExemptionReasonCode') && !text(sub, 'cac:TaxCategory', 'cbc:TaxExemptionReason')) fail('BR-E-10', 'An exempt VAT breakdown needs an exemption reason text or code (BT-120/BT-121)');
      const rate = text(sub, 'cac:TaxCategory', 'cbc:Percent');
      if (rate === undefined || Number(rate) !== 0) fail('BR-E-06', 'VAT category E rate must be 0');
    }
  }
  if (vatTotal !== null && vatTotal !== subtotalVat) fail('BR-CO-14', `Invoice total VAT amount ${vatTotal} ≠ sum of VAT category tax amounts ${subtotalVat} (cents)`);
  if (taxInclusive !== null && taxExclusive !== null && taxInclusive !== taxExclusive + (vatTotal ?? 0n)) fail('BR-CO-15', 'Invoice total with VAT ≠ total without VAT + total VAT amount');
  if (payable !== null && taxInclusive !== null && payable !== taxInclusive - prepaid + rounding) fail('BR-CO-16', 'Amount due for payment ≠ total with VAT − paid amount + rounding');
  const subtotalCategories = new Set(subtotals.map((s) => text(s, 'cac:TaxCategory', 'cbc:ID')));
  for (const category of lineCategories.keys()) if (!subtotalCategories.has(category)) fail(category === 'E' ? 'BR-E-01' : 'BR-CO-18', `No VAT breakdown for line VAT category ${category}`);
  if (lineCategories.has('E') && !sellerVat && !sellerTaxRegistration && !taxRepresentativeVat) {
    fail('BR-E-02', 'An exempt invoice needs the seller VAT identifier (BT-31), tax registration identifier (BT-32) or tax representative VAT identifier (BT-63)');
  }

  // BR-CO-25: due date or payment terms when an amount is due; BR-49, BR-61: payment instructions.
  const dueDate = text(root, 'cbc:DueDate');
  if (dueDate && !ISO_DATE.test(dueDate)) fail('BR-CO-25', `Due date ${dueDate} is not YYYY-MM-DD`);
  if (payable !== null && payable > 0n && !dueDate && !text(root, 'cac:PaymentTerms', 'cbc:Note')) fail('BR-CO-25', 'A positive amount due needs a payment due date (BT-9) or payment terms (BT-20)');
  for (const means of all(root, 'cac:PaymentMeans')) {
    const code = text(means, 'cbc:PaymentMeansCode');
    if (!code) fail('BR-49', 'Payment means type code (BT-81) is missing');
    if ((code === '30' || code === '58') && !text(means, 'cac:PayeeFinancialAccount', 'cbc:ID')) fail('BR-61', 'A credit transfer needs the payment account identifier (BT-84)');
  }
  for (const [el, rule] of [[one(root, 'cac:InvoicePeriod', 'cbc:StartDate'), 'BR-CO-19'], [one(root, 'cac:InvoicePeriod', 'cbc:EndDate'), 'BR-CO-19']] as const) {
    if (el && !ISO_DATE.test(el.textContent?.trim() ?? '')) fail(rule, 'Invoicing period dates must be YYYY-MM-DD');
  }
  const start = text(root, 'cac:InvoicePeriod', 'cbc:StartDate');
  const end = text(root, 'cac:InvoicePeriod', 'cbc:EndDate');
  if (start && end && end < start) fail('BR-29', 'Invoicing period end date is before its start date');
  return violations;
}
