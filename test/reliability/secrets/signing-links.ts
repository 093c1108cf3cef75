import { randomBytes, randomUUID } from 'node:crypto';
import { decodeJwt } from 'jose';
import { LinkTokens } from '../../../src/app/links/link-tokens';
import { demoUsers } from '../../helpers/activities';
import { press } from '../../helpers/decision-press';
import {
  openSigningPage,
  postSignature,
  signatureFor,
  type SigningForm,
} from '../../helpers/signing-http';
import type { OwnFlow } from './own-flow';

/** How often a kind of misuse of a signing link was tried, and how often the bot went along. */
export interface Tries {
  tried: number;
  accepted: number;
  /** What was accepted, for the notes. */
  how: string[];
}

export interface SigningLinkResults {
  /** The genuine link opened its page and signed, and the signature was stored. */
  genuineSigned: boolean;
  /** The link to be used after the close opened its page before it, and the casus then closed. */
  openedBeforeClose: boolean;
  closed: boolean;
  reused: Tries;
  forged: Tries;
  afterClose: Tries;
  /** Every token handed to the bot: none of them may be in a log line. */
  tokens: string[];
}

const tokenOf = (url: string): string => new URL(url).searchParams.get('token') ?? '';

/** A base64url part with one character in its middle changed (the last may carry no bits). */
function changed(part: string): string {
  const at = Math.floor(part.length / 2);
  return `${part.slice(0, at)}${part[at] === 'A' ? 'B' : 'A'}${part.slice(at + 1)}`;
}

const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Tokens an attacker could make from a genuine link: tampered, re-signed, another kind. */
async function forgeries(genuine: string, form: SigningForm, secret: string) {
  const [header = '', payload = '', signature = ''] = genuine.split('.');
  const claims = decodeJwt(genuine) as { invitationId: string; casusId: string; exp: number };
  const subject = { invitationId: claims.invitationId, casusId: claims.casusId };
  const now = () => new Date();
  const otherKey = new LinkTokens(randomBytes(32), now);
  const rightKey = new LinkTokens(Buffer.from(secret, 'base64'), now);
  return [
    ['signature changed', `${header}.${payload}.${changed(signature)}`],
    [
      'expiry moved a year on, signature kept',
      `${header}.${encode({ ...decodeJwt(genuine), exp: claims.exp + 365 * 86_400 })}.${signature}`,
    ],
    [
      'signed with another key',
      (await otherKey.issue('ondertekenen', subject, 3600, randomUUID())).token,
    ],
    ['no signature (alg none)', `${encode({ alg: 'none', typ: 'JWT' })}.${payload}.`],
    [
      'the right key, a viewing link',
      (
        await rightKey.issue(
          'verklaring-bekijken',
          { ...subject, personId: demoUsers.jeroen },
          3600,
          randomUUID(),
        )
      ).token,
    ],
    ['the shown receipt as link', form.shownReceipt],
  ] as const;
}

/**
 * One use of a link over HTTP: the page opened with it, then a complete signature posted with it.
 * Accepted when either answers as for a valid link, or the casus's record changed.
 */
async function tryLink(
  flow: OwnFlow,
  number: string,
  token: string,
  form: SigningForm,
  tries: Tries,
  what: string,
): Promise<void> {
  const before = await flow.record(number);
  const page = await openSigningPage(
    `${flow.bot.url}/ondertekenen?token=${encodeURIComponent(token)}`,
  );
  tries.tried++;
  if (page.status < 400 || page.form) {
    tries.accepted++;
    tries.how.push(`${what}: the page opened (${page.status})`);
  }
  const posted = await postSignature(flow.bot.url, signatureFor(form, { token }));
  tries.tried++;
  if (posted.status < 400 || posted.body.ok === true) {
    tries.accepted++;
    tries.how.push(`${what}: signed (${posted.status})`);
  }
  if ((await flow.record(number)) !== before) {
    tries.accepted++;
    tries.how.push(`${what}: the casus changed in the store`);
  }
}

const noTries = (): Tries => ({ tried: 0, accepted: 0, how: [] });

/**
 * Over HTTP against the bot's own signing routes: forged links before the genuine one signs, the
 * genuine one signing once, the same link used again, and a link used after its casus closed.
 */
export async function misuseSigningLinks(flow: OwnFlow): Promise<SigningLinkResults> {
  const results: SigningLinkResults = {
    genuineSigned: false,
    openedBeforeClose: false,
    closed: false,
    reused: noTries(),
    forged: noTries(),
    afterClose: noTries(),
    tokens: [],
  };
  const { toSign, toClose } = flow;
  const genuine = tokenOf(toSign.url);
  const page = await openSigningPage(toSign.url);
  if (!page.form) throw new Error(`the genuine link did not open the page (${page.status})`);
  const form = page.form;
  results.tokens.push(genuine, form.shownReceipt);

  for (const [what, token] of await forgeries(genuine, form, flow.keys.linkTokenSecret)) {
    results.tokens.push(token);
    await tryLink(flow, toSign.number, token, form, results.forged, what);
  }

  const unsigned = await flow.record(toSign.number);
  const signed = await postSignature(flow.bot.url, signatureFor(form));
  results.genuineSigned =
    signed.status === 200 &&
    signed.body.ok === true &&
    (await flow.record(toSign.number)) !== unsigned;
  await tryLink(flow, toSign.number, genuine, form, results.reused, 'the used link');

  const closing = await openSigningPage(toClose.url);
  results.openedBeforeClose = closing.status === 200 && closing.form !== undefined;
  if (closing.form) results.tokens.push(closing.form.shownReceipt);
  results.tokens.push(tokenOf(toClose.url));
  await press(flow.jeroen, await flow.jeroen.say(`casus ${toClose.number}`), 'afsluiten');
  results.closed =
    (JSON.parse(await flow.record(toClose.number)) as { state: string }).state === 'afgesloten';
  const closedForm = closing.form ?? { ...form, token: tokenOf(toClose.url) };
  await tryLink(
    flow,
    toClose.number,
    tokenOf(toClose.url),
    closedForm,
    results.afterClose,
    'after close',
  );
  return results;
}
