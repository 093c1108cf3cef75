import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { useE2eApp } from '../helpers/e2e-app';
import { walk } from '../helpers/adaptive-card-check';
import { submissionOf } from '../helpers/intake-values';
import { usePlayground } from '../helpers/playground';
import { sampleCasus } from '../helpers/samples';
import { inviteeObjectId, withSignedInvitation, type SignedCasus } from '../helpers/signed-casus';
import { nthCard, screenshots } from '../helpers/teams-client';

const jeroen = '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a02';
const cardsOf = (page: Page) => page.locator('.ac-adaptiveCard');

interface ChatReference {
  serviceUrl: string;
  conversation: { id: string };
  user: { id: string };
  bot: { id: string; name?: string };
}

describe('in the Teams-like client (headless Chromium): Deelnemers en verklaringen', () => {
  const state: { signed?: SignedCasus } = {};
  const e2e = useE2eApp('participants', {
    async seed(app) {
      // A casus in behandeling at Lokale Kamer Rotterdam whose invitee signed.
      const casus = {
        ...sampleCasus({
          state: 'in_behandeling_lokaal',
          kamerId: 'lk-rotterdam',
          casusNumber: 'LK-ROT-2026-0007',
          revision: 2,
          submission: submissionOf(new Date(Date.now() - 86_400_000).toISOString()),
        }),
        casusNumber: 'LK-ROT-2026-0007',
      };
      state.signed = await withSignedInvitation(casus);
      await app.container('casussen').items.create(state.signed.casus);
    },
  });
  const { botUrl, container } = e2e;
  const clients = { jeroen: usePlayground('e2e-participants-jeroen', botUrl, jeroen) };

  it('shows the participants, shares after a confirmation, delivers the share, and opens the declaration', async () => {
    const browser = await e2e.browser();
    const { page } = browser;
    await page.setViewportSize({ width: 1280, height: 1800 });
    await page.goto(clients.jeroen.url);
    await page.getByRole('treeitem', { name: 'Personal Chat' }).click();
    await (await nthCard(page, 1)).getByText('Hallo Jeroen de Vries.', { exact: false }).waitFor();
    const snap = (card: Locator, name: string) =>
      card.screenshot({ path: `${screenshots}/participants-${name}.png` });

    // Where the bot reaches Jeroen: his personal chat in the client, kept from the greeting.
    const read = await container('conversations')
      .item(jeroen, jeroen)
      .read<{ reference: ChatReference }>();
    const reference = read.resource!.reference;
    const activity = (extra: object) => ({
      id: randomUUID(),
      channelId: 'msteams',
      serviceUrl: reference.serviceUrl,
      timestamp: new Date().toISOString(),
      from: { id: reference.user.id, aadObjectId: jeroen, name: 'Jeroen de Vries' },
      recipient: reference.bot,
      conversation: reference.conversation,
      ...extra,
    });
    const post = (body: object) =>
      fetch(`${botUrl()}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const casusId = state.signed!.casus.id;

    // The casus card's "Deelnemers en verklaringen" button (issue 12, area A) is pressed as the
    // client would send it: the bot answers into Jeroen's chat in the client.
    const before = await cardsOf(page).count();
    await post(activity({ type: 'message', value: { verb: 'invitation.participants', casusId } }));
    const card = await nthCard(page, before + 1);
    await card.getByText('Deelnemers en verklaringen').waitFor();
    await card.getByText('Woonstichting Maasstad').waitFor();
    await snap(card, '01-kaart');

    const count = await cardsOf(page).count();
    const pressOn = async (name: string, next: string | RegExp) => {
      await card.getByRole('button', { name, exact: true }).click();
      await card
        .getByText(next)
        .first()
        .waitFor({ timeout: 20_000 })
        .catch(async (error: unknown) => {
          await snap(card, 'failed');
          throw error;
        });
      // The shared information itself may already have arrived (the delivery runs after the press).
      const others = cardsOf(page).filter({ hasNotText: 'Informatie voor casus' });
      assert.equal(await others.count(), count, `"${name}" replaces the card in place`);
    };
    await pressOn('Informatie delen…', 'Wat je deelt');
    await card
      .getByRole('textbox', { name: 'Doel: waarvoor heeft de partij dit nodig?' })
      .fill('Afspraken over een huurregeling voorbereiden voor het casusoverleg van 10 december.');
    await card
      .getByRole('textbox', { name: 'Wat je deelt' })
      .fill(
        'De huurachterstand is ontstaan na het wegvallen van de uitkering in augustus.\nSchuldhulpverlening is gestart op 1 november. **Niet vet** [geen link](https://example.invalid)',
      );
    await snap(card, '02-formulier');
    // The invitee's chat is this one, so the delivered card shows here (the client has one user).
    await container('conversations').items.upsert({ id: inviteeObjectId, reference });
    await pressOn('Controleren…', /Weet je het zeker\?/);
    await snap(card, '03-bevestiging');

    await pressOn('Ja, delen', 'Gedeeld met Rob de Boer');
    await snap(card, '04-gedeeld');
    const delivered = await nthCard(page, count + 1);
    await delivered.getByText('Informatie voor casus LK-ROT-2026-0007').waitFor();
    await delivered
      .getByText('**Niet vet** [geen link](https://example.invalid)', { exact: false })
      .waitFor();
    await snap(delivered, '05-bezorgd');

    // The declaration page, from the link the card holds (the answer to the same press as an invoke).
    const invoked = await post(
      activity({
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: {
          action: { type: 'Action.Execute', verb: 'invitation.participants', data: { casusId } },
        },
      }),
    );
    const answer = (await invoked.json()) as { value: unknown };
    const urls: Record<string, string> = {};
    walk(answer.value, (node) => {
      if (node.type === 'Action.OpenUrl') urls[String(node.title)] = String(node.url);
    });
    const viewer = await e2e.browser();
    await viewer.page.setViewportSize({ width: 900, height: 1200 });
    await viewer.page.goto(urls['Verklaring bekijken']!);
    await viewer.page.getByRole('heading', { name: /Geheimhoudingsverklaring/ }).waitFor();
    await viewer.page.getByRole('img', { name: 'Handtekening van Rob de Boer' }).waitFor();
    await viewer.page.screenshot({
      path: `${screenshots}/participants-06-verklaring.png`,
      fullPage: true,
    });
    await viewer.page.setViewportSize({ width: 390, height: 844 });
    await viewer.page.screenshot({
      path: `${screenshots}/participants-07-verklaring-telefoon.png`,
    });
    const pdf = await fetch(urls['Bewijsrapport (PDF)']!);
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');

    // The casus card as Jeroen asks for it, with his "Dossier exporteren (PDF)": the download link
    // it carries gives the dossier.
    await post(activity({ type: 'message', text: 'casus LK-ROT-2026-0007' }));
    const casusCard = cardsOf(page).filter({ hasText: 'Dossier exporteren (PDF)' }).last();
    await casusCard.waitFor({ timeout: 20_000 });
    // The renderer makes an Action.OpenUrl a button with the role of a link, its URL as title.
    const exportButton = casusCard.getByRole('link', { name: 'Dossier exporteren (PDF)' });
    await exportButton.waitFor();
    // Tall enough for the whole card: a screenshot of an element beyond the viewport is cut.
    await page.setViewportSize({ width: 1280, height: 2800 });
    await snap(casusCard, '08-casuskaart-dossier');
    const href = await exportButton.getAttribute('title');
    assert.match(href ?? '', /\/download\/[^/]+\.pdf$/);
    const dossier = await fetch(href!);
    assert.equal(dossier.status, 200);
    assert.match(
      dossier.headers.get('content-disposition') ?? '',
      /filename="dossier-LK-ROT-2026-0007-\d{4}-\d{2}-\d{2}\.pdf"/,
    );
    writeFileSync(
      `${screenshots}/participants-09-dossier.pdf`,
      Buffer.from(await dossier.arrayBuffer()),
    );

    for (const b of e2e.browsers) assert.deepEqual(b.pageErrors, []);
  });
});
