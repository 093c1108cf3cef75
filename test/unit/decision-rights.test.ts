import assert from 'node:assert/strict';
import {
  casusActionSchema,
  transitionFor,
  type CasusAction,
  type DecidingTable,
} from '../../src/domain/casus/casus-machine';
import { auditLineHash } from '../../src/domain/casus/audit-chain';
import { applyTransition, personRef } from '../../src/domain/casus/casus-transition';
import { channelEntriesOf } from '../../src/domain/channel/channel-entries';
import { defaultTermijnen } from '../../src/domain/deadlines/termijnen';
import { defaultBewaartermijnen } from '../../src/domain/retention/bewaartermijnen';
import {
  casusSchema,
  casusStateSchema,
  type AuditEntry,
  type Casus,
  type CasusState,
  type OutboxEntry,
} from '../../src/domain/casus/casus.schema';
import { authorise, mayView, type Authority } from '../../src/domain/casus/decision-rights';
import {
  gemeente,
  ggz,
  lkA,
  wijkteam as wijkteamOrg,
  woonstede as woningcorporatie,
  zvh as zvhX,
} from '../helpers/fixture-registry';
import {
  defaultPrioritisation,
  registrySeedSchema,
  type Kamer,
  type Organisation,
  type Person,
  type RegistrySeed,
  type RoleName,
} from '../../src/domain/registry/registry.schema';

// ---------------------------------------------------------------------------------------------
// Fixture registry
// ---------------------------------------------------------------------------------------------

const lkB: Kamer = {
  kind: 'kamer',
  prioritisation: defaultPrioritisation,
  termijnen: defaultTermijnen,
  bewaartermijnen: { ...defaultBewaartermijnen },
  type: 'lokale-kamer',
  id: 'lk-b',
  name: 'Lokale Kamer Bedorp',
  code: 'LKB',
  gemeente: 'Bedorp',
  zvhId: 'zvh-x',
};

let nextId = 1;
const person = (name: string, organisation: Organisation, roles: Person['roles']): Person => ({
  kind: 'persoon',
  id: `5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a${String(nextId++).padStart(2, '0')}`,
  name,
  organisationId: organisation.id,
  roles,
  screening: { kind: 'vog', date: '2025-01-01' },
  commercialWorkForParticipant: false,
});

interface Persona {
  key: string;
  person: Person;
  organisation: Organisation;
}
const persona = (
  key: string,
  name: string,
  organisation: Organisation,
  roles: Person['roles'],
): Persona => ({ key, person: person(name, organisation, roles), organisation });

const indiener = persona('indiener', 'Fatima El Amrani', wijkteamOrg, [
  { role: 'wijkteammedewerker' },
]);
const collega = persona('collega (zelfde wijkteam)', 'Joost de Vries', wijkteamOrg, [
  { role: 'wijkteammedewerker' },
]);
const andereWerker = persona('wijkteammedewerker andere organisatie', 'Sanne Bakker', ggz, [
  { role: 'wijkteammedewerker' },
]);
const prLkA = persona('procesregisseur lk-a (gemeente)', 'Henk Jansen', gemeente, [
  { role: 'procesregisseur', kamerId: 'lk-a' },
]);
const wtLkA = persona('weegtafellid lk-a (gemeente)', 'Ayşe Yılmaz', gemeente, [
  { role: 'weegtafellid', kamerId: 'lk-a' },
]);
const wtLkAPrivaat = persona('weegtafellid lk-a (GGZ, privaat)', 'Pieter Smit', ggz, [
  { role: 'weegtafellid', kamerId: 'lk-a' },
]);
const prLkB = persona('procesregisseur lk-b (gemeente)', 'Marloes Visser', gemeente, [
  { role: 'procesregisseur', kamerId: 'lk-b' },
]);
const prZvh = persona('procesregisseur zvh-x (gemeente)', 'Karim Haddou', gemeente, [
  { role: 'procesregisseur', kamerId: 'zvh-x' },
]);
const wtZvh = persona('weegtafellid zvh-x (gemeente)', 'Els Mulder', gemeente, [
  { role: 'weegtafellid', kamerId: 'zvh-x' },
]);
const incidenteel = persona('medewerker incidentele deelnemer', 'Rob de Boer', woningcorporatie, [
  { role: 'wijkteammedewerker' },
]);

const personas = [
  indiener,
  collega,
  andereWerker,
  prLkA,
  wtLkA,
  wtLkAPrivaat,
  prLkB,
  prZvh,
  wtZvh,
  incidenteel,
];

const seed: RegistrySeed = {
  organisations: [gemeente, wijkteamOrg, ggz, woningcorporatie],
  kamers: [zvhX, lkA, lkB],
  persons: personas.map((p) => p.person),
};

/**
 * Who may act at which table, and in which role, derived from the rules in the issue:
 * - intake: the submitting worker or a colleague of the same organisation with an intake role;
 * - lokale-kamer: procesregisseur / weegtafellid of lk-a employed by an overheidsdeelnemer;
 * - zvh: procesregisseur / weegtafellid of zvh-x (lk-a's ZVH) employed by an overheidsdeelnemer.
 */
const rights = new Map<Persona, Partial<Record<DecidingTable, RoleName>>>([
  [indiener, { intake: 'wijkteammedewerker' }],
  [collega, { intake: 'wijkteammedewerker' }],
  [andereWerker, {}],
  [prLkA, { 'lokale-kamer': 'procesregisseur' }],
  [wtLkA, { 'lokale-kamer': 'weegtafellid' }],
  [wtLkAPrivaat, {}],
  [prLkB, {}],
  [prZvh, { zvh: 'procesregisseur' }],
  [wtZvh, { zvh: 'weegtafellid' }],
  [incidenteel, {}],
]);

/** The machine as the issue describes it: which table takes each allowed action. */
const table: Record<CasusState, Partial<Record<CasusAction, DecidingTable>>> = {
  concept: { indienen: 'intake' },
  aangemeld: {
    accepteren: 'lokale-kamer',
    afwijzen: 'lokale-kamer',
    'informatie-vragen': 'lokale-kamer',
  },
  aanvulling_gevraagd: { aanvullen: 'intake' },
  afgewezen: {},
  in_behandeling_lokaal: { opschalen: 'lokale-kamer', afsluiten: 'lokale-kamer' },
  opschaling_aangevraagd: { 'opschaling-accepteren': 'zvh', 'opschaling-weigeren': 'zvh' },
  in_behandeling_zvh: { afsluiten: 'zvh', afschalen: 'zvh' },
  afgesloten: {},
};

// ---------------------------------------------------------------------------------------------
// Casus fixtures
// ---------------------------------------------------------------------------------------------

const indienerRef = personRef(indiener.person, indiener.organisation);

const auditEntry = (
  from: CasusState | null,
  to: CasusState,
  action: AuditEntry['action'],
): AuditEntry => ({
  at: '2026-11-20T09:00:00.000Z',
  actor: { ...indienerRef, role: 'wijkteammedewerker' },
  onBehalfOf: wijkteamOrg.name,
  action,
  from,
  to,
  legalBasis: 'art. 2.20 BGS',
});

/** The audit trail of a casus that went concept → aangemeld → in_behandeling_lokaal. */
const historyToLokaal: AuditEntry[] = [
  auditEntry(null, 'concept', 'intake-gestart'),
  auditEntry('concept', 'aangemeld', 'indienen'),
  auditEntry('aangemeld', 'in_behandeling_lokaal', 'accepteren'),
];
const escalationRequested = auditEntry(
  'in_behandeling_lokaal',
  'opschaling_aangevraagd',
  'opschalen',
);

type Facts = Pick<Casus, 'state' | 'kamerId' | 'createdBy' | 'audit'>;
const facts = (state: CasusState, audit: AuditEntry[] = historyToLokaal): Facts => ({
  state,
  kamerId: state === 'concept' ? undefined : 'lk-a',
  createdBy: indienerRef,
  audit: state === 'concept' ? [auditEntry(null, 'concept', 'intake-gestart')] : audit,
});

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

describe('decision rights (WGS art. 2.27)', () => {
  it('uses a valid fixture registry, but for the private weegtafellid the import refuses', () => {
    // The rights must hold even for a registry that has one (written before the import checked).
    const withoutPrivate = seed.persons.filter((p) => p !== wtLkAPrivaat.person);
    assert.equal(registrySeedSchema.safeParse({ ...seed, persons: withoutPrivate }).success, true);
    const issues = registrySeedSchema.safeParse(seed).error?.issues ?? [];
    assert.deepEqual(
      issues.map((issue) => issue.path),
      [['persons', personas.indexOf(wtLkAPrivaat), 'roles', 0, 'role']],
    );
  });

  it('agrees with the machine on which table takes each action', () => {
    for (const state of casusStateSchema.options) {
      for (const action of casusActionSchema.options) {
        assert.equal(transitionFor(state, action)?.by, table[state][action], `${state}/${action}`);
      }
    }
  });

  describe('authorisation matrix', () => {
    for (const state of casusStateSchema.options) {
      for (const action of casusActionSchema.options) {
        const by = table[state][action];
        if (by === undefined) {
          it(`${state}/${action}: not allowed in state, for everyone`, () => {
            for (const p of personas) {
              assert.deepEqual(
                authorise(p.person, p.organisation, facts(state), lkA, action),
                { ok: false, error: 'not-allowed-in-state' },
                p.key,
              );
            }
          });
          continue;
        }
        for (const p of personas) {
          const role = rights.get(p)?.[by];
          it(`${state}/${action} (${by}): ${p.key} ${role ? `may, as ${role}` : 'may not'}`, () => {
            const result = authorise(p.person, p.organisation, facts(state), lkA, action);
            if (!role) {
              assert.deepEqual(result, { ok: false, error: 'not-authorised' });
              return;
            }
            assert.ok(result.ok, `expected ok, got ${JSON.stringify(result)}`);
            const authority: Authority = result.value.authority;
            assert.equal(authority.role, role);
            if (by === 'intake') {
              assert.ok(
                authority.onBehalfOf.includes(p.organisation.name),
                `onBehalfOf "${authority.onBehalfOf}" should name ${p.organisation.name}`,
              );
            } else {
              assert.match(authority.onBehalfOf, /art\. 2\.27 WGS/);
            }
            assert.equal(result.value.transition.by, by);
            assert.deepEqual(result.value.transition, transitionFor(state, action));
          });
        }
      }
    }
  });

  describe('same team means same organisation as the submitter', () => {
    it('lets a colleague answer a casus submitted by someone else of that organisation', () => {
      const casus: Facts = {
        ...facts('aanvulling_gevraagd'),
        createdBy: { ...indienerRef, id: '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4aff' },
      };
      assert.equal(
        authorise(collega.person, collega.organisation, casus, lkA, 'aanvullen').ok,
        true,
      );
      assert.equal(
        authorise(andereWerker.person, andereWerker.organisation, casus, lkA, 'aanvullen').ok,
        false,
      );
    });
  });

  describe('mayView', () => {
    const before = new Set<Persona>([indiener, collega, prLkA, wtLkA]);
    const after = new Set<Persona>([...before, prZvh, wtZvh]);
    const cases: [string, Facts, Set<Persona>][] = [
      [
        'before an escalation was requested (in_behandeling_lokaal)',
        facts('in_behandeling_lokaal'),
        before,
      ],
      [
        'before an escalation was requested (aangemeld)',
        facts('aangemeld', historyToLokaal.slice(0, 2)),
        before,
      ],
      [
        'once an escalation was requested',
        facts('opschaling_aangevraagd', [...historyToLokaal, escalationRequested]),
        after,
      ],
      [
        'after the ZVH accepted the escalation',
        facts('in_behandeling_zvh', [
          ...historyToLokaal,
          escalationRequested,
          auditEntry('opschaling_aangevraagd', 'in_behandeling_zvh', 'opschaling-accepteren'),
        ]),
        after,
      ],
      [
        'after afschaling back to the Lokale Kamer (an escalation was requested once)',
        facts('in_behandeling_lokaal', [
          ...historyToLokaal,
          escalationRequested,
          auditEntry('opschaling_aangevraagd', 'in_behandeling_zvh', 'opschaling-accepteren'),
          auditEntry('in_behandeling_zvh', 'in_behandeling_lokaal', 'afschalen'),
        ]),
        after,
      ],
    ];
    for (const [when, casus, viewers] of cases) {
      for (const p of personas) {
        const may = viewers.has(p);
        it(`${when}: ${p.key} ${may ? 'may' : 'may not'} view`, () => {
          assert.equal(mayView(p.person, p.organisation, casus, lkA), may);
        });
      }
    }
  });
});

describe('applyTransition', () => {
  const outbox = (id: string, kind: string): OutboxEntry => ({
    id,
    createdAt: '2026-11-20T09:00:00.000Z',
    kind,
  });
  const existingOutbox = outbox('0d6f2a44-8c1b-4e2a-9f3d-5a6b7c8d9e01', 'aanmelding-bevestigd');
  const base: Casus = {
    kind: 'casus',
    id: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
    revision: 3,
    state: 'aangemeld',
    createdAt: '2026-11-19T08:00:00.000Z',
    createdBy: indienerRef,
    intake: { step: 'samenvatting', values: { naam: 'J. Jansen' } },
    kamerId: 'lk-a',
    casusNumber: 'LKA-2026-0001',
    audit: historyToLokaal.slice(0, 2),
    outbox: [existingOutbox],
    cards: [],
    invitations: [],
    declarations: [],
  };
  const deepFreeze = <T>(value: T): T => {
    if (value && typeof value === 'object') {
      Object.values(value).forEach(deepFreeze);
      Object.freeze(value);
    }
    return value;
  };

  it('starts from a valid casus', () => {
    assert.equal(casusSchema.safeParse(base).success, true);
  });

  const transition = transitionFor('aangemeld', 'accepteren');
  assert.ok(transition);
  const actor = personRef(prLkA.person, prLkA.organisation);
  const authority: Authority = {
    role: 'procesregisseur',
    onBehalfOf: 'de overheidsdeelnemers (art. 2.27 WGS)',
  };
  const notify = [
    outbox('0d6f2a44-8c1b-4e2a-9f3d-5a6b7c8d9e02', 'casus-geaccepteerd'),
    outbox('0d6f2a44-8c1b-4e2a-9f3d-5a6b7c8d9e03', 'casuslijst-bijgewerkt'),
  ];
  const input = {
    action: 'accepteren' as const,
    transition,
    actor,
    authority,
    at: '2026-11-21T10:30:00.000Z',
    motivation: 'Voldoet aan alle vier criteria van art. 2.20 BGS.',
    activityId: 'activity-42',
    changes: { casusNumber: 'LKA-2026-0002' },
    notify,
  };

  it('moves to the new state, one revision up, with exactly one new audit entry', () => {
    const snapshot = structuredClone(base);
    const next = applyTransition(deepFreeze(structuredClone(base)), input);
    assert.equal(next.state, 'in_behandeling_lokaal');
    assert.equal(next.revision, base.revision + 1);
    assert.equal(next.audit.length, base.audit.length + 1);
    assert.deepEqual(next.audit.slice(0, base.audit.length), snapshot.audit);
    const { prevHash, hash, ...line } = next.audit.at(-1)!;
    assert.equal(prevHash, auditLineHash(base.audit.at(-1)!), 'linked to the line before it');
    assert.equal(hash, next.auditHead, 'the new line is the head');
    assert.deepEqual(line, {
      at: '2026-11-21T10:30:00.000Z',
      actor: { ...actor, role: 'procesregisseur' },
      onBehalfOf: 'de overheidsdeelnemers (art. 2.27 WGS)',
      action: 'accepteren',
      from: 'aangemeld',
      to: 'in_behandeling_lokaal',
      motivation: 'Voldoet aan alle vier criteria van art. 2.20 BGS.',
      legalBasis: transition.legalBasis,
      activityId: 'activity-42',
    });
  });

  it('appends the given outbox entries after the existing ones, each naming the new audit line', () => {
    const next = applyTransition(structuredClone(base), input);
    const auditIndex = base.audit.length;
    assert.deepEqual(next.outbox, [
      existingOutbox,
      ...notify.map((entry) => ({ ...entry, auditIndex })),
      ...channelEntriesOf(next.audit),
    ]);
  });

  it('records the kamer where the role is held, and a close reason', () => {
    const next = applyTransition(structuredClone(base), {
      ...input,
      authority: { ...authority, kamerId: 'lk-a' },
      closeReason: 'overgedragen',
    });
    assert.equal(next.audit.at(-1)?.actor.kamerId, 'lk-a');
    assert.equal(next.audit.at(-1)?.closeReason, 'overgedragen');
  });

  it('adds only the channel entry when there is nobody to notify', () => {
    const next = applyTransition(structuredClone(base), { ...input, notify: undefined });
    assert.deepEqual(next.outbox, [existingOutbox, ...channelEntriesOf(next.audit)]);
    assert.equal(next.outbox.at(-1)?.kind, 'kanaal:accepteren');
  });

  it('applies changes and keeps the other fields', () => {
    const next = applyTransition(structuredClone(base), input);
    assert.equal(next.casusNumber, 'LKA-2026-0002');
    assert.equal(next.kamerId, base.kamerId);
    assert.equal(next.id, base.id);
    assert.deepEqual(next.createdBy, base.createdBy);
    assert.deepEqual(next.intake, base.intake);
  });

  it('produces a casus that is still valid', () => {
    const next = applyTransition(structuredClone(base), input);
    assert.equal(casusSchema.safeParse(next).success, true);
  });

  it('does not mutate its input', () => {
    const original = structuredClone(base);
    const inputCopy = structuredClone(input);
    const next = applyTransition(original, input);
    assert.deepEqual(original, base);
    assert.deepEqual(input, inputCopy);
    assert.notEqual(next, original);
    assert.notEqual(next.audit, original.audit);
    assert.notEqual(next.outbox, original.outbox);
  });

  it('does not throw on a deeply frozen casus', () => {
    assert.doesNotThrow(() => applyTransition(deepFreeze(structuredClone(base)), input));
  });
});
