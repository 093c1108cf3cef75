import assert from 'node:assert/strict';
import { demoUsers } from '../helpers/activities';
import { linkChannel } from '../helpers/channel-mention';
import { cardProblems } from '../helpers/adaptive-card-check';
import { startBotHarness, talkAs, type BotHarness } from '../helpers/bot-harness';
import { press } from '../helpers/decision-press';
import { cardOf, cardText, type SentActivity } from '../helpers/fake-connector';
import { submitCasus } from '../helpers/intake-flow';

const anouk = '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a03'; // procesregisseur of the ZVH
const lkChannel = '19:lk-rotterdam-casussen@thread.tacv2';
const zvhChannel = '19:zvh-casussen@thread.tacv2';
const team = '19:team-rotterdam@thread.tacv2';

describe('bot over HTTP: one thread per casus in each linked channel', function () {
  this.timeout(120_000);
  let bot: BotHarness;
  before(async () => {
    // Sweeps every 500 ms: what a failed post left is tried again soon.
    bot = await startBotHarness({ OUTBOX_SWEEP_INTERVAL_MS: '500' });
    await link('ROT', demoUsers.jeroen, lkChannel);
    await link('ZVHRR', anouk, zvhChannel);
  });
  after(async () => {
    await bot.stop();
  });

  const link = (kamer: string, who: string, channelId: string) =>
    linkChannel(bot, kamer, who, { id: channelId, teamId: team });

  async function waitFor<T>(what: string, find: () => T | undefined, timeoutMs = 15_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = find();
      if (found !== undefined) return found;
      if (Date.now() > deadline) throw new Error(`Waited in vain for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** The root post of the casus's thread in a channel, once the bot started it. */
  const rootIn = (channelId: string, number: string) =>
    waitFor(`a thread for ${number} in ${channelId}`, () => {
      const started = bot.connector.threadsStarted.find(
        ({ channelId: id, root }) => id === channelId && cardText(cardOf(root)).includes(number),
      );
      return started && { rootId: started.rootId, card: cardOf(started.root) };
    });

  const thread = (channelId: string, rootId: string) => `${channelId};messageid=${rootId}`;
  const repliesIn = (conversationId: string): SentActivity[] =>
    bot.connector.sent.filter((sent) => sent.conversationId === conversationId);
  const replyTexts = (conversationId: string) =>
    repliesIn(conversationId).map((sent) => cardText(cardOf(sent)));
  /** The root card as it shows now: the last update in place, else as posted. */
  const rootNow = (channelId: string, rootId: string, posted: Record<string, unknown>) => {
    const updates = bot.connector.updated.filter(
      (update) => update.replyToId === rootId && update.conversationId.startsWith(channelId),
    );
    const last = updates.at(-1);
    return last ? cardOf(last) : posted;
  };

  it('aanmelding: a thread with a root card of number, status, kamer, urgency and termijn; nothing personal', async () => {
    const number = await submitCasus(talkAs(bot, demoUsers.fatima));
    const { card } = await rootIn(lkChannel, number);
    assert.deepEqual(cardProblems(card), []);
    const text = cardText(card);
    assert.match(text, new RegExp(`Casus ${number}`));
    assert.match(text, /Status\nAangemeld/);
    assert.match(text, /Kamer\nLokale Kamer Rotterdam/);
    assert.match(text, /Urgentie\nHoog/);
    assert.match(
      text,
      /Laatste stap\nAangemeld, door wijkteammedewerker van Wijkteam Rotterdam-Noord/,
    );
    assert.match(text, /Termijn\nUiterlijk \d{1,2} [a-z]+ \d{4}/);
    assert.doesNotMatch(text, /Jan Jansen|1988|111222333|Fatima|schulden|overlast/);
    assert.ok(JSON.stringify(card).includes('"verb":"kanaal.open"'), 'Open in mijn chat');
    assert.ok(!bot.connector.sent.some((sent) => sent.conversationId === zvhChannel));
  });

  it('a decision replies in the thread and updates the root card in place', async () => {
    const number = await submitCasus(talkAs(bot, demoUsers.fatima));
    const { rootId, card: posted } = await rootIn(lkChannel, number);
    const jeroen = talkAs(bot, demoUsers.jeroen);
    await press(jeroen, await jeroen.say(`casus ${number}`), 'accepteren');
    const lkThread = thread(lkChannel, rootId);
    const [reply] = await waitFor('the reply', () => {
      const sent = repliesIn(lkThread);
      return sent.length > 0 ? sent : undefined;
    });
    const text = cardText(cardOf(reply));
    assert.match(text, new RegExp(`${number}: Geaccepteerd door de Lokale Kamer`));
    assert.match(text, /Door procesregisseur van Gemeente Rotterdam, \d{1,2} [a-z]+ \d{4} om/);
    assert.doesNotMatch(text, /Jeroen|casusoverleg/, 'no names, no motivation');
    assert.match(
      JSON.stringify(cardOf(reply)),
      /"id":"kanaal-[0-9a-f-]{36}"/,
      'the entry’s stable id',
    );
    const root = await waitFor('the root updated', () => {
      const now = cardText(rootNow(lkChannel, rootId, posted));
      return now.includes('In behandeling bij de Lokale Kamer') ? now : undefined;
    });
    assert.match(
      root,
      /Laatste stap\nGeaccepteerd door de Lokale Kamer, door procesregisseur van Gemeente Rotterdam/,
    );
    assert.doesNotMatch(root, /Termijn/, 'no termijn while in behandeling');
  });

  it('escalation starts a ZVH thread referring to the local one; afschaling posts in both, closing only locally', async () => {
    const number = await submitCasus(talkAs(bot, demoUsers.fatima));
    const { rootId } = await rootIn(lkChannel, number);
    const lkThread = thread(lkChannel, rootId);
    const jeroen = talkAs(bot, demoUsers.jeroen);
    const zvh = talkAs(bot, anouk);
    const open = (as: typeof jeroen) => as.say(`casus ${number}`);
    await press(jeroen, await open(jeroen), 'accepteren');
    await press(jeroen, await open(jeroen), 'opschalen');
    const zvhRoot = await rootIn(zvhChannel, number);
    const zvhText = cardText(zvhRoot.card);
    assert.match(zvhText, /Opgeschaald vanuit Lokale Kamer Rotterdam/);
    assert.match(zvhText, /Kamer\nZorg- en Veiligheidshuis Rotterdam-Rijnmond/);
    assert.match(zvhText, /Termijn\nUiterlijk/);
    const zvhThread = thread(zvhChannel, zvhRoot.rootId);
    await waitFor('the escalation in the local thread', () =>
      replyTexts(lkThread).find((text) =>
        text.includes('Opschaling naar het Zorg- en Veiligheidshuis aangevraagd'),
      ),
    );
    await press(zvh, await open(zvh), 'opschaling-accepteren');
    await press(zvh, await open(zvh), 'afschalen');
    for (const where of [lkThread, zvhThread]) {
      await waitFor(`afschaling in ${where}`, () =>
        replyTexts(where).find((text) => text.includes('Afgeschaald naar de Lokale Kamer')),
      );
    }
    assert.ok(replyTexts(zvhThread).some((text) => text.includes('Opschaling geaccepteerd')));
    await press(jeroen, await open(jeroen), 'afsluiten');
    await waitFor('the closing reply', () =>
      replyTexts(lkThread).find((text) => text.includes(`${number}: Afgesloten`)),
    );
    await new Promise((resolve) => setTimeout(resolve, 600));
    assert.ok(
      !replyTexts(zvhThread).some((text) => text.includes('Afgesloten')),
      'the ZVH handed it back',
    );
    const threadsOf = (channelId: string) =>
      bot.connector.threadsStarted.filter(
        (t) => t.channelId === channelId && cardText(cardOf(t.root)).includes(number),
      );
    assert.deepEqual([threadsOf(lkChannel).length, threadsOf(zvhChannel).length], [1, 1]);
  });
});
