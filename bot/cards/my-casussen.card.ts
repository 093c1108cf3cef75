import { z } from 'zod';
import { pagerSchema, zeroOrOne } from './schema-parts';
import template from '../../cards/my-casussen.json';
import removeTemplate from '../../cards/draft-remove.json';
import { casusStateLabels } from '../presenters/casus-status';
import { noticeSchema } from './notice';
import { defineCard } from './card-template';
import { casusNumberSchema, labelSchema } from './restricted-text';

const casusRef = z.object({ casusId: z.uuid() });
const page = z.number().int().min(1);
/** Where each section of the list stands: every button that leads back to the list carries both. */
const pages = { draftsPage: page, submittedPage: page };

const rowSchema = z.object({
  /** The casus number, or "Concept" before it has one. */
  title: casusNumberSchema.or(z.literal('Concept')),
  status: labelSchema(casusStateLabels),
  /** The betrokkene's name as typed, or "leeg": what tells two drafts apart. */
  betrokkene: z.string().min(1),
  subtitle: z.string(),
  /** "Open", with the page its casus card leads back to. */
  open: zeroOrOne(casusRef.extend({ page })),
  resume: zeroOrOne(casusRef),
  remove: zeroOrOne(casusRef.extend({ revision: z.number().int().min(0), ...pages })),
});

const sectionSchema = z.object({
  title: z.enum(['Concepten', 'Aangemelde casussen']),
  none: zeroOrOne(z.object({ text: z.string() })),
  rows: z.array(rowSchema).max(20),
  pager: zeroOrOne(
    pagerSchema(
      { noun: z.enum(['concept', 'concepten', 'aangemelde casus', 'aangemelde casussen']) },
      pages,
    ),
  ),
});

/**
 * "mijn casussen": drafts and submitted casussen in two sections that page on their own; each row
 * says whose casus it is and offers what can be done with it now.
 */
export const myCasussenCard = defineCard(
  'my-casussen',
  template,
  z.object({
    notices: zeroOrOne(noticeSchema),
    empty: zeroOrOne(z.object({})),
    truncated: zeroOrOne(z.object({ max: z.number().int().min(1) })),
    sections: z.array(sectionSchema).max(2),
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
    ...pages,
  }),
);
