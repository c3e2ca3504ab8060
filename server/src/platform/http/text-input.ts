import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.js';

/**
 * Text PostgreSQL cannot store — a NUL character, or an unpaired UTF-16
 * surrogate, which is not Unicode at all — is refused as bad input, in every
 * body, query string and path parameter, before any handler runs. Left to
 * the database, a name "a\u0000b" or a registry code with a lone surrogate
 * failed the insert and answered 500 (found by the fuzzer, issue 10).
 */
export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const UNSTORABLE = new RegExp(`\\u0000|${LONE_SURROGATE.source}`);

/** The path (a.b.0.c) of the first string, key included, that cannot be stored; null when all can. */
export function unstorableText(value: unknown): string | null {
  // Iterative: a body may be nested thousands of levels deep.
  const stack: { value: unknown; path: string }[] = [{ value, path: '' }];
  while (stack.length) {
    const { value: current, path } = stack.pop()!;
    if (typeof current === 'string') {
      if (UNSTORABLE.test(current)) return path;
    } else if (Array.isArray(current)) {
      current.forEach((item, i) => stack.push({ value: item, path: path ? `${path}.${i}` : String(i) }));
    } else if (typeof current === 'object' && current !== null && !Buffer.isBuffer(current)) {
      for (const [key, item] of Object.entries(current)) {
        const at = path ? `${path}.${key}` : key;
        if (UNSTORABLE.test(key)) return at;
        stack.push({ value: item, path: at });
      }
    }
  }
  return null;
}

export function installTextInputCheck(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    for (const [where, value] of [['params', request.params], ['querystring', request.query], ['body', request.body]] as const) {
      const path = unstorableText(value);
      if (path !== null) {
        throw new AppError(400, 'VALIDATION_FAILED', {}, { in: where, fields: [{ path, message: 'contains a character that cannot be stored (NUL or an unpaired surrogate)' }] });
      }
    }
  });
}
