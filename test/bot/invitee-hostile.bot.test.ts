import assert from 'node:assert/strict';
import type { Casus } from '../../src/domain/casus/casus.schema';
import { SIGNING_REQUEST_OUTBOX_KIND } from '../../src/domain/invitation/signing-request';
import { closeInvitations } from '../../src/domain/invitation/lifecycle';
import { CosmosCasusRepository } from '../../src/storage/cosmos-casus.repository';
import { CosmosConversationDirectory } from '../../src/storage/cosmos-conversation.directory';
import { demoUsers } from '../helpers/activities';
import {
  startBotHarness,
  talkAs,
  type BotHarness,
  type Conversation,
} from '../helpers/bot-harness';
import { startBotProcess, type BotProcess } from '../helpers/bot-process';
import { actionData } from '../helpers/card-actions';
import { submitButtonsOf } from '../helpers/card-buttons';
import { press } from '../helpers/decision-press';
import { cardText } from '../helpers/fake-connector';
import { submitCasus } from '../helpers/intake-flow';
import {
  assertAskedToSign,
  filledProposal,
  mohamed,
  proposeAndApprove,
} from '../helpers/invitation-flow';
import { inviteAndSign, rememberChat } from '../helpers/signed-casus';
import { cardsSentTo, waitForCardTo } from '../helpers/sent-cards';
import { measuredTurn, toCasussen } from '../helpers/store-proxy';

/** Invitees in the tenant, not in the registry: one per test, so each starts unknown to the bot. */
const invitee = (n: number) => `b1b2c3d4-0000-4000-8000-${String(n).padStart(12, '0')}`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function eventually(what: string, check: () => Promise<boolean>, ms: number) {
  for (const until = Date.now() + ms; Date.now() < until; await sleep(100)) {
    if (await check()) return;
  }
  assert.fail(`${what}: not within ${ms} ms`);
}

/**
 * The request to sign under hostile conditions: a contact the bot has seen on many casussen, a
 * Teams chat that keeps failing, a casus that closes while the request waits, Teams users whose id
 * is on an invitation the table has not approved or that can no longer be signed.
 */
describe('bot over HTTP: the request to sign, under hostile conditions', function () {
  this.timeout(120_000);
  let bot: BotHarness;
  let jeroen: Conversation;
  let weegtafel: Conversation;
  let fatima: Conversation;
  let repo: CosmosCasusRepository;
  let directory: CosmosConversationDirectory;

  before(async () => {
    bot = await startBotHarness({ OUTBOX_SWEEP_INTERVAL_MS: '500', OUTBOX_MAX_ATTEMPTS: '3' });
    fatima = talkAs(bot, demoUsers.fatima);
    jeroen = talkAs(bot, demoUsers.jeroen);
    weegtafel = talkAs(bot, mohamed);
    for (const who of [fatima, jeroen, weegtafel]) await who.say('help');
    repo = new CosmosCasusRepository(bot.store().casussen);
    directory = new CosmosConversationDirectory(bot.store().conversations);
  });
  after(() => bot?.stop());

  async function acceptedCasus() {
    const number = await submitCasus(fatima);
    await press(jeroen, await jeroen.say(`casus ${number}`), 'accepteren');
    return number;
  }

  const stored = async (number: string): Promise<Casus> => (await repo.findByNumber(number))!.value;
  const requestOf = async (number: string) =>
    (await stored(number)).outbox.find((entry) => entry.kind === SIGNING_REQUEST_OUTBOX_KIND);

  /** Writes a change to the stored casus, again when the bot's delivery wrote in between. */
  async function change(number: string, edit: (casus: Casus) => Casus) {
    for (let attempt = 0; attempt < 5; attempt++) {
      const found = await repo.findByNumber(number);
      assert.ok(found);
      if ((await repo.replace(edit(found.value), found.etag)).ok) return;
    }
    assert.fail(`casus ${number} kept changing under the test`);
  }

  it('a contact on many closed casussen is still asked to sign a new invitation when they open casusbot', async () => {
    const id = invitee(1);
    const made = await inviteAndSign(bot, await acceptedCasus());
    // A regular contact of the table: over the years on more closed casussen than the bot reads.
    const ended = closeInvitations(made.casus.invitations, new Date().toISOString());
    for (let i = 0; i < 21; i++) {
      await bot.store().casussen.items.create({
        ...made.casus,
        id: crypto.randomUUID(),
        casusNumber: `${made.casus.casusNumber}-${i}`,
        state: 'afgesloten',
        outbox: [],
        invitations: ended.map((invitation) => ({
          ...invitation,
          proposal: {
            ...invitation.proposal,
            contactpersoon: { ...invitation.proposal.contactpersoon, entraObjectId: id },
          },
        })),
      });
    }
    const number = await acceptedCasus();
    const values = filledProposal({ contactEntraObjectId: id });
    const invitationId = await proposeAndApprove(jeroen, weegtafel, number, values);

    const answer = await talkAs(bot, id).say('hallo');
    assertAskedToSign(answer, number, invitationId);
    assert.ok(await directory.get(id), 'their chat is kept');
  });

  it('an invitee whose Teams chat fails for now at every attempt: the proposer gets the link at the last, instead of nobody being asked', async () => {
    const id = invitee(2);
    await rememberChat(bot, id);
    bot.connector.unavailable.add(`a:${id}`);
    const number = await acceptedCasus();
    const mark = bot.connector.sent.length;
    await proposeAndApprove(
      jeroen,
      weegtafel,
      number,
      filledProposal({ contactEntraObjectId: id }),
    );
    await eventually('the request is settled', async () => !(await requestOf(number)), 60_000);
    assert.ok((bot.connector.failed.get(`a:${id}`) ?? 0) >= 3, 'the invitee was tried each time');
    const card = await waitForCardTo(bot.connector, demoUsers.jeroen, mark, /Ondertekenlink/);
    assert.match(cardText(card), new RegExp(`Ondertekenlink voor casus ${number}`));
    assert.match(cardText(card), /in Teams niet te bereiken/);
  });

  it('a request still waiting for a failing chat when the casus closes: nothing reaches the invitee or the proposer', async () => {
    const id = invitee(3);
    await rememberChat(bot, id);
    bot.connector.unavailable.add(`a:${id}`);
    const number = await acceptedCasus();
    await proposeAndApprove(
      jeroen,
      weegtafel,
      number,
      filledProposal({ contactEntraObjectId: id }),
    );
    await eventually(
      'a first attempt failed',
      async () => !!(await requestOf(number))?.attempts,
      30_000,
    );
    await press(jeroen, await jeroen.say(`casus ${number}`), 'afsluiten');
    assert.equal((await stored(number)).state, 'afgesloten');
    const mark = bot.connector.sent.length;
    // A delivery under way may still hold the casus as it was; the next one must drop the request.
    await eventually('the request is dropped', async () => !(await requestOf(number)), 60_000);
    const tried = bot.connector.failed.get(`a:${id}`);
    bot.connector.unavailable.delete(`a:${id}`);
    await sleep(1500); // three sweeps
    assert.equal(bot.connector.failed.get(`a:${id}`), tried, 'not tried again');
    assert.deepEqual(cardsSentTo(bot.connector, id, mark).map(cardText), []);
    const links = cardsSentTo(bot.connector, demoUsers.jeroen, mark)
      .map(cardText)
      .filter((text) => /Ondertekenlink/.test(text));
    assert.deepEqual(links, [], 'no link for a casus that closed');
  });

  it('a Teams user on a proposal not yet approved, or on an approved invitation of a closed casus: the plain refusal, and nothing kept of them', async () => {
    const proposedOnly = invitee(4);
    const first = await acceptedCasus();
    const casus = await jeroen.say(`casus ${first}`);
    const form = await jeroen.execute('invitation.form', actionData(casus, 'invitation.form'));
    const proposed = await jeroen.execute('invitation.propose', {
      ...actionData(form, 'invitation.propose'),
      ...filledProposal({ contactEntraObjectId: proposedOnly }),
    });
    assert.match(cardText(proposed), /Voorstel vastgelegd/);

    const ofClosed = invitee(5);
    const second = await acceptedCasus();
    await proposeAndApprove(
      jeroen,
      weegtafel,
      second,
      filledProposal({ contactEntraObjectId: ofClosed }),
    );
    // Closed some other way than the bot's own "afsluiten": the casus's state alone must count.
    await change(second, (c) => ({ ...c, state: 'afgesloten' }));

    for (const id of [proposedOnly, ofClosed]) {
      const answer = cardText(await talkAs(bot, id).say('help'));
      assert.match(answer, /Geen toegang[\s\S]*deelnemersregister/);
      assert.doesNotMatch(answer, /incidentele deelnemer|Ondertekenen|casus [A-Z]{2}-/);
      assert.equal(await directory.get(id), undefined, 'nothing kept of them');
    }
  });

  it('a Teams user whose object id differs only in case from the invitation: asked to sign, their chat kept under the id the deliveries look up', async () => {
    const id = invitee(6);
    const number = await acceptedCasus();
    const values = filledProposal({ contactEntraObjectId: id });
    const invitationId = await proposeAndApprove(jeroen, weegtafel, number, values);
    const answer = await talkAs(bot, id.toUpperCase()).say('hallo');
    assert.equal(submitButtonsOf(answer)[0]?.data.invitationId, invitationId);
    assert.ok(await directory.get(id), 'kept under the lower-case id');
  });
});

describe('bot over HTTP: a stranger costs the store only the lookups', function () {
  this.timeout(120_000);
  let bot: BotProcess;
  before(async () => {
    bot = await startBotProcess();
  });
  after(() => bot?.stop());

  it('a Teams user neither in the registry nor invited: the registry lookups and one casussen query, no write', async () => {
    const stranger = talkAs(bot, invitee(99));
    await stranger.say('help'); // the first turn also reads the containers' metadata
    const { card, requests } = await measuredTurn(bot.proxy, () => stranger.say('help'));
    assert.match(cardText(card), /Geen toegang/);
    const seen = JSON.stringify(requests);
    const registry = requests.filter((r) => /\/colls\/registry\//.test(r.path));
    assert.ok(registry.length <= 2 && registry.every((r) => r.method === 'GET'), seen);
    // One query (the SDK asks for its query plan first), and not a document read or written.
    assert.ok(
      toCasussen(requests).every((r) => r.method === 'POST'),
      seen,
    );
    assert.ok(toCasussen(requests).length <= 2, seen);
    assert.ok(!requests.some((r) => /\/colls\/conversations\//.test(r.path)), 'no chat kept');
    assert.equal(requests.length, registry.length + toCasussen(requests).length, seen);
  });
});
