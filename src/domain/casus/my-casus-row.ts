import { z } from 'zod';
import { intakeSteps } from '../intake/intake-form';
import { casusStateSchema } from './casus.schema';

/** The characters of a name a list shows; a row holds one more (a bound on its size). */
export const MY_ROW_NAME_MAX = 100;

/**
 * What "mijn casussen" shows of one casus: a projection of a few fields, never the document
 * (a long casus is ~1 MB), so a worker with hundreds of casussen is one small store answer.
 */
export const myCasusRowSchema = z.object({
  id: z.uuid(),
  revision: z.number().int().min(0),
  state: casusStateSchema,
  casusNumber: z.string().min(1).nullish(),
  kamerId: z.string().min(1).nullish(),
  createdAt: z.iso.datetime(),
  submittedAt: z.iso.datetime().nullish(),
  /** The intake step a draft is at. */
  step: z.enum(intakeSteps),
  /** The betrokkene's name as submitted, or as typed so far in a draft. */
  submittedNaam: z.string().nullish(),
  draftNaam: z.string().nullish(),
  /** When the casus was last written (the store's own timestamp). */
  changedAt: z.iso.datetime(),
});
export type MyCasusRow = z.infer<typeof myCasusRowSchema>;
