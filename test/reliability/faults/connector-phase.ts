// The Bot Connector throttles (429 with Retry-After), fails (5xx), hangs and refuses (403) the
// deciders' chats while the workload runs: the bot in-process, its store healthy.
import { startBotHarness } from '../../helpers/bot-harness';
import type { FakeConnector } from '../../helpers/fake-connector';
import type { ReliabilityContext } from '../figures';
import { stopAndJudge, type Judged } from './judge';
import { faultUsers, greetAll, startWorkload } from './workload';

const [jeroen, mohamed] = faultUsers.deciders;
const chatOf = (personId: string) => `a:${personId}`;
/** Enough scripted answers to last any window: the window ends them (`recover`). */
const PLENTY = 100_000;

interface ConnectorFault {
  name: string;
  ms: number;
  /** Sets the fault on the chats it is for; those chats are recovered after `ms`. */
  apply(connector: FakeConnector): string[];
}

const SCHEDULE: readonly ConnectorFault[] = [
  { name: 'none', ms: 1500, apply: () => [] },
  {
    name: '429 with Retry-After: 1',
    ms: 3000,
    apply: (connector) =>
      faultUsers.deciders.map((person) => {
        connector.throttle(chatOf(person), { times: PLENTY, retryAfter: 1 });
        return chatOf(person);
      }),
  },
  {
    name: '500 and 502',
    ms: 3000,
    apply: (connector) => {
      connector.failWith(chatOf(jeroen), 500, PLENTY);
      connector.failWith(chatOf(mohamed), 502, PLENTY);
      return [chatOf(jeroen), chatOf(mohamed)];
    },
  },
  {
    name: 'no answer (hangs)',
    ms: 3000,
    apply: (connector) =>
      faultUsers.deciders.map((person) => {
        connector.hanging.add(chatOf(person));
        return chatOf(person);
      }),
  },
  {
    name: '403 MessageWritesBlocked (Mohamed)',
    ms: 3000,
    apply: (connector) => {
      connector.blockWrites(chatOf(mohamed));
      return [chatOf(mohamed)];
    },
  },
  { name: 'none', ms: 1500, apply: () => [] },
];

export interface ConnectorPhase extends Judged {
  /** Requests to a faulted chat while its fault lasted: each was answered with the fault. */
  faultedRequests: number;
  /** Casussen whose notification to the 403 chat ended, as the log says. */
  ended403: number;
  /** Those that were tried again after the 403 (more than one ending logged for one casus). */
  retried403: string[];
}

const REFUSED = 'recipient refuses cards; their notification ends here';

/** Per casus, how often its delivery logged that a chat refused it with 403. */
function refusalsIn(lines: readonly string[]): Map<string, number> {
  const refusals = new Map<string, number>();
  for (const line of lines) {
    const entry = JSON.parse(line) as { msg?: string; casusId?: string; status?: number };
    if (entry.msg === REFUSED && entry.status === 403 && entry.casusId)
      refusals.set(entry.casusId, (refusals.get(entry.casusId) ?? 0) + 1);
  }
  return refusals;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function connectorFaultsPhase(context: ReliabilityContext): Promise<ConnectorPhase> {
  const lines: string[] = [];
  const bot = await startBotHarness({ OUTBOX_SWEEP_INTERVAL_MS: '500', LOG_LEVEL: 'info' }, lines);
  const target = { ...bot, casussen: () => bot.store().casussen };
  try {
    await greetAll(target);
    const workload = startWorkload(target, faultUsers);
    let faultedRequests = 0;
    for (const fault of SCHEDULE) {
      context.note(`faults: connector ${fault.name} for ${fault.ms} ms`);
      const from = performance.now();
      const chats = fault.apply(bot.connector);
      await sleep(fault.ms);
      const to = performance.now();
      for (const chat of chats) {
        bot.connector.recover(chat);
        faultedRequests += bot.connector.faults
          .arrivals(chat)
          .filter((at) => at >= from && at < to).length;
      }
    }
    // The log line names the casus, not the person: only Mohamed's chat answers 403.
    let refusals: Map<string, number> | undefined;
    const refused = () => (refusals ??= refusalsIn(lines));
    const judged = await stopAndJudge(workload, bot.store().casussen, bot.connector, 20_000, {
      ended: (personId, casusId) => personId === mohamed && refused().has(casusId),
    });
    return {
      ...judged,
      faultedRequests,
      ended403: refused().size,
      retried403: [...refused()].filter(([, count]) => count > 1).map(([id]) => id),
    };
  } finally {
    context.logLines.push(...lines);
    await bot.stop();
  }
}
