import { z } from 'zod';
import { domainSchema } from '../registry/registry.schema';
import { isValidBsn } from './bsn';
import {
  aanmeldroutes,
  aanwijzingSoorten,
  gevolgen,
  leefgebieden,
  tijden,
  urgenties,
} from './vocabulary';

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

/**
 * Criterion 2: the leefgebieden with a problem, each with one answer. A leefgebied appears at most
 * once, so "criminogeen" without "probleem" (or both at once) cannot be expressed.
 */
export const criterium2Schema = z.object({
  leefgebieden: z
    .array(
      z.object({ leefgebied: leefgebieden.schema, status: z.enum(['probleem', 'criminogeen']) }),
    )
    .refine(
      (items) => new Set(items.map((item) => item.leefgebied)).size === items.length,
      'Geef per leefgebied één antwoord.',
    ),
  motivering: motivation,
});

export const MAX_AANWIJZINGEN = 5;
export const MAX_AANWIJZING_TEXT = 500;

/** Criterion 3: one clear and objective indication, so that a decider can check where it came from. */
export const aanwijzingSchema = z
  .object({
    soort: aanwijzingSoorten.schema,
    datum: z.iso.date('Vul een geldige datum in (jjjj-mm-dd).'),
    /** The end of a period; absent for a single event. */
    totDatum: z.iso.date('Vul een geldige einddatum in (jjjj-mm-dd).').optional(),
    bron: z
      .string()
      .trim()
      .min(2, 'Noem de organisatie waar de aanwijzing vandaan komt.')
      .max(120, 'Houd de bron korter dan 120 tekens.'),
    omschrijving: z
      .string()
      .trim()
      .min(10, 'Beschrijf de aanwijzing in een zin (minstens 10 tekens).')
      .max(MAX_AANWIJZING_TEXT, `Houd de omschrijving korter dan ${MAX_AANWIJZING_TEXT} tekens.`),
  })
  .refine((a) => a.totDatum === undefined || a.totDatum >= a.datum, {
    path: ['totDatum'],
    message: 'De einddatum ligt voor de begindatum.',
  });
export type Aanwijzing = z.infer<typeof aanwijzingSchema>;

export const criterium3Schema = z.object({
  gevolgen: z.array(gevolgen.schema),
  tijden: z.array(tijden.schema),
  aanwijzingen: z.array(aanwijzingSchema).max(MAX_AANWIJZINGEN),
  motivering: motivation,
});

/** A vaste deelnemer as the registry named it when the intake was checked. */
export const deelnemerRefSchema = z.object({
  organisationId: z.string().min(1).max(80),
  name: z.string().min(1).max(120),
  domain: domainSchema,
});
export type DeelnemerRef = z.infer<typeof deelnemerRefSchema>;

/**
 * Criterion 4 names the partners; the domains are theirs, so the law's test (at least two domains)
 * and the named partners cannot disagree. Parties that are not a vaste deelnemer are free text:
 * they can only join later as incidentele deelnemer (BGS art. 2.21) and do not count here.
 */
export const criterium4Schema = z.object({
  deelnemers: z
    .array(deelnemerRefSchema)
    .max(40)
    .refine(
      (items) => new Set(items.map((item) => item.organisationId)).size === items.length,
      'Kies elke deelnemer één keer.',
    ),
  overigePartijen: optionalText,
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

/** What is wrong with a decision's motivation (trimmed), if anything. */
export function motivationProblem(
  motivation: string,
): 'motivation-too-short' | 'motivation-too-long' | undefined {
  if (motivation.length < MIN_MOTIVATION) return 'motivation-too-short';
  if (motivation.length > MAX_TEXT) return 'motivation-too-long';
  return undefined;
}
