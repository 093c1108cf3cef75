import { z } from 'zod';
import template from '../../cards/invitation-sign.json';
import { defineCard } from './card-template';
import { casusNumberSchema } from './restricted-text';

/**
 * The invitee's card in their own Teams chat: who invites them, to which casus by number and for
 * which casusoverleg, and "Ondertekenen", which opens the signing page as a Teams dialog
 * (`task/fetch`). Nothing else of the casus: that comes only after signing, and then only sent.
 */
export const invitationSignCard = defineCard(
  'invitation-sign',
  template,
  z.object({
    casusId: z.uuid(),
    invitationId: z.uuid(),
    casusNumber: casusNumberSchema,
    /** The table that invites: "De Lokale Kamer Rotterdam". */
    table: z.string().min(1),
    organisation: z.string().min(1),
    /** The casusoverleg's date, written out. */
    meeting: z.string().min(1),
    proposer: z.string().min(1),
  }),
);
