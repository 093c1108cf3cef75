import { z } from 'zod';
import type { Organisation } from '../registry/registry.schema';
import { fail, ok, type Result } from '../shared/result';
import {
  aanwijzingFields,
  aanwijzingSlots,
  deelnemersFields,
  leefgebiedFields,
} from './form-fields';
import {
  aanmeldingSchema,
  betrokkeneSchema,
  criterium1Schema,
  criterium2Schema,
  criterium3Schema,
  criterium4Schema,
  doorbraakSchema,
  MAX_TEXT,
  type Intake,
} from './intake.schema';
import { sections } from './form-sections';
import { migrateLegacyDraftValues } from './legacy-intake';

/** The wizard's steps, in order; the last one shows the assessment. */
export const intakeSteps = [
  'betrokkene',
  'criteria-1-2',
  'criterium-3',
  'criterium-4',
  'samenvatting',
] as const;
export type IntakeStep = (typeof intakeSteps)[number];
export type FormStep = Exclude<IntakeStep, 'samenvatting'>;

/** The card inputs of each step; an Adaptive Card sends every value as a string. */
export const stepFields = {
  betrokkene: ['naam', 'geboortedatum', 'gemeente', 'bsn', 'aanmeldroute', 'kamerId', 'urgentie'],
  'criteria-1-2': [
    'bijBetrokkene',
    'inGezinssituatie',
    'gezinsRelevantie',
    'motivering1',
    ...leefgebiedFields,
    'motivering2',
  ],
  /** `aanwijzingenAantal`: how many indication slots the card shows (not part of the intake). */
  'criterium-3': ['gevolgen', 'tijden', 'aanwijzingenAantal', ...aanwijzingFields, 'motivering3'],
  'criterium-4': [
    ...deelnemersFields,
    'overigePartijen',
    'motivering4',
    'doorbraakNodig',
    'doorbraakToelichting',
  ],
} as const satisfies Record<FormStep, readonly string[]>;
export type FormField = (typeof stepFields)[FormStep][number];

/** Every input of the wizard, in order. */
export const allFormFields: FormField[] = Object.values(stepFields).flat();

/**
 * What a draft keeps: the raw answers, as typed, so that going back and forth never loses text.
 * Only the size is checked here; meaning is checked per step and at submit. This is the shape a
 * card sends; a stored draft goes through `formValuesSchema`, which also reads older drafts.
 */
export const formValuesObject = z
  .object(
    Object.fromEntries(
      allFormFields.map((field) => [
        field,
        z
          .string()
          .max(MAX_TEXT * 2)
          .optional(),
      ]),
    ) as Record<FormField, z.ZodOptional<z.ZodString>>,
  )
  .strip();
export type FormValues = z.infer<typeof formValuesObject>;

/** A stored draft's answers; drafts saved before the current form are migrated as they load. */
export const formValuesSchema = z.preprocess(migrateLegacyDraftValues, formValuesObject);

export { filledAanwijzingSlots, hasAnswers, pickableDeelnemers } from './form-sections';

/** Dutch messages per field, for the card. */
export type FieldErrors = Partial<Record<FormField, string>>;

/** What parsing needs besides the answers: the date, and the registry's organisations. */
export interface IntakeContext {
  today: string;
  organisations: readonly Organisation[];
}

const choiceMessage = (field: FormField): string | undefined => {
  if (field.startsWith('leefgebied-')) return 'Kies één antwoord uit de lijst.';
  if (field.endsWith('-soort')) return 'Kies de soort aanwijzing.';
  const messages: Partial<Record<FormField, string>> = {
    aanmeldroute: 'Kies een aanmeldroute.',
    urgentie: 'Kies een urgentie.',
    gevolgen: 'Kies alleen gevolgen uit de lijst.',
    tijden: 'Kies alleen uit de lijst.',
  };
  return messages[field];
};

/** A date of birth as of `today`: a real day, not in the future, at most 120 years ago. */
export const birthDateSchema = (today: string) =>
  betrokkeneSchema.shape.geboortedatum
    .refine((date) => date <= today, 'De geboortedatum ligt in de toekomst.')
    .refine(
      (date) => date >= `${Number(today.slice(0, 4)) - 120}${today.slice(4)}`,
      'Deze geboortedatum is meer dan 120 jaar geleden.',
    );

function stepSchema(step: FormStep, today: string) {
  const birth = birthDateSchema(today);
  switch (step) {
    case 'betrokkene':
      return z.object({
        betrokkene: betrokkeneSchema.extend({ geboortedatum: birth }),
        aanmelding: aanmeldingSchema,
      });
    case 'criteria-1-2':
      return z.object({ criterium1: criterium1Schema, criterium2: criterium2Schema });
    case 'criterium-3':
      return z.object({
        criterium3: criterium3Schema.extend({
          aanwijzingen: criterium3Schema.shape.aanwijzingen.element
            .refine((a) => a.datum <= today, {
              path: ['datum'],
              message: 'Deze datum ligt in de toekomst.',
            })
            .refine((a) => a.totDatum === undefined || a.totDatum <= today, {
              path: ['totDatum'],
              message: 'Deze einddatum ligt in de toekomst.',
            })
            .array()
            .max(aanwijzingSlots.length),
        }),
      });
    case 'criterium-4':
      return z.object({ criterium4: criterium4Schema, doorbraak: doorbraakSchema });
  }
}

/** Checks one step's answers; on failure, a Dutch message per field. */
export function parseStep(
  step: FormStep,
  values: FormValues,
  context: IntakeContext,
): Result<Partial<Intake>, FieldErrors> {
  const section = sections[step](values, context);
  const parsed = stepSchema(step, context.today).safeParse(section.input);
  const errors: FieldErrors = { ...section.errors };
  if (parsed.success && Object.keys(errors).length === 0) return ok(parsed.data as Partial<Intake>);
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const field = section.fieldOf(issue.path);
    if (!field || errors[field]) continue;
    errors[field] =
      issue.code === 'invalid_value' || issue.code === 'invalid_type'
        ? (choiceMessage(field) ?? issue.message)
        : issue.message;
  }
  return fail(errors);
}

/** The whole intake, or the first step that still needs work and its errors. */
export function parseIntake(
  values: FormValues,
  context: IntakeContext,
): Result<Intake, { step: FormStep; errors: FieldErrors }> {
  let intake: Partial<Intake> = {};
  for (const step of Object.keys(stepFields) as FormStep[]) {
    const result = parseStep(step, values, context);
    if (!result.ok) return fail({ step, errors: result.error });
    intake = { ...intake, ...result.value };
  }
  return ok(intake as Intake);
}
