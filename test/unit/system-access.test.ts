import assert from 'node:assert/strict';
import type { Organisation, Person } from '../../src/domain/registry/registry.schema';
import { decideSystemAccess } from '../../src/domain/registry/system-access';

const today = '2026-11-23';
const organisation = (category: Organisation['category']): Organisation => ({
  kind: 'organisatie',
  id: 'org',
  name: 'Organisatie',
  category,
  domain: 'sociaal',
});
const person = (overrides: Partial<Person> = {}): Person => ({
  kind: 'persoon',
  id: '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a01',
  name: 'Fatima El Amrani',
  organisationId: 'org',
  roles: [{ role: 'wijkteammedewerker' }],
  screening: { kind: 'vog', date: '2025-01-01' },
  commercialWorkForParticipant: false,
  ...overrides,
});

describe('system access (WGS art. 1.8 lid 2)', () => {
  it('admits screened personnel of an overheidsdeelnemer or a private vaste deelnemer', () => {
    assert.equal(decideSystemAccess(person(), organisation('overheidsdeelnemer'), today).ok, true);
    assert.equal(
      decideSystemAccess(person(), organisation('private-vaste-deelnemer'), today).ok,
      true,
    );
  });

  const refusals: [string, Person | undefined, Organisation | undefined, string][] = [
    ['an unknown person', undefined, organisation('overheidsdeelnemer'), 'unknown-person'],
    ['a person whose organisation is missing', person(), undefined, 'unknown-organisation'],
    [
      'a person of another organisation than the one given',
      person({ organisationId: 'other' }),
      organisation('overheidsdeelnemer'),
      'unknown-organisation',
    ],
    [
      'personnel of an incidentele deelnemer',
      person(),
      organisation('incidentele-deelnemer'),
      'not-a-vaste-deelnemer',
    ],
    [
      'a person without VOG or screening',
      person({ screening: undefined }),
      organisation('overheidsdeelnemer'),
      'no-screening',
    ],
    [
      'a screening dated in the future',
      person({ screening: { kind: 'screening', date: '2026-11-24' } }),
      organisation('overheidsdeelnemer'),
      'no-screening',
    ],
    [
      'private staff with commercial work for the participant',
      person({ commercialWorkForParticipant: true }),
      organisation('private-vaste-deelnemer'),
      'commercial-work',
    ],
  ];
  for (const [name, who, where, reason] of refusals) {
    it(`refuses ${name}`, () => {
      assert.deepEqual(decideSystemAccess(who, where, today), { ok: false, reason });
    });
  }

  it('does not hold commercial work against personnel of an overheidsdeelnemer', () => {
    assert.equal(
      decideSystemAccess(
        person({ commercialWorkForParticipant: true }),
        organisation('overheidsdeelnemer'),
        today,
      ).ok,
      true,
    );
  });
});
