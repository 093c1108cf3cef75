import { z } from 'zod';
import { urgenties } from '../intake/vocabulary';
import { casusStateSchema, type Casus } from './casus.schema';

/**
 * What a casuslijst needs of one casus: its number, state and the facts its position rests on.
 * A list reads these few fields only (a projection), never the whole document, so a kamer with
 * hundreds of open casussen is one small answer from the store, not hundreds of dossiers.
 */
export const casusListRowSchema = z.object({
  id: z.uuid(),
  casusNumber: z.string().min(1),
  state: casusStateSchema,
  kamerId: z.string().min(1),
  createdAt: z.iso.datetime(),
  submittedAt: z.iso.datetime().optional(),
  urgentie: urgenties.schema.optional(),
  doorbraakNodig: z.boolean().optional(),
  /** When the current step's termijn ends (`deadline.dueAt`); none when the step has no termijn. */
  dueAt: z.iso.datetime().optional(),
});
export type CasusListRow = z.infer<typeof casusListRowSchema>;

/** The same row from a whole casus (tests, and callers that hold the document already). */
export function listRowOf(casus: Casus): CasusListRow {
  return {
    id: casus.id,
    casusNumber: casus.casusNumber ?? '',
    state: casus.state,
    kamerId: casus.kamerId ?? '',
    createdAt: casus.createdAt,
    submittedAt: casus.submission?.submittedAt,
    urgentie: casus.submission?.intake.aanmelding.urgentie,
    doorbraakNodig: casus.submission?.intake.doorbraak.nodig,
    dueAt: casus.deadline?.dueAt,
  };
}
