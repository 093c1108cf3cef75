import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { registrySeedSchema } from '../../src/domain/registry/registry.schema';

const demoSeed = (): Record<string, unknown[]> =>
  JSON.parse(readFileSync('seed/registry.demo.json', 'utf8')) as Record<string, unknown[]>;

describe('registry seed', () => {
  it('accepts the demo seed', () => {
    assert.equal(registrySeedSchema.safeParse(demoSeed()).success, true);
  });

  it('matches every Teams-like client user to a demo registry person or documents why not', () => {
    const yml = readFileSync('playground/.m365agentsplayground.yml', 'utf8');
    const ids = [...yml.matchAll(/aadObjectId: ([0-9a-f-]{36})/g)].map((m) => m[1]);
    const persons = new Set((demoSeed().persons as { id: string }[]).map((p) => p.id));
    const missing = ids.filter((id) => !persons.has(id as string));
    assert.ok(ids.length >= 5);
    // Exactly one client user is deliberately left out, to show the not-authorised card.
    assert.equal(missing.length, 1);
  });

  it('reports dangling references and duplicate ids', () => {
    const seed = demoSeed();
    const [first] = seed.persons as Record<string, unknown>[];
    seed.persons = [
      { ...first, organisationId: 'bestaat-niet' },
      { ...first, roles: [{ role: 'procesregisseur', kamerId: 'lk-nergens' }] },
    ];
    const result = registrySeedSchema.safeParse(seed);
    assert.equal(result.success, false);
    const messages = result.error?.issues.map((issue) => issue.message) ?? [];
    assert.ok(messages.includes('onbekende organisatie bestaat-niet'));
    assert.ok(messages.includes('onbekende kamer lk-nergens'));
    assert.ok(messages.some((m) => m.startsWith('dubbele id')));
  });

  it('refuses a decision role for a person who is not with an overheidsdeelnemer (art. 2.27 WGS)', () => {
    const seed = demoSeed();
    const persons = seed.persons as Record<string, unknown>[];
    const fatima = persons[0]!;
    seed.persons = [
      ...persons,
      {
        ...fatima,
        id: '7c1e0a00-0000-4000-8000-000000000091',
        name: 'Greet van de GGZ',
        organisationId: 'ggz-maasoever', // private vaste deelnemer
        roles: [{ role: 'procesregisseur', kamerId: 'lk-rotterdam' }],
      },
      {
        ...fatima,
        id: '7c1e0a00-0000-4000-8000-000000000092',
        name: 'Willem Woonstichting',
        organisationId: 'woonstichting-maasstad', // incidentele deelnemer
        roles: [{ role: 'wijkteammedewerker' }, { role: 'weegtafellid', kamerId: 'lk-rotterdam' }],
      },
      {
        ...fatima,
        id: '7c1e0a00-0000-4000-8000-000000000093',
        name: 'Wijkteamlid zonder besluitrol',
        organisationId: 'ggz-maasoever',
        roles: [{ role: 'wijkteammedewerker' }],
      },
    ];
    const result = registrySeedSchema.safeParse(seed);
    assert.equal(result.success, false);
    const issues = result.error?.issues ?? [];
    const index = persons.length;
    assert.deepEqual(
      issues.map((issue) => [issue.path, issue.message]),
      [
        [
          ['persons', index, 'roles', 0, 'role'],
          'Greet van de GGZ kan geen procesregisseur zijn: GGZ Maasoever is geen overheidsdeelnemer (art. 2.27 WGS)',
        ],
        [
          ['persons', index + 1, 'roles', 1, 'role'],
          'Willem Woonstichting kan geen weegtafellid zijn: Woonstichting Maasstad is geen overheidsdeelnemer (art. 2.27 WGS)',
        ],
      ],
    );
  });
});
