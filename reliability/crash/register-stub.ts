import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in population register on 127.0.0.1, as the real one behaves: it
 * stores each agreement once by its idempotency key (the agreement id) and
 * answers a resend with 409 and the same register id. It answers after
 * `delayMs`, so deliveries are in flight when the server is killed. Every
 * request is recorded with its arrival time.
 */
export interface StubRequest {
  agreementId: string;
  xRoadId: string | undefined;
  at: number;
  answered: number | null;
}

export class StubRegister {
  readonly stored = new Map<string, { registerId: string; storedAt: number }>();
  readonly requests: StubRequest[] = [];
  private server = http.createServer((req, res) => this.handle(req, res));
  private waiters: ((r: StubRequest) => void)[] = [];
  url = '';

  constructor(private readonly delayMs: number) {}

  async start() {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/rr/parenting-agreements`;
  }

  /** Resolves at the next request's arrival (the delivery is then in flight). */
  nextRequest(): Promise<StubRequest> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse) {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => {
      let agreementId = '';
      try {
        agreementId = String((JSON.parse(text) as { agreementId?: unknown }).agreementId ?? '');
      } catch {
        // recorded with an empty key: counts as wrong
      }
      const request: StubRequest = { agreementId, xRoadId: req.headers['x-road-id'] as string | undefined, at: Date.now(), answered: null };
      this.requests.push(request);
      for (const w of this.waiters.splice(0)) w(request);
      // Stored on arrival, as a register commits before it answers: an answer lost with a killed caller leaves it stored.
      const known = this.stored.get(agreementId);
      if (!known && agreementId) this.stored.set(agreementId, { registerId: `RR-${this.stored.size + 1}`, storedAt: Date.now() });
      setTimeout(() => {
        const entry = this.stored.get(agreementId);
        const json = (status: number, value: unknown) => {
          if (res.destroyed) return;
          res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
          request.answered = status;
        };
        if (!agreementId || !entry) return json(400, { message: 'no agreementId' });
        if (known) return json(409, { code: 'DUPLICATE', registerId: entry.registerId });
        return json(201, { registerId: entry.registerId });
      }, this.delayMs);
    });
  }

  async close() {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
