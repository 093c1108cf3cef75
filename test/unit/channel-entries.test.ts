import assert from 'node:assert/strict';
import { transitionFor } from '../../src/domain/casus/casus-machine';
import type { AuditEntry } from '../../src/domain/casus/casus.schema';
import { applyTransition, personRef } from '../../src/domain/casus/casus-transition';
import {
  channelEntriesOf,
  channelNoticeEntry,
  isChannelEntry,
  stableEntryId,
} from '../../src/domain/channel/channel-entries';
import { prLkA } from '../helpers/invitation-fixtures';
import { sampleCasus } from '../helpers/samples';

const at = '2026-12-03T07:00:00.000Z';

function accepted(casus = sampleCasus({ state: 'aangemeld', kamerId: 'lk-a' })) {
  const transition = transitionFor('aangemeld', 'accepteren');
  assert.ok(transition);
  return applyTransition(casus, {
    transition,
    action: 'accepteren',
    actor: personRef(prLkA.person, prLkA.organisation),
    authority: { role: 'procesregisseur', kamerId: 'lk-a', onBehalfOf: 'de overheidsdeelnemers' },
    motivation: 'Voldoet.',
    at,
    activityId: 'act-1',
  });
}

describe('channel outbox entries', () => {
  it('a stable id is a version 8 UUID, the same for the same seed and different for another', () => {
    const id = stableEntryId('kanaal|a');
    assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(stableEntryId('kanaal|a'), id);
    assert.notEqual(stableEntryId('kanaal|b'), id);
  });

  it('a casus step gets one channel entry naming its audit line, with an id from that line', () => {
    const next = accepted();
    const entries = next.outbox.filter(isChannelEntry);
    assert.equal(entries.length, 1);
    const [entry] = entries;
    assert.deepEqual(
      [entry!.kind, entry!.auditIndex, entry!.createdAt],
      ['kanaal:accepteren', next.audit.length - 1, at],
    );
    assert.deepEqual(channelEntriesOf(next.audit), entries, 'the same trail gives the same entry');
  });

  it('the same step on another casus gets another id', () => {
    const one = accepted().outbox.find(isChannelEntry);
    const other = accepted(sampleCasus({ state: 'aangemeld', kamerId: 'lk-a' })).outbox.find(
      isChannelEntry,
    );
    assert.notEqual(one?.id, other?.id);
  });

  it('an invitation proposed or refused is no news in a channel; approved and signed are', () => {
    const base = sampleCasus({ state: 'in_behandeling_lokaal' });
    const withLine = (action: AuditEntry['action']) => [
      ...base.audit,
      { ...base.audit.at(-1)!, action, hash: `h-${action}` },
    ];
    assert.deepEqual(channelEntriesOf(withLine('uitnodiging-voorgesteld')), []);
    assert.deepEqual(channelEntriesOf(withLine('uitnodiging-afgewezen')), []);
    assert.equal(
      channelEntriesOf(withLine('uitnodiging-goedgekeurd'))[0]?.kind,
      'kanaal:uitnodiging-goedgekeurd',
    );
    assert.equal(
      channelEntriesOf(withLine('verklaring-ondertekend'))[0]?.kind,
      'kanaal:verklaring-ondertekend',
    );
    assert.deepEqual(channelEntriesOf([]), []);
  });

  it('a deadline notice is the same entry whoever computes it, and another for another due time', () => {
    const casus = { id: '7d7a0f7e-52b9-4a55-8f59-3f4d2b2a1c10' };
    const step = { state: 'aangemeld' as const, dueAt: '2026-12-10T23:00:00.000Z' };
    const one = channelNoticeEntry(casus, 'termijn-herinnering', step, at);
    const two = channelNoticeEntry(casus, 'termijn-herinnering', step, '2026-12-03T08:00:00.000Z');
    assert.equal(one.id, two.id);
    assert.deepEqual([one.kind, one.notice], ['kanaal:termijn-herinnering', step]);
    assert.notEqual(channelNoticeEntry(casus, 'termijn-verlopen', step, at).id, one.id);
    assert.notEqual(
      channelNoticeEntry(
        casus,
        'termijn-herinnering',
        { ...step, dueAt: '2026-12-11T23:00:00.000Z' },
        at,
      ).id,
      one.id,
    );
  });
});
