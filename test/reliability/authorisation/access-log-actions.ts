// The privacy officer's access log: the commands with their argument, the form's questions, and
// the documents behind a download link (each kind its own row), with that link tampered.
import { accessQueryRef } from '../../../src/app/access/access-query-ref';
import type { AccessQuery } from '../../../src/app/access/access-queries';
import type { DownloadFormat, DownloadKind } from '../../../src/app/links/download-links';
import { pdfText } from '../../helpers/pdf-text';
import { actorIds } from './actors';
import { DOWNLOAD_ROUTE } from './catalogue';
import {
  carded,
  casusOf,
  execute,
  noCasus,
  numberOf,
  onCasus,
  say,
  type ActionSpec,
  type Bench,
  type Try,
} from './try';

/** A period that holds every record of the run. */
const ALWAYS = { van: '2000-01-01', tot: '2099-12-31' };
const PERSON = { id: actorIds.procesregisseur, name: 'Jeroen de Vries' };

/** The answer to a question about this subject ("Casus LK-…: 3 regels …"), not a refusal. */
const answersAbout = (subject: string) => (_card: unknown, text: string) =>
  new RegExp(`${subject}: (niets vastgelegd|(meer dan )?\\d+ regels?) van`).test(text);

const questions: ActionSpec[] = [
  onCasus('wie heeft casus <nummer>', async (bench, at) =>
    carded(
      await say(bench, at, `wie heeft casus ${numberOf(at)} ingezien`),
      answersAbout(`Casus ${numberOf(at)}`),
      [numberOf(at)],
    ),
  ),
  noCasus('wat heeft <naam>', async (bench, at) =>
    carded(await say(bench, at, `wat heeft ${PERSON.name} ingezien`), answersAbout(PERSON.name)),
  ),
  onCasus('toegang.vraag casus', async (bench, at) =>
    carded(
      await execute(bench, at, 'toegang.vraag', {
        about: 'casus',
        ...ALWAYS,
        casusNumber: numberOf(at),
      }),
      answersAbout(`Casus ${numberOf(at)}`),
      [numberOf(at)],
    ),
  ),
  noCasus('toegang.vraag persoon', async (bench, at) =>
    carded(
      await execute(bench, at, 'toegang.vraag', {
        about: 'persoon',
        ...ALWAYS,
        personId: PERSON.id,
      }),
      answersAbout(PERSON.name),
    ),
  ),
];

const period = {
  from: `${ALWAYS.van}T00:00:00.000Z`,
  to: `${ALWAYS.tot}T00:00:00.000Z`,
};

/** The token of a download link with some claims changed and its signature kept. */
function tampered(url: string, claims: Record<string, string>): string {
  const file = decodeURIComponent(new URL(url).pathname.replace(/^\/download\//, ''));
  const [token = '', format = ''] = file.split(/\.(?=[a-z]+$)/);
  const [header, payload = '', signature] = token.split('.');
  const original = JSON.parse(Buffer.from(payload, 'base64url').toString()) as object;
  const changed = { ...original, ...claims };
  const forged = [header, Buffer.from(JSON.stringify(changed)).toString('base64url'), signature];
  return `${new URL(url).origin}/download/${encodeURIComponent(forged.join('.'))}.${format}`;
}

const served = async (url: string) => {
  const response = await fetch(url);
  const type = response.headers.get('content-type') ?? '';
  const bytes = Buffer.from(await response.arrayBuffer());
  // A PDF's text is searched, not its compressed streams.
  const body = type.includes('pdf') ? pdfText(bytes).text : bytes.toString('utf8');
  return { status: response.status, type, body };
};

/**
 * A download link of this kind and document, issued to the actor as the bot issues it; then
 * three tampered ones, none of which may be served: the actor's link naming someone else (the
 * privacy officer, or for the privacy officer a procesregisseur), that person's link naming the
 * actor, and the actor's link naming another document.
 */
export function downloadSpec(
  kind: DownloadKind,
  format: DownloadFormat,
  document: (at: Try, bench: Bench) => Promise<{ ref: string; other: string }>,
) {
  return onCasus(`${DOWNLOAD_ROUTE} ${kind}`, async (bench: Bench, at) => {
    const issue = (personId: string, ref: string) =>
      bench.downloads.issue(personId, { kind, format, ref });
    const { ref, other } = await document(at, bench);
    const someoneElse =
      at.actor === 'privacyOfficer' ? actorIds.procesregisseur : actorIds.privacyOfficer;
    const own = (await issue(at.actorId, ref)).url;
    const genuine = await served(own);
    const forgeries = [
      ['naming someone else', tampered(own, { sub: someoneElse })],
      [
        'issued to someone else, naming the actor',
        tampered((await issue(someoneElse, ref)).url, { sub: at.actorId }),
      ],
      ['naming another document', tampered(own, { ref: other })],
    ] as const;
    const tamperedServed: string[] = [];
    for (const [how, url] of forgeries) {
      const answer = await served(url);
      if (answer.status < 400) tamperedServed.push(`${how} (${answer.status})`);
    }
    return {
      text: genuine.body,
      shows:
        genuine.status === 200 && genuine.type.includes(format === 'csv' ? 'text/csv' : format),
      tampered: { tried: forgeries.length, served: tamperedServed },
    };
  });
}

const casusQuery = (casusId: string): string => {
  const query: AccessQuery = { about: 'casus', casusId, period };
  return accessQueryRef(query);
};

const downloads: ActionSpec[] = [
  downloadSpec('toegangslog', 'csv', (at) =>
    Promise.resolve({
      ref: casusQuery(casusOf(at).id),
      other: accessQueryRef({ about: 'persoon', personId: at.actorId, period }),
    }),
  ),
];

export const accessLogActionSpecs = (): ActionSpec[] => [...questions, ...downloads];
