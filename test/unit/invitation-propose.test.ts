import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { casusStateSchema } from '../../src/domain/casus/casus.schema';
import {
  invitationStateSchema,
  type InvitationState,
} from '../../src/domain/invitation/invitation-machine';
import { invitationSchema, type Invitation } from '../../src/domain/invitation/invitation.schema';
import type { InvitationProposalInput } from '../../src/domain/invitation/proposal.schema';
import { proposeInvitation, type ProposalRefusal } from '../../src/domain/invitation/propose';
import {
  casusIn,
  ggzLkA,
  incidenteel,
  indiener,
  prLkA,
  proposeInput,
  prZvh,
  validProposal,
  wtZvh,
} from '../helpers/invitation-fixtures';

function refusal(result: ReturnType<typeof proposeInvitation>): ProposalRefusal {
  assert.equal(result.ok, false, 'expected a refusal');
  if (result.ok) throw new Error('unreachable');
  return result.error;
}

describe('invitation proposal (BGS art. 2.21 lid 1)', () => {
  it('a procesregisseur of the Lokale Kamer proposes a woningcorporatie: a valid invitation, voorgesteld', () => {
    const result = proposeInvitation(proposeInput());
    assert.ok(result.ok);
    const invitation = invitationSchema.parse(result.value);
    assert.equal(invitation.state, 'voorgesteld');
    assert.equal(invitation.tableId, 'lk-a');
    assert.equal(invitation.proposedBy.id, prLkA.person.id);
    assert.equal(invitation.proposedBy.role, 'procesregisseur');
    assert.deepEqual(
      invitation.history.map((e) => [e.action, e.from, e.to]),
      [['voorstellen', null, 'voorgesteld']],
    );
    assert.equal(invitation.declaration, undefined, 'the declaration is fixed at approval');
  });

  it('a private vaste deelnemer at the weegtafel may propose (of the table, though no decider)', () => {
    assert.ok(proposeInvitation(proposeInput({ proposer: ggzLkA })).ok);
  });

  it('at the ZVH, its own deelnemers propose and those of the Lokale Kamer do not', () => {
    const casus = casusIn('in_behandeling_zvh');
    const atZvh = proposeInvitation(proposeInput({ casus, proposer: wtZvh }));
    assert.ok(atZvh.ok);
    assert.equal(atZvh.value.tableId, 'zvh-x');
    assert.equal(
      refusal(proposeInvitation(proposeInput({ casus }))).kind,
      'geen-deelnemer-van-tafel',
    );
  });

  for (const state of casusStateSchema.options) {
    const handled = state === 'in_behandeling_lokaal' || state === 'in_behandeling_zvh';
    it(`casus ${state}: ${handled ? 'may invite' : 'refused, not in behandeling'}`, () => {
      const proposer = state === 'in_behandeling_zvh' ? prZvh : prLkA;
      const result = proposeInvitation(proposeInput({ casus: casusIn(state), proposer }));
      if (handled) return assert.ok(result.ok);
      const error = refusal(result);
      assert.equal(error.kind, 'casus-niet-in-behandeling');
      assert.match(error.reason, /art\. 2\.31 lid 9 WGS/);
      assert.match(error.reason, /art\. 2\.21 BGS/);
    });
  }

  for (const [who, proposer] of [
    ['the wijkteammedewerker who submitted', indiener],
    ['an employee of an incidentele deelnemer', incidenteel],
    ['the procesregisseur of the ZVH while the Lokale Kamer handles it', prZvh],
  ] as const) {
    it(`refused for ${who}: not a deelnemer of that table`, () => {
      const error = refusal(proposeInvitation(proposeInput({ proposer })));
      assert.equal(error.kind, 'geen-deelnemer-van-tafel');
      assert.match(error.reason, /de Lokale Kamer/);
      assert.match(error.reason, /art\. 2\.21 lid 1 BGS/);
    });
  }

  it('refuses a person whose organisation is not theirs (a forged actor)', () => {
    const forged = { person: prLkA.person, organisation: incidenteel.organisation };
    assert.equal(
      refusal(proposeInvitation(proposeInput({ proposer: forged }))).kind,
      'geen-deelnemer-van-tafel',
    );
  });

  it('refuses a missing expertise condition, naming art. 2.21 lid 1 BGS', () => {
    const values = validProposal();
    values.expertise.motivering = 'nodig';
    const error = refusal(proposeInvitation(proposeInput({ values })));
    assert.equal(error.kind, 'voorwaarde-ontbreekt');
    if (error.kind !== 'voorwaarde-ontbreekt') return;
    assert.deepEqual(error.conditions, ['deskundigheid']);
    assert.match(error.reason, /art\. 2\.21 lid 1 BGS/);
    assert.match(error.reason, /deskundigheid/);
    assert.ok(
      error.issues.some((i) => i.path === 'expertise.motivering' && /minstens 30/.test(i.message)),
    );
  });

  it('refuses a missing role condition: no part of the plan van aanpak chosen', () => {
    const values = validProposal();
    values.rol.fasen = [];
    const error = refusal(proposeInvitation(proposeInput({ values })));
    assert.equal(error.kind, 'voorwaarde-ontbreekt');
    if (error.kind !== 'voorwaarde-ontbreekt') return;
    assert.deepEqual(error.conditions, ['rol']);
    assert.match(error.reason, /plan van aanpak/);
  });

  it('names both conditions when both are missing', () => {
    const values: Record<string, unknown> = { ...validProposal() };
    delete values.expertise;
    delete values.rol;
    const error = refusal(proposeInvitation(proposeInput({ values })));
    assert.equal(error.kind, 'voorwaarde-ontbreekt');
    if (error.kind === 'voorwaarde-ontbreekt')
      assert.deepEqual(error.conditions, ['deskundigheid', 'rol']);
  });

  it('an empty form is refused in Dutch, field by field', () => {
    const error = refusal(proposeInvitation(proposeInput({ values: {} })));
    assert.equal(error.kind, 'voorwaarde-ontbreekt');
    if (error.kind !== 'voorwaarde-ontbreekt') return;
    assert.equal(error.issues.length, 6);
    for (const issue of error.issues) assert.doesNotMatch(issue.message, /Invalid|expected/);
  });

  it('other missing fields are onvolledig with Dutch messages', () => {
    const values = validProposal();
    values.contactpersoon.email = 'geen-adres';
    values.casusoverleg = 'morgen';
    const error = refusal(proposeInvitation(proposeInput({ values })));
    assert.equal(error.kind, 'onvolledig');
    assert.match(error.reason, /Vul een geldig e-mailadres in\./);
    assert.match(error.reason, /casusoverleg/);
  });

  it('keeps the Entra object id in lower case, as Teams sends it, and refuses what is no GUID', () => {
    const values = validProposal();
    const id = '1A2B3C4D-5E6F-4A7B-8C9D-0E1F2A3B4C5D';
    values.contactpersoon.entraObjectId = ` ${id} `;
    const proposed = proposeInvitation(proposeInput({ values }));
    assert.ok(proposed.ok);
    assert.equal(proposed.value.proposal.contactpersoon.entraObjectId, id.toLowerCase());
    values.contactpersoon.entraObjectId = 'ROB-DE-BOER';
    assert.match(refusal(proposeInvitation(proposeInput({ values }))).reason, /Entra object-id/);
  });

  it('"anders" needs a description, for the category and for the secrecy', () => {
    const values = validProposal();
    values.organisatie.categorie = 'anders';
    values.beroepsgeheim = { soort: 'anders' };
    const error = refusal(proposeInvitation(proposeInput({ values })));
    assert.equal(error.kind, 'onvolledig');
    if (error.kind !== 'onvolledig') return;
    assert.deepEqual(error.issues.map((i) => i.path).sort(), [
      'beroepsgeheim.omschrijving',
      'organisatie.categorieOmschrijving',
    ]);
  });

  it('refuses a vaste deelnemer by registry id: "is al deelnemer"', () => {
    const values = validProposal();
    values.organisatie = { registryId: 'ggz-regio', naam: 'GGZ afdeling Noord', categorie: 'zorg' };
    const error = refusal(proposeInvitation(proposeInput({ values })));
    assert.equal(error.kind, 'al-deelnemer');
    assert.match(error.reason, /^GGZ Regio is al deelnemer/);
    assert.match(error.reason, /art\. 2\.21 BGS/);
  });

  it('refuses a vaste deelnemer typed by name, however it is written', () => {
    const values = validProposal();
    values.organisatie = { naam: '  gemeente   AASTAD ', categorie: 'sociaal-domein' };
    assert.equal(refusal(proposeInvitation(proposeInput({ values }))).kind, 'al-deelnemer');
  });

  it('an organisation the registry knows as incidentele deelnemer may be invited', () => {
    const values = validProposal();
    values.organisatie = {
      registryId: 'woonstede',
      naam: 'Woonstede',
      categorie: 'woningcorporatie',
    };
    assert.ok(proposeInvitation(proposeInput({ values })).ok);
  });

  it('checks the table before the form: a non-deelnemer learns nothing about the form', () => {
    const error = refusal(proposeInvitation(proposeInput({ proposer: indiener, values: {} })));
    assert.equal(error.kind, 'geen-deelnemer-van-tafel');
  });

  describe('one live invitation per organisation, and a casusoverleg still to come', () => {
    const existing = (
      state: InvitationState,
      organisatie: InvitationProposalInput['organisatie'],
    ) => {
      const first = proposeInvitation(
        proposeInput({ values: { ...validProposal(), organisatie }, id: randomUUID() }),
      );
      assert.ok(first.ok);
      return { ...first.value, state };
    };
    const woonstede = { naam: 'Woonstede', categorie: 'woningcorporatie' } as const;
    const withInvitations = (...invitations: Invitation[]) => ({
      ...casusIn('in_behandeling_lokaal'),
      invitations,
    });

    for (const state of invitationStateSchema.options) {
      const live = state === 'voorgesteld' || state === 'goedgekeurd' || state === 'ondertekend';
      it(`an invitation of the same organisation that is ${state}: ${live ? 'refused' : 'may be proposed again'}`, () => {
        const casus = withInvitations(existing(state, woonstede));
        const result = proposeInvitation(proposeInput({ casus }));
        if (!live) return assert.ok(result.ok);
        const error = refusal(result);
        assert.equal(error.kind, 'al-uitgenodigd');
        assert.match(error.reason, /^Voor Woonstede loopt al een uitnodiging bij deze casus/);
      });
    }

    it('matches the organisation by name however written, and by registry id', () => {
      const byName = withInvitations(
        existing('voorgesteld', { naam: 'WOONSTEDE ', categorie: 'woningcorporatie' }),
      );
      assert.equal(
        refusal(proposeInvitation(proposeInput({ casus: byName }))).kind,
        'al-uitgenodigd',
      );
      const byId = withInvitations(
        existing('goedgekeurd', { ...woonstede, registryId: 'woonstede' }),
      );
      const values = validProposal();
      values.organisatie = { ...woonstede, registryId: 'woonstede', naam: 'Woonstede Wonen' };
      assert.equal(
        refusal(proposeInvitation(proposeInput({ casus: byId, values }))).kind,
        'al-uitgenodigd',
      );
    });

    it('another organisation beside a live invitation may be proposed', () => {
      const casus = withInvitations(existing('voorgesteld', woonstede));
      const values = validProposal();
      values.organisatie = { naam: 'Basisschool De Regenboog', categorie: 'onderwijs' };
      assert.ok(proposeInvitation(proposeInput({ casus, values })).ok);
    });

    it('refuses a casusoverleg before today, accepts today and later', () => {
      for (const [date, accepted] of [
        ['2026-12-01', false],
        ['2025-12-31', false],
        ['2026-12-02', true],
        ['2027-01-15', true],
      ] as const) {
        const values = { ...validProposal(), casusoverleg: date };
        const result = proposeInvitation(proposeInput({ values, today: '2026-12-02' }));
        if (accepted) {
          assert.ok(result.ok, date);
          continue;
        }
        const error = refusal(result);
        assert.equal(error.kind, 'datum-verleden', date);
        assert.match(error.reason, /ligt in het verleden/);
        assert.deepEqual('issues' in error && error.issues.map((issue) => issue.path), [
          'casusoverleg',
        ]);
      }
    });
  });
});
