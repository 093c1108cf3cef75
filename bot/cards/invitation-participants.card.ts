import { z } from 'zod';
import template from '../../cards/invitation-participants.json';
import { invitationStateLabels } from '../../src/domain/invitation/invitation-machine';
import { defineCard } from './card-template';
import { noticeSchema } from './notice';
import { casusNumberSchema, labelSchema } from './restricted-text';
import { zeroOrOne } from './schema-parts';

const line = zeroOrOne(z.object({ text: z.string().min(1) }));

/** At most this many on one card; a casus has a handful of incidentele deelnemers. */
export const MAX_PARTICIPANTS_SHOWN = 20;

/**
 * "Deelnemers en verklaringen": the incidentele deelnemers of a casus with their state, their
 * declaration and when they signed, the short-lived links to each signed declaration, and
 * "Informatie delen" for those the viewer may send to.
 */
const participantsSchema = z.object({
  casusId: z.uuid(),
  casusNumber: casusNumberSchema,
  notices: zeroOrOne(noticeSchema),
  empty: zeroOrOne(z.object({})),
  closed: zeroOrOne(z.object({})),
  linkNote: zeroOrOne(z.object({})),
  participants: z
    .array(
      z.object({
        organisatie: z.string().min(1),
        contact: z.string().min(1),
        state: labelSchema(invitationStateLabels),
        declaration: line,
        signed: line,
        shared: line,
        links: zeroOrOne(z.object({ view: z.url(), report: z.url() })),
        share: zeroOrOne(z.object({ casusId: z.uuid(), invitationId: z.uuid() })),
        /** "Ondertekenlink maken": approved, not yet signed, and the viewer is of its table. */
        signingLink: zeroOrOne(z.object({ casusId: z.uuid(), invitationId: z.uuid() })).default([]),
      }),
    )
    .max(MAX_PARTICIPANTS_SHOWN),
});
export type ParticipantsCardView = z.input<typeof participantsSchema>;

export const invitationParticipantsCard = defineCard(
  'invitation-participants',
  template,
  participantsSchema,
);
