import assert from 'node:assert/strict';
import { progressOf, withProgress } from '../../src/app/notifications/delivery-progress';
import type { Notification } from '../../src/app/notifications/outbox';
import type { OutboxEntry } from '../../src/domain/casus/casus.schema';

const [a, b, c] = [
  '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a01',
  '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a02',
  '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a03',
];
const entry = (extra: Partial<OutboxEntry> = {}): OutboxEntry => ({
  id: '0f8a3e5b-1c2d-4e5f-8a9b-0c1d2e3f4a01',
  createdAt: '2026-12-01T10:00:00.000Z',
  kind: 'casus-aangemeld',
  ...extra,
});
const notification = (recipientIds: string[], extra?: Partial<OutboxEntry>): Notification => ({
  entry: entry(extra),
  recipientIds,
  action: 'indienen',
  event: 0,
});

describe('delivery progress: who is done with an outbox entry', () => {
  it('is done when every recipient is reached or ended for good', () => {
    const outcomes = new Map([
      [a, 'reached'],
      [b, 'ended'],
    ] as const);
    const [progress] = progressOf([notification([a, b])], outcomes, 3);
    assert.equal(progress?.fate, 'done');
    assert.deepEqual(progress?.doneFor, [a, b]);
  });

  it('keeps who is done and counts the attempt while someone is left to retry', () => {
    const outcomes = new Map([
      [a, 'reached'],
      [b, 'retry'],
    ] as const);
    const [progress] = progressOf([notification([a, b])], outcomes, 3);
    assert.deepEqual(progress, {
      id: entry().id,
      fate: 'pending',
      doneFor: [a],
      attempts: 1,
      left: 1,
    });
    assert.deepEqual(withProgress(entry({ doneFor: [c] }), progress), {
      ...entry(),
      doneFor: [c, a],
      attempts: 1,
    });
  });

  it('gives the entry up at the last allowed attempt; a recipient without an outcome is retried', () => {
    const [progress] = progressOf([notification([b], { attempts: 2, doneFor: [a] })], new Map(), 3);
    assert.equal(progress?.fate, 'given-up');
    assert.equal(progress?.attempts, 3);
    assert.deepEqual(progress?.doneFor, [a]);
  });
});
