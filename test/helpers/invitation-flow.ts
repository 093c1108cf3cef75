import assert from 'node:assert/strict';
import { actionData } from './card-actions';
import { buttonsOf, submitButtonsOf } from './card-buttons';
import type { Conversation } from './bot-harness';
import { cardText } from './fake-connector';

/** A weegtafellid of Lokale Kamer Rotterdam (Politie): the other decider, who approves. */
export const mohamed = '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a04';

export const inDays = (days: number): string =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export const approvalMotivation =
  'De corporatie is nodig voor een huurregeling; zonder haar lukt het plan niet.';

/** Every field of the proposal form as its inputs, for a woningcorporatie from the intake. */
export const filledProposal = (over: Record<string, string> = {}): Record<string, string> => ({
  organisatieKeuze: 'Woonstichting Maasstad',
  organisatieNaam: '',
  categorie: 'woningcorporatie',
  categorieOmschrijving: '',
  contactNaam: 'Rob de Boer',
  contactEmail: 'rob.deboer@maasstad.example',
  contactEntraObjectId: '',
  expertise: 'Kennis van het huurdossier en de overlastaanpak.',
  expertiseMotivering:
    'Betrokkene dreigt zijn woning te verliezen door huurachterstand en overlast.',
  fasen: 'opstellen,uitvoeren',
  rolMotivering: 'De corporatie kan een huurregeling en begeleid wonen in het plan opnemen.',
  beroepsgeheim: 'geen',
  beroepsgeheimOmschrijving: '',
  casusoverleg: inDays(7),
  ...over,
});

/**
 * Through the bot, as its users do: the proposer opens the casus, "Partij uitnodigen", submits the
 * form; the other decider opens the casus, "Goedkeuren…" and confirms. Resolves with the
 * invitation's id.
 */
export async function proposeAndApprove(
  proposer: Conversation,
  decider: Conversation,
  casusNumber: string,
  values: Record<string, string> = filledProposal(),
): Promise<string> {
  const casus = await proposer.say(`casus ${casusNumber}`);
  const form = await proposer.execute('invitation.form', actionData(casus, 'invitation.form'));
  const proposed = await proposer.execute('invitation.propose', {
    ...actionData(form, 'invitation.propose'),
    ...values,
  });
  assert.match(cardText(proposed), /Voorstel vastgelegd/, cardText(proposed).slice(0, 300));
  const card = await decider.say(`casus ${casusNumber}`);
  const approve = buttonsOf(card).find((b) => b.title === 'Goedkeuren…');
  assert.ok(approve, 'Goedkeuren on the other decider’s card');
  const invitationId = String(approve.data.invitationId);
  const confirm = await decider.execute('invitation.decide', {
    ...approve.data,
    [`invitationMotivation-${invitationId}`]: approvalMotivation,
  });
  const decided = await decider.execute('invitation.confirm', {
    ...actionData(confirm, 'invitation.confirm'),
    invitationMotivation: approvalMotivation,
  });
  assert.match(cardText(decided), /Besluit vastgelegd: Uitnodiging goedgekeurd/);
  return invitationId;
}

/** The answer is the invitee's card to sign for this invitation of this casus. */
export function assertAskedToSign(
  answer: Record<string, unknown>,
  casusNumber: string,
  invitationId: string,
): void {
  assert.match(
    cardText(answer),
    new RegExp(`Geheimhoudingsverklaring ondertekenen[\\s\\S]*casus ${casusNumber}`),
  );
  assert.equal(submitButtonsOf(answer)[0]?.data.invitationId, invitationId);
}
