import { z } from 'zod';
import { pagerSchema, zeroOrOne } from './schema-parts';
import template from '../../cards/demo-personas.json';
import { defineCard } from './card-template';

/** One page of the persons a demo user can act as: bounded however large the registry. */
export const demoPersonasCard = defineCard(
  'demo-personas',
  template,
  z.object({
    current: z.string(),
    /** What was typed after "rol", carried by the page buttons (empty: everyone). */
    filter: z.string().max(100),
    personas: z
      .array(
        z.object({ id: z.guid(), name: z.string(), roles: z.string(), organisation: z.string() }),
      )
      .max(12),
    none: zeroOrOne(z.object({})),
    pager: zeroOrOne(pagerSchema({}, { page: z.number().int().min(1) })),
  }),
);
