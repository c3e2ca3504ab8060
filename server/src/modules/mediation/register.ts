import type { Kysely } from 'kysely';
import type { RegisterConfig } from '../../config.js';
import type { DB } from '../../platform/db/schema.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { tell } from '../../platform/notify/tell.js';
import { skaContacts } from '../families/shared.js';
import { classifyRegisterAnswer, MAX_DELIVERY_ATTEMPTS, retryDelayMs, type RegisterAnswer } from './rules.js';

/**
 * E-REG: delivery of parenting agreements to the population register.
 *
 * At least once, idempotent by agreement id: a delivery is claimed in its own
 * short transaction (status `sending`, a lease until the request must have
 * ended), the POST runs outside any transaction, and the outcome is written in
 * another, only by the attempt that claimed it. A worker that dies between the
 * POST and the outcome (a server restart) leaves the claim to expire; the next
 * run sends the same agreement again, and the register, which already has it,
 * answers 409 duplicate: that is delivered. So the register holds each
 * agreement exactly once however often it was sent.
 */
export interface DeliveryOptions {
  config: RegisterConfig;
  now?: () => Date;
  /** At most this many deliveries per run. */
  batch?: number;
}

export interface ClaimedDelivery {
  id: string;
  agreementId: string;
  payload: Record<string, unknown>;
  attempt: number;
}

export interface SendResult {
  answer: RegisterAnswer;
  status: number | null;
  reference: string | null;
  error: string | null;
}

const SYSTEM = { actor: null, ip: null };
/** The lease outlives the request's own timeout, so a live attempt is never taken over. */
const leaseMs = (config: RegisterConfig) => config.timeoutMs + 60_000;

/** Claims the next due delivery (pending, or sending with an expired lease); null when none is due. */
export async function claimDelivery(db: Kysely<DB>, config: RegisterConfig, now: Date): Promise<ClaimedDelivery | null> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('mediation_register_outbox')
      .select(['id', 'agreement_id', 'payload', 'attempts'])
      .where('status', 'in', ['pending', 'sending'])
      .where('next_attempt_at', '<=', now)
      .orderBy('next_attempt_at')
      .orderBy('id')
      .limit(1)
      .forUpdate()
      .skipLocked()
      .executeTakeFirst();
    if (!row) return null;
    const attempt = row.attempts + 1;
    await trx
      .updateTable('mediation_register_outbox')
      .set({ status: 'sending', attempts: attempt, last_attempt_at: now, next_attempt_at: new Date(now.getTime() + leaseMs(config)), updated_at: now })
      .where('id', '=', row.id)
      .execute();
    return { id: row.id, agreementId: row.agreement_id, payload: row.payload, attempt };
  });
}

/** One X-Road-style REST call: the client and service headers, a request id per attempt, the agreement as JSON. */
export async function sendToRegister(config: RegisterConfig, delivery: ClaimedDelivery): Promise<SendResult> {
  try {
    const response = await fetch(config.url!, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        'X-Road-Client': config.client,
        'X-Road-Service': config.service,
        'X-Road-Id': `${delivery.agreementId}.${delivery.attempt}`,
      },
      body: JSON.stringify(delivery.payload),
      signal: AbortSignal.timeout(config.timeoutMs),
    });
    const text = await response.text();
    let body: { registerId?: unknown; reference?: unknown; message?: unknown } = {};
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      // not JSON: the status decides
    }
    const answer = classifyRegisterAnswer(response.status);
    const reference = typeof body.registerId === 'string' ? body.registerId : typeof body.reference === 'string' ? body.reference : null;
    const error = answer === 'delivered' || answer === 'duplicate' ? null : `HTTP ${response.status}${typeof body.message === 'string' ? `: ${body.message}` : text ? `: ${text.slice(0, 200)}` : ''}`;
    return { answer, status: response.status, reference, error };
  } catch (cause) {
    const timedOut = (cause as Error)?.name === 'TimeoutError' || (cause as Error)?.name === 'AbortError';
    const message = timedOut ? `no answer within ${config.timeoutMs} ms` : String((cause as Error)?.message ?? cause) + ((cause as { cause?: { code?: string } })?.cause?.code ? ` (${(cause as { cause: { code: string } }).cause.code})` : '');
    return { answer: 'retry', status: null, reference: null, error: message.slice(0, 500) };
  }
}

/**
 * Writes the outcome of the attempt that claimed the delivery (a stale attempt
 * writes nothing): delivered (also on a duplicate), again later with
 * exponential backoff, or failed after the last attempt or a refusal, which
 * SKA's contacts are told about.
 */
export async function recordDelivery(db: Kysely<DB>, delivery: ClaimedDelivery, result: SendResult, now: Date): Promise<'delivered' | 'pending' | 'failed' | 'stale'> {
  return db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('mediation_register_outbox').select(['status', 'attempts']).where('id', '=', delivery.id).forUpdate().executeTakeFirst();
    if (!current || current.status !== 'sending' || current.attempts !== delivery.attempt) return 'stale';
    const delivered = result.answer === 'delivered' || result.answer === 'duplicate';
    const failed = !delivered && (result.answer === 'rejected' || delivery.attempt >= MAX_DELIVERY_ATTEMPTS);
    const status = delivered ? 'delivered' : failed ? 'failed' : 'pending';
    await trx
      .updateTable('mediation_register_outbox')
      .set({
        status,
        last_error: result.error,
        updated_at: now,
        ...(delivered ? { delivered_at: now, register_reference: result.reference, duplicate: result.answer === 'duplicate' } : {}),
        ...(status === 'pending' ? { next_attempt_at: new Date(now.getTime() + retryDelayMs(delivery.attempt)) } : {}),
      })
      .where('id', '=', delivery.id)
      .execute();
    await appendAudit(trx, SYSTEM, [
      {
        action: 'update',
        recordType: 'register_delivery',
        recordId: delivery.id,
        changes: [
          { field: 'status', old: 'sending', new: status },
          { field: 'attempt', old: null, new: delivery.attempt },
          ...(result.status !== null ? [{ field: 'http_status', old: null, new: result.status }] : []),
          ...(result.error ? [{ field: 'error', old: null, new: result.error }] : []),
        ],
      },
    ]);
    if (failed) {
      const reference = String(delivery.payload.proceedings ?? delivery.agreementId);
      await tell(trx, await skaContacts(trx), {
        kind: 'register',
        titleKey: 'mediation.notifications.registerFailed',
        params: { reference, error: result.error ?? '' },
        link: '/mediation/register',
        mailCode: 'MEDIATION_REGISTER_FAILED',
        dedupe: `mediation-register-failed-${delivery.id}-${delivery.attempt}`,
      });
    }
    return status;
  });
}

/** The job: delivers what is due, one at a time. Without an endpoint nothing is attempted (SKA sees "not configured"). */
export async function deliverRegisterOutbox(db: Kysely<DB>, options: DeliveryOptions) {
  const counts = { delivered: 0, pending: 0, failed: 0, stale: 0 };
  if (!options.config.url) return { ...counts, configured: false };
  const now = options.now ?? (() => new Date());
  for (let i = 0; i < (options.batch ?? 20); i++) {
    const claimed = await claimDelivery(db, options.config, now());
    if (!claimed) break;
    const result = await sendToRegister(options.config, claimed);
    counts[await recordDelivery(db, claimed, result, now())] += 1;
  }
  return { ...counts, configured: true };
}
