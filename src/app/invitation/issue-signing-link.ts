import type { Casus } from '../../domain/casus/casus.schema';
import type { Invitation } from '../../domain/invitation/invitation.schema';
import { maySendTo } from '../../domain/invitation/share';
import { fail, ok, type Result } from '../../domain/shared/result';
import type { AccessRefusal, CasusServices } from '../casus/casus-access';
import { openCasusById } from '../casus/open-casus';
import type { Actor } from '../identify-actor';
import type { SigningLinks } from './signing-link';
import { signableInvitation } from './signing-status';

export type SigningLinkRefusal =
  | AccessRefusal
  /** Signed already (`signed`), or ended, rejected, lapsed, or the casus closed: no link. */
  | { kind: 'not-signable'; casus: Casus; signed: boolean }
  /** Only a deelnemer of the table that approved it hands out links to sign. */
  | { kind: 'not-of-table'; casus: Casus };

/**
 * A new single-use link for an approved invitation, for a deelnemer of its table to send to the
 * invitee: when the first one lapsed or went astray. Nothing is written: a link is valid by its
 * signature, and each is used at most once, since the invitation can be signed only once. One
 * casus read.
 */
export async function issueSigningLink(
  services: CasusServices & { signingLinks: SigningLinks },
  actor: Actor,
  ids: { casusId: string; invitationId: string },
): Promise<
  Result<
    { casus: Casus; invitation: Invitation; link: { url: string; expiresAt: Date } },
    SigningLinkRefusal
  >
> {
  const opened = await openCasusById(services, actor, ids.casusId);
  if (!opened.ok) return opened;
  const { casus } = opened.value;
  const signable = signableInvitation(casus, ids.invitationId);
  if (!signable.ok) {
    return fail({ kind: 'not-signable', casus, signed: signable.error === 'al-ondertekend' });
  }
  if (!maySendTo(signable.value, actor)) return fail({ kind: 'not-of-table', casus });
  const link = await services.signingLinks(signable.value);
  return ok({ casus, invitation: signable.value, link });
}
