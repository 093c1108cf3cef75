import { z } from 'zod';
import template from '../../cards/invitation-share.json';
import { MAX_SHARE_PURPOSE, MAX_SHARE_TEXT } from '../../src/domain/invitation/share.schema';
import { defineCard } from './card-template';
import { noticeSchema } from './notice';
import { casusNumberSchema } from './restricted-text';
import { zeroOrOne } from './schema-parts';

/**
 * "Informatie delen" with one participant: the form (purpose and what is shared), or, after the
 * first press, what will be sent and that it cannot be undone, with "Ja, delen" and "Terug".
 */
export const invitationShareCard = defineCard(
  'invitation-share',
  template,
  z.object({
    casusNumber: casusNumberSchema,
    contact: z.string().min(1),
    organisatie: z.string().min(1),
    notices: zeroOrOne(noticeSchema),
    form: zeroOrOne(
      z.object({
        casusId: z.uuid(),
        invitationId: z.uuid(),
        purpose: z.string().max(MAX_SHARE_PURPOSE * 2),
        text: z.string().max(MAX_SHARE_TEXT * 2),
      }),
    ),
    confirm: zeroOrOne(
      z.object({
        casusId: z.uuid(),
        invitationId: z.uuid(),
        purpose: z.string().min(1).max(MAX_SHARE_PURPOSE),
        text: z.string().min(1).max(MAX_SHARE_TEXT),
        consequence: z.string().min(1),
      }),
    ),
  }),
);
