import { z } from 'zod';
import template from '../../cards/information-shared.json';
import { MAX_SHARE_PURPOSE, MAX_SHARE_TEXT } from '../../src/domain/invitation/share.schema';
import { defineCard } from './card-template';
import { casusNumberSchema, dateTimeTextSchema } from './restricted-text';

/**
 * What an incidentele deelnemer receives when the table shares information with them: the casus by
 * the number they signed for, who sent it and why, and the text, literally. No buttons: they have
 * no access to the casus (art. 2.21 lid 3 BGS).
 */
export const informationSharedCard = defineCard(
  'information-shared',
  template,
  z.object({
    casusNumber: casusNumberSchema,
    from: z.string().min(1),
    when: dateTimeTextSchema,
    purpose: z.string().min(1).max(MAX_SHARE_PURPOSE),
    text: z.string().min(1).max(MAX_SHARE_TEXT),
  }),
);
