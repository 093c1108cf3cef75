import { directProgress, type EntryProgress } from '../../src/app/notifications/delivery-progress';
import type { Casus } from '../../src/domain/casus/casus.schema';
import { isParticipating } from '../../src/domain/invitation/invitation-machine';
import { participantUserId, SHARE_OUTBOX_KIND } from '../../src/domain/invitation/share';
import type { Logger } from '../../src/logging/logger';
import { informationSharedCard } from '../cards/information-shared.card';
import { formatDateTime } from '../presenters/casus-status';
import type { CardPoster } from './card-poster';
import type { DeliveryChats } from './recipients';

/**
 * Delivers the pending shares of a casus, each to the personal chat of the participant it was
 * written for, and only while they still take part: a participation that ended meanwhile (the
 * casus closed, the table ended it) gets nothing. The card holds only what the sharer wrote.
 */
export async function deliverShares(
  deps: { poster: CardPoster; maxAttempts: number; logger: Logger },
  casus: Casus & { casusNumber: string },
  chats: DeliveryChats,
): Promise<EntryProgress[]> {
  const pending = casus.outbox.filter((entry) => !entry.sentAt && entry.kind === SHARE_OUTBOX_KIND);
  return Promise.all(
    pending.map(async (entry): Promise<EntryProgress> => {
      const done = (reason?: string): EntryProgress => {
        if (reason) deps.logger.warn({ casusId: casus.id, reason }, 'share not delivered');
        return directProgress(entry, true, deps.maxAttempts);
      };
      const invitation = casus.invitations.find((i) => i.shares?.some((s) => s.id === entry.id));
      const share = invitation?.shares?.find((s) => s.id === entry.id);
      if (!invitation || !share) return done('share-missing');
      if (casus.state === 'afgesloten' || !isParticipating(invitation.state)) {
        return done('participation-ended');
      }
      const userId = participantUserId(invitation);
      const chat = userId && (await chats.chatOf(userId));
      if (!chat) return done('no-conversation');
      try {
        const card = informationSharedCard.render({
          casusNumber: casus.casusNumber,
          from: `${share.by.name}, ${share.by.organisationName}`,
          when: formatDateTime(share.at),
          purpose: share.purpose,
          text: share.text,
        });
        const posted = await deps.poster.post(chat, casus.id, card);
        if (posted.ok || posted.permanent) return done(posted.ok ? undefined : 'refused');
      } catch (error) {
        deps.logger.warn({ err: error, casusId: casus.id }, 'share not delivered; will retry');
      }
      return directProgress(entry, false, deps.maxAttempts);
    }),
  );
}
