// Every kind of actor the authorisation matrix has a row for, as the bot meets them: a Teams
// user's Entra object id, and for registry persons the entry the fixture registry holds.
import type { Person } from '../../../src/domain/registry/registry.schema';
import { demoUsers } from '../../helpers/activities';
import { extraPersons } from '../../helpers/registry-actors';
import { seedActor } from '../../helpers/seed-actors';
import { incidentalPerson, inviteeObjectId } from '../../helpers/signed-casus';

export const actorKinds = {
  stranger: 'niet in het deelnemersregister',
  unscreened: 'in het register, zonder VOG of screening',
  worker: 'wijkteammedewerker die de casus aanmeldde',
  colleague: 'collega van hetzelfde wijkteam',
  otherTeam: 'wijkteammedewerker van een ander team',
  privateDeelnemer: 'private vaste deelnemer (GGZ) met een rol aan de weegtafel',
  procesregisseur: 'procesregisseur van de Lokale Kamer (gemeente)',
  weegtafellid: 'weegtafellid van de Lokale Kamer (politie)',
  otherKamer: 'procesregisseur van een andere Lokale Kamer',
  zvh: 'procesregisseur van het ZVH',
  beheerder: 'functioneel beheerder',
  privacyOfficer: 'privacy officer (gemeente): het toegangslog, geen casussen',
  contactpunt: 'contactpunt voor de verzoeken van betrokkenen (gemeente)',
  incidentalRegistry: 'persoon van een incidentele deelnemer, in het register',
  invitee: 'genodigde, nog niet ondertekend',
  participant: 'incidentele deelnemer, ondertekend',
} as const;
export type ActorKind = keyof typeof actorKinds;
export const actorOrder = Object.keys(actorKinds) as ActorKind[];

/** The approved invitee's Teams account (not in the registry): "before signing". */
export const unsignedInviteeId = '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a33';

/** The Entra object id each kind of actor sends. */
export const actorIds: Record<ActorKind, string> = {
  stranger: demoUsers.unknown,
  unscreened: demoUsers.pieter,
  worker: demoUsers.fatima,
  colleague: demoUsers.sem,
  otherTeam: extraPersons.otherTeam.id,
  privateDeelnemer: extraPersons.ggzProcesregisseur.id,
  procesregisseur: demoUsers.jeroen,
  weegtafellid: '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a04',
  otherKamer: extraPersons.otherKamer.id,
  zvh: '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a03',
  beheerder: '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a05',
  privacyOfficer: seedActor('Eva Smit').person.id,
  contactpunt: seedActor('Iris Willems').person.id,
  incidentalRegistry: incidentalPerson.id,
  invitee: unsignedInviteeId,
  participant: inviteeObjectId,
};

/** What the fixture registry adds to the demo seed for these actors. */
export const addedPersons: readonly Person[] = [
  extraPersons.otherTeam,
  extraPersons.ggzProcesregisseur,
  extraPersons.otherKamer,
  incidentalPerson,
];
