import type { CasusAudience } from '../../src/app/casus/casus-audience';
import {
  directProgress,
  isLastAttempt,
  type EntryProgress,
} from '../../src/app/notifications/delivery-progress';
import type { SigningLinks } from '../../src/app/invitation/signing-link';
import { signableInvitation } from '../../src/app/invitation/signing-status';
import type { Casus, OutboxEntry } from '../../src/domain/casus/casus.schema';
import type { Invitation } from '../../src/domain/invitation/invitation.schema';
import { participantUserId } from '../../src/domain/invitation/share';
import { SIGNING_REQUEST_OUTBOX_KIND } from '../../src/domain/invitation/signing-request';
import type { RegistryRepository } from '../../src/domain/registry/registry.repository';
import type { Logger } from '../../src/logging/logger';
import type { linkReasons } from '../cards/invitation-link.card';
import { linkCardFor, signCardFor } from '../presenters/invitee-delivery';
import type { CardPoster, PostResult } from './card-poster';
import type { DeliveryChats } from './recipients';

export interface SigningRequestDependencies {
  poster: CardPoster;
  registry: RegistryRepository;
  signingLinks: SigningLinks;
  maxAttempts: number;
  logger: Logger;
}

type Step = 'settled' | 'retry' | 'unreachable';

/**
 * After an approval: the invitee gets "Ondertekenen" in their Teams chat when the bot knows it (they
 * opened casusbot once; their Entra object id is on the invitation). Otherwise, or when that chat
 * refuses for good, the proposer gets a single-use link to send on, as long as they may still see
 * the casus. An invitation that can no longer be signed (the casus closed, the table ended it)
 * gets nothing. One attempt per delivery; a failure for now is tried again with the next one, and
 * when the invitee's chat still fails at the last, the proposer gets the link after all.
 */
export async function deliverSigningRequests(
  deps: SigningRequestDependencies,
  casus: Casus & { casusNumber: string },
  audience: CasusAudience,
  chats: DeliveryChats,
): Promise<EntryProgress[]> {
  const pending = casus.outbox.filter(
    (entry) => !entry.sentAt && entry.kind === SIGNING_REQUEST_OUTBOX_KIND,
  );
  return Promise.all(
    pending.map(async (entry) => {
      const last = isLastAttempt(entry, deps.maxAttempts);
      const step = await requestSignature(deps, casus, audience, chats, entry, last).catch(
        (error: unknown): Step => {
          deps.logger.warn({ err: error, casusId: casus.id }, 'signing request not delivered');
          return 'retry';
        },
      );
      return directProgress(entry, step !== 'retry', deps.maxAttempts);
    }),
  );
}

async function requestSignature(
  deps: SigningRequestDependencies,
  casus: Casus & { casusNumber: string },
  audience: CasusAudience,
  chats: DeliveryChats,
  entry: OutboxEntry,
  /** This delivery is the entry's last: a chat still failing for now gets the link instead. */
  last: boolean,
): Promise<Step> {
  const invitationId =
    entry.auditIndex === undefined ? undefined : casus.audit[entry.auditIndex]?.invitationId;
  const signable = invitationId ? signableInvitation(casus, invitationId) : undefined;
  if (!signable?.ok) {
    deps.logger.info({ casusId: casus.id, reason: 'not-signable' }, 'signing request dropped');
    return 'settled';
  }
  const invitation = signable.value;
  const objectId = participantUserId(invitation);
  const inviteeChat = objectId && (await chats.chatOf(objectId));
  if (inviteeChat) {
    const table = await deps.registry.getKamer(invitation.tableId);
    if (!table) throw new Error(`The kamer ${invitation.tableId} of an invitation is unknown`);
    const posted = await deps.poster.post(
      inviteeChat,
      casus.id,
      signCardFor(casus, invitation, table),
    );
    // A throttled or unavailable chat is tried again first: a link sent at once would ask twice.
    if (posted.ok || (!posted.permanent && !last)) return stepOf(posted);
  }
  return sendLinkToProposer(
    deps,
    casus,
    audience,
    chats,
    invitation,
    objectId ? 'niet-bereikbaar' : 'geen-teams',
  );
}

async function sendLinkToProposer(
  deps: SigningRequestDependencies,
  casus: Casus & { casusNumber: string },
  audience: CasusAudience,
  chats: DeliveryChats,
  invitation: Invitation,
  why: keyof typeof linkReasons,
): Promise<Step> {
  const member = audience.get(invitation.proposedBy.id);
  const recipient = member && (await chats.recipient(member));
  if (!recipient) {
    deps.logger.warn(
      { casusId: casus.id, reason: 'proposer-unreachable' },
      'signing link not sent',
    );
    return 'unreachable';
  }
  const link = await deps.signingLinks(invitation);
  deps.logger.info({ casusId: casus.id, invitationId: invitation.id }, 'signing link issued');
  const card = linkCardFor(casus, invitation, link, why);
  return stepOf(await deps.poster.post(recipient.reference, casus.id, card));
}

const stepOf = (posted: PostResult): Step =>
  posted.ok ? 'settled' : posted.permanent ? 'unreachable' : 'retry';
