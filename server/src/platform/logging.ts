import pino, { type LoggerOptions } from 'pino';

/**
 * Structured JSON logs with Elastic Common Schema field names (X-LOG):
 * `@timestamp` in UTC, `log.level`, `message`, `ecs.version`.
 */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    messageKey: 'message',
    timestamp: () => `,"@timestamp":"${new Date().toISOString()}"`,
    base: { 'ecs.version': '8.11.0', 'service.name': 'tugi' },
    formatters: {
      level: (label) => ({ 'log.level': label }),
    },
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'password', '*.password'],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: { method: string; url: string; id: string; ip?: string }) => ({
        'http.request.method': req.method,
        'url.path': req.url.split('?')[0],
        'http.request.id': req.id,
        'client.ip': req.ip,
      }),
      res: (res: { statusCode: number }) => ({ 'http.response.status_code': res.statusCode }),
      err: pino.stdSerializers.err,
    },
  };
}

export function createLogger(level: string) {
  return pino(loggerOptions(level));
}
