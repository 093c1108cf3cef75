import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tempDir } from '../helpers/temp-dir';

/** Runs one contender process and resolves with what it printed. */
async function contend(dir: string, at: number): Promise<string> {
  const child = spawn(
    process.execPath,
    ['--require', 'tsx/cjs', 'test/helpers/lock-contender.ts', dir, String(at)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  await once(child, 'exit');
  return out.trim();
}

describe('the data folder lock', function () {
  this.timeout(120_000);

  it('lets exactly one of several processes take over a lock left by a dead process', async () => {
    for (let trial = 0; trial < 3; trial++) {
      const dir = await tempDir('lock-race');
      try {
        await writeFile(join(dir.path, 'lock.pid'), '999999'); // no such process
        const at = Date.now() + 2500; // all started and waiting by then
        const outcomes = await Promise.all([1, 2, 3, 4].map(() => contend(dir.path, at)));
        assert.equal(
          outcomes.filter((o) => o === 'holds').length,
          1,
          `trial ${trial}: ${outcomes.join(', ')}`,
        );
      } finally {
        await dir.remove();
      }
    }
  });
});
