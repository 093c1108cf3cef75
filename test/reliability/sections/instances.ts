// Section 4: three bot processes on one store process under a mixed workload (intakes,
// decisions, refreshes, channel posts, termijn notices), and a registry change seen by all.
import { envSchema } from '../../../src/config/environment';
import type { Casus } from '../../../src/domain/casus/casus.schema';
import { talkAs } from '../../helpers/bot-harness';
import { linkChannel } from '../../helpers/channel-mention';
import { waitFor } from '../../helpers/channel-thread-watch';
import { atLeast, atMost, below, holds, type Figure, type Section } from '../figures';
import { removedPerson, startCluster, workerIds, type Cluster } from '../instances/cluster';
import { DUE_AFTER_MS, NearDeadlines } from '../instances/deadlines';
import { removeAndWatch, type RemovalOutcome } from '../instances/registry-removal';
import { channelCount, personalCount, transitionCount } from '../instances/tally';
import { TurnRunner } from '../instances/turns';
import { deciderIds, runWorkload } from '../instances/workload';

const TURNS = 1000;
const SANNE = '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a05'; // functioneel beheerder: links the channel
const channel = {
  id: '19:lk-reliability@thread.tacv2',
  teamId: '19:team-reliability@thread.tacv2',
};
/** The sweep (outbox and termijnen) as often as the app allows, so that all three race for it. */
const SWEEP_MS = '500';
/** The bound the app promises for a registry change, as it runs here (its production default). */
const REGISTRY_BOUND_MS = envSchema.parse({}).REGISTRY_MAX_AGE_MS;

const allCasussen = async (cluster: Cluster): Promise<Casus[]> =>
  (
    await cluster.store
      .containers()
      .casussen.items.query<Casus>("SELECT * FROM c WHERE c.kind = 'casus'")
      .fetchAll()
  ).resources;

/** Until no casus has anything left to deliver, nor a claim on its outbox; the count left. */
async function settle(cluster: Cluster, timeoutMs: number): Promise<number> {
  let left = 0;
  await waitFor(
    'every outbox delivered',
    async () => {
      const casussen = await allCasussen(cluster);
      left = casussen.reduce((n, casus) => n + casus.outbox.length, 0);
      return left === 0 && casussen.every((casus) => !casus.deliveryLease) ? true : undefined;
    },
    timeoutMs,
  ).catch(() => undefined);
  return left;
}

async function run(context: Parameters<Section['run']>[0]): Promise<Figure[]> {
  const cluster = await startCluster({
    OUTBOX_SWEEP_INTERVAL_MS: SWEEP_MS,
    REGISTRY_MAX_AGE_MS: String(REGISTRY_BOUND_MS),
  });
  try {
    const { instances, connector } = cluster;
    // Everyone's personal chat known to the bot (notifications go there), the channel linked.
    for (const [i, who] of [...workerIds, ...deciderIds, SANNE].entries())
      await talkAs(instances[i % instances.length]!, who).say('help');
    await linkChannel(instances[0]!, 'ROT', SANNE, channel);
    context.note('instances: three bots up, the channel linked; the workload…');

    const runner = new TurnRunner(instances);
    const deadlines = new NearDeadlines(cluster.store.containers());
    const registry = cluster.store.containers().registry;
    let removal: Promise<RemovalOutcome> | undefined;
    // The registry change while the workload runs: its bound must hold under load.
    const removeSoon = setInterval(() => {
      if (removal || runner.started < TURNS / 4) return;
      removal = removeAndWatch(
        runner,
        instances,
        registry,
        removedPerson.id,
        REGISTRY_BOUND_MS + 5000,
      );
    }, 200);
    const begun = performance.now();
    const workload = await runWorkload(runner, workerIds, TURNS, (number) => deadlines.add(number));
    clearInterval(removeSoon);
    context.note(
      `instances: ${runner.answered} turns in ${((performance.now() - begun) / 1000).toFixed(1)} s; settling…`,
    );
    await deadlines.settled(DUE_AFTER_MS + 30_000);
    const pending = await settle(cluster, 30_000);
    // Every instance sweeps a few times more over what is settled: nothing may go out again.
    await new Promise((resolve) => setTimeout(resolve, 4 * Number(SWEEP_MS)));
    const removed = await (removal ??
      removeAndWatch(runner, instances, registry, removedPerson.id, REGISTRY_BOUND_MS + 5000));

    const casussen = await allCasussen(cluster);
    const transitions = transitionCount(casussen, workload.acknowledged);
    const personal = personalCount(casussen, deadlines.moved, connector);
    const channelPosts = channelCount(casussen, deadlines.moved, connector, channel.id);
    for (const line of [...runner.failures, ...deadlines.failures].slice(0, 10))
      context.note(`instances: ${line}`);
    context.note(
      `instances: ${workload.completed} casussen through, ${personal.coalesced} notifications in a later card of the same casus`,
    );
    const exited = cluster.apps.filter((app) => app.child.exitCode !== null).length;
    return [
      atLeast('turns answered, over 3 instances', runner.answered, TURNS),
      atMost('turns failed', runner.failures.length),
      atMost('instances that exited', exited),
      atLeast('transitions acknowledged', transitions.owed, 150),
      atMost('transitions lost', transitions.lost),
      atMost('transitions doubled', transitions.twice),
      atLeast('notifications owed', personal.decisions.owed, 150),
      atMost('notifications sent twice', personal.decisions.twice),
      atMost('notifications lost', personal.decisions.lost),
      atLeast('channel posts owed', channelPosts.steps.owed, 150),
      atMost('channel posts twice', channelPosts.steps.twice),
      atMost('channel posts lost', channelPosts.steps.lost),
      atLeast('termijnen moved to their end', deadlines.moved.length, workerIds.length),
      atMost('reminders and expiries twice', personal.notices.twice + channelPosts.notices.twice),
      atMost('reminders and expiries lost', personal.notices.lost + channelPosts.notices.lost),
      atMost('outbox entries left pending', pending),
      holds('removed person served by every instance before', removed.servedBefore),
      below(
        `registry removal seen by all ${instances.length} instances`,
        removed.seenByAllMs,
        REGISTRY_BOUND_MS,
      ),
    ];
  } finally {
    for (const app of cluster.apps)
      context.logLines.push(...app.logs.map((line) => JSON.stringify(line)));
    await cluster.stop();
  }
}

export const instances: Section = { name: 'instances', title: '4. Several instances', run };
