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
  notices: z.array(z.object({ text: z.string() })).max(1),
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
