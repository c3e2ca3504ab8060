import { sniffUpload } from '../../platform/http/uploads.js';

/**
 * E-MSG: attachments are checked before they are stored: the content must be
 * one of the accepted types by its own bytes (magic numbers, and for ZIP-based
 * formats the entries), the file name's extension must say the same, and the
 * size must be within the limit. Pure: bytes in, verdict out.
 */
export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;

export const ATTACHMENT_TYPES = {
  pdf: { contentType: 'application/pdf', extensions: ['pdf'] },
  png: { contentType: 'image/png', extensions: ['png'] },
  jpeg: { contentType: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'] },
  asice: { contentType: 'application/vnd.etsi.asic-e+zip', extensions: ['asice', 'sce', 'bdoc'] },
} as const;
export type AttachmentType = keyof typeof ATTACHMENT_TYPES;

export type AttachmentCheck =
  | { ok: true; type: AttachmentType; contentType: string }
  | { ok: false; code: 'E_MSG_FILE_EMPTY' | 'E_MSG_FILE_TOO_LARGE' | 'E_MSG_FILE_TYPE' | 'E_MSG_FILE_EXTENSION'; params: Record<string, string | number> };

/** The type of a file by its content (the platform's upload sniffing), or null when it is none of the accepted ones. */
function sniffType(bytes: Buffer): AttachmentType | null {
  const kind = sniffUpload(bytes);
  return kind !== null && kind in ATTACHMENT_TYPES ? (kind as AttachmentType) : null;
}

export function checkAttachment(filename: string, bytes: Buffer): AttachmentCheck {
  if (bytes.length === 0) return { ok: false, code: 'E_MSG_FILE_EMPTY', params: {} };
  if (bytes.length > ATTACHMENT_MAX_BYTES) return { ok: false, code: 'E_MSG_FILE_TOO_LARGE', params: { maxMb: ATTACHMENT_MAX_BYTES / 1024 / 1024 } };
  const type = sniffType(bytes);
  if (!type) return { ok: false, code: 'E_MSG_FILE_TYPE', params: { accepted: 'PDF, PNG, JPEG, DOCX, ASiC-E/BDOC' } };
  const extension = filename.toLowerCase().split('.').pop() ?? '';
  if (!(ATTACHMENT_TYPES[type].extensions as readonly string[]).includes(extension)) return { ok: false, code: 'E_MSG_FILE_EXTENSION', params: { extension: ATTACHMENT_TYPES[type].extensions[0] } };
  return { ok: true, type, contentType: ATTACHMENT_TYPES[type].contentType };
}
