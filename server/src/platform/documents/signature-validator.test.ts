import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSignatureValidator, fromSivaReport } from './signature-validator.js';

const NOW = new Date('2025-03-05T12:30:00Z');
const TIMEOUT_MS = 200;
const BYTES = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);

/** A SiVa-shaped report (only the parts the validator reads, plus some context). */
function report(valid: number, total: number, errors: string[] = []): unknown {
  return {
    validationReport: {
      validationConclusion: {
        policy: { policyName: 'POLv4' },
        signatureForm: 'ASiC-E',
        validationTime: '2025-03-05T12:30:01Z',
        signatures: Array.from({ length: total }, (_, i) => ({
          id: `S${i}`,
          indication: i < valid ? 'TOTAL-PASSED' : 'TOTAL-FAILED',
          errors: i < valid ? [] : errors.map((content) => ({ content })),
        })),
        validSignaturesCount: valid,
        signaturesCount: total,
      },
    },
  };
}

type Received = { method?: string; url?: string; contentType?: string; body: Record<string, unknown> };

/** Answers by filename, like SiVa would for such documents. */
const ROUTES: Record<string, (res: ServerResponse) => void> = {
  'valid.asice': (res) => json(res, 200, report(2, 2)),
  'invalid.asice': (res) => json(res, 200, report(1, 2, ['The certificate is revoked', 'The certificate is revoked'])),
  'unsigned.asice': (res) => json(res, 200, report(0, 0)),
  'broken.asice': (res) => json(res, 500, { error: 'boom' }),
  'rejected.pdf': (res) => json(res, 400, { requestErrors: [{ key: 'document', message: 'Document malformed or not matching documentType' }] }),
  'garbage.asice': (res) => res.writeHead(200, { 'content-type': 'application/json' }).end('<html>not json'),
  'odd.asice': (res) => json(res, 200, { validationReport: { validationConclusion: { signaturesCount: 1, validSignaturesCount: 3 } } }),
  // Never answers: the client's timeout must end the wait.
  'slow.asice': () => undefined,
};

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

let server: Server;
let baseUrl: string;
const received: Received[] = [];

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      received.push({ method: req.method, url: req.url, contentType: req.headers['content-type'], body });
      const route = req.url === '/v3/validate' ? ROUTES[String(body.filename)] : undefined;
      if (route) route(res);
      else json(res, 404, {});
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v3`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

// Answers get a generous timeout (a loaded CI machine is slow); only the hanging service gets the short one.
const validator = (timeoutMs = 10_000) => createSignatureValidator({ url: `${baseUrl}/`, timeoutMs, now: () => NOW });

describe('X-DOC signature validator against a SiVa stub', () => {
  it('X-DOC: posts SiVa JSON (base64 document, filename, POLv4) to {url}/validate', async () => {
    received.length = 0;
    await validator().validate(BYTES, 'valid.asice');
    expect(received).toEqual([
      { method: 'POST', url: '/v3/validate', contentType: 'application/json', body: { document: 'UEsDBAECAw==', filename: 'valid.asice', signaturePolicy: 'POLv4' } },
    ]);
  });

  it('X-DOC: all signatures valid → valid', async () => {
    expect(await validator().validate(BYTES, 'valid.asice')).toEqual({ status: 'valid', validSignatures: 2, totalSignatures: 2, checkedAt: '2025-03-05T12:30:00.000Z' });
  });

  it("X-DOC: some signature not valid → invalid, with SiVa's reasons", async () => {
    expect(await validator().validate(BYTES, 'invalid.asice')).toEqual({
      status: 'invalid',
      validSignatures: 1,
      totalSignatures: 2,
      checkedAt: '2025-03-05T12:30:00.000Z',
      message: '1 of 2 signatures valid; The certificate is revoked',
    });
  });

  it('X-DOC: no signatures at all is invalid, not valid', async () => {
    expect(await validator().validate(BYTES, 'unsigned.asice')).toMatchObject({ status: 'invalid', validSignatures: 0, totalSignatures: 0 });
  });

  it('X-DOC: HTTP 500 → error', async () => {
    expect(await validator().validate(BYTES, 'broken.asice')).toEqual({
      status: 'error',
      validSignatures: 0,
      totalSignatures: 0,
      checkedAt: '2025-03-05T12:30:00.000Z',
      message: 'Signature validation service answered HTTP 500',
    });
  });

  it("X-DOC: HTTP 400 → error carrying SiVa's request error", async () => {
    const result = await validator().validate(BYTES, 'rejected.pdf');
    expect(result).toMatchObject({ status: 'error', message: 'Signature validation service answered HTTP 400: Document malformed or not matching documentType' });
  });

  it('X-DOC: non-JSON or inconsistent answers → error', async () => {
    expect(await validator().validate(BYTES, 'garbage.asice')).toMatchObject({ status: 'error', message: 'Signature validation service answered with invalid JSON' });
    expect(await validator().validate(BYTES, 'odd.asice')).toMatchObject({ status: 'error', message: 'Unexpected response from the signature validation service' });
  });

  it('X-DOC: an answer slower than the timeout → error', async () => {
    const result = await validator(TIMEOUT_MS).validate(BYTES, 'slow.asice');
    expect(result).toMatchObject({ status: 'error', message: `Signature validation service did not answer within ${TIMEOUT_MS} ms` });
  });
});

describe('X-DOC signature validator without a reachable service', () => {
  it('X-DOC: no URL configured → unchecked', async () => {
    for (const url of [undefined, '', '   ']) {
      expect(await createSignatureValidator({ url, now: () => NOW }).validate(BYTES, 'a.asice')).toEqual({
        status: 'unchecked',
        validSignatures: 0,
        totalSignatures: 0,
        checkedAt: '2025-03-05T12:30:00.000Z',
        message: 'No signature validation service is configured',
      });
    }
  });

  it('X-DOC: connection refused → error, never a thrown exception', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const result = await createSignatureValidator({ url: `http://127.0.0.1:${port}`, timeoutMs: TIMEOUT_MS }).validate(BYTES, 'a.asice');
    expect(result.status).toBe('error');
    expect(result.message).toMatch(/^Could not reach the signature validation service/);
    expect(result.message).toContain('ECONNREFUSED');
    expect(result.message).not.toContain(String(port));
  });

  it('X-DOC: uses the injected fetch and survives it throwing anything', async () => {
    const calls: string[] = [];
    const fetchImpl = (async (input: string | URL | Request) => {
      calls.push(String(input));
      throw 'not even an Error';
    }) as typeof fetch;
    const result = await createSignatureValidator({ url: 'https://siva.example/v3//', fetchImpl }).validate(BYTES, 'a.asice');
    expect(calls).toEqual(['https://siva.example/v3/validate']);
    expect(result).toMatchObject({ status: 'error', message: 'Could not reach the signature validation service: not even an Error' });
  });
});

describe('X-DOC fromSivaReport', () => {
  it('X-DOC: maps counts and rejects shapes it does not understand', () => {
    expect(fromSivaReport(report(3, 3))).toEqual({ status: 'valid', validSignatures: 3, totalSignatures: 3 });
    expect(fromSivaReport(report(0, 1, ['Signature is not intact']))).toMatchObject({ status: 'invalid', message: '0 of 1 signatures valid; Signature is not intact' });
    for (const bad of [null, 'x', {}, { validationReport: {} }, report(-1, 1), { validationReport: { validationConclusion: { validSignaturesCount: 1.5, signaturesCount: 2 } } }]) {
      expect(fromSivaReport(bad).status).toBe('error');
    }
  });
});
