import { readSignedContainer } from '../documents/signed-container.js';
import { listZipEntries } from '../documents/zip-reader.js';
import { AppError } from './errors.js';

/**
 * What an upload is, judged by its own bytes (magic numbers; for ZIP-based
 * formats the entries inside), never by its name or the Content-Type the
 * client sent. Each upload route says which kinds it takes; anything else
 * (an executable, HTML, a script, an archive) is refused with 415 before it is
 * stored. The size limit is the route's bodyLimit (413 before the body is read).
 */
export type UploadKind = 'pdf' | 'png' | 'jpeg' | 'gif' | 'webp' | 'docx' | 'xlsx' | 'odf' | 'asice' | 'text';

const LABELS: Record<UploadKind, string> = {
  pdf: 'PDF',
  png: 'PNG',
  jpeg: 'JPEG',
  gif: 'GIF',
  webp: 'WebP',
  docx: 'DOCX',
  xlsx: 'XLSX',
  odf: 'ODT/ODS',
  asice: 'ASiC-E/BDOC',
  text: 'TXT',
};

/** Documents, scans and signed containers: what most upload routes take. */
export const DOCUMENT_UPLOADS: readonly UploadKind[] = ['pdf', 'png', 'jpeg', 'docx', 'xlsx', 'odf', 'asice'];
/** A scan or photo of a signed paper, or a signed container. */
export const SIGNED_PAPER_UPLOADS: readonly UploadKind[] = ['pdf', 'png', 'jpeg', 'asice'];
/** Screenshots. */
export const IMAGE_UPLOADS: readonly UploadKind[] = ['png', 'jpeg', 'gif', 'webp', 'pdf'];

const startsWith = (bytes: Buffer, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

export function sniffUpload(bytes: Buffer): UploadKind | null {
  if (startsWith(bytes, ascii('%PDF'))) return 'pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return zipKind(bytes);
  return isPlainText(bytes) ? 'text' : null;
}

function zipKind(bytes: Buffer): UploadKind | null {
  if (readSignedContainer(bytes).ok) return 'asice';
  const listing = listZipEntries(bytes, { maxEntries: 2000, maxUncompressedBytes: 100 * 1024 * 1024 });
  if (!listing.ok) return null;
  const names = new Set(listing.entries.map((e) => e.name));
  if (names.has('[Content_Types].xml') && names.has('word/document.xml')) return 'docx';
  if (names.has('[Content_Types].xml') && names.has('xl/workbook.xml')) return 'xlsx';
  if (names.has('mimetype') && names.has('content.xml')) return 'odf';
  return null;
}

/** UTF-8 text without control characters (other than tab, line breaks, form feed) that does not start as markup. */
function isPlainText(bytes: Buffer): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  if (/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text)) return false;
  return !/^\uFEFF?\s*</.test(text);
}

/** The upload's kind, or 415 naming the accepted ones (400 for an empty body). */
export function requireUpload(bytes: Buffer, accepted: readonly UploadKind[]): UploadKind {
  if (bytes.length === 0) throw new AppError(400, 'VALIDATION_FAILED', {}, { fields: [{ path: 'body', message: 'empty file' }] });
  const kind = sniffUpload(bytes);
  if (kind === null || !accepted.includes(kind)) {
    throw new AppError(415, 'UPLOAD_FILE_TYPE', { accepted: accepted.map((k) => LABELS[k]).join(', ') }, { accepted, detected: kind });
  }
  return kind;
}
