import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CosmosClient } from '@azure/cosmos';
import { CosmosCasusRepository } from '../../src/storage/cosmos-casus.repository';
import { EMBEDDED_COSMOS_KEY } from '../../src/storage/embedded/embedded-cosmos';
import { demoUsers, messageActivity } from '../helpers/activities';
import { cardProblems } from '../helpers/adaptive-card-check';
import { startAppProcess, type AppProcess } from '../helpers/app-process';
import { cardOf, cardText, FakeConnector } from '../helpers/fake-connector';
import { sampleCasus } from '../helpers/samples';
import { tempDir } from '../helpers/temp-dir';

function repositoryAt(endpoint: string | undefined) {
  assert.ok(endpoint, 'the log names the embedded store endpoint');
  const client = new CosmosClient({
    endpoint,
    key: EMBEDDED_COSMOS_KEY,
    connectionPolicy: { enableEndpointDiscovery: false },
  });
  return {
    client,
    repository: new CosmosCasusRepository(client.database('casusbot').container('casussen')),
  };
}

describe('the app as a process (npm run start:bot)', function () {
  this.timeout(90_000);
  let dir: Awaited<ReturnType<typeof tempDir>>;
  let app: AppProcess | undefined;
  const env = () => ({ PORT: '0', DEMO_MODE: 'true', EMBEDDED_COSMOS_DATA_DIR: dir.path });

  beforeEach(async () => {
    dir = await tempDir('process');
  });
  afterEach(async () => {
    if (app?.child.exitCode === null) app.child.kill('SIGKILL');
    await app?.exited;
    await dir.remove();
  });

  it('keeps a casus written through the repository when killed with SIGKILL', async () => {
    app = await startAppProcess(env());
    const casus = sampleCasus();
    const first = repositoryAt(app.storeEndpoint);
    assert.ok((await first.repository.create(casus)).ok);
    first.client.dispose();
    app.child.kill('SIGKILL');
    assert.equal(await app.exited, null);

    app = await startAppProcess(env());
    const second = repositoryAt(app.storeEndpoint);
    try {
      assert.deepEqual((await second.repository.get(casus.id))?.value, casus);
    } finally {
      second.client.dispose();
    }
  });

  it('serves /healthz and "help", and stops cleanly on SIGTERM', async () => {
    const connector = await new FakeConnector().start();
    try {
      app = await startAppProcess(env());
      assert.equal((await fetch(`${app.botUrl}/healthz`)).status, 200);
      const response = await fetch(`${app.botUrl}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(
          messageActivity('help', {
            serviceUrl: connector.serviceUrl,
            aadObjectId: demoUsers.fatima,
          }),
        ),
      });
      assert.equal(response.status, 200);
      const [sent] = await connector.waitForCount(1);
      assert.deepEqual(cardProblems(cardOf(sent)), []);
      assert.match(cardText(cardOf(sent)), /Hallo Fatima El Amrani/);

      app.child.kill('SIGTERM');
      assert.equal(await app.exited, 0);
      assert.ok(app.logs.some((entry) => entry.msg === 'stopped'));
      assert.equal(
        existsSync(join(dir.path, 'lock.pid')),
        false,
        'the data folder lock is released',
      );
    } finally {
      await connector.stop();
    }
  });

  for (const damage of ['deleted', 'emptied', 'cut short'] as const) {
    it(`refuses to start with an empty store when the journal of a used data folder was ${damage}`, async () => {
      app = await startAppProcess(env());
      app.child.kill('SIGTERM');
      assert.equal(await app.exited, 0);
      const journal = join(dir.path, 'journal.jsonl');
      if (damage === 'deleted') await rm(journal);
      else if (damage === 'emptied') await writeFile(journal, '');
      // Whole lines kept: it reads as a valid, shorter journal.
      else
        await writeFile(
          journal,
          (await readFile(journal, 'utf8')).split('\n').slice(0, 2).join('\n'),
        );

      await assert.rejects(startAppProcess(env()), /EMBEDDED_COSMOS_START_AFRESH/);
      app = await startAppProcess({ ...env(), EMBEDDED_COSMOS_START_AFRESH: 'true' });
      assert.equal((await fetch(`${app.botUrl}/healthz`)).status, 200);
    });
  }

  it('stops with a message naming the variable when the configuration is invalid', async () => {
    await assert.rejects(startAppProcess({ ...env(), PORT: 'zeventig' }), /PORT:/);
  });
});
