import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { useE2eApp } from '../helpers/e2e-app';
import { postActivity, talkAs, type BotHarness } from '../helpers/bot-harness';
import { dialogInvoke, signingDialogUrl } from '../helpers/dialog-invoke';
import { walk } from '../helpers/adaptive-card-check';
import { actionData } from '../helpers/card-actions';
import { press as pressOverHttp } from '../helpers/decision-press';
import { FakeConnector } from '../helpers/fake-connector';
import { submitCasus } from '../helpers/intake-flow';
import { approvalMotivation as motivation, filledProposal } from '../helpers/invitation-flow';
import { usePlayground } from '../helpers/playground';
import { pdfText } from '../helpers/pdf-text';
import { completeAndSubmit, drawSignature } from '../helpers/signing-page';
import { nthCard, say, screenshots } from '../helpers/teams-client';

const fatima = '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a01';
const jeroen = '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a02';
const mohamed = '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a04';
const cardsOf = (page: Page) => page.locator('.ac-adaptiveCard');
/** Lotte Mulder of the client's config: in the tenant, not in the registry (the invitee). */
const invitee = '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a07';

/** The casus and invitation a card's invitation buttons name. */
function invitationIds(card: unknown): { invitationId: string; casusId: string } {
  let found: { invitationId: string; casusId: string } | undefined;
  walk(card, (node) => {
    const data = node.data as Record<string, unknown> | undefined;
    if (!found && typeof data?.invitationId === 'string' && typeof data.casusId === 'string') {
      found = { invitationId: data.invitationId, casusId: data.casusId };
    }
  });
  if (!found) throw new Error('No invitation button on the card');
  return found;
}

function openUrls(card: unknown): string[] {
  const urls: string[] = [];
  walk(card, (node) => {
    if (node.type === 'Action.OpenUrl' && typeof node.url === 'string') urls.push(node.url);
  });
  return urls;
}

describe('in the Teams-like client (headless Chromium): an invitation proposed, approved, signed and its evidence opened', () => {
  const e2e = useE2eApp('invitation');
  const { botUrl } = e2e;
  const state: { connector?: FakeConnector } = {};
  before(async () => {
    state.connector = await new FakeConnector().start();
  });
  const clients = {
    jeroen: usePlayground('e2e-client-jeroen-inv', botUrl, jeroen),
    mohamed: usePlayground('e2e-client-mohamed-inv', botUrl, mohamed),
    invitee: usePlayground('e2e-client-invitee-inv', botUrl, invitee),
  };
  after(async () => {
    await state.connector?.stop();
  });

  it('Jeroen opens the proposal form, proposes; Mohamed approves with a confirmation', async () => {
    const connector = state.connector;
    assert.ok(connector);
    // The casus is submitted and accepted over HTTP: the intake has its own browser test.
    const http: Pick<BotHarness, 'post' | 'connector'> = {
      connector,
      post: (activity) => postActivity(botUrl(), activity),
    };
    const asFatima = talkAs(http, fatima);
    const asJeroen = talkAs(http, jeroen);
    const number = await submitCasus(asFatima);
    await pressOverHttp(asJeroen, await asJeroen.say(`casus ${number}`), 'accepteren');

    /** The client's personal chat, once its first card (the answer to the app install) shows this. */
    const open = async (url: string, first: string): Promise<Page> => {
      const browser = await e2e.browser();
      await browser.page.setViewportSize({ width: 1280, height: 3200 });
      await browser.page.goto(url);
      await browser.page.getByRole('treeitem', { name: 'Personal Chat' }).click();
      const welcome = await nthCard(browser.page, 1);
      await welcome.getByText(first, { exact: false }).first().waitFor();
      return browser.page;
    };
    const ask = async (page: Page, text: string): Promise<Locator> => {
      const before = await cardsOf(page).count();
      await say(page, text);
      return nthCard(page, before + 1);
    };
    const press = async (card: Locator, button: string, next: string | RegExp) => {
      await card.getByRole('button', { name: button, exact: true }).click();
      await card.getByText(next).first().waitFor({ timeout: 20_000 });
    };
    const snap = (card: Locator, name: string) =>
      card.screenshot({ path: `${screenshots}/invitation-${name}.png` });

    // Jeroen: "Partij uitnodigen" on the casus card opens the form in place.
    const jeroenPage = await open(clients.jeroen.url, 'Hallo Jeroen de Vries.');
    const card = await ask(jeroenPage, `casus ${number}`);
    await card.getByText('Incidentele deelnemers', { exact: true }).waitFor();
    await press(card, 'Partij uitnodigen', 'Stel een incidentele deelnemer voor deze casus voor');
    await card.getByText('Datum van het casusoverleg', { exact: false }).first().waitFor();
    await snap(card, '01-form');

    // The proposal itself over HTTP, as the form submits it (the client's pickers are US-dated).
    const form = await asJeroen.execute('invitation.form', {
      ...actionData(await asJeroen.say(`casus ${number}`), 'invitation.form'),
    });
    await asJeroen.execute('invitation.propose', {
      ...actionData(form, 'invitation.propose'),
      ...filledProposal({
        contactNaam: 'Lotte Mulder',
        contactEmail: 'lotte.mulder@maasstad.example',
        contactEntraObjectId: invitee,
      }),
    });

    // Mohamed, the other decider of the Lokale Kamer, sees the proposal and approves it.
    const mohamedPage = await open(clients.mohamed.url, 'Hallo Mohamed Yilmaz.');
    const casus = await ask(mohamedPage, `casus ${number}`);
    await casus.getByText('Woonstichting Maasstad · Woningcorporatie').waitFor();
    await snap(casus, '02-voorgesteld-weegtafel');
    await casus
      .getByRole('textbox', { name: 'Motivering van je besluit over Woonstichting Maasstad' })
      .fill(motivation);
    await press(casus, 'Goedkeuren…', 'Bevestig je besluit over de uitnodiging');
    await snap(casus, '03-bevestigen');
    await press(casus, 'Ja, uitnodiging goedkeuren', /Besluit vastgelegd: Uitnodiging goedgekeurd/);
    await casus.getByText('Goedgekeurd, wacht op ondertekening').waitFor();
    await snap(casus, '04-goedgekeurd');

    // Lotte opens casusbot in Teams: she is not in the registry, and is asked to sign, nothing more.
    const inviteePage = await open(clients.invitee.url, 'Geheimhoudingsverklaring ondertekenen');
    const signCard = await nthCard(inviteePage, 1);
    await signCard.getByRole('button', { name: 'Ondertekenen' }).waitFor();
    await signCard.getByText(`voor casus ${number}`, { exact: false }).waitFor();
    await snap(signCard, '04b-genodigde-ondertekenen');

    // Jeroen makes a link to send on, from the participants card.
    const withLink = await ask(jeroenPage, `casus ${number}`);
    await press(withLink, 'Deelnemers en verklaringen', 'incidentele deelnemers (art. 2.21 BGS)');
    await withLink.getByRole('button', { name: 'Ondertekenlink maken' }).waitFor();
    await snap(withLink, '04c-deelnemers-ondertekenlink-maken');
    await press(withLink, 'Ondertekenlink maken', `Ondertekenlink voor casus ${number}`);
    await snap(withLink, '04d-ondertekenlink');
    await withLink.getByText('E-mail opstellen', { exact: true }).waitFor();

    // Lotte, the invitee, in her personal chat: "Ondertekenen" asks for the dialog (task/fetch).
    const ids = invitationIds(await asJeroen.say(`casus ${number}`));
    const url = await signingDialogUrl(http, invitee, ids);

    // The signing page, as the dialog shows it, against the real signing service.
    const signer = await e2e.browser();
    await signer.page.setViewportSize({ width: 1280, height: 1400 });
    await signer.page.goto(url);
    await signer.page.getByText(`Casus ${number}`).waitFor();
    await drawSignature(signer.page);
    await completeAndSubmit(signer.page, 'Lotte Mulder');
    await signer.page.getByRole('heading', { name: 'Ondertekend' }).waitFor({ timeout: 20_000 });
    await signer.page.screenshot({ path: `${screenshots}/invitation-05-ondertekend.png` });
    const again = await fetch(url);
    assert.equal(again.status, 409, 'the link is used up');
    assert.match(await again.text(), /al ondertekend/);
    const submitted = (await dialogInvoke(http, 'task/submit', ids, invitee)).task;
    assert.match(JSON.stringify(submitted.value), /ondertekend/i);

    // Jeroen opens the signed declaration's evidence report through a fresh short-lived link.
    const participants = await asJeroen.execute('invitation.participants', {
      casusId: ids.casusId,
    });
    const report = openUrls(participants).find((link) => link.endsWith('/rapport.pdf'));
    assert.ok(report, 'the participants card links the evidence report');
    const pdf = await fetch(report);
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    const { text } = pdfText(Buffer.from(await pdf.arrayBuffer()));
    for (const expected of [number, 'Lotte Mulder', 'Woonstichting Maasstad']) {
      assert.ok(text.includes(expected), `the report holds ${expected}`);
    }
    assert.doesNotMatch(text, /KOMT NIET OVEREEN/, 'every hash in the report checks out');
    const signedCard = await ask(jeroenPage, `casus ${number}`);
    await signedCard.getByText('Ondertekend: deelnemer voor deze casus').waitFor();
    await snap(signedCard, '06-ondertekend-casuskaart');
  });
});
