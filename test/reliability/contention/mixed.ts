// The mixed load: 50 casussen, each submitted and taken through its own lifecycle, all at once,
// so that intake steps, decisions, requests for information and their answers, refreshes,
// "casus <nummer>" and casuslijsten are in flight together.
import type { BotHarness } from '../../helpers/bot-harness';
import { actionData } from '../../helpers/card-actions';
import { pressOnce } from '../../helpers/decision-press';
import { shownText } from '../../helpers/fake-connector';
import { submitCasus } from '../../helpers/intake-flow';
import { demoUsers } from '../../helpers/activities';
import { namesDecider } from './race';
import { casusIdOn, decidedOn, decision, TurnLog, type Person } from './turns';

type Card = Record<string, unknown>;

const mohamedId = '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a04'; // weegtafellid, Lokale Kamer Rotterdam
const anoukId = '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a03'; // procesregisseur, ZVH

interface Cast {
  worker: Person;
  jeroen: Person;
  mohamed: Person;
  anouk: Person;
}

const refresh = (as: Person, card: Card) =>
  as.execute('casus.refresh', actionData(card, 'casus.refresh'));

const answerRequest = async (log: TurnLog, cast: Cast, number: string) =>
  decision(
    log,
    cast.worker,
    await cast.worker.say(`casus ${number}`),
    'aanvullen',
    'Ja, sinds oktober loopt een traject bij de Kredietbank.',
  );

/** Five lifecycles, one per casus in turn (accepted, after information, raced, rejected, escalated). */
const lifecycles: ((log: TurnLog, cast: Cast, number: string) => Promise<void>)[] = [
  async function accepted(log, { jeroen, worker }, number) {
    const card = await jeroen.say(`casus ${number}`);
    await decision(log, jeroen, await refresh(jeroen, card), 'accepteren');
    await jeroen.say('casuslijst');
    await worker.say(`casus ${number}`);
  },
  async function informationAsked(log, cast, number) {
    const { jeroen } = cast;
    await decision(
      log,
      jeroen,
      await jeroen.say(`casus ${number}`),
      'informatie-vragen',
      'Is er al contact geweest met de schuldhulpverlening?',
    );
    await answerRequest(log, cast, number);
    await decision(log, jeroen, await jeroen.say(`casus ${number}`), 'accepteren');
  },
  async function twoDecidersAtOnce(log, cast, number) {
    const { jeroen, mohamed } = cast;
    const presses = [
      { as: jeroen, action: 'accepteren', name: 'Jeroen de Vries' },
      { as: mohamed, action: 'informatie-vragen', name: 'Mohamed Yilmaz' },
    ];
    const cards = await Promise.all(presses.map((p) => p.as.say(`casus ${number}`)));
    const answers = await Promise.all(presses.map((p, i) => pressOnce(p.as, cards[i]!, p.action)));
    const won = answers.findIndex(decidedOn);
    const lost = answers[1 - won];
    if (won === -1 || decidedOn(lost!) || !namesDecider(lost!, [presses[won]!.name]))
      throw new Error(
        `two deciders: ${answers.map((a) => shownText(a).slice(0, 150)).join(' | ')}`,
      );
    const winner = presses[won]!;
    log.acknowledged.push({
      casus: { id: casusIdOn(cards[0]!) },
      action: winner.action,
      personId: winner.as.id,
    });
    if (winner.action === 'informatie-vragen') await answerRequest(log, cast, number);
    await mohamed.say('casuslijst');
  },
  async function rejected(log, { jeroen, worker }, number) {
    await decision(log, jeroen, await jeroen.say(`casus ${number}`), 'afwijzen');
    await worker.say(`casus ${number}`);
  },
  async function escalated(log, { jeroen, anouk }, number) {
    const accepted = await decision(log, jeroen, await jeroen.say(`casus ${number}`), 'accepteren');
    await decision(
      log,
      jeroen,
      accepted,
      'opschalen',
      'Een doorbraak is nodig: de hulpverlening zit vast.',
    );
    await decision(log, anouk, await anouk.say(`casus ${number}`), 'opschaling-accepteren');
  },
];

/** Runs the lifecycles at once, one casus per worker; a lifecycle that fails stops there, with its failure logged. */
export async function mixedTurns(
  bot: BotHarness,
  workers: readonly string[],
  inFlight: number,
): Promise<TurnLog> {
  const log = new TurnLog(inFlight);
  const fixed = {
    jeroen: log.as(bot, demoUsers.jeroen),
    mohamed: log.as(bot, mohamedId),
    anouk: log.as(bot, anoukId),
  };
  await Promise.all(
    workers.map(async (workerId, i) => {
      const worker = log.as(bot, workerId);
      try {
        const number = await submitCasus(worker);
        log.acknowledged.push({ casus: { number }, action: 'indienen', personId: worker.id });
        await lifecycles[i % lifecycles.length]!(log, { ...fixed, worker }, number);
      } catch (error) {
        log.failures.push(
          `casus ${i + 1}: ${error instanceof Error ? error.message : String(error)}`.slice(0, 300),
        );
      }
    }),
  );
  return log;
}
