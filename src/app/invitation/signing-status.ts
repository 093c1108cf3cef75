import type { Casus } from '../../domain/casus/casus.schema';
import type { Invitation } from '../../domain/invitation/invitation.schema';
import { fail, ok, type Result } from '../../domain/shared/result';
import type { SigningRefusal } from './signing';

/**
 * Whether an invitation of this casus can be signed now, and if not, which refusal says why. The
 * signing page, the signature and the Teams dialog all ask this, so they refuse alike.
 */
export function signableInvitation(
  casus: Pick<Casus, 'state' | 'invitations'>,
  invitationId: string,
): Result<
  Invitation & { declaration: NonNullable<Invitation['declaration']> },
  SigningRefusal['kind']
> {
  const invitation = casus.invitations.find((candidate) => candidate.id === invitationId);
  if (!invitation) return fail('ongeldige-link');
  switch (invitation.state) {
    case 'ondertekend':
      return fail('al-ondertekend');
    case 'afgewezen':
    case 'beeindigd':
    case 'verlopen':
      return fail('niet-meer-geldig');
    case 'voorgesteld':
      // No link is issued before approval: a token for it is not one of ours to honour.
      return fail('ongeldige-link');
    case 'goedgekeurd':
      break;
  }
  // Closing lapses every open invitation in the same write; checked as well, so a casus that
  // closed some other way still ends every link.
  if (casus.state === 'afgesloten') return fail('niet-meer-geldig');
  const { declaration } = invitation;
  if (!declaration) throw new Error(`Approved invitation ${invitation.id} has no declaration`);
  return ok({ ...invitation, declaration });
}
