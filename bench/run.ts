import { cpus, loadavg } from 'node:os';
import { demoUsers } from '../test/helpers/activities';
import { postActivity, talkAs } from '../test/helpers/bot-harness';
import { actionData } from '../test/helpers/card-actions';
import { startHarness, type Harness } from './harness/harness';
import { runBatch, type Batch } from './harness/load';
import { madeBy, readCasus, regionRegistry, writeAll } from './harness/seed';
import { StorePlan, sizesFor, type Templates } from './harness/store-plan';
import { runLifecycle, type Lifecycle } from './measure/lifecycle';
import { countRoundTrips, type RoundTrips } from './measure/round-trips';
import { percentile } from './measure/stats';
import type { BenchSettings } from './settings';
import { botSubjects, type BotFixtures } from './subjects/bot-subjects';
import { floorStoreSubject, floorSubject } from './subjects/floors';
import type { Subject, SubjectName } from './subjects/subject';

export interface BatchSummary {
  phase: 'small' | 'large';
  subject: SubjectName;
  concurrency: number;
  pair: number;
  turns: number;
  failed: number;
  failures: string[];
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  answerCardBytes: number;
  sentCardBytes: number;
  peakRssBytes: number;
}

export interface BenchResults {
  settings: BenchSettings;
  startedAt: string;
  durationMs: number;
  machine: { cpus: number; node: string; loadAverageAtStart: number[]; loadAverageAtEnd: number[] };
  store: { small: number; large: number; registryPersons: number };
  batches: BatchSummary[];
  roundTrips: RoundTrips[];
  lifecycle: Omit<Lifecycle, 'aangemeld' | 'inBehandeling' | 'afgesloten'>;
  /**
   * At the end, after a full collection: the live heap, and what V8 still holds for it (RSS is
   * more than both: code, buffers, the allocator's free lists). For the bot and the floor.
   */
  memoryAfterGc: Record<'bot' | 'floor', { liveHeapBytes: number; heapTotalBytes: number }>;
  /** Error-level log lines of the bot and the floor during the run (there should be none). */
  errorLogs: Record<string, unknown>[];
}

/** Every subject, in the order each round runs them. */
export const subjectsOrder: SubjectName[] = [
  'floor',
  'floorStore',
  'decision',
  'intake',
  'refresh',
  'casusNummer',
  'casuslijst',
];

const summarise = (batch: Batch, phase: BatchSummary['phase'], pair: number): BatchSummary => ({
  phase,
  subject: batch.subject,
  concurrency: batch.concurrency,
  pair,
  turns: batch.turns,
  failed: batch.failed,
  failures: batch.failures,
  perSecond: batch.perSecond,
  p50Ms: percentile(batch.latenciesMs, 50),
  p99Ms: percentile(batch.latenciesMs, 99),
  answerCardBytes: batch.answerCardBytes,
  sentCardBytes: batch.sentCardBytes,
  peakRssBytes: batch.peakRssBytes,
});

const anouk = '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a03'; // procesregisseur of the ZVH
const mohamed = '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a04'; // weegtafellid of Lokale Kamer Rotterdam

/** Everyone the lifecycle notifies has opened their chat with the bot (their reference is kept). */
export async function openChats(harness: Harness): Promise<void> {
  const bot = {
    connector: harness.connector,
    post: (a: unknown) => postActivity(harness.urls.bot, a),
  };
  const people = [demoUsers.fatima, demoUsers.jeroen, demoUsers.sem, anouk, mohamed];
  for (const person of people) await talkAs(bot, person).say('help');
}

export async function makeTemplates(
  harness: Harness,
): Promise<{ templates: Templates; first: Lifecycle }> {
  const first = await runLifecycle(harness);
  const bot = {
    connector: harness.connector,
    post: (a: unknown) => postActivity(harness.urls.bot, a),
  };
  const card = await talkAs(bot, demoUsers.fatima).say('nieuwe casus');
  const fatimasDraft = await readCasus(
    harness.casussen,
    String(actionData(card, 'intake.next').casusId),
  );
  const draft = madeBy(fatimasDraft, { id: demoUsers.sem, name: 'Sem de Jong' });
  await harness.bot.settled();
  const { aangemeld, inBehandeling, afgesloten } = first;
  return { templates: { aangemeld, inBehandeling, afgesloten, draft }, first };
}

export async function runBench(
  settings: BenchSettings,
  log: (line: string) => void,
): Promise<BenchResults> {
  const started = Date.now();
  const loadAverageAtStart = loadavg();
  const harness = await startHarness();
  try {
    const addressing = { serviceUrl: harness.connector.serviceUrl };
    const fixtures: BotFixtures = { decisions: undefined, drafts: undefined, viewable: [] };
    const subjects = new Map<SubjectName, Subject>(
      [
        floorSubject(addressing),
        floorStoreSubject(addressing),
        ...botSubjects(addressing, fixtures),
      ].map((subject) => [subject.name, subject]),
    );
    const subject = (name: SubjectName) => subjects.get(name)!;
    const batches: BatchSummary[] = [];
    const batch = async (
      name: SubjectName,
      concurrency: number,
      phase: BatchSummary['phase'],
      pair: number,
    ) => {
      const result = await runBatch(harness, subject(name), concurrency, settings.batchMs);
      batches.push(summarise(result, phase, pair));
      return result;
    };
    const warmUp = async (names: SubjectName[], concurrency: number) => {
      for (const name of names)
        await runBatch(harness, subject(name), concurrency, settings.warmupMs);
    };

    await writeAll(harness.registry, regionRegistry(settings.registryPersons), 'upsert');
    await openChats(harness);
    log('harness up; running a casus from intake to close for the templates');
    const { templates } = await makeTemplates(harness);
    const plan = new StorePlan(harness, templates);

    const small = await plan.fill(settings.smallCasussen, sizesFor(settings, 'small'));
    Object.assign(fixtures, small);
    log(`small store: ${small.casussen} casussen; decision and casus <nummer> at c=1`);
    const smallSubjects: SubjectName[] = ['floor', 'floorStore', 'decision', 'casusNummer'];
    // Longer than later warm-ups: this is the process's first load, and it is compared with later.
    for (let i = 0; i < 3; i++) await warmUp(smallSubjects, 1);
    for (let pair = 1; pair <= settings.pairs; pair++)
      for (const name of smallSubjects) await batch(name, 1, 'small', pair);

    log(`filling the store to ${settings.largeCasussen} casussen`);
    const large = await plan.fill(settings.largeCasussen, sizesFor(settings, 'large'));
    Object.assign(fixtures, large);
    await warmUp(subjectsOrder, 1);
    log(`large store: ${large.casussen} casussen; counting round trips per turn`);
    const roundTrips: RoundTrips[] = [];
    for (const name of subjectsOrder) {
      // Every intake step once at least: the four steps differ.
      const turns =
        name === 'intake' ? Math.ceil(settings.countedTurns / 4) * 4 : settings.countedTurns;
      roundTrips.push(await countRoundTrips(harness, subject(name), turns));
    }
    const lifecycle = await runLifecycle(harness);

    for (const concurrency of settings.concurrencies) {
      log(`c=${concurrency}: warm-up, then ${settings.pairs} interleaved rounds`);
      await warmUp(subjectsOrder, concurrency);
      for (let pair = 1; pair <= settings.pairs; pair++)
        for (const name of subjectsOrder) await batch(name, concurrency, 'large', pair);
    }
    const afterGc = async (process: 'bot' | 'floor') => {
      const { heapUsedBytes, heapTotalBytes } = await harness[process].ask('gc');
      return { liveHeapBytes: heapUsedBytes, heapTotalBytes };
    };
    const memoryAfterGc = { bot: await afterGc('bot'), floor: await afterGc('floor') };
    const { casusNumber, turns, roundTrips: lifecycleTrips, closedDocumentBytes, ru } = lifecycle;
    return {
      settings,
      startedAt: new Date(started).toISOString(),
      durationMs: Date.now() - started,
      machine: {
        cpus: cpus().length,
        node: process.version,
        loadAverageAtStart,
        loadAverageAtEnd: loadavg(),
      },
      store: {
        small: small.casussen,
        large: large.casussen,
        registryPersons: settings.registryPersons,
      },
      batches,
      roundTrips,
      lifecycle: { casusNumber, turns, roundTrips: lifecycleTrips, closedDocumentBytes, ru },
      memoryAfterGc,
      errorLogs: [...harness.bot.errors, ...harness.floor.errors],
    };
  } finally {
    await harness.stop();
  }
}
