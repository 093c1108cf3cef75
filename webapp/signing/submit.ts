import type { SigningSubmission } from '../../src/app/invitation/signing';

export type PostOutcome =
  { ok: true; casusNumber: string; signedAt: string } | { ok: false; message: string };

const NO_ANSWER =
  'De server gaf geen antwoord. Of uw handtekening is opgeslagen, is niet zeker: open de link opnieuw om te zien of de verklaring al is ondertekend.';
const OFFLINE =
  'Er is geen verbinding met de server. Er is niets opgeslagen; controleer uw verbinding en probeer het opnieuw.';

function isOutcome(body: unknown): body is PostOutcome {
  if (typeof body !== 'object' || body === null) return false;
  const value = body as Record<string, unknown>;
  return value.ok === true
    ? typeof value.casusNumber === 'string' && typeof value.signedAt === 'string'
    : value.ok === false && typeof value.message === 'string';
}

/** Posts the submission; every answer, also a failure, becomes a Dutch message for the page. */
export async function postSubmission(submission: SigningSubmission): Promise<PostOutcome> {
  let response: Response;
  try {
    response = await fetch('/api/ondertekenen', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(submission),
      credentials: 'omit',
    });
  } catch {
    // The request never reached the server, or its answer never came back: which one is unknown.
    return { ok: false, message: navigator.onLine ? NO_ANSWER : OFFLINE };
  }
  const body: unknown = await response.json().catch(() => undefined);
  return isOutcome(body) ? body : { ok: false, message: NO_ANSWER };
}

/** The SHA-256 (hex) of the text as the page shows it; the server checks it is the declaration's. */
export async function sha256Hex(text: string): Promise<string | undefined> {
  // Only in a secure context (https, or loopback in development).
  if (!globalThis.crypto?.subtle) return undefined;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
