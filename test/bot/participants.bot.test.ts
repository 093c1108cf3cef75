import assert from 'node:assert/strict';
import { demoUsers } from '../helpers/activities';
import { walk } from '../helpers/adaptive-card-check';
import {
  startBotHarness,
  talkAs,
  type BotHarness,
  type Conversation,
} from '../helpers/bot-harness';
import { button } from '../helpers/card-buttons';
import { press } from '../helpers/decision-press';
import { cardOf, cardText } from '../helpers/fake-connector';
import { submitCasus } from '../helpers/intake-flow';
import { pdfText } from '../helpers/pdf-text';
import {
  inviteAndSign,
  inviteeObjectId,
  mohamedId,
  rememberChat,
  storedCasus,
  type SignedCasus,
} from '../helpers/signed-casus';

type Card = Record<string, unknown>;

/** The Action.OpenUrl targets on a card, by title. */
function openUrls(card: Card): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  walk(card, (node) => {
    if (node.type === 'Action.OpenUrl') (found[String(node.title)] ??= []).push(String(node.url));
  });
  return found;
}

async function get(url: string) {
  const response = await fetch(url, { redirect: 'manual' });
  return { response, body: Buffer.from(await response.arrayBuffer()) };
}

describe('bot over HTTP: Deelnemers en verklaringen, viewing links, Informatie delen', () => {
  let bot: BotHarness;
  let fatima: Conversation;
  let jeroen: Conversation;
  let mohamed: Conversation;
  let signed: SignedCasus;
  let number: string;
  before(async () => {
    // The directory is changed behind the bot's back below: its cache must not outlast a wait.
    bot = await startBotHarness({ CONVERSATION_CACHE_MS: '200' });
    fatima = talkAs(bot, demoUsers.fatima);
    jeroen = talkAs(bot, demoUsers.jeroen);
    mohamed = talkAs(bot, mohamedId);
    number = await submitCasus(fatima);
    await press(jeroen, await jeroen.say(`casus ${number}`), 'accepteren');
    signed = await inviteAndSign(bot, number);
  });
  after(async () => {
    await bot.stop();
  });

  const participantsOf = (who: Conversation) =>
    who.execute('invitation.participants', { casusId: signed.casus.id });

  it('lists the participant with state, declaration and signing date, and fresh links per press', async () => {
    const card = await participantsOf(jeroen);
    const text = cardText(card);
    assert.match(text, new RegExp(`Casus ${number}`));
    assert.match(text, /Woonstichting Maasstad[\s\S]*Rob de Boer/);
    assert.match(text, /Ondertekend: deelnemer voor deze casus/);
    assert.match(
      text,
      /niet gebonden aan een bijzondere geheimhoudingsplicht \(art\. 1\.11 WGS\), versie 1/,
    );
    assert.match(text, /Ondertekend: [\s\S]*\d{4} om \d{1,2}:\d{2}/);
    const urls = openUrls(card);
    assert.equal(urls['Verklaring bekijken']?.length, 1);
    assert.match(urls['Verklaring bekijken'][0]!, new RegExp(`^${bot.url}/verklaring/[\\w.-]+$`));
    assert.equal(urls['Bewijsrapport (PDF)']![0], `${urls['Verklaring bekijken'][0]}/rapport.pdf`);
    assert.ok(button(card, 'Informatie delen…'));
    const again = openUrls(await participantsOf(jeroen));
    assert.notEqual(
      again['Verklaring bekijken']![0],
      urls['Verklaring bekijken'][0],
      'a token per press',
    );
  });

  it('serves the declaration page: the exact text, the signature drawn from its points, every field, no stored markup', async () => {
    const view = openUrls(await participantsOf(jeroen))['Verklaring bekijken']![0]!;
    const { response, body } = await get(view);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    const csp = response.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.doesNotMatch(csp, /script-src|unsafe-inline/);
    assert.match(csp, /frame-ancestors 'none'/);
    const html = body.toString('utf8');
    const { record } = signed.declaration;
    for (const expected of [
      number,
      'Rob de Boer',
      record.textSha256,
      signed.declaration.recordSha256,
      signed.declaration.jws,
      'pairwise-subject-of-rob',
      'Mozilla/5.0 (TestBrowser) &lt;script&gt;ua&lt;/script&gt;',
      '<path d="M20 80 L60 30 L100 90 L140 40"/>',
      `npm run casus:verify -- ${number}`,
    ]) {
      assert.ok(html.includes(expected), `the page holds ${expected.slice(0, 50)}`);
    }
    assert.doesNotMatch(html, /<script|svg-script/, 'the stored SVG is never put in the page');
    assert.doesNotMatch(html, /KOMT NIET OVEREEN|NIET GEVONDEN/);
    // Nothing of the betrokkene: the intake's name is not on the page.
    const casus = await storedCasus(bot, signed.casus.id);
    const betrokkene = JSON.stringify(casus.submission?.intake).match(/"naam":"([^"]+)"/)?.[1];
    assert.ok(betrokkene);
    assert.ok(!html.includes(betrokkene), 'no betrokkene data');
  });

  it('serves the evidence report as a PDF that holds the fields and hashes', async () => {
    const report = openUrls(await participantsOf(mohamed))['Bewijsrapport (PDF)']![0]!;
    const { response, body } = await get(report);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/pdf');
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.match(
      response.headers.get('content-disposition') ?? '',
      /inline; filename="bewijsrapport-LK-ROT-/,
    );
    const text = pdfText(body).text.replace(/\n/g, '');
    for (const expected of [
      number,
      signed.declaration.recordSha256,
      signed.declaration.record.textSha256,
      'Rob de Boer',
    ]) {
      assert.ok(text.includes(expected), `the PDF holds ${expected}`);
    }
  });

  it('refuses a tampered or foreign link with a clear Dutch page that names nothing of the casus', async () => {
    const view = openUrls(await participantsOf(jeroen))['Verklaring bekijken']![0]!;
    for (const bad of [
      `${view.slice(0, -3)}abc`,
      `${bot.url}/verklaring/eyJhbGciOiJub25lIn0.e30.`,
    ]) {
      for (const url of [bad, `${bad}/rapport.pdf`]) {
        const { response, body } = await get(url);
        assert.equal(response.status, 404, url);
        assert.equal(response.headers.get('cache-control'), 'no-store');
        const html = body.toString('utf8');
        assert.match(html, /Deze link is ongeldig/);
        assert.ok(!html.includes(number));
      }
    }
  });

  it('does not offer Informatie delen to the indiener, and refuses her forged share', async () => {
    const card = await participantsOf(fatima);
    assert.throws(() => button(card, 'Informatie delen…'));
    const before = await storedCasus(bot, signed.casus.id);
    const refused = cardText(
      await fatima.execute('invitation.share.confirm', {
        casusId: signed.casus.id,
        invitationId: signed.invitationId,
        purpose: 'Een doel dat lang genoeg is om te passen.',
        text: 'Iets.',
      }),
    );
    assert.match(refused, /Alleen een deelnemer van de tafel/);
    assert.equal((await storedCasus(bot, signed.casus.id)).revision, before.revision);
  });

  it('shares after a confirmation, records it, and delivers it literally to the participant in Teams', async () => {
    await rememberChat(bot, inviteeObjectId);
    const form = await jeroen.execute('invitation.share.form', {
      casusId: signed.casus.id,
      invitationId: signed.invitationId,
    });
    assert.match(cardText(form), /Doel: waarvoor heeft de partij dit nodig\?[\s\S]*Wat je deelt/);
    const before = await storedCasus(bot, signed.casus.id);
    const empty = await jeroen.execute('invitation.share', {
      ...button(form, 'Controleren…').data,
      purpose: '',
      text: '',
    });
    assert.match(
      cardText(empty),
      /Schrijf op welke informatie je deelt\.[\s\S]*Er is niets gedeeld/,
    );
    const text = 'Huurachterstand sinds augustus. **LET OP** [Klik hier](https://evil.invalid/x)';
    const purpose = 'Afspraken voorbereiden voor het casusoverleg van 10 december.';
    const confirm = await jeroen.execute('invitation.share', {
      ...button(form, 'Controleren…').data,
      purpose,
      text,
    });
    assert.match(
      cardText(confirm),
      /Weet je het zeker\? Rob de Boer krijgt dit als bericht in Teams[\s\S]*niet ongedaan/,
    );
    assert.equal(
      (await storedCasus(bot, signed.casus.id)).revision,
      before.revision,
      'nothing written before the confirmation',
    );

    const mark = bot.connector.sent.length;
    const done = await jeroen.execute(
      'invitation.share.confirm',
      button(confirm, 'Ja, delen').data,
    );
    assert.match(cardText(done), /Gedeeld met Rob de Boer/);
    const after = await storedCasus(bot, signed.casus.id);
    assert.equal(after.revision, before.revision + 1);
    const line = after.audit.at(-1)!;
    assert.equal(line.action, 'informatie-gedeeld');
    assert.equal(line.invitationId, signed.invitationId);
    assert.equal(line.motivation, `Doel: ${purpose}`);
    const share = after.invitations[0]!.shares?.[0];
    assert.deepEqual([share?.text, share?.purpose, share?.delivery], [text, purpose, 'teams']);

    let delivered: Card | undefined;
    for (let i = 0; i < 50 && !delivered; i++) {
      const sent = bot.connector.sent
        .slice(mark)
        .find((s) => s.conversationId === `a:${inviteeObjectId}`);
      if (sent) delivered = cardOf(sent);
      else await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.ok(delivered, 'the share card reached the participant');
    const shown = cardText(delivered);
    assert.match(shown, new RegExp(`Informatie voor casus ${number}`));
    assert.match(shown, /Jeroen de Vries, Gemeente Rotterdam/);
    // Literal: the typed markdown is in a TextRun, never in a TextBlock.
    const runs: string[] = [];
    walk(delivered, (node) => {
      if (node.type === 'TextRun') runs.push(String(node.text));
      if (node.type === 'TextBlock') assert.ok(!String(node.text).includes('Klik hier'));
    });
    assert.ok(runs.includes(text));
    assert.doesNotMatch(
      JSON.stringify(delivered),
      /Action\./,
      'no buttons: no access to the casus',
    );
    // Nothing else about the casus went to them.
    assert.equal(
      bot.connector.sent.slice(mark).filter((s) => s.conversationId === `a:${inviteeObjectId}`)
        .length,
      1,
    );
  });

  it('records a share for a participant without a known chat and tells the sharer to send it otherwise', async () => {
    // The participant is no longer reachable: the directory forgets their chat.
    await bot.store().conversations.item(inviteeObjectId, inviteeObjectId).delete();
    await new Promise((resolve) => setTimeout(resolve, 250)); // past CONVERSATION_CACHE_MS
    const form = await mohamed.execute('invitation.share.form', {
      casusId: signed.casus.id,
      invitationId: signed.invitationId,
    });
    const confirm = await mohamed.execute('invitation.share', {
      ...button(form, 'Controleren…').data,
      purpose: 'Informatie voor de evaluatie van het plan van aanpak.',
      text: 'De politie heeft geen nieuwe meldingen.',
    });
    assert.match(
      cardText(confirm),
      /niet bereikbaar in Teams[\s\S]*zelf op een andere veilige manier/,
    );
    const done = await mohamed.execute(
      'invitation.share.confirm',
      button(confirm, 'Ja, delen').data,
    );
    assert.match(cardText(done), /Vastgelegd, maar niet bezorgd/);
    const after = await storedCasus(bot, signed.casus.id);
    assert.equal(after.invitations[0]!.shares?.at(-1)?.delivery, 'buiten-teams');
    assert.equal(after.audit.at(-1)!.action, 'informatie-gedeeld');
    assert.ok(!after.outbox.some((e) => e.kind === 'informatie-gedeeld' && !e.sentAt));
  });

  it('ends participation on close: links stop working, nothing can be shared, the card says so', async () => {
    const view = openUrls(await participantsOf(jeroen))['Verklaring bekijken']![0]!;
    assert.equal((await get(view)).response.status, 200);
    await press(jeroen, await jeroen.say(`casus ${number}`), 'afsluiten');
    const closed = await storedCasus(bot, signed.casus.id);
    assert.equal(closed.state, 'afgesloten');
    assert.equal(closed.invitations[0]!.state, 'beeindigd');
    for (const url of [view, `${view}/rapport.pdf`]) {
      const { response, body } = await get(url);
      assert.equal(response.status, 410);
      assert.match(body.toString('utf8'), /De casus is afgesloten/);
    }
    const card = await participantsOf(jeroen);
    assert.match(cardText(card), /De casus is afgesloten/);
    assert.deepEqual(openUrls(card), {});
    assert.throws(() => button(card, 'Informatie delen…'));
    const refused = await jeroen.execute('invitation.share.confirm', {
      casusId: signed.casus.id,
      invitationId: signed.invitationId,
      purpose: 'Een doel dat lang genoeg is om te passen.',
      text: 'Iets.',
    });
    assert.match(cardText(refused), /nog deelneemt/);
    assert.equal((await storedCasus(bot, signed.casus.id)).revision, closed.revision);
  });
});
