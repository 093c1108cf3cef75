import assert from 'node:assert/strict';
import { CosmosCasusRepository } from '../../src/storage/cosmos-casus.repository';
import type { Casus } from '../../src/domain/casus/casus.schema';
import { closeInvitations } from '../../src/domain/invitation/lifecycle';
import { wireInvitationSigning, type InvitationSigning } from '../../bot/invitation-signing';
import { demoUsers } from '../helpers/activities';
import { dialogInvoke, type DialogAnswer } from '../helpers/dialog-invoke';
import { startBotHarness, type BotHarness } from '../helpers/bot-harness';
import { validProposal } from '../helpers/invitation-fixtures';
import { casusWithApprovedInvitation, submissionFor } from '../helpers/signing-fixtures';

/** An invitee in the tenant, not in the registry. */
const invitee = '8c7b6a5f-4e3d-4c2b-9a1f-0e9d8c7b6a5f';

describe('bot over HTTP: the signing dialog (task/fetch, task/submit)', function () {
  this.timeout(60_000);
  let bot: BotHarness;
  let signing: InvitationSigning;
  let casussen: CosmosCasusRepository;

  before(async () => {
    bot = await startBotHarness();
    casussen = new CosmosCasusRepository(bot.store().casussen);
    // The same keys as the bot: made at its start, kept in its store.
    signing = await wireInvitationSigning(
      {
        signingKeys: { linkTokenSecret: undefined, evidenceSigningKey: undefined },
        teamsSso: undefined,
      },
      { counters: bot.store().counters, casussen },
      { now: () => new Date(), newId: () => crypto.randomUUID() },
    );
  });
  after(() => bot?.stop());

  async function storedInvitation(): Promise<Casus> {
    const values = validProposal();
    values.contactpersoon = { ...values.contactpersoon, entraObjectId: invitee };
    const { casus } = casusWithApprovedInvitation(values);
    const created = await casussen.create(casus);
    assert.ok(created.ok);
    return created.value.value;
  }

  const dialog = (
    name: 'task/fetch' | 'task/submit',
    data: unknown,
    as: string,
    conversationType: 'personal' | 'channel' = 'personal',
  ) => dialogInvoke(bot, name, data, as, conversationType);
  const press = (casus: Casus, as = invitee, type: 'personal' | 'channel' = 'personal') =>
    dialog(
      'task/fetch',
      {
        verb: 'invitation.sign',
        invitationId: casus.invitations[0]!.id,
        casusId: casus.id,
        msteams: { type: 'task/fetch' },
      },
      as,
      type,
    );
  const message = (answer: DialogAnswer) => {
    assert.equal(answer.task.type, 'message', JSON.stringify(answer));
    return String(answer.task.value);
  };

  it('opens the signing page for the invitee, with a fresh link bound to their invitation', async () => {
    const casus = await storedInvitation();
    const answer = await press(casus);
    assert.equal(answer.task.type, 'continue', JSON.stringify(answer));
    const value = answer.task.value as Record<string, unknown>;
    const url = new URL(String(value.url));
    assert.equal(`${url.origin}${url.pathname}`, `${bot.url}/ondertekenen`);
    assert.equal(value.fallbackUrl, value.url);
    assert.equal(value.title, `Geheimhoudingsverklaring casus ${casus.casusNumber!}`);
    const token = url.searchParams.get('token');
    const claims = await signing.tokens.verify(token, 'ondertekenen');
    assert.ok(claims.ok);
    assert.deepEqual(
      [claims.value.invitationId, claims.value.casusId, claims.value.via],
      [casus.invitations[0]!.id, casus.id, 'teams-dialog'],
    );
    const second = (await press(casus)).task.value as { url: string };
    assert.notEqual(second.url, value.url, 'every dialog gets its own link');
    assert.equal((await casussen.get(casus.id))!.value.revision, casus.revision, 'nothing stored');
  });

  it('opens nothing for anyone else, in a channel, for an unknown invitation or forged data', async () => {
    const casus = await storedInvitation();
    for (const who of [demoUsers.fatima, demoUsers.jeroen, demoUsers.unknown]) {
      assert.match(message(await press(casus, who)), /niet voor jou bestemd/);
    }
    assert.match(message(await press(casus, invitee, 'channel')), /niet voor jou bestemd/);
    const unknown = await dialog(
      'task/fetch',
      { verb: 'invitation.sign', invitationId: crypto.randomUUID(), casusId: casus.id },
      invitee,
    );
    assert.match(message(unknown), /bestaat niet \(meer\)/);
    for (const forged of [{}, { verb: 'invitation.sign', casusId: 'x' }, 'tekst']) {
      assert.match(message(await dialog('task/fetch', forged, invitee)), /bestaat niet \(meer\)/);
    }
  });

  it('task/submit says what is true: not yet signed, then signed; the link then opens no dialog', async () => {
    const casus = await storedInvitation();
    const ids = { invitationId: casus.invitations[0]!.id, casusId: casus.id };
    assert.match(message(await dialog('task/submit', ids, invitee)), /nog niet ondertekend/);

    const url = new URL(String(((await press(casus)).task.value as { url: string }).url));
    const token = url.searchParams.get('token')!;
    const view = await signing.service.view(token);
    assert.ok(view.ok);
    const signed = await signing.service.sign(submissionFor(view.value, token), {
      userAgent: 'Teams',
    });
    assert.ok(signed.ok, JSON.stringify(signed));

    const done = message(await dialog('task/submit', { ...signed.value }, invitee));
    assert.match(done, new RegExp(`voor casus ${casus.casusNumber!} ondertekend`));
    assert.match(message(await dialog('task/submit', ids, demoUsers.fatima)), /niet voor jou/);
    assert.match(message(await press(casus)), /al ondertekend/);
  });

  it('after the casus closed: no dialog, and the answer says the invitation is no longer valid', async () => {
    const casus = await storedInvitation();
    const found = (await casussen.get(casus.id))!;
    const closed = await casussen.replace(
      {
        ...found.value,
        state: 'afgesloten',
        invitations: closeInvitations(found.value.invitations, new Date().toISOString()),
      },
      found.etag,
    );
    assert.ok(closed.ok);
    assert.match(message(await press(casus)), /niet meer geldig/);
  });
});
