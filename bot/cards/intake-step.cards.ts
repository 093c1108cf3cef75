import { z } from 'zod';
import betrokkene from '../../cards/intake-betrokkene.json';
import criteria12 from '../../cards/intake-criteria-1-2.json';
import criterium3 from '../../cards/intake-criterium-3.json';
import criterium4 from '../../cards/intake-criterium-4.json';
import {
  allFormFields,
  stepFields,
  type FormField,
  type FormStep,
} from '../../src/domain/intake/intake-form';
import { noticeSchema } from './notice';
import { defineCard } from './card-template';

/** Shared by the four form steps: where the wizard is, what was typed, and what needs work. */
export const intakeStepCardSchema = z.object({
  casusId: z.uuid(),
  revision: z.number().int().min(0),
  step: z.enum(Object.keys(stepFields) as [FormStep, ...FormStep[]]),
  stepNumber: z.number().int().min(1).max(4),
  /** Every field, '' when empty: an unbound `${values.x}` would show up literally on the card. */
  values: z.object(
    Object.fromEntries(allFormFields.map((f) => [f, z.string()])) as Record<FormField, z.ZodString>,
  ),
  kamers: z.array(z.object({ id: z.string(), name: z.string() })),
  notices: z.array(noticeSchema).max(1),
  /** The verdicts of the criteria answered on the step just left ("Criterium 2: voldoet niet — "). */
  verdicts: z.array(z.object({ heading: z.string(), explanation: z.string() })).max(2),
  /** 'samenvatting' when "Aanpassen" came from the summary: "next" goes straight back there. */
  returnTo: z.enum(['', 'samenvatting']),
  nextTitle: z.enum(['Volgende', 'Naar de samenvatting', 'Terug naar de samenvatting']),
  /** Criterion 2: one question per leefgebied. */
  leefgebieden: z.array(z.object({ id: z.string(), label: z.string(), value: z.string() })),
  /** Criterion 3: the indication slots shown, and whether one more can be added. */
  aanwijzingenAantal: z.string(),
  aanwijzingen: z.array(
    z.object({
      title: z.string(),
      soortId: z.string(),
      datumId: z.string(),
      totId: z.string(),
      bronId: z.string(),
      omschrijvingId: z.string(),
      soort: z.string(),
      datum: z.string(),
      tot: z.string(),
      bron: z.string(),
      omschrijving: z.string(),
    }),
  ),
  addAanwijzing: z.array(z.object({})).max(1),
  /** Criterion 4: the registry's vaste deelnemers, one multi-select per domain. */
  deelnemerGroups: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      value: z.string(),
      choices: z.array(z.object({ title: z.string(), value: z.string() })).min(1),
    }),
  ),
  errorSummary: z.array(z.object({})).max(1),
  errors: z.array(z.object({ label: z.string(), message: z.string() })),
});
export type IntakeStepCard = z.input<typeof intakeStepCardSchema>;

export const intakeStepCards = {
  betrokkene: defineCard('intake-betrokkene', betrokkene, intakeStepCardSchema),
  'criteria-1-2': defineCard('intake-criteria-1-2', criteria12, intakeStepCardSchema),
  'criterium-3': defineCard('intake-criterium-3', criterium3, intakeStepCardSchema),
  'criterium-4': defineCard('intake-criterium-4', criterium4, intakeStepCardSchema),
} satisfies Record<FormStep, unknown>;
