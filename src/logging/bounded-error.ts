import { pino } from 'pino';

/** A log line stays readable and cheap: an error says what and where, not what it carried. */
const MAX_MESSAGE = 500;
const MAX_STACK = 2000;

const clip = (text: unknown, max: number): string | undefined =>
  typeof text === 'string' ? (text.length > max ? `${text.slice(0, max)}…` : text) : undefined;

/**
 * Errors as pino logs them, bounded. SDK errors carry the request or response they failed on (a
 * caller's text, a hostile server's body); only their kind, code, status and a clipped message and
 * stack are kept, and so are their causes, one level deep.
 */
export function boundedError(error: unknown, depth = 0): Record<string, unknown> {
  const serialized = pino.stdSerializers.err(error as Error) as Record<string, unknown> | undefined;
  if (!serialized || typeof serialized !== 'object')
    return { message: clip(String(error), MAX_MESSAGE) };
  const { code, statusCode, status } = serialized;
  const cause = (error as { cause?: unknown } | null)?.cause;
  return {
    type: clip(serialized.type, 100),
    message: clip(serialized.message, MAX_MESSAGE),
    stack: clip(serialized.stack, MAX_STACK),
    ...(typeof code === 'string' || typeof code === 'number'
      ? { code: clip(String(code), 100) }
      : {}),
    ...(typeof statusCode === 'number' ? { statusCode } : {}),
    ...(typeof status === 'number' ? { status } : {}),
    ...(cause !== undefined && depth < 1 ? { cause: boundedError(cause, depth + 1) } : {}),
  };
}
