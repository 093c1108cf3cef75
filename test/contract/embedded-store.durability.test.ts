import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { CosmosCasusRepository } from '../../src/storage/cosmos-casus.repository';
import { openStore } from '../../src/storage/store';
import { sampleCasus } from '../helpers/samples';
import { tempDir } from '../helpers/temp-dir';

const config = (dataDir: string) =>
  ({ kind: 'embedded', dataDir, port: 0, database: 'durability' }) as const;

describe('embedded store durability (journal)', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  beforeEach(async () => {
    dir = await tempDir('durable');
  });
  afterEach(async () => {
    await dir.remove();
  });

  it('keeps acknowledged writes, replaces and deletes across a restart', async () => {
    const kept = sampleCasus();
    const removed = sampleCasus();
    let store = await openStore(config(dir.path));
    let repository = new CosmosCasusRepository(store.containers.casussen);
    const created = await repository.create(kept);
    assert.ok(created.ok);
    assert.ok(
      (await repository.replace({ ...kept, state: 'aangemeld', revision: 1 }, created.value.etag))
        .ok,
    );
    assert.ok((await repository.create(removed)).ok);
    await store.containers.casussen.item(removed.id, removed.id).delete();
    await store.close();

    store = await openStore(config(dir.path));
    repository = new CosmosCasusRepository(store.containers.casussen);
    try {
      assert.equal((await repository.get(kept.id))?.value.state, 'aangemeld');
      assert.equal(await repository.get(removed.id), undefined);
    } finally {
      await store.close();
    }
  });

  it('loses no acknowledged write when the process is killed with SIGKILL mid-stream', async function () {
    this.timeout(60_000);
    const child = spawn(
      process.execPath,
      ['--require', 'tsx/cjs', 'test/helpers/store-writer.ts', dir.path],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const acknowledged: string[] = [];
    for await (const line of createInterface({ input: child.stdout })) {
      const [word, id] = line.split(' ');
      if (word === 'ack' && id) acknowledged.push(id);
      if (acknowledged.length >= 300) break;
    }
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));

    const store = await openStore(config(dir.path));
    try {
      const repository = new CosmosCasusRepository(store.containers.casussen);
      const missing = [];
      for (const id of acknowledged) if (!(await repository.get(id))) missing.push(id);
      assert.deepEqual(missing, []);
    } finally {
      await store.close();
    }
  });

  it('compacts the journal at start to one record per live document', async () => {
    let store = await openStore(config(dir.path));
    const repository = new CosmosCasusRepository(store.containers.casussen);
    const casus = sampleCasus();
    const created = await repository.create(casus);
    assert.ok(created.ok);
    let etag = created.value.etag;
    for (let revision = 1; revision <= 20; revision++) {
      const result = await repository.replace({ ...casus, revision }, etag);
      assert.ok(result.ok);
      etag = result.value.etag;
    }
    await store.close();
    store = await openStore(config(dir.path));
    await store.close();
    const lines = (await readFile(join(dir.path, 'journal.jsonl'), 'utf8')).trim().split('\n');
    const puts = lines.map(
      (line) => JSON.parse(line) as { op: string; doc?: { revision?: number } },
    );
    assert.deepEqual(
      puts.filter((record) => record.op === 'put').map((record) => record.doc?.revision),
      [20],
    );
  });

  it('ignores a torn last line (a write that never got its fsync) and refuses a damaged middle', async () => {
    const store = await openStore(config(dir.path));
    const casus = sampleCasus();
    assert.ok((await new CosmosCasusRepository(store.containers.casussen).create(casus)).ok);
    await store.close();
    const journal = join(dir.path, 'journal.jsonl');
    await appendFile(journal, '{"op":"put","db":"durabil');

    const reopened = await openStore(config(dir.path));
    assert.ok(await new CosmosCasusRepository(reopened.containers.casussen).get(casus.id));
    await reopened.close();

    const text = await readFile(journal, 'utf8');
    await writeFile(journal, `{"op":"nonsense"}\n${text}`);
    await assert.rejects(openStore(config(dir.path)), /damaged at line 1/);
  });

  it('refuses a second process on the same data folder', async () => {
    const store = await openStore(config(dir.path));
    try {
      await writeFile(join(dir.path, 'lock.pid'), String(process.ppid));
      await assert.rejects(openStore(config(dir.path)), /in use by process/);
    } finally {
      await store.close();
    }
  });

  it('refuses a change it cannot journal (transactional batch) instead of acknowledging it', async () => {
    const store = await openStore(config(dir.path));
    try {
      const casus = sampleCasus();
      await assert.rejects(
        store.containers.casussen.items.batch(
          [{ operationType: 'Create', resourceBody: { id: casus.id, kind: 'casus' } }],
          casus.id,
        ),
        /not supported by the durable embedded store/,
      );
      assert.equal(
        await new CosmosCasusRepository(store.containers.casussen).get(casus.id),
        undefined,
      );
    } finally {
      await store.close();
    }
  });
});
