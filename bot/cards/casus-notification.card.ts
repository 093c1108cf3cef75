import { z } from 'zod';
import { zeroOrOne } from './schema-parts';
import template from '../../cards/casus-notification.json';
import {
  casusStateShortLabels,
  deadlineNoticeLabels,
  eventLabels,
} from '../presenters/casus-status';
import { defineCard } from './card-template';
import { casusNumberSchema, dateTimeTextSchema, labelSchema } from './restricted-text';

/**
 * A notification about one event on a casus: what changed, by whom, when, what happens next, and
 * a button to open the casus. Not the dossier: that is one press away, in the viewer's own view.
 * "Open casus" is an Action.Submit, so the casus card arrives as a new message and the
 * notification stays what it is (its copy is updated in place later, as a notification).
 */
export const casusNotificationCard = defineCard(
  'casus-notification',
  template,
  z.object({
    casusId: z.uuid(),
    casusNumber: casusNumberSchema,
    status: labelSchema(casusStateShortLabels),
    kamer: z.string(),
    what: labelSchema({ ...eventLabels, ...deadlineNoticeLabels }),
    by: z.string(),
    when: dateTimeTextSchema,
    reasons: zeroOrOne(z.object({ text: z.string() })),
    /** The motivation, shortened: the question of a request for information, for one. */
    motivations: zeroOrOne(z.object({ text: z.string() })),
    /** One short line of the evidence for a decider (criterium 3's indications). */
    evidence: zeroOrOne(z.object({ text: z.string() })).default([]),
    nextStep: z.string().min(1),
  }),
);
