import { z } from 'zod';
import template from '../../cards/casus-compact.json';
import { defineCard } from './card-template';
import { casusNumberSchema } from './restricted-text';
import { casusCardSchema } from './casus.card';

/**
 * A casus whose full card cannot be shown (too large for Teams, or a turn that could not finish
 * after its write) is still shown: its status and its latest event, never an error card.
 */
export const casusCompactCard = defineCard(
  'casus-compact',
  template,
  z.object({
    casusNumber: casusNumberSchema,
    status: casusCardSchema.shape.status,
    /** The status, and the table that holds the casus when it is known. */
    statusLine: z.string(),
    notices: casusCardSchema.shape.notices,
    latest: z.array(z.object({ what: z.string(), when: z.string(), who: z.string() })).max(1),
    /** Why the full card is not shown, and that nothing of the casus is lost. */
    why: z.string().min(1),
  }),
);
