/**
 * X-DOC — "… can be signed and uploaded back (ASiC-E/BDOC containers are
 * stored as attachments with their signer list shown …)".
 *
 * readSignedContainer opens an uploaded container and lists its data files
 * and who signed, for display next to the attachment. It does not decide
 * whether the signatures are valid (signature-validator.ts asks SiVa).
 *
 * An ASiC-E container (ETSI EN 319 162-1) is a ZIP whose first file is an
 * uncompressed `mimetype` holding 'application/vnd.etsi.asic-e+zip', with
 * XAdES signatures in META-INF/*signatures*.xml. BDOC 2.1 is the same
 * container; it is told apart here by the BDOC time-mark signature policy.
 *
 * Uploads are hostile until proven otherwise: this never throws, limits
 * entries and sizes before inflating anything, and returns a reason instead.
 */
import { signerFromCertificate } from './certificate-subject.js';
import { BDOC_TM_POLICY, parseXadesSignatures, type XadesSignature } from './xades.js';
import { listZipEntries, readZipEntry, type ZipEntry } from './zip-reader.js';

export const ASICE_MIMETYPE = 'application/vnd.etsi.asic-e+zip';

export type ContainerSignature = {
  /** The ds:Signature Id (e.g. 'S0'), or the file name when the signature has none or is unreadable. */
  id: string;
  signerName: string | null;
  personalCode: string | null;
  country: string | null;
  /** Claimed signing time as an ISO instant (not a trusted time). */
  signedAt: string | null;
};

export type SignedContainer = {
  ok: true;
  format: 'asice' | 'bdoc';
  /** The signed data files (not mimetype or META-INF/*), with their uncompressed size. */
  files: { name: string; size: number }[];
  signatures: ContainerSignature[];
};

export type UnreadableContainer = { ok: false; reason: 'not_zip' | 'not_asice' | 'no_signatures' | 'too_large' };

export type ContainerLimits = {
  /** Size of the uploaded file. */
  maxBytes: number;
  maxEntries: number;
  /** Sum of all entries' declared uncompressed sizes. */
  maxUncompressedBytes: number;
  /** All XAdES files together; one real signature is 10–50 KB even with OCSP and timestamps. */
  maxSignatureXmlBytes: number;
  maxSignatures: number;
};

const MiB = 1024 * 1024;

export const DEFAULT_CONTAINER_LIMITS: Readonly<ContainerLimits> = {
  maxBytes: 50 * MiB,
  maxEntries: 1000,
  maxUncompressedBytes: 50 * MiB,
  maxSignatureXmlBytes: 8 * MiB,
  maxSignatures: 100,
};

const SIGNATURE_FILE = /^META-INF\/[^/]*signatures[^/]*\.xml$/i;
const MAX_MIMETYPE_BYTES = 256;

const fail = (reason: UnreadableContainer['reason']): UnreadableContainer => ({ ok: false, reason });

/** The spec requires `mimetype` to be the very first file, at offset 0 of the archive. */
function isAsice(bytes: Uint8Array, entries: ZipEntry[]): boolean {
  const mimetype = entries.find((e) => e.name === 'mimetype' && e.localOffset === 0);
  if (!mimetype || mimetype.size > MAX_MIMETYPE_BYTES) return false;
  return readZipEntry(bytes, mimetype)?.toString('latin1').trim() === ASICE_MIMETYPE;
}

function toSignature(sig: XadesSignature, fallbackId: string): ContainerSignature {
  const signer = sig.certificate ? signerFromCertificate(Buffer.from(sig.certificate, 'base64')) : null;
  return {
    id: sig.id ?? fallbackId,
    signerName: signer?.signerName ?? null,
    personalCode: signer?.personalCode ?? null,
    country: signer?.country ?? null,
    signedAt: sig.signingTime,
  };
}

const UNREADABLE: XadesSignature = { id: null, certificate: null, signingTime: null, policyId: null };

/**
 * Signatures of one signatures*.xml. A file that cannot be read or parsed
 * still counts as one signature with an unknown signer: hiding it would
 * show fewer signatures than the container really has.
 */
function signaturesIn(bytes: Uint8Array, entry: ZipEntry): XadesSignature[] {
  const xml = readZipEntry(bytes, entry);
  const parsed = xml ? parseXadesSignatures(xml.toString('utf8')) : null;
  return parsed ?? [UNREADABLE];
}

function isDataFile(entry: ZipEntry): boolean {
  return entry.name !== 'mimetype' && !entry.name.startsWith('META-INF/') && !entry.name.endsWith('/');
}

function readContainer(bytes: Uint8Array, limits: ContainerLimits): SignedContainer | UnreadableContainer {
  if (bytes.byteLength > limits.maxBytes) return fail('too_large');
  const listing = listZipEntries(bytes, limits);
  if (!listing.ok) return fail(listing.reason);
  if (!isAsice(bytes, listing.entries)) return fail('not_asice');
  const signatureFiles = listing.entries.filter((e) => SIGNATURE_FILE.test(e.name));
  // Bound the XML parsing work before any of it is done.
  const xmlBytes = signatureFiles.reduce((sum, e) => sum + e.size, 0);
  if (xmlBytes > limits.maxSignatureXmlBytes || signatureFiles.length > limits.maxSignatures) return fail('too_large');
  const found = signatureFiles.flatMap((e) => signaturesIn(bytes, e).map((sig, i) => ({ sig, fallbackId: `${e.name}#${i}` })));
  if (found.length === 0) return fail('no_signatures');
  if (found.length > limits.maxSignatures) return fail('too_large');
  return {
    ok: true,
    format: found.some(({ sig }) => sig.policyId === BDOC_TM_POLICY) ? 'bdoc' : 'asice',
    files: listing.entries.filter(isDataFile).map((e) => ({ name: e.name, size: e.size })),
    signatures: found.map(({ sig, fallbackId }) => toSignature(sig, fallbackId)),
  };
}

/** Opens an uploaded ASiC-E/BDOC container; never throws. */
export function readSignedContainer(bytes: Uint8Array, limits: Partial<ContainerLimits> = {}): SignedContainer | UnreadableContainer {
  try {
    return readContainer(bytes, { ...DEFAULT_CONTAINER_LIMITS, ...limits });
  } catch {
    // Every step above is bounds-checked; this is a last line of defence for a
    // parser bug, and a file that trips it is not a container we can show.
    return fail('not_zip');
  }
}
