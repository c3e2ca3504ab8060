/**
 * X-DOC — who signed: the signer's name, personal code and country from the
 * subject of a signing certificate, for the signer list shown with an
 * uploaded ASiC-E/BDOC container.
 *
 * Estonian ID-card and Mobile-ID certificates: CN = 'TAMM,MARI,38001085718',
 * serialNumber = 'PNOEE-38001085718'. Smart-ID: CN = 'TAMM,MARI,PNOEE-38001085718'.
 * Other EU eIDs use the same ETSI EN 319 412-1 serialNumber ('PNOLV-…');
 * organisation e-seals have a plain CN and an 'NTR…' identifier (no person).
 *
 * This only reads what the certificate claims. Whether it is genuine is the
 * validation service's job (signature-validator.ts).
 */
import { X509Certificate } from 'node:crypto';

export type SignerIdentity = { signerName: string | null; personalCode: string | null; country: string | null };

/** Subject attributes by short name, as Node's toLegacyObject() gives them (a value may repeat as an array). */
export type SubjectFields = Readonly<Record<string, unknown>>;

function field(subject: SubjectFields, key: string): string | null {
  const raw = subject[key];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

// ETSI EN 319 412-1 §5.1.3 natural-person semantics identifier: 'PNO' + country + '-' + code.
const PERSON_ID = /^PNO([A-Z]{2})-(.+)$/;
// 'SURNAME,GIVEN NAMES,CODE' where CODE is the bare code or a semantics identifier.
const ESTEID_CN = /^([^,]+),([^,]+),((?:PNO[A-Z]{2}-)?[0-9A-Z-]*\d[0-9A-Z-]*)$/;
// Before 2018 Estonian ID-cards put the bare 11-digit code in serialNumber.
const BARE_ESTONIAN_CODE = /^[1-6]\d{10}$/;

function codeFrom(subject: SubjectFields, cnCode: string | null): string | null {
  const serial = field(subject, 'serialNumber');
  const semantic = serial ? PERSON_ID.exec(serial) : null;
  if (semantic?.[2]) return semantic[2];
  if (cnCode) return cnCode.replace(/^PNO[A-Z]{2}-/, '');
  return serial && BARE_ESTONIAN_CODE.test(serial) ? serial : null;
}

/** Name, personal code and country from subject attributes (see module comment for the forms). */
export function signerFromSubject(subject: SubjectFields): SignerIdentity {
  const cn = field(subject, 'CN');
  const parts = cn ? ESTEID_CN.exec(cn) : null;
  const given = field(subject, 'GN');
  const surname = field(subject, 'SN');
  // Given names first, as people are addressed; the CN stores the surname first.
  const signerName = parts ? `${parts[2]?.trim()} ${parts[1]?.trim()}` : given && surname ? `${given} ${surname}` : cn;
  const serialCountry = PERSON_ID.exec(field(subject, 'serialNumber') ?? '')?.[1] ?? null;
  return { signerName, personalCode: codeFrom(subject, parts?.[3] ?? null), country: field(subject, 'C') ?? serialCountry };
}

/** Reads a DER (or PEM) certificate; null when it is not a certificate Node can parse. */
export function signerFromCertificate(certificate: Uint8Array): SignerIdentity | null {
  try {
    const subject: SubjectFields = new X509Certificate(certificate).toLegacyObject().subject;
    return signerFromSubject(subject);
  } catch {
    return null;
  }
}
