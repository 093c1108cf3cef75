import assert from 'node:assert/strict';
import type { CasusAudience } from '../../src/app/casus/casus-audience';
import { fateOfCopies } from '../../src/app/notifications/card-copies';
import { notificationsOf } from '../../src/app/notifications/outbox';
import {
  casusAudience,
  mayViewCasus,
  type AudienceCandidate,
  type AudienceMember,
} from '../../src/domain/casus/casus-audience';
import type { AuditEntry, Casus, CasusState } from '../../src/domain/casus/casus.schema';
import { defaultTermijnen } from '../../src/domain/deadlines/termijnen';
import { defaultBewaartermijnen } from '../../src/domain/retention/bewaartermijnen';
import type { Kamer, Organisation, Person } from '../../src/domain/registry/registry.schema';
import { hasDecisionRoleAt } from '../../src/domain/registry/roles';
import { sampleCasus } from '../helpers/samples';

const today = '2026-11-23';

const org = (id: string, category: Organisation['category']): Organisation => ({
  kind: 'organisatie',
  id,
  name: id,
  category,
  domain: 'sociaal',
});
const gemeente = org('gemeente-a', 'overheidsdeelnemer');
const politie = org('politie-a', 'overheidsdeelnemer');
const wijkteam = org('wijkteam-noord', 'private-vaste-deelnemer');
const wijkteamZuid = org('wijkteam-zuid', 'private-vaste-deelnemer');
const ggz = org('ggz-regio', 'private-vaste-deelnemer');
const woningcorporatie = org('woonstede', 'incidentele-deelnemer');

const kamer = (id: string, zvhId?: string): Kamer =>
  zvhId
    ? {
        kind: 'kamer',
        id,
        name: id,
        code: 'LKA',
        type: 'lokale-kamer',
        gemeente: 'Aastad',
        zvhId,
        prioritisation: {
          urgency: { normaal: 0, hoog: 20, 'zeer-hoog': 40 },
          doorbraak: 15,
          perWaitingDay: 1,
        },
        termijnen: defaultTermijnen,
        bewaartermijnen: { ...defaultBewaartermijnen },
      }
    : {
        kind: 'kamer',
        id,
        name: id,
        code: 'ZVHX',
        type: 'zvh',
        regio: 'X',
        prioritisation: {
          urgency: { normaal: 0, hoog: 20, 'zeer-hoog': 40 },
          doorbraak: 15,
          perWaitingDay: 1,
        },
        termijnen: defaultTermijnen,
        bewaartermijnen: { ...defaultBewaartermijnen },
      };
const lkA = kamer('lk-a', 'zvh-x');
const lkB = kamer('lk-b', 'zvh-x');

let n = 0;
const person = (
  organisation: Organisation,
  roles: Person['roles'],
  extra: Partial<Person> = {},
): Person => ({
  kind: 'persoon',
  id: `7c1e0a00-0000-4000-8000-0000000001${String(n++).padStart(2, '0')}`,
  name: `Persoon ${n}`,
  organisationId: organisation.id,
  roles,
  screening: { kind: 'vog', date: '2025-01-01' },
  commercialWorkForParticipant: false,
  ...extra,
});

const indiener = person(wijkteam, [{ role: 'wijkteammedewerker' }]);

/** Every kind of registry person, with who they are to the casus (created by `indiener` at lk-a). */
const kinds: [string, AudienceCandidate, { lokaal: boolean; zvh: boolean }][] = [
  [
    'the submitting worker',
    { person: indiener, organisation: wijkteam },
    { lokaal: true, zvh: true },
  ],
  [
    'a colleague of the same wijkteam',
    { person: person(wijkteam, [{ role: 'wijkteammedewerker' }]), organisation: wijkteam },
    { lokaal: true, zvh: true },
  ],
  [
    'a worker of another team',
    { person: person(wijkteamZuid, [{ role: 'wijkteammedewerker' }]), organisation: wijkteamZuid },
    { lokaal: false, zvh: false },
  ],
  [
    'a procesregisseur of the Lokale Kamer (gemeente)',
    {
      person: person(gemeente, [{ role: 'procesregisseur', kamerId: 'lk-a' }]),
      organisation: gemeente,
    },
    { lokaal: true, zvh: true },
  ],
  [
    'a weegtafellid of the Lokale Kamer (politie)',
    { person: person(politie, [{ role: 'weegtafellid', kamerId: 'lk-a' }]), organisation: politie },
    { lokaal: true, zvh: true },
  ],
  [
    'a procesregisseur of the Lokale Kamer employed by a private participant (GGZ)',
    { person: person(ggz, [{ role: 'procesregisseur', kamerId: 'lk-a' }]), organisation: ggz },
    { lokaal: false, zvh: false },
  ],
  [
    'a weegtafellid of the ZVH employed by a private participant (GGZ)',
    { person: person(ggz, [{ role: 'weegtafellid', kamerId: 'zvh-x' }]), organisation: ggz },
    { lokaal: false, zvh: false },
  ],
  [
    'a procesregisseur of the ZVH (gemeente)',
    {
      person: person(gemeente, [{ role: 'procesregisseur', kamerId: 'zvh-x' }]),
      organisation: gemeente,
    },
    { lokaal: false, zvh: true },
  ],
  [
    'a procesregisseur of another Lokale Kamer',
    {
      person: person(gemeente, [{ role: 'procesregisseur', kamerId: 'lk-b' }]),
      organisation: gemeente,
    },
    { lokaal: false, zvh: false },
  ],
  [
    'a procesregisseur of the Lokale Kamer without screening',
    {
      person: person(gemeente, [{ role: 'procesregisseur', kamerId: 'lk-a' }], {
        screening: undefined,
      }),
      organisation: gemeente,
    },
    { lokaal: false, zvh: false },
  ],
  [
    'a procesregisseur of the Lokale Kamer whose screening starts after today',
    {
      person: person(gemeente, [{ role: 'procesregisseur', kamerId: 'lk-a' }], {
        screening: { kind: 'screening', date: '2027-01-01' },
      }),
      organisation: gemeente,
    },
    { lokaal: false, zvh: false },
  ],
  [
    'a colleague of the same wijkteam without screening',
    {
      person: person(wijkteam, [{ role: 'wijkteammedewerker' }], { screening: undefined }),
      organisation: wijkteam,
    },
    { lokaal: false, zvh: false },
  ],
  [
    'a colleague of the same wijkteam with commercial work for it',
    {
      person: person(wijkteam, [{ role: 'wijkteammedewerker' }], {
        commercialWorkForParticipant: true,
      }),
      organisation: wijkteam,
    },
    { lokaal: false, zvh: false },
  ],
  [
    'a weegtafellid of the Lokale Kamer at an incidentele deelnemer',
    {
      person: person(woningcorporatie, [{ role: 'weegtafellid', kamerId: 'lk-a' }]),
      organisation: woningcorporatie,
    },
    { lokaal: false, zvh: false },
  ],
  [
    'a procesregisseur of the Lokale Kamer whose organisation the registry lost',
    {
      person: person(gemeente, [{ role: 'procesregisseur', kamerId: 'lk-a' }]),
      organisation: undefined,
    },
    { lokaal: false, zvh: false },
  ],
  [
    'a procesregisseur of the Lokale Kamer given with another organisation than their own',
    {
      person: person(gemeente, [{ role: 'procesregisseur', kamerId: 'lk-a' }]),
      organisation: politie,
    },
    { lokaal: false, zvh: false },
  ],
  [
    'a functioneel beheerder',
    { person: person(gemeente, [{ role: 'functioneel-beheerder' }]), organisation: gemeente },
    { lokaal: false, zvh: false },
  ],
];

const entry = (
  from: CasusState | null,
  to: CasusState,
  action: AuditEntry['action'],
): AuditEntry => ({
  at: '2026-11-20T09:00:00.000Z',
  actor: {
    id: indiener.id,
    name: indiener.name,
    organisationId: wijkteam.id,
    organisationName: wijkteam.name,
    role: 'x',
  },
  onBehalfOf: 'x',
  action,
  from,
  to,
  legalBasis: 'x',
});
const submitted = [
  entry(null, 'concept', 'intake-gestart'),
  entry('concept', 'aangemeld', 'indienen'),
];
const accepted = [...submitted, entry('aangemeld', 'in_behandeling_lokaal', 'accepteren')];
const escalated = [
  ...accepted,
  entry('in_behandeling_lokaal', 'opschaling_aangevraagd', 'opschalen'),
];
const deescalated = [
  ...escalated,
  entry('opschaling_aangevraagd', 'in_behandeling_zvh', 'opschaling-accepteren'),
  entry('in_behandeling_zvh', 'in_behandeling_lokaal', 'afschalen'),
];

const casus = (
  state: CasusState,
  audit: AuditEntry[],
  kamerId: string | undefined = 'lk-a',
): Casus => ({
  ...sampleCasus(),
  state,
  kamerId,
  createdBy: {
    id: indiener.id,
    name: indiener.name,
    organisationId: wijkteam.id,
    organisationName: wijkteam.name,
  },
  audit,
});

const stages: [string, Casus, 'lokaal' | 'zvh'][] = [
  ['a new aanmelding', casus('aangemeld', submitted), 'lokaal'],
  [
    'a request for information',
    casus('aanvulling_gevraagd', [
      ...submitted,
      entry('aangemeld', 'aanvulling_gevraagd', 'informatie-vragen'),
    ]),
    'lokaal',
  ],
  ['a casus handled by the Lokale Kamer', casus('in_behandeling_lokaal', accepted), 'lokaal'],
  ['an escalation request', casus('opschaling_aangevraagd', escalated), 'zvh'],
  [
    'a casus back at the Lokale Kamer after the ZVH',
    casus('in_behandeling_lokaal', deescalated),
    'zvh',
  ],
  [
    'a closed casus that went by the ZVH',
    casus('afgesloten', [
      ...deescalated,
      entry('in_behandeling_lokaal', 'afgesloten', 'afsluiten'),
    ]),
    'zvh',
  ],
];

describe('casus audience: who may receive a casus (the check behind "casus <nummer>")', () => {
  for (const [stage, theCasus, reached] of stages) {
    describe(stage, () => {
      const audience = casusAudience(
        theCasus,
        lkA,
        kinds.map(([, candidate]) => candidate),
        today,
      );
      for (const [kind, candidate, may] of kinds) {
        const expected = may[reached];
        it(`${kind}: ${expected ? 'receives it' : 'does not'}`, () => {
          assert.equal(
            audience.some((member) => member.person.id === candidate.person.id),
            expected,
          );
          assert.equal(mayViewCasus(candidate, theCasus, lkA, today), expected);
        });
      }
    });
  }

  it('gives nobody a concept, a casus without a kamer, or a casus of another kamer', () => {
    const everyone = kinds.map(([, candidate]) => candidate);
    assert.deepEqual(
      casusAudience(casus('concept', submitted.slice(0, 1)), lkA, everyone, today),
      [],
    );
    assert.deepEqual(
      casusAudience({ ...casus('aangemeld', submitted), kamerId: undefined }, lkA, everyone, today),
      [],
    );
    assert.deepEqual(
      casusAudience(casus('aangemeld', submitted, 'lk-a'), lkB, everyone, today),
      [],
    );
  });

  it('lists each person once, in the order given, with the organisation they were admitted under', () => {
    const [, worker] = kinds[0]!;
    const [, regisseur] = kinds[3]!;
    const audience = casusAudience(
      casus('aangemeld', submitted),
      lkA,
      [regisseur, worker, regisseur, worker],
      today,
    );
    assert.deepEqual(
      audience.map((member) => [member.person.id, member.organisation.id]),
      [
        [regisseur.person.id, gemeente.id],
        [worker.person.id, wijkteam.id],
      ],
    );
  });

  it('does not let a second entry for a refused person admit them', () => {
    const [, unscreened] = kinds[9]!;
    const admitted = {
      person: { ...unscreened.person, screening: { kind: 'vog' as const, date: '2025-01-01' } },
      organisation: gemeente,
    };
    assert.deepEqual(
      casusAudience(casus('aangemeld', submitted), lkA, [unscreened, admitted], today),
      [],
    );
  });
});

/** An audience as the app builds it, from members given directly. */
function audienceOf(members: AudienceMember[]): CasusAudience {
  return {
    members,
    get: (id) => members.find((member) => member.person.id === id),
    decidersAt: (kamerId) =>
      kamerId
        ? members.filter((m) => hasDecisionRoleAt(m.person, kamerId)).map((m) => m.person.id)
        : [],
  };
}

describe('notificationsOf: recipients only from the audience', () => {
  const theCasus = casus('opschaling_aangevraagd', escalated);
  const candidates = kinds.map(([, candidate]) => candidate);
  const audience = audienceOf(casusAudience(theCasus, lkA, candidates, today));
  const pending = (kind: string) => ({
    ...theCasus,
    outbox: [
      { id: '0d6f2a44-8c1b-4e2a-9f3d-5a6b7c8d9e01', createdAt: '2026-11-20T09:00:00.000Z', kind },
    ],
  });
  const names = (ids: string[]) =>
    ids.map((id) => kinds.find(([, c]) => c.person.id === id)?.[0]).sort();

  it('tells the Lokale Kamer of an aanmelding: its decision makers of an overheidsdeelnemer only', () => {
    const [notification] = notificationsOf(pending('casus-aangemeld'), lkA, audience);
    assert.deepEqual(names(notification!.recipientIds), [
      'a procesregisseur of the Lokale Kamer (gemeente)',
      'a weegtafellid of the Lokale Kamer (politie)',
    ]);
  });

  /** The same casus with its latest line by someone else than the worker (a decider's id). */
  const byDecider = (kind: string) => {
    const casus = pending(kind);
    const last = casus.audit.at(-1)!;
    const decider = '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4aff';
    return {
      ...casus,
      audit: [...casus.audit.slice(0, -1), { ...last, actor: { ...last.actor, id: decider } }],
    };
  };

  it('tells the worker and the ZVH of an escalation request', () => {
    const [notification] = notificationsOf(byDecider('besluit:opschalen'), lkA, audience);
    assert.deepEqual(names(notification!.recipientIds), [
      'a procesregisseur of the ZVH (gemeente)',
      'the submitting worker',
    ]);
  });

  it('does not tell anyone of their own action', () => {
    // In this fixture the worker wrote every audit line, the escalation request too.
    const [notification] = notificationsOf(pending('besluit:opschalen'), lkA, audience);
    assert.deepEqual(names(notification!.recipientIds), [
      'a procesregisseur of the ZVH (gemeente)',
    ]);
    const [reported] = notificationsOf(
      {
        ...pending('besluit:opschalen'),
        outbox: [{ ...pending('x').outbox[0]!, kind: 'besluit:opschalen', auditIndex: 0 }],
      },
      lkA,
      audience,
    );
    assert.equal(reported!.event, 0, 'an entry reports the audit line it names');
  });

  it('tells nobody, not even the worker, who may not see the casus', () => {
    const [notification] = notificationsOf(pending('besluit:afwijzen'), lkA, audienceOf([]));
    assert.deepEqual(notification!.recipientIds, []);
  });
});

describe('fateOfCopies: earlier copies follow, are superseded, or are withdrawn', () => {
  const [, worker] = kinds[0]!;
  const [, regisseur] = kinds[3]!;
  const [, ggzRegisseur] = kinds[5]!;
  const copies = [worker, regisseur, ggzRegisseur].map((c, i) => ({
    personId: c.person.id,
    activityId: `a-${i}`,
  }));
  it('withdraws the copy of whoever is not in the audience, supersedes renewed ones, updates the rest', () => {
    const audience = audienceOf([worker, regisseur] as AudienceMember[]);
    assert.deepEqual(
      fateOfCopies(copies, new Set([worker.person.id]), audience).map(({ copy, fate }) => [
        copy.activityId,
        fate,
      ]),
      [
        ['a-0', 'superseded'],
        ['a-1', 'current'],
        ['a-2', 'withdrawn'],
      ],
    );
  });
});
