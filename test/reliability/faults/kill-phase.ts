// `kill -9` of the bot mid-workload, its embedded store (journal in a data dir) inside it, and a
// restart on the same data dir: what was acknowledged must be there, and nothing twice.
import { CosmosClient } from '@azure/cosmos';
import { EMBEDDED_COSMOS_KEY } from '../../../src/storage/embedded/embedded-cosmos';
import { startAppProcess, type AppProcess } from '../../helpers/app-process';
import { postActivity } from '../../helpers/bot-harness';
import { FakeConnector } from '../../helpers/fake-connector';
import { tempDir } from '../../helpers/temp-dir';
import type { ReliabilityContext } from '../figures';
import { allCasussen, duplicated, halfWritten, lostAcknowledged, untruthful } from './casus-checks';
import type { TurnRecord } from './turns';
import { faultUsers, greetAll, startWorkload } from './workload';

export interface KillPhase {
  turns: TurnRecord[];
  /** Turns whose answer said done before the kill. */
  acknowledged: number;
  lost: TurnRecord[];
  /** Answers before the kill that what the store holds after the restart contradicts. */
  untruthful: TurnRecord[];
  duplicated: string[];
  halfWritten: string[];
  /** Whether the restarted bot answered a turn. */
  restartedAnswers: boolean;
}

/** Acknowledged changes to wait for before the kill, so that it lands mid-workload. */
const ACKNOWLEDGED_BEFORE_KILL = 40;

/** The bot's embedded store, as the test reads it directly (the app logs where it listens). */
function casussenOf(app: AppProcess) {
  if (!app.storeEndpoint) throw new Error('the bot did not log its embedded store');
  const client = new CosmosClient({
    endpoint: app.storeEndpoint,
    key: EMBEDDED_COSMOS_KEY,
    connectionPolicy: { enableEndpointDiscovery: false },
  });
  return { client, casussen: client.database('casusbot').container('casussen') };
}

export async function killPhase(context: ReliabilityContext): Promise<KillPhase> {
  const dir = await tempDir('faults-kill');
  const connector = await new FakeConnector().start();
  const env = {
    PORT: '0',
    DEMO_MODE: 'true',
    EMBEDDED_COSMOS_DATA_DIR: dir.path,
    OUTBOX_SWEEP_INTERVAL_MS: '500',
  };
  const apps: AppProcess[] = [];
  const start = async () => {
    const app = await startAppProcess(env);
    apps.push(app);
    const store = casussenOf(app);
    const target = {
      connector,
      post: (activity: unknown) => postActivity(app.botUrl, activity),
      casussen: () => store.casussen,
    };
    return { app, store, target };
  };
  try {
    const first = await start();
    await greetAll(first.target);
    const workload = startWorkload(first.target, faultUsers);
    const acknowledged = () => workload.turns.filter((turn) => turn.claim === 'applied').length;
    const deadline = performance.now() + 15_000;
    while (acknowledged() < ACKNOWLEDGED_BEFORE_KILL && performance.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    context.note(`faults: kill -9 after ${acknowledged()} acknowledged changes`);
    first.app.child.kill('SIGKILL');
    await first.app.exited;
    // Every loop ends on its first turn that cannot reach the bot.
    await workload.stop();
    first.store.client.dispose();

    const second = await start();
    try {
      const docs = await allCasussen(second.store.casussen);
      const restartedAnswers = await greetAll(second.target).then(
        () => true,
        () => false,
      );
      return {
        turns: workload.turns,
        acknowledged: workload.turns.filter((turn) => turn.claim === 'applied').length,
        lost: lostAcknowledged(workload.turns, docs),
        untruthful: [...untruthful(workload.turns, docs), ...workload.untruthfulSteps],
        duplicated: duplicated(docs),
        halfWritten: halfWritten(docs),
        restartedAnswers,
      };
    } finally {
      second.store.client.dispose();
    }
  } finally {
    for (const app of apps) {
      if (app.child.exitCode === null) app.child.kill('SIGKILL');
      await app.exited;
      for (const entry of app.logs) context.logLines.push(JSON.stringify(entry));
    }
    await connector.stop();
    await dir.remove();
  }
}
