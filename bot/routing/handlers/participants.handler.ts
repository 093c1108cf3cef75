import { z } from 'zod';
import { openCasusById } from '../../../src/app/casus/open-casus';
import {
  shareInformation,
  type ShareInformationRefusal,
} from '../../../src/app/invitation/share-information';
import type { Casus } from '../../../src/domain/casus/casus.schema';
import { isParticipating } from '../../../src/domain/invitation/invitation-machine';
import { maySendTo } from '../../../src/domain/invitation/share';
import type { ShareDelivery } from '../../../src/domain/invitation/share.schema';
import type { AdaptiveCardJson } from '../../cards/card-template';
import { invitationShareCard } from '../../cards/invitation-share.card';
import { information, warning, type Notice } from '../../cards/notice';
import { participantsCardFor } from '../../presenters/participants.presenter';
import { verbRoute, type Turn } from '../route-types';
import { accessRefusal, notFound } from './casus-cards';

const typed = (max: number) => z.string().max(max).default('');
const ids = { casusId: z.uuid(), invitationId: z.uuid() };
const draft = { purpose: typed(1000), text: typed(8000) };

function numbered(casus: Casus): (Casus & { casusNumber: string }) | undefined {
  return casus.casusNumber ? { ...casus, casusNumber: casus.casusNumber } : undefined;
}

/** "Deelnemers en verklaringen" for the turn's actor, with what the turn says on top. */
export async function participants(turn: Turn, casus: Casus, notice?: Notice) {
  const withNumber = numbered(casus);
  if (!withNumber) return notFound();
  return participantsCardFor(turn.actor, withNumber, turn.services.participants.links, notice);
}

function shareCard(
  casus: Casus & { casusNumber: string },
  invitationId: string,
  part: {
    form?: { purpose: string; text: string };
    confirm?: { purpose: string; text: string; delivery: ShareDelivery };
  },
  notice?: Notice,
): AdaptiveCardJson {
  const invitation = casus.invitations.find((i) => i.id === invitationId);
  if (!invitation) return notFound();
  const contact = invitation.proposal.contactpersoon.naam;
  return invitationShareCard.render({
    casusNumber: casus.casusNumber,
    contact,
    organisatie: invitation.proposal.organisatie.naam,
    notices: notice ? [notice] : [],
    form: part.form ? [{ casusId: casus.id, invitationId, ...part.form }] : [],
    confirm: part.confirm
      ? [
          {
            casusId: casus.id,
            invitationId,
            purpose: part.confirm.purpose,
            text: part.confirm.text,
            consequence:
              part.confirm.delivery === 'teams'
                ? `Weet je het zeker? ${contact} krijgt dit als bericht in Teams, en het delen wordt vastgelegd in de casus. Dit kan niet ongedaan worden.`
                : `Let op: ${contact} is niet bereikbaar in Teams. Het delen wordt vastgelegd in de casus, maar je moet de informatie zelf op een andere veilige manier versturen. Dit kan niet ongedaan worden.`,
          },
        ]
      : [],
  });
}

async function shareRefusal(
  turn: Turn,
  reason: ShareInformationRefusal,
  input: { invitationId: string; purpose: string; text: string },
): Promise<AdaptiveCardJson> {
  if (reason.kind === 'not-found' || reason.kind === 'not-authorised') return accessRefusal(reason);
  const casus = numbered(reason.casus);
  if (!casus) return notFound();
  switch (reason.kind) {
    case 'confirm-first':
      return shareCard(casus, input.invitationId, {
        confirm: {
          purpose: reason.checked.purpose,
          text: reason.checked.text,
          delivery: reason.delivery,
        },
      });
    case 'busy':
      return shareCard(
        casus,
        input.invitationId,
        { form: input },
        warning(
          'De casus werd op hetzelfde moment bijgewerkt. Er is niets gedeeld; probeer het opnieuw.',
        ),
      );
    case 'refused':
      // What was typed stays in the form when only the text is wrong; otherwise sharing is over.
      return reason.refusal.kind === 'onvolledig'
        ? shareCard(
            casus,
            input.invitationId,
            { form: input },
            warning(`${reason.refusal.reason} Er is niets gedeeld.`),
          )
        : participants(turn, casus, warning(`${reason.refusal.reason} Er is niets gedeeld.`));
  }
}

async function share(
  turn: Turn,
  input: { casusId: string; invitationId: string; purpose: string; text: string },
  confirmed: boolean,
): Promise<AdaptiveCardJson> {
  const shared = await shareInformation(
    { ...turn.services, conversations: turn.services.participants.conversations },
    turn.actor,
    { ...input, confirmed, activityId: turn.activityId },
  );
  if (!shared.ok) return shareRefusal(turn, shared.error, input);
  const { casus, share: recorded } = shared.value;
  const invitation = casus.invitations.find((i) => i.id === input.invitationId);
  const contact = invitation?.proposal.contactpersoon.naam ?? 'de deelnemer';
  if (recorded.delivery === 'teams') {
    turn.services.notifications.deliverSoon(casus.id);
    return participants(
      turn,
      casus,
      information(
        `Gedeeld met ${contact}: het bericht wordt in Teams bezorgd en het delen is vastgelegd in de casus.`,
      ),
    );
  }
  return participants(
    turn,
    casus,
    warning(
      `Vastgelegd, maar niet bezorgd: ${contact} is niet bereikbaar in Teams. Verstuur de informatie zelf op een andere veilige manier.`,
    ),
  );
}

/** "Deelnemers en verklaringen" and "Informatie delen". */
export const participantsVerbRoutes = [
  verbRoute({
    // From the casus card; for whoever may see the casus, as the casus card itself.
    verb: 'invitation.participants',
    data: z.object({ casusId: z.uuid() }),
    async handle(turn, { casusId }) {
      const opened = await openCasusById(turn.services, turn.actor, casusId);
      return opened.ok ? participants(turn, opened.value.casus) : accessRefusal(opened.error);
    },
  }),
  verbRoute({
    // The form, empty or with what was typed ("Terug" on the confirmation). Nothing is checked
    // but what it shows: every check runs again on both presses that follow.
    verb: 'invitation.share.form',
    data: z.object({ ...ids, ...draft }),
    async handle(turn, { casusId, invitationId, purpose, text }) {
      const opened = await openCasusById(turn.services, turn.actor, casusId);
      if (!opened.ok) return accessRefusal(opened.error);
      const casus = numbered(opened.value.casus);
      if (!casus) return notFound();
      const invitation = casus.invitations.find((i) => i.id === invitationId);
      if (
        !invitation ||
        casus.state === 'afgesloten' ||
        !isParticipating(invitation.state) ||
        !maySendTo(invitation, turn.actor)
      ) {
        return participants(
          turn,
          casus,
          warning(
            'Informatie delen kan alleen een deelnemer van de tafel, met een partij die heeft ondertekend en nog deelneemt.',
          ),
        );
      }
      return shareCard(casus, invitationId, { form: { purpose, text } });
    },
  }),
  verbRoute({
    verb: 'invitation.share',
    data: z.object({ ...ids, ...draft }),
    handle: (turn, input) => share(turn, input, false),
  }),
  verbRoute({
    verb: 'invitation.share.confirm',
    data: z.object({ ...ids, ...draft }),
    handle: (turn, input) => share(turn, input, true),
  }),
];
