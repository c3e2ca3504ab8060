import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  buildContainer,
  JURI_SMART_ID,
  MARI_ID_CARD,
  OPINION_PDF,
  SKA_E_SEAL,
  signatureElement,
  signedContainer,
  xadesDocument,
} from './fixtures/containers.js';
import { readSignedContainer } from './signed-container.js';

const MARI = { id: 'S0', certificate: MARI_ID_CARD, signingTime: '2025-03-05T12:30:00Z' };
const JURI = { id: 'S1', certificate: JURI_SMART_ID, signingTime: '2025-03-06T09:15:42+02:00' };
const sigFile = (...xml: string[]): Record<string, string> => ({ 'META-INF/signatures0.xml': xadesDocument(xml) });

describe('X-DOC readSignedContainer: real-looking containers', () => {
  it('X-DOC: lists the data file and the ID-card signer of an ASiC-E container', () => {
    expect(readSignedContainer(signedContainer())).toEqual({
      ok: true,
      format: 'asice',
      files: [{ name: 'arvamus.pdf', size: OPINION_PDF.bytes.length }],
      signatures: [{ id: 'S0', signerName: 'MARI TAMM', personalCode: '38001085718', country: 'EE', signedAt: '2025-03-05T12:30:00.000Z' }],
    });
  });

  it('X-DOC: two signatures in two signature files, in file order', () => {
    const result = readSignedContainer(signedContainer([[MARI], [JURI]]));
    expect(result.ok && result.signatures).toEqual([
      { id: 'S0', signerName: 'MARI TAMM', personalCode: '38001085718', country: 'EE', signedAt: '2025-03-05T12:30:00.000Z' },
      { id: 'S1', signerName: 'JÜRI ÕUNAPUU', personalCode: '37605030299', country: 'EE', signedAt: '2025-03-06T07:15:42.000Z' },
    ]);
  });

  it('X-DOC: two ds:Signature elements in one file are both listed', () => {
    const result = readSignedContainer(signedContainer([[MARI, JURI]]));
    expect(result.ok && result.signatures.map((s) => s.signerName)).toEqual(['MARI TAMM', 'JÜRI ÕUNAPUU']);
  });

  it('X-DOC: BDOC 2.1 time-mark signatures are reported as bdoc', () => {
    const result = readSignedContainer(signedContainer([[{ ...MARI, bdocTm: true }]]));
    expect(result).toMatchObject({ ok: true, format: 'bdoc' });
  });

  it('X-DOC: an e-seal signature has the organisation as signer and no personal code', () => {
    const result = readSignedContainer(signedContainer([[{ ...MARI, certificate: SKA_E_SEAL }]]));
    expect(result.ok && result.signatures[0]).toMatchObject({ signerName: 'Sotsiaalkindlustusamet', personalCode: null, country: 'EE' });
  });

  it('X-DOC: several data files, folders skipped, META-INF not listed as data', () => {
    const files = [OPINION_PDF, { name: 'lisad/kokkuvõte.pdf', bytes: strToU8('%PDF-1.7 x'.repeat(50)), mime: 'application/pdf' }];
    const bytes = buildContainer({ files, signatureFiles: sigFile(signatureElement(MARI, files)) });
    const result = readSignedContainer(bytes);
    expect(result.ok && result.files).toEqual([
      { name: 'arvamus.pdf', size: OPINION_PDF.bytes.length },
      { name: 'lisad/kokkuvõte.pdf', size: 500 },
    ]);
  });
});

describe('X-DOC readSignedContainer: rejected uploads', () => {
  it('X-DOC: not_zip for bytes that are not a ZIP archive', () => {
    for (const bytes of [new Uint8Array(), strToU8('%PDF-1.7 not a zip'), new Uint8Array(100_000).fill(7), strToU8('PK\u0003\u0004 truncated')]) {
      expect(readSignedContainer(bytes)).toEqual({ ok: false, reason: 'not_zip' });
    }
  });

  it('X-DOC: not_zip for a container cut short', () => {
    const bytes = signedContainer();
    expect(readSignedContainer(bytes.subarray(0, Math.floor(bytes.length / 2)))).toEqual({ ok: false, reason: 'not_zip' });
  });

  it('X-DOC: not_asice for a zip without mimetype, an empty zip, or mimetype not first', () => {
    const noMimetype = buildContainer({ mimetype: null, signatureFiles: sigFile(signatureElement(MARI, [OPINION_PDF])) });
    expect(readSignedContainer(noMimetype)).toEqual({ ok: false, reason: 'not_asice' });
    expect(readSignedContainer(zipSync({}))).toEqual({ ok: false, reason: 'not_asice' });
    const last = buildContainer({ mimetypeLast: true, signatureFiles: sigFile(signatureElement(MARI, [OPINION_PDF])) });
    expect(readSignedContainer(last)).toEqual({ ok: false, reason: 'not_asice' });
  });

  it('X-DOC: not_asice for another container type (ASiC-S, ODF)', () => {
    expect(readSignedContainer(buildContainer({ mimetype: 'application/vnd.etsi.asic-s+zip' }))).toEqual({ ok: false, reason: 'not_asice' });
    expect(readSignedContainer(buildContainer({ mimetype: 'application/vnd.oasis.opendocument.text' }))).toEqual({ ok: false, reason: 'not_asice' });
  });

  it('X-DOC: no_signatures for an empty container (data only, or a signatures file without ds:Signature)', () => {
    expect(readSignedContainer(buildContainer({}))).toEqual({ ok: false, reason: 'no_signatures' });
    expect(readSignedContainer(buildContainer({ files: [] }))).toEqual({ ok: false, reason: 'no_signatures' });
    expect(readSignedContainer(buildContainer({ signatureFiles: sigFile() }))).toEqual({ ok: false, reason: 'no_signatures' });
  });
});
