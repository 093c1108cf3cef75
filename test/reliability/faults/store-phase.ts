// The store refuses, blackholes and loses answers to applied writes while the workload runs: the
// bot as its own process behind the store proxy.
import type { ReliabilityContext } from '../figures';
import { startBotProcess } from '../../helpers/bot-process';
import type { StoreProxy } from '../../helpers/store-proxy';
import { stopAndJudge, type Judged } from './judge';
import { faultUsers, greetAll, startWorkload } from './workload';

type Fault = 'pass' | 'refuse' | 'blackhole' | 'cut';

/** A few seconds of each fault, with the store back in between. */
const SCHEDULE: readonly [Fault, number][] = [
  ['pass', 2000],
  ['refuse', 3000],
  ['pass', 1500],
  ['blackhole', 3000],
  ['pass', 1500],
  ['cut', 3000],
  ['pass', 2000],
];

export interface StorePhase extends Judged {
  /** Turns sent while the store was refusing, blackholed or cutting answers. */
  duringFaults: number;
  /** Writes the store applied whose answer never reached the bot. */
  cutAnswers: number;
}

/** How long after posting a card a delivery writes its record, at most, on this machine. */
const RECORD_MS = 500;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Keeps one cut armed for the next write until `until`: about every other write loses its answer. */
async function cutWrites(proxy: StoreProxy, until: number): Promise<number> {
  let armed = 0;
  while (performance.now() < until) {
    if (proxy.armed === 0) {
      proxy.cutAfterForwarding((request) => request.method !== 'GET');
      armed++;
    }
    await sleep(20);
  }
  const unused = proxy.armed;
  proxy.clearRules();
  return armed - unused;
}

export async function storeFaultsPhase(context: ReliabilityContext): Promise<StorePhase> {
  const bot = await startBotProcess({ OUTBOX_SWEEP_INTERVAL_MS: '500' });
  const target = { ...bot, casussen: () => bot.store().casussen };
  try {
    await greetAll(target);
    const workload = startWorkload(target, faultUsers);
    const faultWindows: [number, number][] = [];
    // Where the store could not take a delivery's record of what it sent.
    const recordLost: [number, number][] = [];
    let cutAnswers = 0;
    for (const [fault, ms] of SCHEDULE) {
      const from = performance.now();
      context.note(`faults: store ${fault} for ${ms} ms`);
      bot.proxy.mode = fault === 'cut' ? 'pass' : fault;
      if (fault === 'cut') cutAnswers += await cutWrites(bot.proxy, from + ms);
      else await sleep(ms);
      // Connections the bot kept open through a fault are gone when the network comes back.
      if (fault !== 'pass') bot.proxy.dropConnections();
      if (fault !== 'pass') faultWindows.push([from, performance.now()]);
      if (fault === 'refuse' || fault === 'blackhole') recordLost.push([from, performance.now()]);
    }
    bot.proxy.mode = 'pass';
    const judged = await stopAndJudge(workload, bot.store().casussen, bot.connector, 15_000, {
      // A card posted up to half a second before the fault began has its record written in it.
      unrecorded: (at) => recordLost.some(([from, to]) => at >= from - RECORD_MS && at < to),
    });
    return {
      ...judged,
      duringFaults: judged.turns.filter((turn) =>
        faultWindows.some(([from, to]) => turn.at >= from && turn.at < to),
      ).length,
      cutAnswers,
    };
  } finally {
    for (const entry of bot.app.logs) context.logLines.push(JSON.stringify(entry));
    await bot.stop();
  }
}
