import type { Casus } from '../../src/domain/casus/casus.schema';
import type { ProposeInput } from '../../src/domain/invitation/propose';
import type { InvitationProposalInput } from '../../src/domain/invitation/proposal.schema';
import type { Organisation, Person } from '../../src/domain/registry/registry.schema';
import { gemeente, ggz, lkA, organisations, wijkteam, woonstede } from './fixture-registry';

export { gemeente, ggz, lkA, organisations, wijkteam, woonstede, zvh } from './fixture-registry';

let next = 1;
export interface Actor {
  person: Person;
  organisation: Organisation;
}
const actor = (name: string, organisation: Organisation, roles: Person['roles']): Actor => ({
  person: {
    kind: 'persoon',
    id: `7c1e9b4f-2d3e-4f60-9b1c-1d2e3f4a5b${String(next++).padStart(2, '0')}`,
    name,
    organisationId: organisation.id,
    roles,
    screening: { kind: 'vog', date: '2025-01-01' },
    commercialWorkForParticipant: false,
  },
  organisation,
});

export const prLkA = actor('Henk Jansen', gemeente, [{ role: 'procesregisseur', kamerId: 'lk-a' }]);
export const wtLkA = actor('Ayşe Yılmaz', gemeente, [{ role: 'weegtafellid', kamerId: 'lk-a' }]);
/** A private vaste deelnemer at the weegtafel: of the table, but no decider (art. 2.27 WGS). */
export const ggzLkA = actor('Pieter Smit', ggz, [{ role: 'weegtafellid', kamerId: 'lk-a' }]);
export const prZvh = actor('Karim Haddou', gemeente, [
  { role: 'procesregisseur', kamerId: 'zvh-x' },
]);
export const wtZvh = actor('Els Mulder', gemeente, [{ role: 'weegtafellid', kamerId: 'zvh-x' }]);
export const indiener = actor('Fatima El Amrani', wijkteam, [{ role: 'wijkteammedewerker' }]);
export const incidenteel = actor('Rob de Boer', woonstede, [{ role: 'wijkteammedewerker' }]);

export const casusIn = (
  state: Casus['state'],
): ProposeInput['casus'] & Pick<Casus, 'createdBy' | 'audit'> => ({
  invitations: [],
  id: '0d6f3c2a-8b1e-4c5d-9e7f-1a2b3c4d5e6f',
  state,
  kamerId: 'lk-a',
  createdBy: {
    id: indiener.person.id,
    name: indiener.person.name,
    organisationId: wijkteam.id,
    organisationName: wijkteam.name,
  },
  audit: [],
});

export const validProposal = (): InvitationProposalInput => ({
  organisatie: { naam: 'Woonstede', categorie: 'woningcorporatie' },
  contactpersoon: { naam: 'Rob de Boer', email: 'rob.deboer@woonstede.example' },
  expertise: {
    omschrijving: 'Kennis van het huurdossier en de overlastaanpak.',
    motivering: 'Betrokkene dreigt zijn woning te verliezen door huurachterstand en overlast.',
  },
  rol: {
    fasen: ['opstellen', 'uitvoeren'],
    motivering: 'De corporatie kan een huurregeling en begeleid wonen in het plan opnemen.',
  },
  beroepsgeheim: { soort: 'geen' },
  casusoverleg: '2026-12-10',
});

export const proposeInput = (over: Partial<ProposeInput> = {}): ProposeInput => ({
  values: validProposal(),
  casus: casusIn('in_behandeling_lokaal'),
  kamer: lkA,
  proposer: prLkA,
  organisations,
  id: '3a4b5c6d-7e8f-4a0b-8c1d-2e3f4a5b6c7d',
  at: '2026-12-02T06:00:00.000Z',
  today: '2026-12-02',
  ...over,
});
