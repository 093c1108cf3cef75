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
});
