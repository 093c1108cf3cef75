import { z } from 'zod';
import { termijnenSchema } from '../deadlines/termijnen';
import { bewaartermijnenSchema } from '../retention/bewaartermijnen';

const slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'kleine letters, cijfers en koppeltekens');
const name = z.string().trim().min(2).max(120);

/** WGS art. 2.27: the three kinds of participant in a samenwerkingsverband. */
export const wgsCategorySchema = z.enum([
  'overheidsdeelnemer', // lid 1
  'private-vaste-deelnemer', // lid 2
  'incidentele-deelnemer', // BGS art. 2.21
]);
export type WgsCategory = z.infer<typeof wgsCategorySchema>;

export const domainSchema = z.enum(['justitieel', 'bestuurlijk', 'zorg', 'sociaal']);
export type Domain = z.infer<typeof domainSchema>;

export const organisationSchema = z.object({
  kind: z.literal('organisatie'),
  id: slug,
  name,
  category: wgsCategorySchema,
  domain: domainSchema,
});
export type Organisation = z.infer<typeof organisationSchema>;

/**
 * The objective criteria the overheidsdeelnemers set for the order of a kamer's casuslijst
 * (WGS art. 2.27): points per urgency, for a needed doorbraak, and per day waiting.
 */
export const prioritisationSchema = z.object({
  urgency: z.object({
    normaal: z.number().min(0),
    hoog: z.number().min(0),
    'zeer-hoog': z.number().min(0),
  }),
  doorbraak: z.number().min(0),
  perWaitingDay: z.number().min(0),
});
export type Prioritisation = z.infer<typeof prioritisationSchema>;
export const defaultPrioritisation: Prioritisation = {
  urgency: { normaal: 0, hoog: 20, 'zeer-hoog': 40 },
  doorbraak: 15,
  perWaitingDay: 1,
};

const kamerBase = {
  kind: z.literal('kamer'),
  id: slug,
  name,
  code: z.string().regex(/^[A-Z]{2,6}$/),
  prioritisation: prioritisationSchema.default(defaultPrioritisation),
  /** Werkdagen per waiting state; a registry written before termijnen existed gets the defaults. */
  termijnen: termijnenSchema,
  /** Months personal data is kept after closure or rejection; a registry without them gets the defaults. */
  bewaartermijnen: bewaartermijnenSchema,
};
export const kamerSchema = z.discriminatedUnion('type', [
  z.object({ ...kamerBase, type: z.literal('lokale-kamer'), gemeente: name, zvhId: slug }),
  z.object({ ...kamerBase, type: z.literal('zvh'), regio: name }),
]);
export type Kamer = z.infer<typeof kamerSchema>;

export const roleSchema = z.discriminatedUnion('role', [
  z.object({ role: z.literal('wijkteammedewerker') }),
  z.object({ role: z.literal('procesregisseur'), kamerId: slug }),
  z.object({ role: z.literal('weegtafellid'), kamerId: slug }),
  z.object({ role: z.literal('functioneel-beheerder') }),
  /** Answers who saw which casus (the access log), for the joint controllers; sees no casus itself. */
  z.object({ role: z.literal('privacy-officer') }),
  /** The one contactpunt for a betrokkene's AVG requests, answering for all participants (BGS art. 1.1). */
  z.object({ role: z.literal('contactpunt') }),
]);
export type Role = z.infer<typeof roleSchema>;
export type RoleName = Role['role'];

/** The evidence WGS art. 1.8 lid 2 asks of everyone authorised to the joint system. */
export const screeningSchema = z.object({
  kind: z.enum(['vog', 'screening']),
  date: z.iso.date(),
});

export const personSchema = z.object({
  kind: z.literal('persoon'),
  /** The Microsoft Entra (AAD) object id Teams sends as `from.aadObjectId`. */
  id: z.guid(),
  name,
  organisationId: slug,
  roles: z.array(roleSchema).min(1),
  screening: screeningSchema.optional(),
  /** Private participants may authorise only staff without commercial work for them (art. 1.8 lid 2). */
  commercialWorkForParticipant: z.boolean().default(false),
});
export type Person = z.infer<typeof personSchema>;

/** The seed file: organisations, kamers and personnel, checked for dangling references. */
export const registrySeedSchema = z
  .object({
    organisations: z.array(organisationSchema).min(1),
    kamers: z.array(kamerSchema).min(1),
    persons: z.array(personSchema),
  })
  .superRefine((seed, ctx) => {
    const organisations = new Map(seed.organisations.map((o) => [o.id, o]));
    const kamers = new Map(seed.kamers.map((k) => [k.id, k]));
    const problem = (path: (string | number)[], message: string): void => {
      ctx.addIssue({ code: 'custom', path, message });
    };
    duplicates(seed.organisations).forEach((id) => problem(['organisations'], `dubbele id ${id}`));
    duplicates(seed.kamers).forEach((id) => problem(['kamers'], `dubbele id ${id}`));
    duplicates(seed.persons).forEach((id) => problem(['persons'], `dubbele id ${id}`));
    seed.kamers.forEach((kamer, i) => {
      if (kamer.type === 'lokale-kamer' && kamers.get(kamer.zvhId)?.type !== 'zvh') {
        problem(['kamers', i, 'zvhId'], `${kamer.zvhId} is geen bekend Zorg- en Veiligheidshuis`);
      }
    });
    seed.persons.forEach((person, i) => {
      if (!organisations.has(person.organisationId)) {
        problem(['persons', i, 'organisationId'], `onbekende organisatie ${person.organisationId}`);
      }
      const organisation = organisations.get(person.organisationId);
      person.roles.forEach((role, j) => {
        if ('kamerId' in role && !kamers.has(role.kamerId)) {
          problem(['persons', i, 'roles', j, 'kamerId'], `onbekende kamer ${role.kamerId}`);
        }
        // WGS art. 2.27: only the overheidsdeelnemers decide, through procesregisseurs and
        // weegtafels they mandate. The bot would never honour such a role for anyone else, so a
        // file that gives one is wrong, not merely generous.
        const decides = role.role === 'procesregisseur' || role.role === 'weegtafellid';
        if (decides && organisation && organisation.category !== 'overheidsdeelnemer') {
          problem(
            ['persons', i, 'roles', j, 'role'],
            `${person.name} kan geen ${role.role} zijn: ${organisation.name} is geen overheidsdeelnemer (art. 2.27 WGS)`,
          );
        }
      });
    });
  });
export type RegistrySeed = z.infer<typeof registrySeedSchema>;

function duplicates(items: readonly { id: string }[]): string[] {
  const seen = new Set<string>();
  return items.filter(({ id }) => seen.has(id) || !seen.add(id)).map(({ id }) => id);
}
