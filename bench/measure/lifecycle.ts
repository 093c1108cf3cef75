import type { Casus } from '../../src/domain/casus/casus.schema';
import { demoUsers, submitActivity } from '../../test/helpers/activities';
import { postActivity, talkAs } from '../../test/helpers/bot-harness';
import { walk } from '../../test/helpers/adaptive-card-check';
import { press } from '../../test/helpers/decision-press';
import { cardOf, cardText } from '../../test/helpers/fake-connector';
import { submitCasus } from '../../test/helpers/intake-flow';
import { waitForCardTo } from '../../test/helpers/sent-cards';
import type { Harness } from '../harness/harness';
import { readCasus } from '../harness/seed';
import type { StoreCall } from '../meter/store-call';
import { estimateRu, type RuEstimate } from './request-units';

export interface Lifecycle {
  casusNumber: string;
  /** The casus as the app held it after each step: the templates the store is filled with. */
  aangemeld: Casus;
  inBehandeling: Casus;
  afgesloten: Casus;
  turns: number;
  roundTrips: { inTurns: number; after: number; queries: number };
  /** Bytes of the casus document at its close: what every later read of it costs. */
  closedDocumentBytes: number;
  ru: RuEstimate;
}

/** The data of the Action.Submit whose data names this verb. */
function submitData(card: unknown, verb: string): Record<string, unknown> {
  let found: Record<string, unknown> | undefined;
  walk(card, (node) => {
    const data = node.data as Record<string, unknown> | undefined;
    if (node.type === 'Action.Submit' && data?.verb === verb) found ??= data;
  });
  if (!found) throw new Error(`No Action.Submit "${verb}" on the card`);
  return found;
}

const MOTIVATION = 'Besproken in het casusoverleg; de criteria zijn duidelijk onderbouwd.';

/**
 * One casus from intake to close, as its users do it: Fatima registers it (nieuwe casus, four
 * steps, indienen); Jeroen opens the casus from his notification, accepts it and later closes it (afsluiten, confirmed). Every store request of those turns and of the deliveries
 * after them is counted.
 */
export async function runLifecycle(harness: Harness): Promise<Lifecycle> {
  const bot = {
    connector: harness.connector,
    post: (activity: unknown) => postActivity(harness.urls.bot, activity),
  };
  const fatima = talkAs(bot, demoUsers.fatima);
  const jeroen = talkAs(bot, demoUsers.jeroen);
  const calls: StoreCall[] = [];
  const settle = async () => {
    await harness.bot.settled();
    calls.push(...(await harness.bot.ask('take')).calls);
  };
  await harness.bot.settled();
  await harness.bot.ask('record');
  const from = harness.connector.sent.length;

  const casusNumber = await submitCasus(fatima); // nieuwe casus, four steps, indienen: 6 turns
  await settle();
  const notice = await waitForCardTo(
    harness.connector,
    demoUsers.jeroen,
    from,
    new RegExp(casusNumber),
  );
  const open = submitData(notice, 'casus.open');
  const casusId = String(open.casusId);
  const aangemeld = await readCasus(harness.casussen, casusId);

  // "Open casus" on the notification is an Action.Submit: a message, answered by a reply.
  const submit = submitActivity(open, {
    serviceUrl: harness.connector.serviceUrl,
    aadObjectId: demoUsers.jeroen,
  });
  if ((await bot.post(submit)).status !== 200) throw new Error('opening the casus failed');
  const card = cardOf(await harness.connector.waitForReply(submit.id));
  const accepted = await press(jeroen, card, 'accepteren', MOTIVATION);
  if (!cardText(accepted).includes('Besluit vastgelegd: Geaccepteerd'))
    throw new Error(`the lifecycle's accept was not taken: ${cardText(accepted).slice(0, 300)}`);
  await settle();
  const inBehandeling = await readCasus(harness.casussen, casusId);

  const closed = await press(jeroen, accepted, 'afsluiten', MOTIVATION); // press and confirm
  if (!cardText(closed).includes('Besluit vastgelegd: Afgesloten'))
    throw new Error(`the lifecycle's close was not taken: ${cardText(closed).slice(0, 300)}`);
  await settle();
  const afgesloten = await readCasus(harness.casussen, casusId);
  if (afgesloten.state !== 'afgesloten') throw new Error(`casus ${casusNumber} did not close`);
  await harness.bot.ask('stop-recording');

  return {
    casusNumber,
    aangemeld,
    inBehandeling,
    afgesloten,
    turns: 10,
    roundTrips: {
      inTurns: calls.filter((call) => call.phase === 'turn').length,
      after: calls.filter((call) => call.phase === 'after').length,
      queries: calls.filter((call) => call.kind === 'query').length,
    },
    closedDocumentBytes: Buffer.byteLength(JSON.stringify(afgesloten)),
    ru: estimateRu(calls),
  };
}
