import { isEntraObjectId } from '../../src/app/identify-actor';
import { inviteeStanding } from '../../src/app/invitation/invitee-standing';
import type { CasusRepository } from '../../src/domain/casus/casus.repository';
import type { RegistryRepository } from '../../src/domain/registry/registry.repository';
import type { Logger } from '../../src/logging/logger';
import type { AdaptiveCardJson } from '../cards/card-template';
import { notAuthorisedCard } from '../cards/not-authorised.card';
import { signCardFor } from '../presenters/invitee-delivery';

const PARTICIPANT_TEXT =
  'Je bent incidentele deelnemer aan een casus. Je krijgt geen toegang tot casusbot (art. 2.21 lid 3 BGS): wat je voor je bijdrage nodig hebt, stuurt de tafel je hier toe.';

/**
 * The answer to a Teams user who may not use the system, when they are an invitee: asked to sign,
 * they get their "Ondertekenen" card (whatever they typed or pressed); taking part, they are told
 * that what they need is sent to them. Either way the bot keeps their chat (`remember`), so the
 * request to sign and the shares reach them. Anyone else: undefined, and the usual refusal.
 */
export async function inviteeAnswer(
  services: { casussen: CasusRepository; registry: RegistryRepository },
  aadObjectId: string | undefined,
  remember: (personId: string) => Promise<void>,
  logger: Logger,
): Promise<AdaptiveCardJson | undefined> {
  if (!isEntraObjectId(aadObjectId)) return undefined;
  const objectId = aadObjectId.toLowerCase();
  const standing = await inviteeStanding(services.casussen, objectId);
  if (!standing.reachable) return undefined;
  await remember(objectId);
  const [first] = standing.signable;
  if (!first) {
    logger.info('participant answered: no access');
    return notAuthorisedCard.render({ reason: PARTICIPANT_TEXT });
  }
  const table = await services.registry.getKamer(first.invitation.tableId);
  if (!table) throw new Error(`The kamer ${first.invitation.tableId} of an invitation is unknown`);
  logger.info('invitee answered: asked to sign');
  return signCardFor(first.casus, first.invitation, table);
}
