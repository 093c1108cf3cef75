import assert from 'node:assert/strict';
import { verifyAuditChain } from '../../src/domain/casus/audit-chain';
import { casusSchema, type Casus } from '../../src/domain/casus/casus.schema';
import { demoUsers } from '../helpers/activities';
import { talkAs, type Conversation } from '../helpers/bot-harness';
import { startBotProcess, type BotProcess } from '../helpers/bot-process';
import { buttonsOf } from '../helpers/card-buttons';
import { actionData, hasAction, inputValue } from '../helpers/card-actions';
import { cardText } from '../helpers/fake-connector';
import { press } from '../helpers/decision-press';
import { submitCasus } from '../helpers/intake-flow';
import { storedByNumber } from '../helpers/signed-casus';
import { isDocumentWrite, measuredTurn, toCasussen } from '../helpers/store-proxy';
import { walk } from '../helpers/adaptive-card-check';
import { approvalMotivation, filledProposal, mohamed } from '../helpers/invitation-flow';
import { cardsSentTo, waitForCardTo } from '../helpers/sent-cards';

type Card = Record<string, unknown>;
const anouk = '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a03'; // procesregisseur of the ZVH
const motivation = approvalMotivation;
const filled = filledProposal;

/** The labels of every input on a card, by input id. */
function inputLabels(card: Card): Record<string, string> {
  const labels: Record<string, string> = {};
  walk(card, (node) => {
    if (typeof node.type === 'string' && node.type.startsWith('Input.'))
      labels[String(node.id)] = String(node.label);
  });
  return labels;
}

describe('bot over HTTP: proposing an incidentele deelnemer and the table deciding (art. 2.21 BGS)', function () {
  this.timeout(60_000);
  let bot: BotProcess;
  let fatima: Conversation;
  let jeroen: Conversation;
  let weegtafel: Conversation;
  let number: string;

  before(async () => {
    bot = await startBotProcess();
    fatima = talkAs(bot, demoUsers.fatima);
    jeroen = talkAs(bot, demoUsers.jeroen);
    weegtafel = talkAs(bot, mohamed);
    for (const who of [fatima, jeroen, weegtafel]) await who.say('help');
    number = await submitCasus(fatima);
    await press(jeroen, await jeroen.say(`casus ${number}`), 'accepteren');
  });
  after(async () => {
    await bot.stop();
  });

  const stored = (): Promise<Casus> => storedByNumber(bot, number);
  /** What a refused press must leave alone. */
  const essence = (casus: Casus) => ({
    revision: casus.revision,
    state: casus.state,
    audit: casus.audit,
    invitations: casus.invitations,
  });
  async function unchangedBy(turn: () => Promise<Card>): Promise<Card> {
    const before = essence(await stored());
    const card = await turn();
    assert.deepEqual(essence(await stored()), before, 'the refusal changed the casus');
    return card;
  }

  const sentTo = (aadObjectId: string, from: number) =>
    cardsSentTo(bot.connector, aadObjectId, from).map(cardText);
  const waitForSent = (aadObjectId: string, from: number, pattern: RegExp) =>
    waitForCardTo(bot.connector, aadObjectId, from, pattern);

  const openForm = async (as: Conversation): Promise<Card> => {
    const card = await as.say(`casus ${number}`);
    return as.execute('invitation.form', actionData(card, 'invitation.form'));
  };
  const submit = (as: Conversation, form: Card, values: Record<string, string>) =>
    as.execute('invitation.propose', { ...actionData(form, 'invitation.propose'), ...values });

  it('offers "Partij uitnodigen" to the table, not to the worker, and a form with every field labelled', async () => {
    assert.ok(!hasAction(await fatima.say(`casus ${number}`), 'invitation.form'));
    const form = await openForm(jeroen);
    const text = cardText(form);
    assert.match(
      text,
      new RegExp(`Partij uitnodigen[\\s\\S]*Casus ${number} · Lokale Kamer Rotterdam`),
    );
    assert.deepEqual(Object.keys(inputLabels(form)).sort(), Object.keys(filled()).sort());
    for (const [id, label] of Object.entries(inputLabels(form))) assert.ok(label.length > 3, id);
    // The party the worker named in the intake (criterion 4) is offered.
    assert.match(text, /Genoemd bij de aanmelding[\s\S]*Woonstichting Maasstad/);
    assert.match(text, /Woningcorporatie[\s\S]*Anders/);
    assert.match(text, /Opstellen van het plan van aanpak/);
    assert.match(text, /Geheimhoudingsplicht van artikel 7\.3\.11 Jeugdwet/);
  });

  describe('refusals change nothing and keep what was typed', () => {
    it('a missing condition names art. 2.21 lid 1 BGS and the field', async () => {
      const form = await openForm(jeroen);
      const card = await unchangedBy(() =>
        submit(jeroen, form, filled({ expertiseMotivering: 'Nodig.' })),
      );
      const text = cardText(card);
      assert.match(text, /Niet voldaan aan art\. 2\.21 lid 1 BGS: vermeld de deskundigheid/);
      assert.match(text, /Controleer deze velden:[\s\S]*Motivering van de deskundigheid/);
      assert.equal(inputValue(card, 'contactNaam'), 'Rob de Boer', 'typed values kept');
      assert.equal(inputValue(card, 'expertiseMotivering'), 'Nodig.');
    });

    it('a vaste deelnemer "is al deelnemer"', async () => {
      const form = await openForm(jeroen);
      const card = await unchangedBy(() =>
        submit(jeroen, form, filled({ organisatieNaam: 'GGZ Maasoever', categorie: 'zorg' })),
      );
      assert.match(cardText(card), /GGZ Maasoever is al deelnemer[\s\S]*art\. 2\.21 BGS/);
    });

    it('a casusoverleg in the past', async () => {
      const form = await openForm(jeroen);
      const card = await unchangedBy(() =>
        submit(
          jeroen,
          form,
          filled({
            organisatieKeuze: '',
            organisatieNaam: 'Basisschool De Regenboog',
            categorie: 'onderwijs',
            casusoverleg: '2020-01-06',
          }),
        ),
      );
      assert.match(cardText(card), /ligt in het verleden/);
    });

    it('a proposer who is not of the table: the worker, and the ZVH that cannot see the casus', async () => {
      const form = await openForm(jeroen);
      const data = { ...actionData(form, 'invitation.propose'), ...filled() };
      const worker = await unchangedBy(() => fatima.execute('invitation.propose', data));
      assert.match(
        cardText(worker),
        /Alleen een deelnemer van de Lokale Kamer[\s\S]*art\. 2\.21 lid 1 BGS/,
      );
      const zvh = await unchangedBy(() => talkAs(bot, anouk).execute('invitation.propose', data));
      assert.match(cardText(zvh), /Casus niet gevonden/);
    });

    it('a forged or stale revision: "De casus is intussen gewijzigd"', async () => {
      const form = await openForm(jeroen);
      const data = actionData(form, 'invitation.propose');
      const card = await unchangedBy(() =>
        jeroen.execute('invitation.propose', {
          ...data,
          ...filled(),
          revision: Number(data.revision) - 1,
        }),
      );
      assert.match(cardText(card), /De casus is intussen gewijzigd/);
      assert.equal(inputValue(card, 'contactNaam'), 'Rob de Boer');
    });
  });

  it('a procesregisseur proposes the woningcorporatie: one casus read, one write; the weegtafel is told', async () => {
    const form = await openForm(jeroen);
    const mark = bot.connector.sent.length;
    // Casus requests after the turn's write wait until it answered: any the turn needed would
    // make it answer late; the outbox delivery's stay out of its count.
    let release = () => {};
    bot.proxy.afterForwarding(isDocumentWrite('casussen', 'PUT'), () => {
      release = bot.proxy.hold((request) => toCasussen([request]).length > 0);
    });
    const { card, requests } = await measuredTurn(bot.proxy, () => submit(jeroen, form, filled()));
    release();
    const casusRequests = toCasussen(requests).map((r) => r.method);
    assert.deepEqual(casusRequests, ['GET', 'PUT'], JSON.stringify(toCasussen(requests)));

    const text = cardText(card);
    assert.match(text, /Voorstel vastgelegd: Woonstichting Maasstad is voorgesteld/);
    assert.match(
      text,
      /Incidentele deelnemers[\s\S]*Woonstichting Maasstad · Woningcorporatie[\s\S]*Voorgesteld/,
    );
    assert.match(text, /door Jeroen de Vries \(procesregisseur, Lokale Kamer Rotterdam\)/);
    assert.ok(
      !buttonsOf(card).some((b) => b.verb === 'invitation.decide'),
      'not on his own proposal',
    );

    const casus = await stored();
    const invitation = casus.invitations[0];
    assert.equal(casus.invitations.length, 1);
    assert.equal(invitation?.state, 'voorgesteld');
    assert.equal(invitation?.proposal.organisatie.naam, 'Woonstichting Maasstad');
    const line = casus.audit.at(-1);
    assert.equal(line?.action, 'uitnodiging-voorgesteld');
    assert.equal(line?.invitationId, invitation?.id);
    assert.equal(line?.legalBasis, 'art. 2.21 lid 1 BGS');
    assert.equal(verifyAuditChain(casus).kind, 'intact');

    await waitForSent(
      mohamed,
      mark,
      new RegExp(
        `Casus ${number}[\\s\\S]*Partij voorgesteld als incidentele deelnemer[\\s\\S]*Beslis over het voorstel om Woonstichting Maasstad uit te nodigen`,
      ),
    );
    assert.ok(
      !sentTo(demoUsers.fatima, mark).some((t) => /Partij voorgesteld/.test(t)),
      'the worker is not told',
    );
    assert.ok(
      !sentTo(mohamed, mark).some((t) => /Rob de Boer|maasstad\.example/.test(t)),
      'no contact details in the notification',
    );
  });

  it('a second live invitation for the same organisation is refused', async () => {
    const form = await openForm(jeroen);
    const card = await unchangedBy(() =>
      submit(
        jeroen,
        form,
        filled({ organisatieKeuze: '', organisatieNaam: 'woonstichting  maasstad' }),
      ),
    );
    assert.match(
      cardText(card),
      /Voor Woonstichting Maasstad loopt al een uitnodiging bij deze casus/,
    );
  });

  it('the proposer may not approve his own proposal, even by a forged press', async () => {
    const { invitations, id, revision } = await stored();
    const invitationId = invitations[0]!.id;
    const card = await unchangedBy(() =>
      jeroen.execute('invitation.decide', {
        casusId: id,
        revision,
        invitationId,
        action: 'goedkeuren',
        [`invitationMotivation-${invitationId}`]: motivation,
      }),
    );
    assert.match(cardText(card), /Je kunt niet beslissen over je eigen voorstel/);
    const confirmed = await unchangedBy(() =>
      jeroen.execute('invitation.confirm', {
        casusId: id,
        revision,
        invitationId,
        action: 'goedkeuren',
        invitationMotivation: motivation,
      }),
    );
    assert.match(cardText(confirmed), /eigen voorstel/);
  });

  it('the weegtafellid approves in two presses: the first writes nothing, the second one write', async () => {
    const card = await weegtafel.say(`casus ${number}`);
    const approve = buttonsOf(card).find((b) => b.title === 'Goedkeuren…');
    assert.ok(approve, 'Goedkeuren on the other decider’s card');
    assert.ok(buttonsOf(card).some((b) => b.title === 'Afwijzen…'));
    const invitationId = String(approve.data.invitationId);
    const field = `invitationMotivation-${invitationId}`;

    const stale = await unchangedBy(() =>
      weegtafel.execute('invitation.decide', {
        ...approve.data,
        revision: Number(approve.data.revision) - 1,
        [field]: motivation,
      }),
    );
    assert.match(cardText(stale), /De casus is intussen gewijzigd/);
    assert.equal(inputValue(stale, field), motivation, 'the motivation kept');

    const confirm = await unchangedBy(() =>
      weegtafel.execute('invitation.decide', { ...approve.data, [field]: motivation }),
    );
    assert.match(
      cardText(confirm),
      /Bevestig je besluit over de uitnodiging[\s\S]*Woonstichting Maasstad wordt uitgenodigd/,
    );
    assert.equal(inputValue(confirm, 'invitationMotivation'), motivation);

    const mark = bot.connector.sent.length;
    const decided = await weegtafel.execute('invitation.confirm', {
      ...actionData(confirm, 'invitation.confirm'),
      invitationMotivation: motivation,
    });
    assert.match(
      cardText(decided),
      /Besluit vastgelegd: Uitnodiging goedgekeurd \(Woonstichting Maasstad\)/,
    );
    assert.match(cardText(decided), /Goedgekeurd, wacht op ondertekening/);
    assert.match(
      cardText(decided),
      /Goedgekeurd: \s*door Mohamed Yilmaz \(lid van de weegtafel, Lokale Kamer Rotterdam\)/,
    );
    assert.ok(buttonsOf(decided).some((b) => b.title === 'Deelname beëindigen…'));

    const casus = await stored();
    assert.equal(casus.invitations[0]?.state, 'goedgekeurd');
    assert.deepEqual(casus.invitations[0]?.declaration, { variant: 'niet-gebonden', version: 1 });
    const line = casus.audit.at(-1);
    assert.deepEqual(
      [line?.action, line?.actor.id, line?.invitationId, line?.motivation],
      ['uitnodiging-goedgekeurd', mohamed, invitationId, motivation],
    );
    assert.equal(line?.onBehalfOf, 'de overheidsdeelnemers (art. 2.27 WGS)');
    assert.equal(casus.audit.filter((l) => l.action === 'uitnodiging-goedgekeurd').length, 1);
    assert.equal(verifyAuditChain(casus).kind, 'intact');
    await waitForSent(demoUsers.jeroen, mark, /Uitnodiging goedgekeurd[\s\S]*door Mohamed Yilmaz/);
    // The invitee has no Teams account here: the proposer gets the link to send on.
    const link = await waitForSent(demoUsers.jeroen, mark, /Ondertekenlink voor casus/);
    assert.match(String(inputValue(link, 'link')), /\/ondertekenen\?token=/);

    // The confirmation pressed again on the old card: the casus moved on, nothing is decided twice.
    const again = await weegtafel.execute('invitation.confirm', {
      ...actionData(confirm, 'invitation.confirm'),
      invitationMotivation: motivation,
    });
    assert.match(cardText(again), /De casus is intussen gewijzigd/);
    assert.equal((await stored()).audit.length, casus.audit.length);
  });

  it('a casus that is not in behandeling: refused, nothing written', async () => {
    const other = await submitCasus(fatima);
    const card = await jeroen.say(`casus ${other}`);
    assert.ok(!hasAction(card, 'invitation.form'));
    const { casusId, revision } = actionData(card, 'casus.decide');
    const read = async () =>
      casusSchema.parse(
        (await bot.store().casussen.item(String(casusId), String(casusId)).read()).resource,
      );
    const before = await read();
    const refused = await jeroen.execute('invitation.propose', { casusId, revision, ...filled() });
    assert.match(
      cardText(refused),
      /alleen bij een casus die in behandeling is[\s\S]*art\. 2\.31 lid 9 WGS/,
    );
    const after = await read();
    assert.deepEqual(essence(after), essence(before));
    assert.deepEqual(after.invitations, []);
  });
});
