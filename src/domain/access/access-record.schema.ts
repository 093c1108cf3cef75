import { z } from 'zod';

/** What was done with a casus's details, as the access log counts it. */
export const accessWhatSchema = z.enum([
  'view', // the casus card, a declaration or evidence report, opened by someone
  'search', // a search that showed the casus (or, without a casus, showed none)
  'export', // a dossier export, an inzage or an access-log export
  'decision', // a decision on the casus (accept, reject, ask, escalate, close, extend, hold)
  'share', // information shared with an incidentele deelnemer, or an invitation step
  'change', // any other change: an aanvulling, a rectificatie, a request recorded
  'anonymise', // the retention sweep or an erasure removed its personal data
]);
export type AccessWhat = z.infer<typeof accessWhatSchema>;

export const accessResultSchema = z.enum(['shown', 'refused', 'changed']);
export type AccessResult = z.infer<typeof accessResultSchema>;

/**
 * Records that concern no single casus (a search that showed none) go to a partition of their
 * own per person: one shared partition would grow without bound (Cosmos caps a partition at 20 GB).
 */
export const NO_CASUS = 'geen-casus';
export const noCasusPartition = (personId: string): string => `${NO_CASUS}:${personId}`;
export const isNoCasus = (casusId: string): boolean => casusId.startsWith(`${NO_CASUS}:`);

/**
 * One append-only line of the access log: who (a registry person, or the system for a sweep),
 * in which organisation and roles, did what with which casus, when, why (the command or the card
 * action), and with what result. It holds the casus id and number only, never betrokkene data:
 * the log itself must not become a second copy of what it accounts for.
 */
export const accessRecordSchema = z.object({
  kind: z.literal('toegang'),
  id: z.uuid(),
  at: z.iso.datetime(),
  actor: z.object({
    /** The registry person's Entra object id, or `systeem` for the sweep. */
    personId: z.string().min(1).max(100),
    name: z.string().min(1).max(120),
    organisationId: z.string().min(1).max(100),
    /** The roles held at that moment ("procesregisseur@lk-rotterdam"). */
    roles: z.array(z.string().min(1).max(150)).max(20),
  }),
  /** The kamer of the casus, when there is one. */
  kamerId: z.string().min(1).max(100).optional(),
  /** The partition key: the casus concerned, or `noCasusPartition(personId)`. */
  casusId: z.string().min(1).max(100),
  casusNumber: z.string().min(1).max(50).optional(),
  what: accessWhatSchema,
  /** The command or card action that caused it ("casus", "casus.accepteren"), never typed text. */
  why: z.string().min(1).max(100),
  result: accessResultSchema,
});
export type AccessRecord = z.infer<typeof accessRecordSchema>;
