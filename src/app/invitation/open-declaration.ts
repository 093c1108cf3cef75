import type { Casus } from '../../domain/casus/casus.schema';
import type { Invitation } from '../../domain/invitation/invitation.schema';
import type { SignedDeclaration } from '../../domain/invitation/signed-declaration.schema';
import type { Kamer } from '../../domain/registry/registry.schema';
import { fail, ok, type Result } from '../../domain/shared/result';
import { loadVisibleCasus, type CasusServices } from '../casus/casus-access';
import { identifyActor } from '../identify-actor';
import { recorderFor, type AccessRecording } from '../access/access-recorder';
import type { Logger } from '../../logging/logger';
import type { LinkTokens } from '../links/link-tokens';

/** Why a viewing link shows nothing; the page says which, in Dutch, and nothing of the casus. */
export type ViewingRefusal =
  /** Tampered, malformed, for another purpose, or naming a declaration that is not there. */
  | 'ongeldig'
  | 'verlopen'
  /** The person it was issued to may not (or no longer) see the casus. */
  | 'geen-toegang'
  /** The casus is closed: its participations ended, and so did every link to them. */
  | 'afgesloten';

export interface OpenedDeclaration {
  casus: Casus & { casusNumber: string };
  kamer: Kamer;
  invitation: Invitation;
  declaration: SignedDeclaration;
}

/**
 * What a viewing link opens: its token checked (signature, expiry, purpose), then the person it
 * was issued to checked again as if they opened the casus now (registry access, the casus card's
 * visibility rule), then the declaration it names. One read of the casus; nothing is written.
 */
export async function openDeclarationByLink(
  services: Omit<CasusServices, 'access'> &
    AccessRecording & { tokens: LinkTokens; logger: Logger },
  token: unknown,
  why: string,
): Promise<Result<OpenedDeclaration, ViewingRefusal>> {
  const claims = await services.tokens.verify(token, 'verklaring-bekijken');
  if (!claims.ok) return fail(claims.error === 'expired' ? 'verlopen' : 'ongeldig');
  const { casusId, invitationId, sub } = claims.value;
  // A viewing link without the person it was issued to is not one this server made.
  if (!sub || sub === invitationId) return fail('ongeldig');
  const today = services.now().toISOString().slice(0, 10);
  const identified = await identifyActor(services.registry, sub, { demoMode: false, today });
  if (!identified.ok) return fail('geen-toegang');
  const access = recorderFor(services, services.logger, identified.actor, why);
  const loaded = await loadVisibleCasus(
    { ...services, access },
    identified.actor,
    await services.casussen.get(casusId),
  );
  await access.settled();
  if (!loaded.ok) return fail('geen-toegang');
  const { casus, kamer } = loaded.value;
  if (casus.state === 'afgesloten') return fail('afgesloten');
  const invitation = casus.invitations.find((i) => i.id === invitationId);
  const declaration = casus.declarations.find((d) => d.record.invitationId === invitationId);
  if (!invitation || !declaration || !casus.casusNumber) return fail('ongeldig');
  return ok({
    casus: { ...casus, casusNumber: casus.casusNumber },
    kamer,
    invitation,
    declaration,
  });
}
