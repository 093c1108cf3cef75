import { z } from 'zod';
import { domainSchema } from '../registry/registry.schema';
import { isValidBsn } from './bsn';
import { aanmeldroutes, gevolgen, leefgebieden, tijden, urgenties } from './vocabulary';

/** Motivations must say something; a few words are not an account of a decision. */
export const MIN_MOTIVATION = 30;
export const MAX_TEXT = 2000;
/** Conditional explanations (relevance for betrokkene, objective indications) need some substance too. */
export const MIN_EXPLANATION = 20;

const motivation = z
  .string()
  .trim()
  .min(MIN_MOTIVATION, `Geef een motivering van minstens ${MIN_MOTIVATION} tekens.`)
  .max(MAX_TEXT, `Houd de motivering korter dan ${MAX_TEXT} tekens.`);
const optionalText = z
  .string()
  .trim()
  .max(MAX_TEXT, `Houd de tekst korter dan ${MAX_TEXT} tekens.`)
  .optional()
  .transform((value) => (value ? value : undefined));

/** WGS art. 2.25: only what is necessary about betrokkene. */
export const betrokkeneSchema = z.object({
  naam: z
    .string()
    .trim()
    .min(2, 'Vul de naam van betrokkene in.')
    .max(100, 'Houd de naam korter dan 100 tekens.'),
  geboortedatum: z.iso.date('Vul een geldige geboortedatum in (jjjj-mm-dd).'),
  gemeente: z
    .string()
    .trim()
    .min(2, 'Vul de gemeente van betrokkene in.')
    .max(80, 'Houd de gemeente korter dan 80 tekens.'),
  bsn: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? value : undefined))
    .refine(
      (value) => value === undefined || isValidBsn(value),
      'Dit BSN klopt niet (elfproef). Laat het leeg als je het niet zeker weet.',
    ),
});

export const aanmeldingSchema = z.object({
  aanmeldroute: aanmeldroutes.schema,
  kamerId: z.string().regex(/^[a-z0-9-]{1,60}$/, 'Kies een Lokale Kamer.'),
  urgentie: urgenties.schema,
});

export const criterium1Schema = z
  .object({
    bijBetrokkene: z.boolean(),
    inGezinssituatie: z.boolean(),
    gezinsRelevantie: optionalText,
    motivering: motivation,
  })
  // BGS art. 2.20: problems in the family count only "indien die problemen voor betrokkene relevant
  // zijn", so naming the family situation requires saying why.
  .refine((c) => !c.inGezinssituatie || (c.gezinsRelevantie?.length ?? 0) >= MIN_EXPLANATION, {
    path: ['gezinsRelevantie'],
    message: `Motiveer waarom de problemen in het gezin relevant zijn voor betrokkene (minstens ${MIN_EXPLANATION} tekens).`,
  });

export const criterium2Schema = z.object({
  leefgebieden: z.array(leefgebieden.schema),
  criminogeen: z.array(leefgebieden.schema),
  motivering: motivation,
});

export const criterium3Schema = z.object({
  gevolgen: z.array(gevolgen.schema),
  tijden: z.array(tijden.schema),
  objectieveAanwijzingen: optionalText,
  motivering: motivation,
});

export const criterium4Schema = z.object({
  domeinen: z.array(domainSchema),
  motivering: motivation,
});

export const doorbraakSchema = z.object({
  nodig: z.boolean(),
  toelichting: optionalText,
});

/** A complete intake: every step answered in the right shape (whether the criteria hold is assessed separately). */
export const intakeSchema = z.object({
  betrokkene: betrokkeneSchema,
  aanmelding: aanmeldingSchema,
  criterium1: criterium1Schema,
  criterium2: criterium2Schema,
  criterium3: criterium3Schema,
  criterium4: criterium4Schema,
  doorbraak: doorbraakSchema,
});
export type Intake = z.infer<typeof intakeSchema>;
export type IntakeInput = z.input<typeof intakeSchema>;
