import type { LinkTokens } from '../links/link-tokens';

/** A fresh single-use link to the signing page for this invitation, and when it lapses. */
export type SigningLinks = (invitation: {
  id: string;
  casusId: string;
}) => Promise<{ url: string; expiresAt: Date }>;

/** A link the proposer sends on lasts a week: long enough for e-mail, short enough to lapse. */
export const SENT_LINK_TTL_SECONDS = 7 * 24 * 60 * 60;

/**
 * The signing page's link for an invitee outside Teams (or not reachable there), for the proposer
 * to send on: a fresh single-use token bound to the invitation, and when it expires (to state on
 * the card). The signer is then recorded by the link's id.
 */
export async function sentSigningLink(
  tokens: LinkTokens,
  baseUrl: string,
  invitation: { id: string; casusId: string },
  newId: () => string,
): Promise<{ url: string; expiresAt: Date }> {
  const { token, expiresAt } = await tokens.issue(
    'ondertekenen',
    { invitationId: invitation.id, casusId: invitation.casusId },
    SENT_LINK_TTL_SECONDS,
    newId(),
  );
  return { url: `${baseUrl}/ondertekenen?token=${encodeURIComponent(token)}`, expiresAt };
}
