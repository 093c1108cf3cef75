import { drawnSignature } from './signing-fixtures';

/** What the signing page's form hands its script: posted back with the signature. */
export interface SigningForm {
  token: string;
  shownReceipt: string;
  textSha256: string;
}

const attribute = (html: string, name: string): string | undefined => {
  const value = new RegExp(`${name}="([^"]*)"`).exec(html)?.[1];
  // The page escapes attribute values; tokens and hashes have no character it would escape.
  return value;
};

/**
 * Opens a signing link as a browser does (`GET /ondertekenen?token=…`): the status, and the form's
 * data when the page offers one to sign (a refusal page has none).
 */
export async function openSigningPage(
  url: string,
): Promise<{ status: number; html: string; form: SigningForm | undefined }> {
  const response = await fetch(url);
  const html = await response.text();
  const token = attribute(html, 'data-token');
  const shownReceipt = attribute(html, 'data-shown-receipt');
  const textSha256 = attribute(html, 'data-text-sha256');
  const form =
    token !== undefined && shownReceipt !== undefined && textSha256 !== undefined
      ? { token, shownReceipt, textSha256 }
      : undefined;
  return { status: response.status, html, form };
}

/** A complete signature as the page's script posts it for this form, signed as Rob de Boer. */
export const signatureFor = (form: SigningForm, over: Partial<SigningForm> = {}) => ({
  token: over.token ?? form.token,
  shownReceipt: over.shownReceipt ?? form.shownReceipt,
  typedName: 'Rob de Boer',
  consent: true,
  signature: drawnSignature(),
  textSha256: over.textSha256 ?? form.textSha256,
});

/** `POST /api/ondertekenen` as the page's script does: the status and the JSON answer. */
export async function postSignature(
  baseUrl: string,
  body: unknown,
): Promise<{ status: number; body: { ok?: boolean; kind?: string } }> {
  const response = await fetch(`${baseUrl}/api/ondertekenen`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': 'Reliability/1.0' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) as { ok?: boolean; kind?: string } };
  } catch {
    return { status: response.status, body: {} };
  }
}
