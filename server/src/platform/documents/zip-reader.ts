/**
 * X-DOC — a minimal, defensive ZIP reader for uploaded signed containers.
 *
 * Why not fflate's unzipSync: it inflates into a buffer of the *declared*
 * size but keeps decoding past it, so a small entry that claims 1 KB and
 * inflates to gigabytes still burns CPU for all of it. Here the central
 * directory is read with bounds checks, entry count and declared sizes are
 * limited up front, and each entry is inflated by Node's zlib with
 * maxOutputLength = declared size, which stops at the first extra byte.
 *
 * ZIP64 is not supported: it is only needed beyond 4 GiB or 65 535 entries,
 * far past the limits, so such archives are reported as too large.
 */
import { inflateRawSync } from 'node:zlib';

export type ZipEntry = {
  name: string;
  /** 0 = stored, 8 = deflate. */
  method: number;
  compressedSize: number;
  /** Uncompressed size as declared in the central directory. */
  size: number;
  /** Offset of the entry's local file header. */
  localOffset: number;
  encrypted: boolean;
};

export type ZipLimits = { maxEntries: number; maxUncompressedBytes: number };

export type ZipListing = { ok: true; entries: ZipEntry[] } | { ok: false; reason: 'not_zip' | 'too_large' };

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_SIZE = 22;
const CENTRAL_SIZE = 46;
const LOCAL_SIZE = 30;
const ZIP64_MARK = 0xffffffff;

const u16 = (b: Buffer, at: number): number => b.readUInt16LE(at);
const u32 = (b: Buffer, at: number): number => b.readUInt32LE(at);

/** End-of-central-directory record: the last 22 bytes, or earlier when a comment (≤ 64 KiB) follows. */
function findEocd(b: Buffer): number {
  const last = b.length - EOCD_SIZE;
  for (let at = last; at >= 0 && at >= last - 0xffff; at -= 1) {
    // The comment length must fit in what follows, or the signature bytes are just data.
    if (u32(b, at) === EOCD_SIGNATURE && at + EOCD_SIZE + u16(b, at + 20) <= b.length) return at;
  }
  return -1;
}

function readCentralEntry(b: Buffer, at: number, end: number): { entry: ZipEntry; next: number } | null {
  if (at + CENTRAL_SIZE > end || u32(b, at) !== CENTRAL_SIGNATURE) return null;
  const flags = u16(b, at + 8);
  const nameEnd = at + CENTRAL_SIZE + u16(b, at + 28);
  const next = nameEnd + u16(b, at + 30) + u16(b, at + 32);
  if (next > end) return null;
  // Bit 11: the name is UTF-8; otherwise CP437, read as Latin-1 (ASCII names are the same).
  const name = b.toString(flags & 0x800 ? 'utf8' : 'latin1', at + CENTRAL_SIZE, nameEnd);
  const entry = { name, method: u16(b, at + 10), compressedSize: u32(b, at + 20), size: u32(b, at + 24), localOffset: u32(b, at + 42), encrypted: (flags & 1) === 1 };
  return { entry, next };
}

/** Lists the entries from the central directory, enforcing the limits before anything is inflated. */
export function listZipEntries(bytes: Uint8Array, limits: ZipLimits): ZipListing {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = b.length >= EOCD_SIZE ? findEocd(b) : -1;
  if (eocd < 0 || u16(b, eocd + 4) !== 0 || u16(b, eocd + 6) !== 0) return { ok: false, reason: 'not_zip' };
  const count = u16(b, eocd + 10);
  const start = u32(b, eocd + 16);
  const end = start + u32(b, eocd + 12);
  if (count === 0xffff || start === ZIP64_MARK || count > limits.maxEntries) return { ok: false, reason: 'too_large' };
  if (end > eocd) return { ok: false, reason: 'not_zip' };
  const entries: ZipEntry[] = [];
  let total = 0;
  for (let i = 0, at = start; i < count; i += 1) {
    const read = readCentralEntry(b, at, end);
    if (!read) return { ok: false, reason: 'not_zip' };
    const { entry } = read;
    if (entry.size === ZIP64_MARK || entry.compressedSize === ZIP64_MARK) return { ok: false, reason: 'too_large' };
    total += entry.size;
    if (total > limits.maxUncompressedBytes) return { ok: false, reason: 'too_large' };
    entries.push(entry);
    at = read.next;
  }
  return { ok: true, entries };
}

/**
 * The uncompressed bytes of one entry, or null when they cannot be had
 * safely: encrypted, unknown method, out of bounds, corrupt, or inflating to
 * anything but the declared size (zlib stops at declared size + 1 byte).
 */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry): Buffer | null {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (entry.encrypted || at + LOCAL_SIZE > b.length || u32(b, at) !== LOCAL_SIGNATURE) return null;
  const dataStart = at + LOCAL_SIZE + u16(b, at + 26) + u16(b, at + 28);
  const data = b.subarray(dataStart, dataStart + entry.compressedSize);
  if (data.length !== entry.compressedSize) return null;
  try {
    const out = entry.method === 0 ? Buffer.from(data) : entry.method === 8 ? inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) }) : null;
    return out && out.length === entry.size ? out : null;
  } catch {
    return null;
  }
}
