import type { Kamer, Organisation, Person, RoleName } from '../registry/registry.schema';
import { hasIntakeRole } from '../registry/roles';
import { fail, ok, type Result } from '../shared/result';
import {
  transitionFor,
  type CasusAction,
  type DecidingTable,
  type Transition,
} from './casus-machine';
import type { Casus } from './casus.schema';

/** In what capacity, and for whom, a person acts: recorded in the audit trail. */
export interface Authority {
  role: RoleName;
  onBehalfOf: string;
  /** The kamer where a decision role is held: audit lines name it. */
  kamerId?: string;
}

export type RightsRefusal = 'not-allowed-in-state' | 'not-authorised';

type CasusFacts = Pick<Casus, 'state' | 'kamerId' | 'createdBy' | 'audit'>;

/** On whose behalf a procesregisseur or weegtafellid decides, as audit lines say it. */
export const ON_BEHALF_OF_OVERHEIDSDEELNEMERS = 'de overheidsdeelnemers (art. 2.27 WGS)';

/**
 * WGS art. 2.27: only the overheidsdeelnemers decide, through a procesregisseur or weegtafel they
 * mandate. So a decision role counts only for personnel of an overheidsdeelnemer, and only at the
 * kamer the role is for. Private vaste deelnemers take part but do not decide; incidentele
 * deelnemers can do nothing here.
 */
function decisionRole(
  person: Person,
  organisation: Organisation,
  kamerId: string | undefined,
): RoleName | undefined {
  if (organisation.category !== 'overheidsdeelnemer' || !kamerId) return undefined;
  const role = person.roles.find(
    (r) => (r.role === 'procesregisseur' || r.role === 'weegtafellid') && r.kamerId === kamerId,
  );
  return role?.role;
}

/** Intake and answering a request for information: the worker who submitted, or a colleague of the same team. */
function intakeAuthority(
  person: Person,
  organisation: Organisation,
  casus: CasusFacts,
): Authority | undefined {
  if (organisation.category === 'incidentele-deelnemer' || !hasIntakeRole(person)) return undefined;
  const sameTeam =
    person.id === casus.createdBy.id || organisation.id === casus.createdBy.organisationId;
  return sameTeam ? { role: 'wijkteammedewerker', onBehalfOf: organisation.name } : undefined;
}

/** The authority a person holds at a table for this casus, if any: the one rule for every decision. */
export function authorityAt(
  table: DecidingTable,
  person: Person,
  organisation: Organisation,
  casus: CasusFacts,
  kamer: Kamer,
): Authority | undefined {
  switch (table) {
    case 'intake':
      return intakeAuthority(person, organisation, casus);
    case 'lokale-kamer': {
      const role = decisionRole(person, organisation, casus.kamerId);
      return role && { role, onBehalfOf: ON_BEHALF_OF_OVERHEIDSDEELNEMERS, kamerId: casus.kamerId };
    }
    case 'zvh': {
      const zvhId = kamer.type === 'lokale-kamer' ? kamer.zvhId : undefined;
      const role = decisionRole(person, organisation, zvhId);
      return role && { role, onBehalfOf: ON_BEHALF_OF_OVERHEIDSDEELNEMERS, kamerId: zvhId };
    }
  }
}

/**
 * May this person take this action on this casus now? `kamer` is the casus's Lokale Kamer (its
 * ZVH is the one escalations go to). Checked on the server for every action, whatever a card shows.
 */
export function authorise(
  person: Person,
  organisation: Organisation,
  casus: CasusFacts,
  kamer: Kamer,
  action: CasusAction,
): Result<{ transition: Transition; authority: Authority }, RightsRefusal> {
  const transition = transitionFor(casus.state, action);
  if (!transition) return fail('not-allowed-in-state');
  const authority = authorityAt(transition.by, person, organisation, casus, kamer);
  return authority ? ok({ transition, authority }) : fail('not-authorised');
}

/** Whether the ZVH has been involved: only then may it see the casus (data minimisation, art. 2.25 WGS). */
export function reachedZvh(casus: Pick<Casus, 'audit'>): boolean {
  return casus.audit.some((entry) => entry.to === 'opschaling_aangevraagd');
}

/**
 * Who may see a casus ("casus <nummer>", the decision card): the intake side, the decision makers of
 * its Lokale Kamer, and those of the ZVH once an escalation was asked.
 */
export function mayView(
  person: Person,
  organisation: Organisation,
  casus: CasusFacts,
  kamer: Kamer,
): boolean {
  return (
    intakeAuthority(person, organisation, casus) !== undefined ||
    authorityAt('lokale-kamer', person, organisation, casus, kamer) !== undefined ||
    (reachedZvh(casus) && authorityAt('zvh', person, organisation, casus, kamer) !== undefined)
  );
}
