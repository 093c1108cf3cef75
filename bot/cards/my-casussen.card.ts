import { z } from 'zod';
import template from '../../cards/my-casussen.json';
import removeTemplate from '../../cards/draft-remove.json';
import { casusStateLabels } from '../presenters/casus-status';
import { noticeSchema } from './notice';
import { defineCard } from './card-template';
import { casusNumberSchema, labelSchema } from './restricted-text';

const zeroOrOne = <T extends z.ZodType>(item: T) => z.array(item).max(1);
const casusRef = z.object({ casusId: z.uuid() });

/** "mijn casussen": each row says whose casus it is and offers what can be done with it now. */
export const myCasussenCard = defineCard(
  'my-casussen',
  template,
  z.object({
    notices: zeroOrOne(noticeSchema),
    empty: zeroOrOne(z.object({})),
    casussen: z.array(
      z.object({
        /** The casus number, or "Concept" before it has one. */
        title: casusNumberSchema.or(z.literal('Concept')),
        status: labelSchema(casusStateLabels),
        /** The betrokkene's name as typed, or "leeg": what tells two drafts apart. */
        betrokkene: z.string().min(1),
        subtitle: z.string(),
        open: zeroOrOne(casusRef),
        resume: zeroOrOne(casusRef),
        remove: zeroOrOne(casusRef.extend({ revision: z.number().int().min(0) })),
      }),
    ),
  }),
);

/** The confirmation before a draft is removed: removal cannot be undone. */
export const draftRemoveCard = defineCard(
  'draft-remove',
  removeTemplate,
  z.object({
    casusId: z.uuid(),
    revision: z.number().int().min(0),
    betrokkene: z.string().min(1),
    details: z.string(),
  }),
);
