import type { Casus } from '../../domain/casus/casus.schema';
import {
  applyShare,
  checkShare,
  participantUserId,
  shareOf,
  type CheckedShare,
  type ShareRefusal,
} from '../../domain/invitation/share';
import type { InformationShare, ShareDelivery } from '../../domain/invitation/share.schema';
import { fail, ok, type Result } from '../../domain/shared/result';
import { WriteOutcomeUnknownError } from '../../domain/shared/write-outcome';
import { loadVisibleCasus, type AccessRefusal, type CasusServices } from '../casus/casus-access';
import type { Actor } from '../identify-actor';
import type { ConversationDirectory } from '../notifications/conversation-directory';

export interface ShareServices extends CasusServices {
  conversations: ConversationDirectory;
}

export type ShareInformationRefusal =
  | AccessRefusal
  | { kind: 'refused'; casus: Casus; refusal: ShareRefusal }
  /**
   * The first press: every check passed and nothing was written. A share cannot be taken back, so
   * the sharer sees what will be sent, to whom and how, and confirms with a second press.
   */
  | { kind: 'confirm-first'; casus: Casus; checked: CheckedShare; delivery: ShareDelivery }
  /** Other writes kept coming first; nothing changed, trying again helps. */
  | { kind: 'busy'; casus: Casus };

export interface ShareRequest {
  casusId: string;
  invitationId: string;
  text: unknown;
  purpose: unknown;
  confirmed: boolean;
  activityId: string | undefined;
}

const MAX_WRITES = 3;

/** Whether the bot knows the participant's personal chat, so that it can deliver the card. */
async function deliveryTo(
  conversations: ConversationDirectory,
  userId: string | undefined,
): Promise<ShareDelivery> {
  if (!userId) return 'buiten-teams';
  const reference = (await conversations.get(userId)) as
    { conversation?: { id?: unknown } } | undefined;
  return typeof reference?.conversation?.id === 'string' ? 'teams' : 'buiten-teams';
}

/**
 * "Informatie delen" with an incidentele deelnemer who signed: for a deelnemer of the table who may
 * see the casus, checked in full on both presses; the second writes the share, its audit line and
 * (when their chat is known) the outbox entry that delivers it, in one ETag-guarded write.
 */
export async function shareInformation(
  services: ShareServices,
  actor: Actor,
  input: ShareRequest,
): Promise<Result<{ casus: Casus; share: InformationShare }, ShareInformationRefusal>> {
  let unanswered = false;
  for (let attempt = 0; ; attempt++) {
    const loaded = await loadVisibleCasus(
      services,
      actor,
      await services.casussen.get(input.casusId),
    );
    if (!loaded.ok) return loaded;
    const { casus, etag } = loaded.value;
    const recorded = shareOf(casus, input.activityId);
    if (recorded) return ok({ casus, share: recorded });
    if (attempt === MAX_WRITES) {
      if (unanswered) throw new WriteOutcomeUnknownError('informatie delen');
      return fail({ kind: 'busy', casus });
    }
    const checked = checkShare({
      casus,
      invitationId: input.invitationId,
      sharer: actor,
      text: input.text,
      purpose: input.purpose,
    });
    if (!checked.ok) return fail({ kind: 'refused', casus, refusal: checked.error });
    const delivery = await deliveryTo(
      services.conversations,
      participantUserId(checked.value.invitation),
    );
    if (!input.confirmed) {
      return fail({ kind: 'confirm-first', casus, checked: checked.value, delivery });
    }
    const id = services.newId();
    const next = applyShare(casus, checked.value, actor, {
      id,
      at: services.now().toISOString(),
      delivery,
      activityId: input.activityId,
    });
    const written = await services.casussen.replace(next, etag);
    if (written.ok) {
      const share =
        shareOf(written.value.value, input.activityId) ??
        next.invitations.find((i) => i.id === input.invitationId)?.shares?.find((s) => s.id === id);
      if (!share) throw new Error('share not found in the casus just written');
      return ok({ casus: written.value.value, share });
    }
    if (written.error === 'not-found') return fail({ kind: 'not-found' });
    if (written.error === 'outcome-unknown') unanswered = true;
  }
}
