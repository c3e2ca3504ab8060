/**
 * X-DOC — WOFF 1.0 → plain sfnt (TrueType/OpenType) conversion.
 *
 * Why: fontkit reads WOFF by inflating tables with a pure-JS inflater each
 * time a table is read, which cost 1–2 s per generated PDF. Unpacking the
 * font once with Node's zlib and handing PDFKit the plain font makes a
 * one-page document take tens of milliseconds. Format: W3C WOFF 1.0, §3–§5.
 */
import { inflateSync } from 'node:zlib';

const WOFF_SIGNATURE = 0x774f4646; // 'wOFF'
const WOFF_HEADER = 44;
const WOFF_ENTRY = 20;
const SFNT_HEADER = 12;
const SFNT_ENTRY = 16;

type Table = { tag: number; checksum: number; data: Buffer };

const pad4 = (n: number): number => (n + 3) & ~3;

function readTables(woff: Buffer, count: number): Table[] {
  return Array.from({ length: count }, (_, i) => {
    const at = WOFF_HEADER + i * WOFF_ENTRY;
    const offset = woff.readUInt32BE(at + 4);
    const compLength = woff.readUInt32BE(at + 8);
    const origLength = woff.readUInt32BE(at + 12);
    const stored = woff.subarray(offset, offset + compLength);
    // A table is stored uncompressed when compressing it would not save space.
    const data = compLength < origLength ? inflateSync(stored, { maxOutputLength: origLength }) : Buffer.from(stored);
    if (data.length !== origLength) throw new Error('woff: table length mismatch');
    return { tag: woff.readUInt32BE(at), checksum: woff.readUInt32BE(at + 16), data };
  });
}

/** The sfnt offset table's binary-search fields for `count` tables. */
function searchFields(count: number): [number, number, number] {
  const entrySelector = Math.floor(Math.log2(Math.max(1, count)));
  const searchRange = 2 ** entrySelector * 16;
  return [searchRange, entrySelector, count * 16 - searchRange];
}

/** Converts a WOFF 1.0 font to the TrueType/OpenType bytes it wraps. Throws on anything else. */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.length < WOFF_HEADER || woff.readUInt32BE(0) !== WOFF_SIGNATURE) throw new Error('woff: not a WOFF 1.0 font');
  const count = woff.readUInt16BE(12);
  const tables = readTables(woff, count).sort((a, b) => a.tag - b.tag);
  let offset = SFNT_HEADER + count * SFNT_ENTRY;
  const out = Buffer.alloc(offset + tables.reduce((sum, t) => sum + pad4(t.data.length), 0));
  out.writeUInt32BE(woff.readUInt32BE(4), 0); // flavor: 0x00010000 (TrueType) or 'OTTO'
  out.writeUInt16BE(count, 4);
  searchFields(count).forEach((value, i) => out.writeUInt16BE(value, 6 + 2 * i));
  tables.forEach((t, i) => {
    const at = SFNT_HEADER + i * SFNT_ENTRY;
    out.writeUInt32BE(t.tag, at);
    out.writeUInt32BE(t.checksum, at + 4);
    out.writeUInt32BE(offset, at + 8);
    out.writeUInt32BE(t.data.length, at + 12);
    t.data.copy(out, offset);
    offset += pad4(t.data.length);
  });
  return out;
}
