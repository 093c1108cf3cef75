import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

describe('process lifecycle', () => {
  it('logs a stray unhandled rejection and keeps the process running', () => {
    const script = `
      const { logUnhandledRejections } = require('./bot/process-lifecycle');
      const { createLogger } = require('./src/logging/logger');
      logUnhandledRejections(createLogger('error'));
      void Promise.reject(new Error('a bug in one request'));
      setTimeout(() => { process.stdout.write('still running\\n'); }, 200);
    `;
    const run = spawnSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /unhandled promise rejection/);
    assert.match(run.stdout, /still running/);
  });
});
