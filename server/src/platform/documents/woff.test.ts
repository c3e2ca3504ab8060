import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { woffToSfnt } from './woff.js';

const fontsDir = join(dirname(createRequire(import.meta.url).resolve('roboto-fontface/package.json')), 'fonts', 'roboto');

/** OpenType table checksum: sum of big-endian uint32s, zero-padded to 4 bytes. */
function checksum(table: Buffer): number {
  const padded = Buffer.concat([table, Buffer.alloc((4 - (table.length % 4)) % 4)]);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
}

describe('X-DOC woffToSfnt', () => {
  it('X-DOC: unpacks Roboto into TrueType whose tables match their recorded checksums', () => {
    const woff = readFileSync(join(fontsDir, 'Roboto-Regular.woff'));
    const ttf = woffToSfnt(woff);
    expect(ttf.readUInt32BE(0)).toBe(0x00010000);
    const count = ttf.readUInt16BE(4);
    expect(count).toBe(woff.readUInt16BE(12));
    const tags: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const at = 12 + 16 * i;
      const tag = ttf.toString('latin1', at, at + 4);
      tags.push(tag);
      const table = ttf.subarray(ttf.readUInt32BE(at + 8), ttf.readUInt32BE(at + 8) + ttf.readUInt32BE(at + 12));
      // 'head' holds the whole-font checksum adjustment, so its own sum is not comparable.
      if (tag !== 'head') expect(checksum(table), tag).toBe(ttf.readUInt32BE(at + 4));
    }
    expect(tags).toEqual([...tags].sort());
    expect(tags).toEqual(expect.arrayContaining(['cmap', 'glyf', 'head', 'loca', 'name']));
  });

  it('X-DOC: refuses bytes that are not WOFF 1.0', () => {
    expect(() => woffToSfnt(Buffer.from('not a font at all, definitely not one here'))).toThrow(/not a WOFF/);
    expect(() => woffToSfnt(readFileSync(join(fontsDir, 'Roboto-Regular.woff2')))).toThrow(/not a WOFF/);
  });
});
