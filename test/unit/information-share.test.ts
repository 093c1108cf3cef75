import assert from 'node:assert/strict';
import {
  applyShare,
  checkShare,
  participantUserId,
  SHARE_OUTBOX_KIND,
} from '../../src/domain/invitation/share';
import { verifyAuditChain } from '../../src/domain/casus/audit-chain';
import type { Organisation, Person } from '../../src/domain/registry/registry.schema';
import { sampleCasus } from '../helpers/samples';
import {
  demoRegistry,
  incidentalPerson,
  inviteeObjectId,
  jeroenId,
  withSignedInvitation,
  type SignedCasus,
} from '../helpers/signed-casus';

const as = (person: Person) => ({
  person,
  organisation: demoRegistry.organisations.find(
    (o) => o.id === person.organisationId,
  ) as Organisation,
});
const registryPerson = (id: string) => as(demoRegistry.persons.find((p) => p.id === id)!);
const anouk = '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a03'; // the ZVH's procesregisseur: another table
const fatima = '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a01';
const purpose = 'Een huurregeling voorbereiden voor het casusoverleg.';

describe('Informatie delen (art. 2.21 BGS: sent, never accessed)', () => {
  let signed: SignedCasus;
  let approvedOnly: SignedCasus;
  const start = () => ({
    ...sampleCasus({ state: 'in_behandeling_lokaal', kamerId: 'lk-rotterdam' }),
    casusNumber: 'LK-ROT-2026-0042',
  });
  before(async () => {
    signed = await withSignedInvitation(start());
    approvedOnly = await withSignedInvitation(start(), { signed: false });
  });
  const check = (over: Partial<Parameters<typeof checkShare>[0]> = {}) =>
    checkShare({
      casus: signed.casus,
      invitationId: signed.invitationId,
      sharer: registryPerson(jeroenId),
      text: 'De huurachterstand loopt sinds augustus.',
      purpose,
      ...over,
    });

  it('lets a deelnemer of the table share with a participant who signed, and records it once', () => {
    const checked = check();
    assert.ok(checked.ok);
    const next = applyShare(signed.casus, checked.value, registryPerson(jeroenId), {
      id: '6f1e2d3c-4b5a-4978-8a1b-2c3d4e5f6a7b',
      at: '2026-12-02T09:00:00.000Z',
      delivery: 'teams',
    });
    assert.equal(next.revision, signed.casus.revision + 1);
    const line = next.audit.at(-1)!;
    assert.deepEqual(
      [line.action, line.invitationId, line.motivation, line.actor.role],
      ['informatie-gedeeld', signed.invitationId, `Doel: ${purpose}`, 'procesregisseur'],
    );
    assert.equal(verifyAuditChain(next).kind, 'intact');
    assert.deepEqual(next.outbox.at(-1)?.kind, SHARE_OUTBOX_KIND);
    assert.equal(next.outbox.at(-1)?.id, '6f1e2d3c-4b5a-4978-8a1b-2c3d4e5f6a7b');
    assert.equal(
      next.invitations[0]!.shares?.[0]?.text,
      'De huurachterstand loopt sinds augustus.',
    );
    const outside = applyShare(signed.casus, checked.value, registryPerson(jeroenId), {
      id: '6f1e2d3c-4b5a-4978-8a1b-2c3d4e5f6a7c',
      at: '2026-12-02T09:00:00.000Z',
      delivery: 'buiten-teams',
    });
    assert.equal(outside.outbox.length, signed.casus.outbox.length, 'nothing to deliver in Teams');
  });

  it('reaches the participant in Teams at the id the proposal names, in lower case, and nobody else', () => {
    const invitation = signed.casus.invitations[0]!;
    assert.equal(participantUserId(invitation), inviteeObjectId);
    const naming = (entraObjectId: string | undefined) => ({
      ...invitation,
      proposal: {
        ...invitation.proposal,
        contactpersoon: { ...invitation.proposal.contactpersoon, entraObjectId },
      },
    });
    // As an older record may hold it.
    assert.equal(participantUserId(naming(inviteeObjectId.toUpperCase())), inviteeObjectId);
    // Signed in Teams by whoever had the link, before such signatures went by the link: the
    // signer's identity vouches for nothing, so what is shared is not sent there.
    assert.equal(signed.declaration.record.signer.kind, 'teams-sso');
    assert.equal(participantUserId(naming(undefined)), undefined);
  });

  it('refuses before signing, after the casus closed, and after the participation ended', () => {
    const notSigned = checkShare({
      casus: approvedOnly.casus,
      invitationId: approvedOnly.invitationId,
      sharer: registryPerson(jeroenId),
      text: 'x',
      purpose,
    });
    assert.equal(!notSigned.ok && notSigned.error.kind, 'niet-deelnemend');
    const closed = check({ casus: { ...signed.casus, state: 'afgesloten' } });
    assert.equal(!closed.ok && closed.error.kind, 'niet-deelnemend');
    const ended = check({
      casus: {
        ...signed.casus,
        invitations: signed.casus.invitations.map((i) => ({ ...i, state: 'beeindigd' as const })),
      },
    });
    assert.equal(!ended.ok && ended.error.kind, 'niet-deelnemend');
  });

  it('refuses who is not at the table: another table, the intake side, an incidentele deelnemer', () => {
    for (const sharer of [registryPerson(anouk), registryPerson(fatima), as(incidentalPerson)]) {
      const refused = check({ sharer });
      assert.equal(!refused.ok && refused.error.kind, 'niet-van-tafel', sharer.person.name);
    }
  });

  it('requires what is shared and its purpose, bounded, and refuses a forged value', () => {
    for (const over of [
      { text: '   ' },
      { text: 'x'.repeat(2001) },
      { purpose: 'kort' },
      { purpose: 'x'.repeat(301) },
      { text: { forged: true } },
      { purpose: undefined },
    ]) {
      const refused = check(over);
      assert.equal(
        !refused.ok && refused.error.kind,
        'onvolledig',
        JSON.stringify(over).slice(0, 40),
      );
    }
    const unknown = check({ invitationId: '6f1e2d3c-4b5a-4978-8a1b-2c3d4e5f6a70' });
    assert.equal(!unknown.ok && unknown.error.kind, 'onbekend');
  });
});
