import { z } from 'zod';
import {
  issueSigningLink,
  type SigningLinkRefusal,
} from '../../../src/app/invitation/issue-signing-link';
import type { AdaptiveCardJson } from '../../cards/card-template';
import { warning } from '../../cards/notice';
import { linkCardFor } from '../../presenters/invitee-delivery';
import { verbRoute, type Turn } from '../route-types';
import { accessRefusal, notFound } from './casus-cards';
import { participants } from './participants.handler';

const refusalText = (
  refusal: Extract<SigningLinkRefusal, { kind: 'not-of-table' | 'not-signable' }>,
): string => {
  if (refusal.kind === 'not-of-table') {
    return 'Een ondertekenlink maakt alleen een deelnemer van de tafel die de uitnodiging goedkeurde. Er is geen link gemaakt.';
  }
  return refusal.signed
    ? 'De verklaring is al ondertekend: een nieuwe link is niet nodig. Er is geen link gemaakt.'
    : 'Deze uitnodiging kan niet meer ondertekend worden: ze is beëindigd, afgewezen of verlopen, of de casus is afgesloten. Er is geen link gemaakt.';
};

async function signingLink(
  turn: Turn,
  ids: { casusId: string; invitationId: string },
): Promise<AdaptiveCardJson> {
  const issued = await issueSigningLink(
    { ...turn.services, signingLinks: turn.services.participants.signingLinks },
    turn.actor,
    ids,
  );
  if (!issued.ok) {
    const refusal = issued.error;
    if (refusal.kind === 'not-found' || refusal.kind === 'not-authorised') {
      return accessRefusal(refusal);
    }
    return participants(turn, refusal.casus, warning(refusalText(refusal)));
  }
  const { casus, invitation, link } = issued.value;
  if (!casus.casusNumber) return notFound();
  return linkCardFor(
    { id: casus.id, casusNumber: casus.casusNumber },
    invitation,
    link,
    'gevraagd',
  );
}

/** "Ondertekenlink maken" on the participants card: a new link for an approved invitee. */
export const signingLinkVerbRoutes = [
  verbRoute({
    verb: 'invitation.link',
    data: z.object({ casusId: z.uuid(), invitationId: z.uuid() }),
    handle: signingLink,
  }),
];
