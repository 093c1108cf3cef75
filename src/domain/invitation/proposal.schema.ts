import { z } from 'zod';
import { MAX_TEXT, MIN_EXPLANATION, MIN_MOTIVATION } from '../intake/intake.schema';
import { beroepsgeheimen, planFasen, publiekeTaakCategorieen } from './invitation-vocabulary';

const motivering = (subject: string) =>
  z
    .string()
    .trim()
    .min(MIN_MOTIVATION, `Motiveer ${subject} in minstens ${MIN_MOTIVATION} tekens.`)
    .max(MAX_TEXT, `Houd de motivering korter dan ${MAX_TEXT} tekens.`);
const optionalText = z
  .string()
  .trim()
  .max(200, 'Houd de omschrijving korter dan 200 tekens.')
  .transform((value) => (value ? value : undefined))
  // Optional outside the transform, so the parsed key is optional too, not a required `undefined`.
  .optional();

export const organisatieSchema = z
  .object(
    {
      /** Set when the proposer picked a registry organisation (prefill); lets the vaste-deelnemer check match by id. */
      registryId: z.string().min(1).max(80).optional(),
      naam: z
        .string()
        .trim()
        .min(2, 'Vul de naam van de organisatie in.')
        .max(120, 'Houd de naam van de organisatie korter dan 120 tekens.'),
      categorie: publiekeTaakCategorieen.schema,
      categorieOmschrijving: optionalText,
    },
    { error: 'Vul de organisatie en haar publieke taak in.' },
  )
  .refine((o) => o.categorie !== 'anders' || (o.categorieOmschrijving?.length ?? 0) >= 3, {
    path: ['categorieOmschrijving'],
    message: 'Beschrijf de publieke taak van de organisatie.',
  });

export const contactpersoonSchema = z.object(
  {
    naam: z
      .string()
      .trim()
      .min(2, 'Vul de naam van de contactpersoon in.')
      .max(100, 'Houd de naam korter dan 100 tekens.'),
    email: z.email('Vul een geldig e-mailadres in.'),
    /**
     * The invitee's Entra object id when they are in the tenant: they then sign inside Teams.
     * Kept in lower case, as Teams and Entra send it: a GUID typed in capitals is the same id.
     */
    entraObjectId: z
      .string()
      .trim()
      .optional()
      .transform((value) => (value ? value.toLowerCase() : undefined))
      .pipe(z.guid('Dit is geen geldig Entra object-id.').optional()),
  },
  { error: 'Vul de contactpersoon in.' },
);

/** BGS art. 2.21 lid 1, first condition: expertise that this casus needs. */
export const expertiseSchema = z.object(
  {
    omschrijving: z
      .string()
      .trim()
      .min(MIN_EXPLANATION, `Beschrijf de deskundigheid in minstens ${MIN_EXPLANATION} tekens.`)
      .max(MAX_TEXT, `Houd de omschrijving korter dan ${MAX_TEXT} tekens.`),
    motivering: motivering('waarom deze casus die deskundigheid nodig heeft'),
  },
  { error: 'Beschrijf de deskundigheid die deze casus nodig heeft.' },
);

/** BGS art. 2.21 lid 1, second condition: a role in the plan van aanpak, by its legal or public task. */
export const rolSchema = z.object(
  {
    fasen: z
      .array(planFasen.schema)
      .min(1, 'Kies minstens één rol: opstellen, uitvoeren of evalueren van het plan van aanpak.')
      .refine((items) => new Set(items).size === items.length, 'Kies elke rol één keer.'),
    motivering: motivering('de rol in het plan van aanpak vanuit de wettelijke of publieke taak'),
  },
  { error: 'Beschrijf de rol in het plan van aanpak.' },
);

export const beroepsgeheimSchema = z
  .object(
    { soort: beroepsgeheimen.schema, omschrijving: optionalText },
    { error: 'Geef aan of de genodigde aan een geheimhoudingsplicht gebonden is.' },
  )
  .refine((b) => b.soort !== 'anders' || (b.omschrijving?.length ?? 0) >= 3, {
    path: ['omschrijving'],
    message: 'Noem de geheimhoudingsplicht waaraan de genodigde gebonden is.',
  });
export type BeroepsgeheimKeuze = z.infer<typeof beroepsgeheimSchema>;

/** A proposal to invite an incidentele deelnemer to one casus (BGS art. 2.21, WGS art. 2.31 lid 9–10). */
export const invitationProposalSchema = z.object(
  {
    organisatie: organisatieSchema,
    contactpersoon: contactpersoonSchema,
    expertise: expertiseSchema,
    rol: rolSchema,
    beroepsgeheim: beroepsgeheimSchema,
    casusoverleg: z.iso.date('Vul een geldige datum voor het casusoverleg in (jjjj-mm-dd).'),
  },
  { error: 'Vul het voorstel in.' },
);
export type InvitationProposal = z.infer<typeof invitationProposalSchema>;
/** What a form submits: the schema's input, before trimming and defaults. */
export type InvitationProposalInput = z.input<typeof invitationProposalSchema>;
