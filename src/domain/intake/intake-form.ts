import { z } from 'zod';
import { fail, ok, type Result } from '../shared/result';
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
    'leefgebieden',
    'criminogeen',
    'motivering2',
  ],
  'criterium-3': ['gevolgen', 'tijden', 'objectieveAanwijzingen', 'motivering3'],
  'criterium-4': ['domeinen', 'motivering4', 'doorbraakNodig', 'doorbraakToelichting'],
} as const satisfies Record<FormStep, readonly string[]>;
export type FormField = (typeof stepFields)[FormStep][number];

/** Every input of the wizard, in order. */
export const allFormFields: FormField[] = Object.values(stepFields).flat();

/**
 * What a draft keeps: the raw answers, as typed, so that going back and forth never loses text.
 * Only the size is checked here; meaning is checked per step and at submit.
 */
export const formValuesSchema = z
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
export type FormValues = z.infer<typeof formValuesSchema>;

/** Dutch messages per field, for the card. */
export type FieldErrors = Partial<Record<FormField, string>>;

const flag = (value: string | undefined) => value === 'true';
const choices = (value: string | undefined) =>
  value
    ? value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean)
    : [];

/** Form strings → the shape of the intake schema, section by section. */
const sections = {
  betrokkene: (v: FormValues) => ({
    betrokkene: {
      naam: v.naam ?? '',
      geboortedatum: v.geboortedatum ?? '',
      gemeente: v.gemeente ?? '',
      bsn: v.bsn,
    },
    aanmelding: { aanmeldroute: v.aanmeldroute, kamerId: v.kamerId ?? '', urgentie: v.urgentie },
  }),
  'criteria-1-2': (v: FormValues) => ({
    criterium1: {
      bijBetrokkene: flag(v.bijBetrokkene),
      inGezinssituatie: flag(v.inGezinssituatie),
      gezinsRelevantie: v.gezinsRelevantie,
      motivering: v.motivering1 ?? '',
    },
    criterium2: {
      leefgebieden: choices(v.leefgebieden),
      criminogeen: choices(v.criminogeen),
      motivering: v.motivering2 ?? '',
    },
  }),
  'criterium-3': (v: FormValues) => ({
    criterium3: {
      gevolgen: choices(v.gevolgen),
      tijden: choices(v.tijden),
      objectieveAanwijzingen: v.objectieveAanwijzingen,
      motivering: v.motivering3 ?? '',
    },
  }),
  'criterium-4': (v: FormValues) => ({
    criterium4: { domeinen: choices(v.domeinen), motivering: v.motivering4 ?? '' },
    doorbraak: { nodig: flag(v.doorbraakNodig), toelichting: v.doorbraakToelichting },
  }),
} satisfies Record<FormStep, (values: FormValues) => object>;

/** Which form field an issue at a schema path belongs to. */
const fieldOfPath: Record<string, FormField> = {
  'betrokkene.naam': 'naam',
  'betrokkene.geboortedatum': 'geboortedatum',
  'betrokkene.gemeente': 'gemeente',
  'betrokkene.bsn': 'bsn',
  'aanmelding.aanmeldroute': 'aanmeldroute',
  'aanmelding.kamerId': 'kamerId',
  'aanmelding.urgentie': 'urgentie',
  'criterium1.gezinsRelevantie': 'gezinsRelevantie',
  'criterium1.motivering': 'motivering1',
  'criterium2.leefgebieden': 'leefgebieden',
  'criterium2.criminogeen': 'criminogeen',
  'criterium2.motivering': 'motivering2',
  'criterium3.gevolgen': 'gevolgen',
  'criterium3.tijden': 'tijden',
  'criterium3.objectieveAanwijzingen': 'objectieveAanwijzingen',
  'criterium3.motivering': 'motivering3',
  'criterium4.domeinen': 'domeinen',
  'criterium4.motivering': 'motivering4',
  'doorbraak.toelichting': 'doorbraakToelichting',
};

const choiceMessages: Partial<Record<FormField, string>> = {
  aanmeldroute: 'Kies een aanmeldroute.',
  urgentie: 'Kies een urgentie.',
  leefgebieden: 'Kies alleen leefgebieden uit de lijst.',
  criminogeen: 'Kies alleen leefgebieden uit de lijst.',
  gevolgen: 'Kies alleen gevolgen uit de lijst.',
  tijden: 'Kies alleen uit de lijst.',
  domeinen: 'Kies alleen domeinen uit de lijst.',
};

function stepSchema(step: FormStep, today: string) {
  const birth = betrokkeneSchema.shape.geboortedatum
    .refine((date) => date <= today, 'De geboortedatum ligt in de toekomst.')
    .refine(
      (date) => date >= `${Number(today.slice(0, 4)) - 120}${today.slice(4)}`,
      'Deze geboortedatum is meer dan 120 jaar geleden.',
    );
  switch (step) {
    case 'betrokkene':
      return z.object({
        betrokkene: betrokkeneSchema.extend({ geboortedatum: birth }),
        aanmelding: aanmeldingSchema,
      });
    case 'criteria-1-2':
      return z.object({ criterium1: criterium1Schema, criterium2: criterium2Schema });
    case 'criterium-3':
      return z.object({ criterium3: criterium3Schema });
    case 'criterium-4':
      return z.object({ criterium4: criterium4Schema, doorbraak: doorbraakSchema });
  }
}

/** Checks one step's answers; on failure, a Dutch message per field. */
export function parseStep(
  step: FormStep,
  values: FormValues,
  today: string,
): Result<Partial<Intake>, FieldErrors> {
  const parsed = stepSchema(step, today).safeParse(sections[step](values));
  if (parsed.success) return ok(parsed.data as Partial<Intake>);
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.filter((part) => typeof part === 'string').join('.');
    const field = fieldOfPath[path];
    if (!field || errors[field]) continue;
    errors[field] =
      issue.code === 'invalid_value' || issue.code === 'invalid_type'
        ? (choiceMessages[field] ?? issue.message)
        : issue.message;
  }
  return fail(errors);
}

/** The whole intake, or the first step that still needs work and its errors. */
export function parseIntake(
  values: FormValues,
  today: string,
): Result<Intake, { step: FormStep; errors: FieldErrors }> {
  let intake: Partial<Intake> = {};
  for (const step of Object.keys(stepFields) as FormStep[]) {
    const result = parseStep(step, values, today);
    if (!result.ok) return fail({ step, errors: result.error });
    intake = { ...intake, ...result.value };
  }
  return ok(intake as Intake);
}
