import { z } from 'zod';
import template from '../../cards/casus-compact.json';
import { defineCard } from './card-template';
import { casusNumberSchema } from './restricted-text';
import { casusCardSchema } from './casus.card';

/**
 * A casus whose full card cannot be rendered (too large for Teams) is still shown: its status and
 * its latest event, never an error card, so a decision on it is never hidden behind one.
 */
export const casusCompactCard = defineCard(
  'casus-compact',
  template,
  z.object({
    casusNumber: casusNumberSchema,
    status: casusCardSchema.shape.status,
    kamer: z.string(),
    notices: casusCardSchema.shape.notices,
    latest: z.array(z.object({ what: z.string(), when: z.string(), who: z.string() })).max(1),
  }),
);
