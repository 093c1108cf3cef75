import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import {
  cardsOf,
  cardWith,
  openCasusFrom,
  openPersonalChat,
  pressInPlace as press,
  reads,
  submitByIntake,
} from '../helpers/chat-ui';
import { useE2eApp } from '../helpers/e2e-app';
import { usePlayground } from '../helpers/playground';
import { screenshots } from '../helpers/teams-client';

const fatima = '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a01'; // wijkteammedewerker, submits the casus
const jeroen = '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a02'; // procesregisseur, Lokale Kamer Rotterdam
const anouk = '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a03'; // procesregisseur, ZVH Rotterdam-Rijnmond

/** A name with a markdown link: the deciders must see it as typed, never as a link. */
const naam = '[Jan Jansen](https://evil.invalid/x)';

async function showsNameLiterally(card: Locator): Promise<void> {
  await card.getByText(naam, { exact: false }).first().waitFor();
  assert.equal(await card.locator('a').count(), 0, 'the typed link is no link on the card');
}

describe('in the Teams-like client (headless Chromium): decisions by two users and the ZVH', () => {
  // One bot, and one client per user: the client has no user switcher.
  const e2e = useE2eApp('decisions');
  const { botUrl } = e2e;
  const clients = {
    fatima: usePlayground('e2e-client-fatima', botUrl, fatima),
    jeroen: usePlayground('e2e-client-jeroen', botUrl, jeroen),
    anouk: usePlayground('e2e-client-anouk', botUrl, anouk),
  };
  afterEach(async function () {
    if (this.currentTest?.state !== 'failed') return;
    // What each user saw, and the bot's log, to tell a test problem from a bug in the bot.
    for (const [i, browser] of e2e.browsers.entries()) {
      const name = `${screenshots}/decisions-failed-client-${i + 1}`;
      await browser.page.screenshot({ path: `${name}.png` }).catch(() => undefined);
      const texts = await browser.page.locator('.ac-adaptiveCard').allInnerTexts();
      writeFileSync(`${name}.txt`, texts.join('\n\n======== next card ========\n\n'));
    }
    writeFileSync(
      `${screenshots}/decisions-failed-bot-log.json`,
      JSON.stringify(e2e.app().logs, null, 2),
    );
  });

  it('walks intake → accept → escalate → ZVH accept → confirmed close, and tells the worker of every decision', async () => {
    /** Opens a user's client in a browser of its own, in the personal chat with the bot. */
    const open = async (url: string, who: string): Promise<Page> => {
      const browser = await e2e.browser();
      // Tall enough that the longest card fits on screen, so card screenshots are whole.
      await browser.page.setViewportSize({ width: 1280, height: 2200 });
      await openPersonalChat(browser.page, url, who);
      return browser.page;
    };
    const pages = {
      fatima: await open(clients.fatima.url, 'Fatima El Amrani'),
      jeroen: await open(clients.jeroen.url, 'Jeroen de Vries'),
      anouk: await open(clients.anouk.url, 'Anouk Bakker'),
    };

    let shot = 0;
    const snap = async (card: Locator, name: string) => {
      shot += 1;
      await card.screenshot({
        path: `${screenshots}/decisions-${String(shot).padStart(2, '0')}-${name}.png`,
      });
    };
    /** Types a motivation in the named input and presses a decision button on a casus card. */
    const decide = async (
      card: Locator,
      motivation: string,
      button: string,
      next: string,
      input = 'Motivering van het besluit',
    ) => {
      assert.ok(motivation.length >= 30);
      await card.getByRole('textbox', { name: input }).fill(motivation);
      await press(card, button, next);
      await reads(card, next);
    };
    /** An irreversible decision: the first press asks, the second confirms. */
    const decideConfirmed = async (
      card: Locator,
      step: { motivation: string; input: string; button: string; confirm: string; next: string },
      name: string,
    ) => {
      await card.getByRole('textbox', { name: step.input }).fill(step.motivation);
      await press(card, step.button, 'Weet je het zeker?');
      await card.getByText(step.motivation).first().waitFor();
      await snap(card, name);
      await press(card, step.confirm, step.next);
      await reads(card, step.next);
    };
    /** The button titles on a card, in order. */
    const buttonsOn = (card: Locator) => card.getByRole('button').allInnerTexts();
    const openFrom = (told: Locator) => openCasusFrom(told, number);

    // Fatima (client A) completes an intake by clicking and typing.
    const submitted = await submitByIntake(pages.fatima, naam);
    await snap(submitted.card, 'fatima-aangemeld');
    const { number } = submitted;

    /** Waits for the card with this notice that the bot sent on its own, and screenshots it. */
    const notified = async (page: Page, notice: string, name: string): Promise<Locator> => {
      const card = await cardWith(page, notice);
      await card.getByText(`Casus ${number}`, { exact: true }).waitFor();
      await snap(card, name);
      return card;
    };

    // Jeroen (client B) hears of the new casus in a short card, and opens it from there.
    const toldJeroen = await notified(
      pages.jeroen,
      'door Fatima El Amrani (wijkteammedewerker)',
      'jeroen-melding-aangemeld',
    );
    assert.deepEqual(await buttonsOn(toldJeroen), ['Open casus']);
    assert.equal(await toldJeroen.getByText(naam).count(), 0, 'not the whole dossier');

    let card = await openFrom(toldJeroen);
    await reads(card, 'Aangemeld');
    await showsNameLiterally(card);
    await card.getByText('Beslis over de aanmelding', { exact: false }).waitFor();
    for (const button of ['Accepteren', 'Afwijzen…', 'Informatie vragen'])
      await card.getByRole('button', { name: button, exact: true }).waitFor();
    await snap(card, 'jeroen-aangemeld');
    await card.getByRole('button', { name: 'Toon toetsing', exact: true }).click();
    await card.getByText('Toets aan art. 2.20 BGS bij aanmelding').waitFor();
    await snap(card, 'jeroen-toetsing');

    // A motivation that is too short is stopped at the card itself, with the reason at the field.
    await card.getByRole('textbox', { name: 'Motivering van het besluit' }).fill('Akkoord.');
    await card.getByRole('button', { name: 'Accepteren', exact: true }).click();
    await card.getByText('Geef een motivering van minstens 30 tekens.').first().waitFor();
    await reads(card, 'Aangemeld');
    await snap(card, 'jeroen-motivering-te-kort');

    await decide(
      card,
      'Voldoet aan de criteria; besproken in de weegtafel van dinsdag.',
      'Accepteren',
      'In behandeling · Lokale Kamer Rotterdam',
    );
    await card.getByRole('button', { name: 'Toon verloop', exact: true }).click();
    await card
      .getByText(
        'Jeroen de Vries, Gemeente Rotterdam (procesregisseur, Lokale Kamer Rotterdam, namens',
        { exact: false },
      )
      .first()
      .waitFor();
    await card.getByRole('button', { name: 'Opschalen naar het ZVH…', exact: true }).waitFor();
    await card.getByRole('textbox', { name: 'Motivering voor afsluiten' }).waitFor();
    await snap(card, 'jeroen-geaccepteerd');
    // The card that told him follows the decision, in place, and stays short.
    await reads(toldJeroen, 'In behandeling · Lokale Kamer Rotterdam');
    const acceptedFatima = await notified(
      pages.fatima,
      'door Jeroen de Vries (procesregisseur, Lokale Kamer Rotterdam)',
      'fatima-melding-geaccepteerd',
    );
    await acceptedFatima.getByText('Geaccepteerd door de Lokale Kamer', { exact: true }).waitFor();
    const toldFatima = [acceptedFatima];

    await decideConfirmed(
      card,
      {
        motivation:
          'Een doorbraak is nodig: de woningcorporatie en de GGZ komen er samen niet uit.',
        input: 'Motivering voor opschalen: waarom is een doorbraak nodig?',
        button: 'Opschalen naar het ZVH…',
        confirm: 'Ja, opschalen naar het ZVH',
        next: 'Opschaling aangevraagd · Zorg- en Veiligheidshuis Rotterdam-Rijnmond',
      },
      'jeroen-bevestig-opschalen',
    );
    assert.deepEqual(
      await buttonsOn(card),
      ['Toon toetsing', 'Toon verloop'],
      'the Lokale Kamer waits for the ZVH, without decision buttons',
    );
    await snap(card, 'jeroen-opschaling-aangevraagd');
    await reads(toldJeroen, 'Opschaling aangevraagd');
    await snap(toldJeroen, 'jeroen-melding-bijgewerkt');
    const escalation = 'Opschaling naar het Zorg- en Veiligheidshuis aangevraagd';
    toldFatima.push(await notified(pages.fatima, escalation, 'fatima-melding-opschaling'));

    // Anouk (client C, the ZVH) hears of the escalation, opens the casus and accepts it.
    const toldAnouk = await notified(pages.anouk, escalation, 'anouk-melding-opschaling');
    await toldAnouk.getByText('Beslis of het Zorg- en Veiligheidshuis', { exact: false }).waitFor();
    card = await openFrom(toldAnouk);
    await reads(card, 'Opschaling aangevraagd');
    await card.getByRole('button', { name: 'Opschaling weigeren…', exact: true }).waitFor();
    await snap(card, 'anouk-opschaling-aangevraagd');
    await decide(
      card,
      'Doorbraak nodig en passend: het ZVH neemt de regie over met alle partners.',
      'Opschaling accepteren',
      'In behandeling · Zorg- en Veiligheidshuis Rotterdam-Rijnmond',
    );
    await card
      .getByRole('button', { name: 'Afschalen naar de Lokale Kamer…', exact: true })
      .waitFor();
    await snap(card, 'anouk-in-behandeling-zvh');
    await reads(toldAnouk, 'In behandeling · Zorg- en Veiligheidshuis Rotterdam-Rijnmond');
    await snap(toldAnouk, 'anouk-melding-bijgewerkt');
    toldFatima.push(
      await notified(
        pages.fatima,
        'Opschaling geaccepteerd door het Zorg- en Veiligheidshuis',
        'fatima-melding-zvh',
      ),
    );

    // The ZVH closes the casus, with a reason, after confirming.
    // The client draws the compact choice as a combobox with a list of options.
    await card.getByRole('combobox', { name: 'Reden van afsluiten' }).click();
    await card
      .page()
      .getByRole('option', { name: 'Plan van aanpak uitgevoerd', exact: true })
      .click();
    await decideConfirmed(
      card,
      {
        motivation: 'De doorbraak is bereikt en het plan van aanpak is volledig uitgevoerd.',
        input: 'Motivering voor afsluiten',
        button: 'Casus afsluiten…',
        confirm: 'Ja, casus afsluiten',
        next: 'Afgesloten · Zorg- en Veiligheidshuis Rotterdam-Rijnmond',
      },
      'anouk-bevestig-afsluiten',
    );
    await card.getByRole('button', { name: 'Toon verloop', exact: true }).click();
    await card.getByText('Reden: Plan van aanpak uitgevoerd').waitFor();
    await snap(card, 'anouk-afgesloten');

    // Fatima (client A) got a short card for every decision, through her own client. The newest
    // tells of the closure; each one before it keeps one line and points to it.
    toldFatima.push(
      await notified(
        pages.fatima,
        'Reden: Plan van aanpak uitgevoerd',
        'fatima-melding-afgesloten',
      ),
    );
    const [newest, ...older] = [...toldFatima].reverse();
    assert.ok(newest);
    await reads(newest, 'Afgesloten · Zorg- en Veiligheidshuis Rotterdam-Rijnmond');
    assert.deepEqual(await buttonsOn(newest), ['Open casus'], 'the worker has no decision buttons');
    for (const told of older) {
      await told
        .getByText('Deze melding is vervangen door een nieuwer bericht', { exact: false })
        .waitFor({ timeout: 20_000 });
      assert.deepEqual(await buttonsOn(told), ['Open casus'], 'a replaced copy still opens it');
    }
    await acceptedFatima
      .getByText('Geaccepteerd door de Lokale Kamer op ', { exact: false })
      .waitFor();
    const casusCards = cardsOf(pages.fatima).filter({
      has: pages.fatima.getByText(`Casus ${number}`, { exact: true }),
    });
    assert.equal(await casusCards.count(), 4, 'one message per decision, one of them current');
    await snap(acceptedFatima, 'fatima-melding-vervangen');
    await pages.fatima.screenshot({ path: `${screenshots}/decisions-conversation-fatima.png` });

    // The closed casus's bewaartermijn: when its personal data goes; the ZVH extends it.
    await card.getByText('worden de persoonsgegevens bewaard tot', { exact: false }).waitFor();
    await snap(card, 'anouk-bewaartermijn');
    await card.getByRole('combobox', { name: 'Verlengen met' }).click();
    await card.page().getByRole('option', { name: '6 maanden', exact: true }).click();
    await card
      .getByRole('textbox', {
        name: 'Motivering voor verlengen of bewaarplicht (minstens 30 tekens)',
      })
      .fill('Er loopt een klacht over de afhandeling; het dossier blijft daarvoor nodig.');
    await press(card, 'Bewaartermijn verlengen', 'Vastgelegd: Bewaartermijn verlengd.');
    await card.getByRole('button', { name: 'Bewaarplicht instellen', exact: true }).waitFor();
    // A decision on the bewaartermijn is not a hand-over: the casus stays the ZVH's.
    await reads(card, 'Afgesloten · Zorg- en Veiligheidshuis Rotterdam-Rijnmond');
    await snap(card, 'anouk-bewaartermijn-verlengd');

    for (const browser of e2e.browsers) assert.deepEqual(browser.pageErrors, []);
    const problems = e2e.app().logs.filter((entry) => Number(entry.level) >= 40);
    assert.deepEqual(problems, [], 'the bot logged no warnings or errors');
  });
});
