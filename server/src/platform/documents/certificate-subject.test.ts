import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { signerFromCertificate, signerFromSubject } from './certificate-subject.js';

const pem = (file: string): Buffer => readFileSync(new URL(`./fixtures/${file}`, import.meta.url));

describe('X-DOC signerFromSubject', () => {
  it('X-DOC: splits an ID-card CN "TAMM,MARI,38001085718" into name and personal code', () => {
    const subject = { C: 'EE', CN: 'TAMM,MARI,38001085718', serialNumber: 'PNOEE-38001085718', GN: 'MARI', SN: 'TAMM' };
    expect(signerFromSubject(subject)).toEqual({ signerName: 'MARI TAMM', personalCode: '38001085718', country: 'EE' });
  });

  it('X-DOC: reads a Smart-ID CN whose third part is a semantics identifier', () => {
    expect(signerFromSubject({ C: 'EE', CN: 'ÕUNAPUU,JÜRI,PNOEE-37605030299' })).toEqual({
      signerName: 'JÜRI ÕUNAPUU',
      personalCode: '37605030299',
      country: 'EE',
    });
  });

  it('X-DOC: keeps multi-part given names and double surnames together', () => {
    expect(signerFromSubject({ CN: 'TAMM-SEPP,MARI ANN,48001085719' }).signerName).toBe('MARI ANN TAMM-SEPP');
  });

  it('X-DOC: other eIDs — GN/SN for the name, PNO serialNumber for code and country', () => {
    const subject = { CN: 'Anna Bērziņa', GN: 'Anna', SN: 'Bērziņa', serialNumber: 'PNOLV-010180-12345' };
    expect(signerFromSubject(subject)).toEqual({ signerName: 'Anna Bērziņa', personalCode: '010180-12345', country: 'LV' });
  });

  it('X-DOC: pre-2018 ID-cards with a bare code in serialNumber', () => {
    expect(signerFromSubject({ C: 'EE', CN: 'TAMM,MARI,38001085718', serialNumber: '38001085718' }).personalCode).toBe('38001085718');
    expect(signerFromSubject({ CN: 'Mari Tamm', serialNumber: '38001085718' }).personalCode).toBe('38001085718');
  });

  it('X-DOC: an organisation e-seal has a name but no personal code', () => {
    const subject = { C: 'EE', O: 'Sotsiaalkindlustusamet', CN: 'Sotsiaalkindlustusamet', organizationIdentifier: 'NTREE-70001975' };
    expect(signerFromSubject(subject)).toEqual({ signerName: 'Sotsiaalkindlustusamet', personalCode: null, country: 'EE' });
  });

  it('X-DOC: missing, empty and repeated attributes', () => {
    expect(signerFromSubject({})).toEqual({ signerName: null, personalCode: null, country: null });
    expect(signerFromSubject({ CN: '  ', C: ['EE', 'FI'] })).toEqual({ signerName: null, personalCode: null, country: 'EE' });
    // Two commas but no code: not the ESTEID form, shown as written.
    expect(signerFromSubject({ CN: 'Tamm, Mari, juhataja' }).signerName).toBe('Tamm, Mari, juhataja');
  });
});

describe('X-DOC signerFromCertificate', () => {
  it('X-DOC: reads the fixture ID-card certificate (DER and PEM)', async () => {
    const { X509Certificate } = await import('node:crypto');
    const der = new X509Certificate(pem('signer-id-card-tamm-mari.pem')).raw;
    const expected = { signerName: 'MARI TAMM', personalCode: '38001085718', country: 'EE' };
    expect(signerFromCertificate(der)).toEqual(expected);
    expect(signerFromCertificate(pem('signer-id-card-tamm-mari.pem'))).toEqual(expected);
  });

  it('X-DOC: keeps UTF-8 names from the certificate (Õ, Ü)', () => {
    expect(signerFromCertificate(pem('signer-smart-id-ounapuu-juri.pem'))?.signerName).toBe('JÜRI ÕUNAPUU');
  });

  it('X-DOC: returns null for bytes that are not a certificate', () => {
    expect(signerFromCertificate(Buffer.from('not a certificate'))).toBeNull();
    expect(signerFromCertificate(new Uint8Array())).toBeNull();
  });
});
