import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { searchLog } from '../../bot/search-log';
import { createLogger } from '../../src/logging/logger';

/** A logger at this level whose lines are collected, parsed. */
function collecting(level: string) {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger(level, destination), lines };
}

const search = {
  at: '2026-12-02T09:00:00.000Z',
  personId: '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a02',
  kind: 'betrokkene' as const,
  casusIds: ['7d4f3a2b-1c0e-4f9a-8b7c-6d5e4f3a2b1c'],
};

describe('the record of personal-data searches', () => {
  it('is kept when the operational log is quieter than info', () => {
    const { logger, lines } = collecting('warn');
    logger.info('an operational line that warn drops');
    searchLog(logger).searched(search);
    assert.equal(lines.length, 1);
    assert.equal(lines[0]?.event, 'personal-data-search');
    assert.equal(lines[0]?.personId, search.personId);
    assert.deepEqual(lines[0]?.casusIds, search.casusIds);
  });

  it('is silenced only with the whole log', () => {
    const { logger, lines } = collecting('silent');
    searchLog(logger).searched(search);
    assert.equal(lines.length, 0);
  });
});
