import assert from 'node:assert/strict';
import { CosmosConversationDirectory } from '../../src/storage/cosmos-conversation.directory';
import { demoUsers } from '../helpers/activities';
import {
  startBotHarness,
  talkAs,
  type BotHarness,
  type Conversation,
} from '../helpers/bot-harness';
import { button, buttonsOf, submitButtonsOf } from '../helpers/card-buttons';
import { actionData, inputValue } from '../helpers/card-actions';
import { press } from '../helpers/decision-press';
import { dialogInvoke } from '../helpers/dialog-invoke';
import { cardText } from '../helpers/fake-connector';
import { submitCasus } from '../helpers/intake-flow';
import {
  assertAskedToSign,
  filledProposal,
  mohamed,
  proposeAndApprove,
} from '../helpers/invitation-flow';
import { incidentalPerson, rememberChat } from '../helpers/signed-casus';
import { cardsSentTo, waitForCardTo } from '../helpers/sent-cards';
import { registryChangeSeen, SHORT_REGISTRY_BOUND } from '../helpers/registry-bound';

/** Invitees in the tenant, not in the registry: one per test, so each starts unknown to the bot. */
const inTeams = 'a1b2c3d4-0000-4000-8000-000000000001';
const blocked = 'a1b2c3d4-0000-4000-8000-000000000002';
const later = 'a1b2c3d4-0000-4000-8000-000000000003';

/**
 * After the table approves an invitation, the invitee is asked to sign: in their own Teams chat
 * when the bot can reach them there ("Ondertekenen" opens the signing page as a Teams dialog),
 * otherwise the proposer gets a single-use link to send on. Over HTTP, with the real store.
 */
describe('bot over HTTP: the invitee is asked to sign once the table approves', function () {
  this.timeout(60_000);
  let bot: BotHarness;
  let jeroen: Conversation;
  let weegtafel: Conversation;
  let fatima: Conversation;

  before(async () => {
    bot = await startBotHarness(SHORT_REGISTRY_BOUND);
    fatima = talkAs(bot, demoUsers.fatima);
    jeroen = talkAs(bot, demoUsers.jeroen);
    weegtafel = talkAs(bot, mohamed);
    for (const who of [fatima, jeroen, weegtafel]) await who.say('help');
  });
  after(() => bot?.stop());

  /** A fresh casus in behandeling at Lokale Kamer Rotterdam, and the invitation approved on it. */
  async function approvedInvitation(entraObjectId: string) {
    const number = await submitCasus(fatima);
    await press(jeroen, await jeroen.say(`casus ${number}`), 'accepteren');
    const mark = bot.connector.sent.length;
    const values = filledProposal({ contactEntraObjectId: entraObjectId });
    const invitationId = await proposeAndApprove(jeroen, weegtafel, number, values);
    return { number, invitationId, mark };
  }

  /** The signing page that a link opens: its status and whether it shows this casus by number. */
  async function openPage(url: string, number: string) {
    const response = await fetch(url);
    const html = await response.text();
    assert.equal(response.status, 200, html.slice(0, 300));
    assert.match(html, new RegExp(`Casus ${number}`));
    assert.match(html, /Geheimhoudingsverklaring/);
  }

  async function linkCardFor(number: string, mark: number, why: RegExp) {
    const card = await waitForCardTo(bot.connector, demoUsers.jeroen, mark, /Ondertekenlink/);
    const text = cardText(card);
    assert.match(text, new RegExp(`Ondertekenlink voor casus ${number}`));
    assert.match(text, why);
    assert.match(
      text,
      /Rob de Boer[\s\S]*Woonstichting Maasstad[\s\S]*rob\.deboer@maasstad\.example/,
    );
    const url = String(inputValue(card, 'link'));
    assert.ok(url.startsWith(`${bot.url}/ondertekenen?token=`), url);
    await openPage(url, number);
    return { card, url };
  }

  it('an invitee reachable in Teams gets "Ondertekenen", which opens the signing page as a dialog; the proposer gets no link', async () => {
    await rememberChat(bot, inTeams);
    const { number, invitationId, mark } = await approvedInvitation(inTeams);
    const card = await waitForCardTo(
      bot.connector,
      inTeams,
      mark,
      /Geheimhoudingsverklaring ondertekenen/,
    );
    const text = cardText(card);
    assert.match(
      text,
      new RegExp(
        `De Lokale Kamer Rotterdam\\s*nodigt\\s*Woonstichting Maasstad\\s*uit als incidentele deelnemer voor casus ${number}`,
      ),
    );
    assert.match(text, /Voorgesteld door\s*Jeroen de Vries, Gemeente Rotterdam/);
    assert.doesNotMatch(text, /Jansen|schulden|huurachterstand/i, 'nothing of the casus itself');
    const [sign] = submitButtonsOf(card);
    assert.deepEqual(
      [sign?.title, sign?.data.msteams, sign?.data.invitationId],
      ['Ondertekenen', { type: 'task/fetch' }, invitationId],
    );

    const answer = await dialogInvoke(bot, 'task/fetch', sign!.data, inTeams);
    assert.equal(answer.task.type, 'continue', JSON.stringify(answer));
    await openPage(String((answer.task.value as { url: string }).url), number);
    // The same press by anyone else opens nothing.
    const other = await dialogInvoke(bot, 'task/fetch', sign!.data, demoUsers.jeroen);
    assert.equal(other.task.type, 'message');

    await new Promise((resolve) => setTimeout(resolve, 300));
    const toProposer = cardsSentTo(bot.connector, demoUsers.jeroen, mark).map(cardText);
    assert.ok(
      toProposer.some((t) => /Uitnodiging goedgekeurd/.test(t)),
      'the proposer is told',
    );
    assert.ok(!toProposer.some((t) => /Ondertekenlink/.test(t)), 'and gets no link to send');
  });

  it('an invitee without a Teams account: the proposer gets a single-use link, an e-mail to send it and "Open casus"', async () => {
    const { number, mark } = await approvedInvitation('');
    const { card, url } = await linkCardFor(number, mark, /heeft geen Teams-account/);
    const [mail] = (card.actions as { type: string; title: string; url?: string }[]).filter(
      (a) => a.type === 'Action.OpenUrl',
    );
    assert.equal(mail?.title, 'E-mail opstellen');
    const mailto = new URL(String(mail?.url));
    assert.equal(mailto.protocol, 'mailto:');
    assert.equal(decodeURIComponent(mailto.pathname), 'rob.deboer@maasstad.example');
    const body = mailto.searchParams.get('body') ?? '';
    assert.ok(body.includes(url), 'the e-mail holds the link');
    assert.match(body, /^Beste Rob de Boer,/);
    assert.equal(mailto.searchParams.get('subject'), `Geheimhoudingsverklaring casus ${number}`);
    assert.deepEqual(
      submitButtonsOf(card).map((b) => [b.title, b.data.verb]),
      [['Open casus', 'casus.open']],
    );
  });

  it('an invitee whose Teams chat refuses the bot: the proposer gets the link instead', async () => {
    await rememberChat(bot, blocked);
    bot.connector.refusing.add(`a:${blocked}`);
    const { number, mark } = await approvedInvitation(blocked);
    await linkCardFor(number, mark, /in Teams niet te bereiken/);
    assert.ok((bot.connector.failed.get(`a:${blocked}`) ?? 0) >= 1, 'the invitee was tried first');
  });

  it('an invitee not yet known to the bot: the proposer gets the link; when they open casusbot, they get "Ondertekenen" and are kept reachable', async () => {
    const { number, invitationId, mark } = await approvedInvitation(later.toUpperCase());
    await linkCardFor(number, mark, /in Teams niet te bereiken/);
    const directory = new CosmosConversationDirectory(bot.store().conversations);
    assert.equal(await directory.get(later), undefined, 'nothing kept of them before they speak');

    const answer = await talkAs(bot, later).say('hallo');
    assertAskedToSign(answer, number, invitationId);
    assert.ok(await directory.get(later), 'their chat is kept, for the shares after signing');
  });

  it('"Ondertekenlink maken" on the participants card gives a deelnemer of the table a new link; anyone else gets none', async () => {
    const { number, invitationId } = await approvedInvitation('');
    const casus = await jeroen.say(`casus ${number}`);
    const participants = await jeroen.execute('invitation.participants', {
      casusId: actionData(casus, 'invitation.participants').casusId,
    });
    const make = button(participants, 'Ondertekenlink maken');
    assert.equal(make.data.invitationId, invitationId);
    const card = await jeroen.execute(make.verb, make.data);
    assert.match(
      cardText(card),
      /Rob de Boer\s*\(\s*Woonstichting Maasstad\s*\)\s*krijgt een nieuwe link/,
    );
    const url = String(inputValue(card, 'link'));
    await openPage(url, number);

    // The worker who submitted may see the casus, but is not of the table: no button, no link.
    const hers = await fatima.execute('invitation.participants', make.data);
    assert.ok(!buttonsOf(hers).some((b) => b.title === 'Ondertekenlink maken'));
    const forged = await fatima.execute(make.verb, make.data);
    assert.match(cardText(forged), /alleen een deelnemer van de tafel[\s\S]*geen link gemaakt/);
    assert.equal(inputValue(forged, 'link'), undefined);
    // An invitation that is not on the casus gets no link either.
    const unknown = await jeroen.execute(make.verb, {
      ...make.data,
      invitationId: crypto.randomUUID(),
    });
    assert.match(cardText(unknown), /kan niet meer ondertekend worden/);
  });

  it('an invitee who is in the registry as a person of an incidentele deelnemer is asked to sign as well', async () => {
    const registered = 'a1b2c3d4-0000-4000-8000-000000000004';
    await bot.store().registry.items.upsert({ ...incidentalPerson, id: registered });
    await registryChangeSeen();
    const { number, invitationId } = await approvedInvitation(registered);
    const answer = await talkAs(bot, registered).say('help');
    assertAskedToSign(answer, number, invitationId);
  });

  it('a stranger with no invitation is refused as before, and nothing is kept of them', async () => {
    const stranger = 'a1b2c3d4-0000-4000-8000-0000000000ff';
    assert.match(cardText(await talkAs(bot, stranger).say('help')), /Geen toegang/);
    const directory = new CosmosConversationDirectory(bot.store().conversations);
    assert.equal(await directory.get(stranger), undefined);
  });
});
