import { z } from 'zod';
import template from '../../cards/invitation-form.json';
import { defineCard } from './card-template';
import { noticeSchema } from './casus.card';
import { casusNumberSchema } from './restricted-text';
import { zeroOrOne } from './schema-parts';

const choiceSchema = z.object({ title: z.string(), value: z.string() });
const typed = z.string().max(4000);

/** What the proposer typed, back in the inputs after a refusal (every input by its id). */
export const invitationFormValuesSchema = z.object({
  organisatieNaam: typed,
  categorie: typed,
  categorieOmschrijving: typed,
  contactNaam: typed,
  contactEmail: typed,
  contactEntraObjectId: typed,
  expertise: typed,
  expertiseMotivering: typed,
  fasen: typed,
  rolMotivering: typed,
  beroepsgeheim: typed,
  beroepsgeheimOmschrijving: typed,
  casusoverleg: typed,
});
export type InvitationFormValues = z.infer<typeof invitationFormValuesSchema>;

/**
 * The proposal to invite an incidentele deelnemer (art. 2.21 BGS): one labelled input for every
 * field of `invitationProposalSchema`, the parties the intake named as a choice, and after a
 * refusal its reason and the fields to check, with everything typed kept.
 */
export const invitationFormSchema = z.object({
  casusId: z.uuid(),
  revision: z.number().int().min(0),
  casusNumber: casusNumberSchema,
  /** The table that handles the casus and decides on the proposal. */
  table: z.string(),
  notices: zeroOrOne(noticeSchema),
  errorSummary: zeroOrOne(z.object({})),
  errors: z.array(z.object({ label: z.string(), message: z.string() })),
  /** The parties named in the intake (criterion 4), when there are any. */
  parties: zeroOrOne(z.object({ value: typed, choices: z.array(choiceSchema).min(1) })),
  nameLabel: z.string(),
  categories: z.array(choiceSchema),
  fasen: z.array(choiceSchema),
  geheimen: z.array(choiceSchema),
  values: invitationFormValuesSchema,
  backTo: z.array(
    z.object({
      list: z.enum(['casuslijst', 'mijn-casussen']),
      kamerId: z.string(),
      page: z.number().int().min(1),
    }),
  ),
});
export type InvitationFormView = z.input<typeof invitationFormSchema>;

export const invitationFormCard = defineCard('invitation-form', template, invitationFormSchema);
