import { z } from 'zod';
import template from '../../cards/access-log.json';
import { defineCard } from './card-template';
import { noticeSchema } from './notice';
import { zeroOrOne } from './schema-parts';

/** Lines shown on the card; the rest is in the export. */
export const ACCESS_LINES_ON_CARD = 25;

/**
 * The privacy officer's questions to the access log ("wie heeft casus X ingezien", "wat heeft
 * persoon Y ingezien") in a period, with the answer and its export links.
 */
export const accessLogCard = defineCard(
  'access-log',
  template,
  z.object({
    notices: zeroOrOne(noticeSchema),
    answer: zeroOrOne(
      z.object({
        heading: z.string(),
        lines: z.array(z.object({ when: z.string(), text: z.string() })).max(ACCESS_LINES_ON_CARD),
        more: zeroOrOne(z.object({ text: z.string() })),
        csvUrl: z.url(),
        jsonUrl: z.url(),
      }),
    ),
    van: z.string().max(10),
    tot: z.string().max(10),
    casusNumber: z.string().max(40),
    personId: z.string().max(100),
    persons: z.array(z.object({ id: z.guid(), title: z.string() })).max(5000),
  }),
);
