import assert from 'node:assert/strict';
import { verifyAuditChain } from '../../src/domain/casus/audit-chain';
import { transitionFor, type CasusAction } from '../../src/domain/casus/casus-machine';
import { casusSchema, type Casus } from '../../src/domain/casus/casus.schema';
import { applyTransition, personRef } from '../../src/domain/casus/casus-transition';
import { sweepAuditActor } from '../../src/domain/retention/retention-audit';
import { anonymiseCasus } from '../../src/domain/retention/anonymise';
import {
  addMonths,
  extendClock,
  hasExpired,
  holdClock,
  releaseClock,
  startClock,
} from '../../src/domain/retention/retention-clock';
import { prLkA } from '../helpers/invitation-fixtures';
import { casusInBehandeling } from '../helpers/samples';
import { casusWithApprovedInvitation } from '../helpers/signing-fixtures';

const at = '2026-12-03T09:00:00.000Z';

function step(casus: Casus, action: CasusAction, when = at): Casus {
  const transition = transitionFor(casus.state, action);
  assert.ok(transition, `${action} from ${casus.state}`);
  return applyTransition(casus, {
    transition,
    action,
    actor: personRef(prLkA.person, prLkA.organisation),
    authority: { role: 'procesregisseur', kamerId: 'lk-a', onBehalfOf: 'de overheidsdeelnemers' },
    motivation: 'Mevrouw Jansen woont sinds maart op de Kruisstraat 12.',
    ...(action === 'afsluiten' && { closeReason: 'plan-uitgevoerd' as const }),
    at: when,
    bewaartermijnen: { naAfsluiting: 24, naAfwijzing: 6 },
  });
}

describe('the bewaartermijn clock of a casus', () => {
  it('adds calendar months, on the last day of a shorter month', () => {
    assert.equal(addMonths('2026-01-31T10:00:00.000Z', 1), '2026-02-28T10:00:00.000Z');
    assert.equal(addMonths('2027-12-31T23:30:00.000Z', 2), '2028-02-29T23:30:00.000Z');
    assert.equal(addMonths('2026-12-03T09:00:00.000Z', 24), '2028-12-03T09:00:00.000Z');
  });

  it("starts in the write that closes (the kamer's term after closure) or rejects (after rejection)", () => {
    const closed = step(casusInBehandeling('LK-A-2026-0001'), 'afsluiten');
    assert.deepEqual(closed.retention, {
      startedAt: at,
      expiresAt: '2028-12-03T09:00:00.000Z',
    });
    const rejected = step(
      { ...casusInBehandeling('LK-A-2026-0002'), state: 'aangemeld' },
      'afwijzen',
    );
    assert.equal(rejected.retention?.expiresAt, '2027-06-03T09:00:00.000Z');
    const accepted = step(
      { ...casusInBehandeling('LK-A-2026-0003'), state: 'aangemeld' },
      'accepteren',
    );
    assert.equal(accepted.retention, undefined, 'an open casus has no clock running');
  });

  it('expires at its end, not while a legal hold stops it; lifting the hold moves the end by the time held', () => {
    const clock = startClock('2026-01-01T00:00:00.000Z', 6);
    assert.equal(hasExpired(clock, '2026-06-30T23:59:59.000Z'), false);
    assert.equal(hasExpired(clock, '2026-07-01T00:00:00.000Z'), true);
    const held = holdClock(clock, '2026-06-01T00:00:00.000Z', 'pr');
    assert.equal(hasExpired(held, '2030-01-01T00:00:00.000Z'), false);
    const released = releaseClock(held, '2026-06-11T00:00:00.000Z');
    assert.equal(released.hold, undefined);
    assert.equal(released.expiresAt, '2026-07-11T00:00:00.000Z');
  });

  it('an extension adds months to the end, or to today once the end has passed', () => {
    const clock = startClock('2026-01-01T00:00:00.000Z', 6);
    assert.equal(
      extendClock(clock, 3, '2026-02-01T00:00:00.000Z').expiresAt,
      '2026-10-01T00:00:00.000Z',
    );
    assert.equal(
      extendClock(clock, 3, '2026-08-15T00:00:00.000Z').expiresAt,
      '2026-11-15T00:00:00.000Z',
    );
  });
});

describe('anonymising a casus leaves its accountable stub', () => {
  const { casus: invited } = casusWithApprovedInvitation();
  const full = step(
    {
      ...casusInBehandeling(invited.casusNumber!),
      ...invited,
      submission: casusInBehandeling('X').submission,
    },
    'afsluiten',
  );
  const stub = anonymiseCasus(full, {
    at: '2029-01-01T00:00:00.000Z',
    reason: 'bewaartermijn',
    actor: { ...sweepAuditActor },
    onBehalfOf: 'de overheidsdeelnemers',
    newOutboxId: '7f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b',
  });

  it('keeps number, kamer, dates, states and who decided, and is a valid casus', () => {
    assert.ok(full.submission && full.invitations.length === 1, 'the fixture holds personal data');
    casusSchema.parse(stub);
    assert.equal(stub.casusNumber, full.casusNumber);
    assert.equal(stub.kamerId, full.kamerId);
    assert.equal(stub.state, 'afgesloten');
    assert.equal(stub.createdAt, full.createdAt);
    assert.equal(stub.revision, full.revision + 1);
    assert.deepEqual(
      stub.audit
        .slice(0, -1)
        .map((l) => [l.at, l.action, l.from, l.to, l.actor.name, l.legalBasis]),
      full.audit.map((l) => [l.at, l.action, l.from, l.to, l.actor.name, l.legalBasis]),
    );
    assert.equal(stub.audit.at(-1)?.action, 'geanonimiseerd');
    assert.deepEqual(stub.anonymised, { at: '2029-01-01T00:00:00.000Z', reason: 'bewaartermijn' });
  });

  it('holds no motivation, intake, assessment, evidence, invitation, declaration or search key', () => {
    assert.equal(stub.submission, undefined);
    assert.deepEqual(stub.intake.values, {});
    assert.equal(stub.betrokkeneKey, undefined);
    assert.deepEqual(stub.invitations, []);
    assert.deepEqual(stub.declarations, []);
    assert.ok(stub.audit.every((line) => line.motivation === undefined));
    const text = JSON.stringify(stub);
    for (const personal of ['Kruisstraat', full.submission!.intake.betrokkene.naam]) {
      assert.equal(text.includes(personal), false, `${personal} is gone`);
    }
  });

  it('has an intact audit chain that names the head of the full trail', () => {
    assert.equal(verifyAuditChain(stub).kind, 'intact');
    assert.equal(stub.audit.at(-1)?.replacesHead, full.auditHead);
  });

  it('tells nobody: its one outbox entry only brings the copies already sent in line', () => {
    assert.deepEqual(
      stub.outbox.map((e) => e.kind),
      ['geanonimiseerd'],
    );
    assert.deepEqual(stub.cards, full.cards);
  });

  it('is idempotent', () => {
    assert.equal(anonymiseCasus(stub, { ...stubInput(), at: '2030-01-01T00:00:00.000Z' }), stub);
  });

  function stubInput() {
    return {
      at: '2029-01-01T00:00:00.000Z',
      reason: 'bewaartermijn' as const,
      actor: stub.audit.at(-1)!.actor,
      onBehalfOf: 'x',
      newOutboxId: '7f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0c',
    };
  }
});
