import { strToU8, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildContainer, MARI_ID_CARD, OPINION_PDF, patchCentralEntry, signatureElement, signedContainer, xadesDocument } from './fixtures/containers.js';
import { readSignedContainer } from './signed-container.js';

const MARI = { id: 'S0', certificate: MARI_ID_CARD, signingTime: '2025-03-05T12:30:00Z' };
const SIGNATURES = 'META-INF/signatures0.xml';
const withXml = (xml: string): Uint8Array => buildContainer({ signatureFiles: { [SIGNATURES]: xml } });
const unknownSigner = { id: `${SIGNATURES}#0`, signerName: null, personalCode: null, country: null, signedAt: null };
const REASONS = ['not_zip', 'not_asice', 'no_signatures', 'too_large'];

describe('X-DOC readSignedContainer: zip bombs and limits', () => {
  it('X-DOC: too_large when declared uncompressed sizes exceed 50 MiB (checked before inflating)', () => {
    const zeros = new Uint8Array(51 * 1024 * 1024);
    const bytes = buildContainer({ files: [{ name: 'pomm.bin', bytes: zeros, mime: 'application/octet-stream' }] });
    expect(bytes.length).toBeLessThan(200_000);
    expect(readSignedContainer(bytes)).toEqual({ ok: false, reason: 'too_large' });
  });

  it('X-DOC: too_large beyond 1000 entries', () => {
    const zip: Zippable = { mimetype: [strToU8('application/vnd.etsi.asic-e+zip'), { level: 0 }] };
    for (let i = 0; i < 1000; i += 1) zip[`f${i}.txt`] = strToU8('x');
    expect(readSignedContainer(zipSync(zip))).toEqual({ ok: false, reason: 'too_large' });
  });

  it('X-DOC: limits can be tightened per call (upload size, total size, signature XML, signature count)', () => {
    const bytes = signedContainer([[MARI, { ...MARI, id: 'S1' }]]);
    expect(readSignedContainer(bytes, { maxBytes: bytes.length - 1 })).toEqual({ ok: false, reason: 'too_large' });
    expect(readSignedContainer(bytes, { maxUncompressedBytes: 1000 })).toEqual({ ok: false, reason: 'too_large' });
    expect(readSignedContainer(bytes, { maxSignatureXmlBytes: 1000 })).toEqual({ ok: false, reason: 'too_large' });
    expect(readSignedContainer(bytes, { maxSignatures: 1 })).toEqual({ ok: false, reason: 'too_large' });
    expect(readSignedContainer(bytes, { maxEntries: 3 })).toEqual({ ok: false, reason: 'too_large' });
    expect(readSignedContainer(bytes)).toMatchObject({ ok: true });
  });

  it('X-DOC: a signature file inflating past its declared size is not inflated further (lying bomb)', () => {
    // 16 MiB of XML-ish filler compresses to ~16 KB; the entry claims 2 KB.
    const bomb = buildContainer({ signatureFiles: { [SIGNATURES]: `<a>${' '.repeat(16 * 1024 * 1024)}</a>` } });
    const lying = patchCentralEntry(bomb, SIGNATURES, { size: 2048 });
    expect(readSignedContainer(lying)).toEqual({ ok: true, format: 'asice', files: [{ name: 'arvamus.pdf', size: 16 }], signatures: [unknownSigner] });
  });

  it('X-DOC: ZIP64 size markers are refused as too_large', () => {
    const bytes = patchCentralEntry(signedContainer(), 'arvamus.pdf', { size: 0xffffffff });
    expect(readSignedContainer(bytes)).toEqual({ ok: false, reason: 'too_large' });
  });
});

describe('X-DOC readSignedContainer: hostile or broken signatures', () => {
  it('X-DOC: an XML entity bomb (DOCTYPE) is not parsed; it counts as an unknown signer', () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#">&lol2;</ds:Signature>`;
    expect(readSignedContainer(withXml(laughs))).toMatchObject({ ok: true, signatures: [unknownSigner] });
  });

  it('X-DOC: malformed XML, encrypted entries and corrupt data count as an unknown signer', () => {
    expect(readSignedContainer(withXml('<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><oops>'))).toMatchObject({ signatures: [unknownSigner] });
    const good = withXml(xadesDocument([signatureElement(MARI, [OPINION_PDF])]));
    expect(readSignedContainer(patchCentralEntry(good, SIGNATURES, { flags: 1 }))).toMatchObject({ signatures: [unknownSigner] });
  });

  it('X-DOC: a certificate that does not parse leaves the signer unknown but keeps id and time', () => {
    const xml = xadesDocument([signatureElement({ ...MARI, certificate: Buffer.from('not a certificate').toString('base64') }, [OPINION_PDF])]);
    expect(readSignedContainer(withXml(xml))).toMatchObject({
      signatures: [{ id: 'S0', signerName: null, personalCode: null, country: null, signedAt: '2025-03-05T12:30:00.000Z' }],
    });
  });

  it('X-DOC: a signing time without a time zone is not guessed', () => {
    const xml = xadesDocument([signatureElement({ ...MARI, signingTime: '2025-03-05T12:30:00' }, [OPINION_PDF])]);
    expect(readSignedContainer(withXml(xml))).toMatchObject({ signatures: [{ signerName: 'MARI TAMM', signedAt: null }] });
  });

  it('X-DOC: never throws on damaged containers (seeded byte flips and truncations)', () => {
    const original = signedContainer([[MARI], [{ ...MARI, id: 'S1' }]]);
    let seed = 20250305;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 400; round += 1) {
      const damaged = Buffer.from(original);
      for (let k = 0; k <= random(4); k += 1) damaged[random(damaged.length)] = random(256);
      const result = readSignedContainer(damaged);
      expect(result.ok || REASONS.includes(result.reason)).toBe(true);
    }
    for (let cut = 0; cut < original.length; cut += 37) {
      const result = readSignedContainer(original.subarray(0, cut));
      expect(result.ok || REASONS.includes(result.reason)).toBe(true);
    }
  });
});
