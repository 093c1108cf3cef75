import assert from 'node:assert/strict';
import { CosmosCasusRepository } from '../../src/storage/cosmos-casus.repository';
import { sampleCasus } from '../helpers/samples';
import { useTempStore } from '../helpers/temp-store';

describe('CosmosCasusRepository against the embedded server (real @azure/cosmos SDK)', () => {
  const temp = useTempStore('contract');
  let repository: CosmosCasusRepository;
  before(() => {
    repository = new CosmosCasusRepository(temp.store.containers.casussen);
  });

  it('creates a casus and reads it back with an ETag', async () => {
    const casus = sampleCasus();
    const created = await repository.create(casus);
    assert.ok(created.ok);
    const read = await repository.get(casus.id);
    assert.deepEqual(read?.value, casus);
    assert.equal(read?.etag, created.value.etag);
  });

  it('refuses to create the same casus twice', async () => {
    const casus = sampleCasus();
    assert.ok((await repository.create(casus)).ok);
    assert.deepEqual(await repository.create({ ...casus, revision: 5 }), {
      ok: false,
      error: 'already-exists',
    });
    assert.equal((await repository.get(casus.id))?.value.revision, 0);
  });

  it('answers undefined for an unknown id', async () => {
    assert.equal(await repository.get('00000000-0000-4000-8000-000000000000'), undefined);
  });

  it('replaces with the current ETag and hands out a new one', async () => {
    const casus = sampleCasus();
    const created = await repository.create(casus);
    assert.ok(created.ok);
    const replaced = await repository.replace(
      { ...casus, revision: 1, state: 'aangemeld' },
      created.value.etag,
    );
    assert.ok(replaced.ok);
    assert.notEqual(replaced.value.etag, created.value.etag);
    assert.equal((await repository.get(casus.id))?.value.state, 'aangemeld');
  });

  it('gets a conflict (HTTP 412) on a stale ETag and changes nothing', async () => {
    const casus = sampleCasus();
    const created = await repository.create(casus);
    assert.ok(created.ok);
    const first = await repository.replace(
      { ...casus, revision: 1, state: 'aangemeld' },
      created.value.etag,
    );
    assert.ok(first.ok);
    const stale = await repository.replace(
      { ...casus, revision: 1, state: 'afgewezen' },
      created.value.etag,
    );
    assert.deepEqual(stale, { ok: false, error: 'conflict' });
    const stored = await repository.get(casus.id);
    assert.equal(stored?.value.state, 'aangemeld');
    assert.equal(stored?.etag, first.value.etag);
  });

  it('answers not-found when replacing a casus that does not exist', async () => {
    const casus = sampleCasus();
    assert.deepEqual(await repository.replace(casus, '"whatever"'), {
      ok: false,
      error: 'not-found',
    });
  });

  it('lets exactly one of 20 concurrent writers with the same ETag win', async () => {
    const casus = sampleCasus();
    const created = await repository.create(casus);
    assert.ok(created.ok);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        repository.replace(
          { ...casus, revision: 1, createdBy: { ...casus.createdBy, name: `writer ${i}` } },
          created.value.etag,
        ),
      ),
    );
    assert.equal(results.filter((r) => r.ok).length, 1);
    assert.equal(results.filter((r) => !r.ok && r.error === 'conflict').length, 19);
  });
});
