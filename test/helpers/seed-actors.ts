import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Actor } from '../../src/app/identify-actor';
import { registrySeedSchema, type Kamer } from '../../src/domain/registry/registry.schema';

/** The demo registry (seed/registry.demo.json), parsed as the app parses it. */
export const demoSeed = registrySeedSchema.parse(
  JSON.parse(readFileSync('seed/registry.demo.json', 'utf8')),
);

/** A person of the demo registry by name, as the app identifies them. */
export function seedActor(name: string): Actor {
  const person = demoSeed.persons.find((p) => p.name === name);
  const organisation = demoSeed.organisations.find((o) => o.id === person?.organisationId);
  assert.ok(person && organisation, `${name} is in the demo registry`);
  return { aadObjectId: person.id, person, organisation, viaDemoPersona: false };
}

/** A kamer of the demo registry by id. */
export function seedKamer(id: string): Kamer {
  const kamer = demoSeed.kamers.find((k) => k.id === id);
  assert.ok(kamer, `${id} is in the demo registry`);
  return kamer;
}
