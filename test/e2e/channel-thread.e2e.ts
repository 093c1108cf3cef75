import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import {
  channelPosts,
  cardsIn,
  mentionInNewPost,
  openChannel,
  threadsWith,
} from '../helpers/channel-ui';
import {
  cardsOf,
  cardWith,
  openCasusFrom,
  openPersonalChat,
  pressInPlace,
  reads,
  submitByIntake,
} from '../helpers/chat-ui';
import { useE2eApp } from '../helpers/e2e-app';
import { validStepValues } from '../helpers/intake-values';
import { usePlayground } from '../helpers/playground';
import { screenshots } from '../helpers/teams-client';

const fatima = '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a01'; // wijkteammedewerker, submits the casus
const jeroen = '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a02'; // procesregisseur, Lokale Kamer Rotterdam

/** A name found nowhere else in the demo data, so that its absence from the channel means something. */
const naam = 'Ilse Kortekaas-Verbrugge';
const motivation = 'Voldoet aan de criteria; besproken in de weegtafel van dinsdag.';

describe('in the Teams-like client (headless Chromium): a casus thread in the kamer channel', () => {
  const e2e = useE2eApp('channel-thread');
  // One client per user: the client has no user switcher. The channel lives in Jeroen's client,
  // where he links it, so the bot's threads arrive there.
  const clients = {
    fatima: usePlayground('e2e-client-fatima', e2e.botUrl, fatima),
    jeroen: usePlayground('e2e-client-jeroen', e2e.botUrl, jeroen),
  };
  afterEach(async function () {
    if (this.currentTest?.state !== 'failed') return;
    for (const [i, browser] of e2e.browsers.entries()) {
      const name = `${screenshots}/channel-thread-failed-page-${i + 1}`;
      await browser.page.screenshot({ path: `${name}.png` }).catch(() => undefined);
    }
    writeFileSync(
      `${screenshots}/channel-thread-failed-bot-log.json`,
      JSON.stringify(e2e.app().logs, null, 2),
    );
  });

  it('links the channel, starts a thread with its root card on submit, and on a decision updates the root and replies', async () => {
    /** A browser of its own, tall enough that whole threads fit on screen for their screenshots. */
    const page = async (): Promise<Page> => {
      const browser = await e2e.browser();
      await browser.page.setViewportSize({ width: 1280, height: 1600 });
      return browser.page;
    };
    let shot = 0;
    const snap = async (what: Locator, name: string) => {
      shot += 1;
      await what.screenshot({
        path: `${screenshots}/channel-thread-${String(shot).padStart(2, '0')}-${name}.png`,
      });
    };

    // Jeroen links the channel by typing the mention in it. The client shows only what arrives
    // while a conversation is open, so this page stays on the channel to the end.
    const channel = await page();
    await channel.goto(clients.jeroen.url);
    await openChannel(channel);
    const linking = await mentionInNewPost(channel, 'koppel ROT');
    await linking.getByText('Kanaal gekoppeld', { exact: true }).waitFor({ timeout: 20_000 });
    await linking
      .getByText('heeft dit kanaal gekoppeld aan Lokale Kamer Rotterdam', { exact: false })
      .waitFor();
    await snap(linking, 'gekoppeld');

    // Jeroen in his personal chat (a second page on his client), and Fatima in hers.
    const jeroenChat = await page();
    await openPersonalChat(jeroenChat, clients.jeroen.url, 'Jeroen de Vries');
    const fatimaChat = await page();
    await openPersonalChat(fatimaChat, clients.fatima.url, 'Fatima El Amrani');

    // Fatima submits a casus by clicking and typing: the channel gets a thread with its root card.
    const { number } = await submitByIntake(fatimaChat, naam);
    const thread = threadsWith(channel, `Casus ${number}`);
    await thread.waitFor({ timeout: 20_000 });
    const root = cardsIn(thread).first();
    await root.getByText(`Casus ${number}`, { exact: true }).waitFor();
    for (const [label, value] of [
      ['Status', 'Aangemeld'],
      ['Kamer', 'Lokale Kamer Rotterdam'],
      ['Urgentie', 'Hoog'],
    ] as const)
      assert.match(await root.innerText(), new RegExp(`${label}\\s+${value}\\n`), label);
    assert.equal(await cardsIn(thread).count(), 1, 'the submission is on the root card, no reply');
    await snap(thread, 'aangemeld');

    // Jeroen hears of it in his personal chat, opens it and accepts it on the casus card.
    const told = await cardWith(jeroenChat, 'door Fatima El Amrani (wijkteammedewerker)');
    const casus = await openCasusFrom(told, number);
    await reads(casus, 'Aangemeld');
    await casus.getByRole('textbox', { name: 'Motivering van het besluit' }).fill(motivation);
    await pressInPlace(casus, 'Accepteren', 'In behandeling · Lokale Kamer Rotterdam');

    // The thread: the root card updated in place, and one reply that tells of the decision.
    const reply = cardsIn(thread).nth(1);
    await reply
      .getByText(`${number}: Geaccepteerd door de Lokale Kamer`, { exact: true })
      .waitFor({ timeout: 20_000 });
    await reply.getByText(/^Door procesregisseur van Gemeente Rotterdam, /).waitFor();
    await root.getByText('In behandeling bij de Lokale Kamer', { exact: true }).waitFor({
      timeout: 20_000,
    });
    const rootText = await root.innerText();
    assert.match(rootText, /Status\s+In behandeling bij de Lokale Kamer\n/);
    assert.match(
      rootText,
      /Laatste stap\s+Geaccepteerd door de Lokale Kamer, door procesregisseur van Gemeente Rotterdam, /,
    );
    assert.doesNotMatch(rootText, /Aangemeld/, 'the root shows the new status, not the old');
    assert.equal(await threadsWith(channel, `Casus ${number}`).count(), 1, 'one thread');
    assert.equal(await cardsIn(thread).count(), 2, 'the root card and one reply');
    await snap(thread, 'geaccepteerd');
    await channel.screenshot({ path: `${screenshots}/channel-thread-kanaal.png` });

    // "Open in mijn chat" on the root card: the casus card arrives in Jeroen's personal chat, the
    // channel's card stays as it was and only he is told, in a short message.
    const cardsBefore = await cardsOf(jeroenChat).count();
    await root.getByRole('button', { name: 'Open in mijn chat' }).click();
    await channel
      .getByText('De casus staat nu in je persoonlijke chat met casusbot.', { exact: false })
      .waitFor({ timeout: 20_000 });
    await cardsOf(jeroenChat).nth(cardsBefore).waitFor({ timeout: 20_000 });
    const opened = cardsOf(jeroenChat).last();
    await opened.getByText(naam, { exact: false }).first().waitFor();
    await reads(opened, 'In behandeling');
    assert.equal(await cardsIn(thread).count(), 2, 'nothing more in the channel');
    assert.match(await root.innerText(), /Status\s+In behandeling bij de Lokale Kamer\n/);
    await channel.screenshot({ path: `${screenshots}/channel-thread-open-in-mijn-chat.png` });

    // Everyone in the channel reads it: no betrokkene data and no motivation there.
    const shown = (await channelPosts(channel).allInnerTexts()).join('\n');
    assert.ok(shown.includes(`Casus ${number}`), 'the texts read are the channel posts');
    for (const secret of [
      naam,
      'Kortekaas',
      '1988', // the birth date
      validStepValues['criteria-1-2'].motivering1,
      validStepValues['criterium-3']['aanwijzing1-omschrijving'],
      motivation,
    ])
      assert.ok(!shown.includes(secret), `the channel shows no "${secret}"`);

    for (const browser of e2e.browsers) assert.deepEqual(browser.pageErrors, []);
    const problems = e2e.app().logs.filter((entry) => Number(entry.level) >= 40);
    assert.deepEqual(problems, [], 'the bot logged no warnings or errors');
  });
});
