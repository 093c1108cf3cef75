import assert from 'node:assert/strict';
import type { Container } from '@azure/cosmos';
import { draftIdFor } from '../../src/app/intake/draft-id';
import { appendAuditLine, type UnchainedAuditEntry } from '../../src/domain/casus/audit-chain';
import type { AuditEntry, Casus } from '../../src/domain/casus/casus.schema';
import { FakeConnector } from '../helpers/fake-connector';
import { sampleCasus } from '../helpers/samples';
import {
  duplicated,
  halfWritten,
  lostAcknowledged,
  untruthful,
} from '../reliability/faults/casus-checks';
import { countNotifications } from '../reliability/faults/notification-checks';
import type { TurnRecord } from '../reliability/faults/turns';

const worker = '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a01';
const decider = '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a02';

const line = (
  from: AuditEntry['from'],
  to: AuditEntry['to'],
  action: AuditEntry['action'],
  activityId: string,
): UnchainedAuditEntry => ({
  at: '2026-11-21T10:30:00.000Z',
  actor: { ...sampleCasus().createdBy, role: 'wijkteammedewerker' },
  onBehalfOf: 'Wijkteam Rotterdam-Noord',
  action,
  from,
  to,
  legalBasis: 'art. 2.20 BGS',
  activityId,
});

/** A casus with these audit lines, chained as the app writes them, in the last line's state. */
function casusWith(lines: UnchainedAuditEntry[], extra: Partial<Casus> = {}): Casus {
  let casus = sampleCasus({
    ...(extra.id && { id: extra.id }),
    createdBy: { ...sampleCasus().createdBy, id: worker },
  });
  for (const next of lines) casus = { ...casus, ...appendAuditLine(casus, next) };
  return { ...casus, state: lines.at(-1)?.to ?? 'concept', ...extra };
}

const submitted = (number: string) =>
  casusWith(
    [
      line(null, 'concept', 'intake-gestart', `start-${number}`),
      line('concept', 'aangemeld', 'indienen', `submit-${number}`),
    ],
    { casusNumber: number, kamerId: 'lk-rotterdam' },
  );

const turn = (kind: TurnRecord['kind'], claim: TurnRecord['claim'], activityId: string) =>
  ({
    user: worker,
    kind,
    activityId,
    at: 0,
    ms: 100,
    answered: true,
    claim,
    card: undefined,
  }) as TurnRecord;

describe('the faults section’s checks of what the store holds', () => {
  it('finds a document its audit does not explain, and passes one it does', () => {
    const good = submitted('LK-ROT-2026-0001');
    assert.deepEqual(halfWritten([good]), []);
    assert.equal(halfWritten([{ ...good, state: 'in_behandeling_lokaal' }]).length, 1);
    // The submit's line cut off: the chain's head, the state and the number no longer match it.
    assert.equal(halfWritten([{ ...good, audit: good.audit.slice(0, 1) }]).length, 3);
    assert.equal(halfWritten([{ ...good, casusNumber: undefined }]).length, 1);
    assert.equal(halfWritten([{ kind: 'casus', id: 'x' }]).length, 1);
  });

  it('takes a claim as untruthful when the store contradicts it, never an unsure one', () => {
    const casus = submitted('LK-ROT-2026-0002');
    const docs = [casus];
    assert.deepEqual(untruthful([turn('submit', 'applied', 'submit-LK-ROT-2026-0002')], docs), []);
    assert.equal(
      untruthful([turn('submit', 'not-applied', 'submit-LK-ROT-2026-0002')], docs).length,
      1,
    );
    assert.equal(untruthful([turn('decide', 'applied', 'never-written')], docs).length, 1);
    assert.deepEqual(untruthful([turn('decide', 'unsure', 'never-written')], docs), []);
    assert.equal(untruthful([turn('decide', 'unclear', 'never-written')], docs).length, 1);
    // "Nothing changed" on a start, and the draft that activity would have made is there.
    const started = casusWith([line(null, 'concept', 'intake-gestart', 'a')], {
      id: draftIdFor(worker, 'a'),
    });
    assert.equal(untruthful([turn('start', 'not-applied', 'a')], [started]).length, 1);
  });

  it('counts an acknowledged change the store lost, and what is there twice', () => {
    const casus = submitted('LK-ROT-2026-0003');
    const acknowledged = turn('submit', 'applied', 'submit-LK-ROT-2026-0003');
    assert.deepEqual(lostAcknowledged([acknowledged], [casus]), []);
    assert.equal(lostAcknowledged([acknowledged], []).length, 1);
    assert.deepEqual(duplicated([casus, submitted('LK-ROT-2026-0004')]), []);
    const again = submitted('LK-ROT-2026-0003');
    assert.ok(duplicated([casus, again]).some((problem) => problem.includes('LK-ROT-2026-0003')));
  });

  it('counts a notification owed and not posted as lost, and one posted twice as twice', async () => {
    const casus = submitted('LK-ROT-2026-0005');
    const container = {
      items: { query: () => ({ fetchAll: () => Promise.resolve({ resources: [casus] }) }) },
    } as unknown as Container;
    const connector = new FakeConnector();
    const card = (at: number) => ({
      conversationId: `a:${decider}`,
      replyToId: undefined,
      at,
      activity: {
        type: 'message',
        attachments: [{ contentType: 'x', content: { text: 'Casus LK-ROT-2026-0005' } }],
      },
    });
    assert.deepEqual((await countNotifications(container, connector, [decider])).lost, [
      'LK-ROT-2026-0005 to 02',
    ]);
    connector.sent.push(card(1), card(2));
    const counted = await countNotifications(container, connector, [decider]);
    assert.deepEqual([counted.lost, counted.twice], [[], ['LK-ROT-2026-0005 to 02 2×']]);
    const byDesign = await countNotifications(container, connector, [decider], {
      unrecorded: (at) => at === 1,
    });
    assert.deepEqual([byDesign.twice, byDesign.twiceByDesign.length], [[], 1]);
    const ended = await countNotifications(container, connector, [decider], {
      ended: () => true,
    });
    assert.deepEqual([ended.owed, ended.afterEnd], [0, ['LK-ROT-2026-0005 to 02']]);
  });
});
