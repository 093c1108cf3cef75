// Issue 16 beyond the access log: the contactpunt's search and requests, a decision on the
// bewaartermijn, and the documents behind a download link (the dossier, the inzage).
import { randomUUID } from 'node:crypto';
import { inzageRef } from '../../../src/app/betrokkene/inzage-ref';
import { betrokkeneKeyer } from '../../../src/app/casus/betrokkene-key';
import { loadSearchKey } from '../../../src/storage/cosmos-search-key';
import { downloadSpec } from './access-log-actions';
import {
  carded,
  casusOf,
  execute,
  judgedByStore,
  motivation,
  offers,
  onCasus,
  ref,
  type ActionSpec,
  type Bench,
} from './try';

const contactpunt: ActionSpec[] = [
  // Found across kamers by name and date of birth: the answer offers the requests on this casus.
  onCasus('contactpunt.zoek', async (bench, at) => {
    const { naam, geboortedatum } = casusOf(at).betrokkene;
    return carded(
      await execute(bench, at, 'contactpunt.zoek', { naam, geboortedatum }),
      (card, text) => offers('contactpunt.verzoek')(card, text) && text.includes(casusOf(at).id),
      [naam, geboortedatum],
    );
  }),
  onCasus('contactpunt.verzoek', async (bench, at) =>
    carded(
      await execute(bench, at, 'contactpunt.verzoek', { ...ref(at), soort: 'rectificatie' }),
      offers('contactpunt.rectificatie'),
    ),
  ),
  onCasus(
    'contactpunt.rectificatie',
    async (bench, at) =>
      carded(
        await execute(bench, at, 'contactpunt.rectificatie', {
          ...ref(at),
          veld: 'gemeente',
          waarde: 'Schiedam',
          motivering: motivation,
        }),
        judgedByStore,
      ),
    true,
  ),
  onCasus(
    'contactpunt.besluit',
    async (bench, at) =>
      carded(
        await execute(bench, at, 'contactpunt.besluit', {
          ...ref(at),
          soort: 'bezwaar',
          besluit: 'afgewezen',
          motivering: motivation,
        }),
        judgedByStore,
      ),
    true,
  ),
];

const retention: ActionSpec[] = [
  onCasus(
    'casus.bewaartermijn',
    async (bench, at) =>
      carded(
        await execute(bench, at, 'casus.bewaartermijn', {
          ...ref(at),
          back: [],
          step: 'verlengen',
          retentionMonths: '12',
          retentionMotivation: motivation,
        }),
        judgedByStore,
      ),
    true,
  ),
];

/** The bot's own search keys, so that an inzage link can be issued to any actor. */
const keyers = new WeakMap<Bench, Promise<Buffer>>();
async function inzageRefOf(bench: Bench, betrokkene: { naam: string; geboortedatum: string }) {
  let secret = keyers.get(bench);
  if (!secret) {
    secret = loadSearchKey(bench.bot.store().counters);
    keyers.set(bench, secret);
  }
  const key = await secret;
  return inzageRef({
    betrokkeneKey: betrokkeneKeyer(key)(betrokkene.naam, betrokkene.geboortedatum),
  });
}

const downloads: ActionSpec[] = [
  downloadSpec('dossier', 'pdf', (at) =>
    Promise.resolve({ ref: casusOf(at).id, other: randomUUID() }),
  ),
  downloadSpec('inzage', 'pdf', async (at, bench) => ({
    ref: await inzageRefOf(bench, casusOf(at).betrokkene),
    other: await inzageRefOf(bench, { naam: 'Niemand Anders', geboortedatum: '1990-01-01' }),
  })),
];

export const privacyActionSpecs = (): ActionSpec[] => [...contactpunt, ...retention, ...downloads];
