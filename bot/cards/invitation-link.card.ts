import { z } from 'zod';
import template from '../../cards/invitation-link.json';
import { defineCard } from './card-template';
import { casusNumberSchema, dateTimeTextSchema } from './restricted-text';

/** Why the proposer is given the link, completing "<name> (<organisation>) …". */
export const linkReasons = {
  'geen-teams': 'heeft geen Teams-account in deze organisatie.',
  'niet-bereikbaar': 'is in Teams niet te bereiken: die heeft casusbot nog niet geopend.',
  gevraagd: 'krijgt een nieuwe link.',
} as const;

/**
 * For the proposer, when the invitee cannot be reached in Teams (or a new link is asked for): the
 * single-use signing link to send on, in a field to copy, and a button that opens an e-mail to the
 * invitee with the link in it. The invitee's name, organisation and address are shown literally.
 */
export const invitationLinkCard = defineCard(
  'invitation-link',
  template,
  z.object({
    casusId: z.uuid(),
    casusNumber: casusNumberSchema,
    contactName: z.string().min(1),
    organisation: z.string().min(1),
    email: z.string().min(3),
    why: z.enum(Object.values(linkReasons) as [string, ...string[]]),
    url: z.url({ protocol: /^https?$/ }),
    mailto: z.string().startsWith('mailto:'),
    expiresAt: dateTimeTextSchema,
  }),
);
