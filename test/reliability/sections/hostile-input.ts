// 1. Hostile input: a fast-check barrage of broken, forged and odd activities over HTTP at two
// bot processes (demo mode, and production with a local token issuer) sharing one store that
// holds real casussen. Nothing may stop a process, fail with 5xx, take over 5 s, change the store
// (the access log grows, and must say no one saw or changed what they did not), or show what the
// asker may not see.
import { mkdir, writeFile } from 'node:fs/promises';
import { messageActivity } from '../../helpers/activities';
import { productionTenant } from '../../helpers/production-env';
import {
  atLeast,
  atMost,
  exactly,
  type Figure,
  type ReliabilityContext,
  type Section,
} from '../figures';
import { startHostileBots, stillServing, type HostileBots } from '../hostile-input/bots';
import { leaksIn } from '../hostile-input/inspect';
import { Ledger, senderOf, type Mode } from '../hostile-input/ledger';
import { planBarrage } from '../hostile-input/plan';
import { sendAll, type Answered } from '../hostile-input/send';
import {
  appendedAccessRecords,
  settledStore,
  snapshotStore,
  storeChanges,
} from '../hostile-input/snapshot';
import { judgeAccessRecords } from '../hostile-input/access-records';
import { Tally } from '../hostile-input/tally';
import { makeTargets, type Target } from '../hostile-input/targets';

const DEMO_COUNT = 5600;
const PRODUCTION_COUNT = 5000;
/** 1–10 MB bodies per bot: slow to send, so only a few dozen in all. */
const BIG_COUNT = 20;
/** Requests in flight per bot (both bots at once). */
const CONCURRENCY = 8;
const SEED = Number(process.env.HOSTILE_SEED ?? 15);
/** Outsiders' and forged references to real casussen are refused, and recorded (21 at seed 15). */
const MIN_REFUSALS_RECORDED = 10;

/** Without one of these, a production request must be refused with 401, whatever its body. */
const mustBe401 = new Set(['missing', 'forged', 'expired', 'other-bot', 'garbage', 'other-scheme']);

async function barrage(bots: HostileBots, context: ReliabilityContext): Promise<Figure[]> {
  const { anonymous, production } = bots;
  const serviceUrl = anonymous.connector.serviceUrl;
  const targets: Target[] = await makeTargets(anonymous);
  const valid = JSON.stringify(messageActivity('help', { serviceUrl }));
  const plan = (count: number, demoMode: boolean) =>
    planBarrage({
      aim: { serviceUrl, tenantId: demoMode ? 'tenant' : productionTenant, targets },
      guard: { serviceUrl, targets, demoMode },
      count,
      big: BIG_COUNT,
      seed: SEED + (demoMode ? 0 : 1),
      production: !demoMode,
      valid,
    });
  const demoPlan = plan(DEMO_COUNT, true);
  const productionPlan = plan(PRODUCTION_COUNT, false);
  context.note(`hostile input: ${demoPlan.length + productionPlan.length} requests (seed ${SEED})`);
  // After planning, which holds the event loop for seconds: a pooled connection the bot closed as
  // idle meanwhile is let go before the barrage, not reused into a failed request.
  const before = await settledStore(anonymous);
  const repliesBefore = anonymous.connector.sent.length;

  const tally = new Tally();
  const ledger = new Ledger();
  const check = (mode: Mode) => (answered: Answered) => {
    tally.answer(mode, answered);
    const sender = senderOf(answered.request);
    ledger.record(mode, answered, sender);
    const request = answered.request.body.toString();
    tally.leak(mode, answered, leaksIn(answered.text, request, sender.actor, targets));
    const auth = answered.request.auth;
    if (!auth || auth === 'valid') return;
    if (mustBe401.has(auth) && answered.status !== 401) tally.unrefused(answered, auth);
    else if (answered.status !== undefined && answered.status < 300)
      tally.unrefused(answered, auth);
  };
  await Promise.all([
    sendAll(anonymous.url, demoPlan, {
      concurrency: CONCURRENCY,
      authorization: () => undefined,
      each: check('demo'),
    }),
    sendAll(production.botUrl, productionPlan, {
      concurrency: CONCURRENCY,
      authorization: (request) => bots.authorization[request.auth ?? 'missing'],
      each: check('production'),
    }),
  ]);

  // Replies to messages go through the connector, some after the HTTP answer.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  let untied = 0;
  for (const sent of anonymous.connector.sent.slice(repliesBefore)) {
    const asked = ledger.replied(sent);
    const text = JSON.stringify(sent.activity);
    const found = leaksIn(
      text,
      asked?.answered.request.body.toString() ?? '',
      asked?.sender.actor,
      targets,
    );
    // A reply not tied to its request: its casus data may be an echo, its stack trace is not.
    if (!asked) untied++;
    const leaks = asked ? found : found.filter(({ leak }) => leak !== 'casus-data');
    const request = asked?.answered.request ?? {
      kind: 'replayed',
      body: '',
      contentType: undefined,
      auth: undefined,
    };
    tally.leak('demo', { request, status: 200, ms: 0, text }, leaks);
  }
  const reached = ledger.unauthenticatedTurns(production.logs);
  for (const [line, answered] of reached.slice(0, 4)) {
    context.note(
      `turn without a valid token (${answered.request.auth}, ${answered.request.kind} → ${answered.status}): ${JSON.stringify(line).slice(0, 300)}`,
    );
  }
  let failedTurns = 0;
  for (const [mode, logs] of [
    ['demo', anonymous.app.logs],
    ['production', production.logs],
  ] as const) {
    const late = logs.filter((line) => line.msg === 'turn answered before it finished');
    const lateKinds = late.map((line) => {
      const request = ledger.only(mode, line.activityId)?.answered.request;
      return `${request?.kind} ${String(line.activityType)}`;
    });
    const errors = logs.filter((line) => Number(line.level) >= 50);
    failedTurns += errors.length;
    context.note(
      `${mode} bot: ${late.length} turns answered at the deadline (${[...new Set(lateKinds)].join(', ')}), ${errors.length} error lines`,
    );
    for (const line of errors.slice(0, 3)) {
      const err = line.err as { type?: string; message?: string; stack?: string } | undefined;
      const at = err?.stack?.split('\n').slice(1, 8).join(' ').replace(/\s+/g, ' ');
      const request = ledger.only(mode, line.activityId)?.answered.request;
      context.note(`  ${String(line.msg)}: ${err?.type} ${err?.message?.slice(0, 200)} ${at}`);
      context.note(`  on ${request?.kind}: ${request?.body.toString().slice(0, 1500)}`);
    }
  }
  const notServing = await stillServing(bots);
  const exitCodes = await bots.terminate();
  const after = await snapshotStore(anonymous);
  const changes = storeChanges(before, after);
  const access = await judgeAccessRecords(anonymous, appendedAccessRecords(before, after), targets);

  const leakKinds = [...tally.leaks].map(([leak, n]) => `${leak} ${n}`).join(', ') || 'none';
  for (const line of [
    ...tally.lines(),
    `leaks by kind: ${leakKinds}; replies not tied to a request: ${untied}`,
    `unauthenticated production requests whose turn ran: ${reached.length}`,
    ...notServing.map((line) => `not serving: ${line}`),
    ...changes.map((change) => `store change: ${change}`),
    `access records added: ${access.appended}, of them refusals: ${access.refused}`,
    ...access.untrue.map((record) => `untrue access record: ${record}`),
    ...tally.examples,
    `exit codes on SIGTERM: ${exitCodes.join(', ')}`,
  ])
    context.note(line);
  await mkdir('test-results', { recursive: true });
  await writeFile(
    'test-results/hostile-input.txt',
    `${[...tally.lines(), ...tally.examples, ...changes].join('\n')}\n`,
  );

  return [
    atLeast('activities sent', tally.total('sent'), 10_000),
    atMost('bot processes that exited or stopped serving', notServing.length),
    exactly(
      'processes ending with exit code 0 on SIGTERM',
      exitCodes.filter((c) => c === 0).length,
      2,
    ),
    atMost('5xx answers and failed turns (error log lines)', tally.total('server') + failedTurns),
    atMost('answers over 5 s (or none)', tally.total('slow')),
    atMost('store changes (but for new access records)', changes.length),
    atLeast('access records of refused attempts', access.refused, MIN_REFUSALS_RECORDED),
    atMost(
      'access records saying someone was shown or changed what they were not',
      access.untrue.length,
    ),
    atMost('leaks (casus data, stack traces, internal errors, markup)', tally.total('leaks')),
    atMost(
      'production requests without a valid token not refused (401) or reaching a turn',
      tally.total('unrefused') + reached.length,
    ),
  ];
}

export const hostileInput: Section = {
  name: 'hostile-input',
  title: '1. Hostile input',
  async run(context) {
    const bots = await startHostileBots();
    try {
      return await barrage(bots, context);
    } finally {
      // The secrets section reads every line the bots logged.
      for (const line of [...bots.anonymous.app.logs, ...bots.production.logs])
        context.logLines.push(JSON.stringify(line));
      await bots.stop();
    }
  },
};
