import { pino, type Logger } from 'pino';
import { boundedError } from './bounded-error';

export type { Logger };

/**
 * Structured JSON logs. Personal data (betrokkene fields, motivations) and secrets must never be
 * passed to the logger; the redact list is a safety net for the obvious keys, not a licence.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'casusbot' },
      serializers: { err: (error: unknown) => boundedError(error) },
      redact: {
        paths: [
          '*.password',
          '*.key',
          '*.token',
          'headers.authorization',
          'req.headers.authorization',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
