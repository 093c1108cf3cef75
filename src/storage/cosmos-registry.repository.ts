import type { Container } from '@azure/cosmos';
import { z } from 'zod';
import type { RegistryRepository } from '../domain/registry/registry.repository';
import {
  kamerSchema,
  organisationSchema,
  personSchema,
  type Kamer,
  type Organisation,
  type Person,
  type RegistrySeed,
} from '../domain/registry/registry.schema';
import { WriteOutcomeUnknownError } from '../domain/shared/write-outcome';
import { StoreUnavailableError, storeCall, storeCallExpecting, storeWrite } from './cosmos-errors';
import { queryPartition } from './partition-query';

const SEED_MARKER = { kind: 'meta', id: 'registry-seed' } as const;
const seedMarkerSchema = z.object({
  kind: z.literal(SEED_MARKER.kind),
  seededAt: z.iso.datetime(),
});
const DEMO_PERSONA = 'demo-persona';
const demoPersonaSchema = z.object({ kind: z.literal(DEMO_PERSONA), personId: z.guid() });

interface Parser<T> {
  parse(value: unknown): T;
}

/** The deelnemersregister in Cosmos DB, partitioned by the kind of entry. */
export class CosmosRegistryRepository implements RegistryRepository {
  constructor(private readonly container: Container) {}

  private async read<T>(kind: string, id: string, schema: Parser<T>): Promise<T | undefined> {
    const result = await storeCallExpecting(
      (options) => this.container.item(id, kind).read(options),
      [404],
    );
    return result.ok && result.value.resource ? schema.parse(result.value.resource) : undefined;
  }

  getPerson(id: string): Promise<Person | undefined> {
    return this.read('persoon', id, personSchema);
  }

  getOrganisation(id: string): Promise<Organisation | undefined> {
    return this.read('organisatie', id, organisationSchema);
  }

  getKamer(id: string): Promise<Kamer | undefined> {
    return this.read('kamer', id, kamerSchema);
  }

  private async list<T>(kind: string, schema: Parser<T>): Promise<T[]> {
    const rows = await queryPartition<unknown>(
      this.container,
      'kind',
      kind,
      'true',
      [],
      'ORDER BY c.name',
    );
    return rows.map((row) => schema.parse(row));
  }

  listKamers(): Promise<Kamer[]> {
    return this.list('kamer', kamerSchema);
  }

  listOrganisations(): Promise<Organisation[]> {
    return this.list('organisatie', organisationSchema);
  }

  listPersons(): Promise<Person[]> {
    return this.list('persoon', personSchema);
  }

  async listDecisionMakers(kamerId: string): Promise<Person[]> {
    const rows = await queryPartition<unknown>(
      this.container,
      'kind',
      'persoon',
      'EXISTS(SELECT VALUE r FROM r IN c.roles WHERE r.kamerId = @kamerId AND (r.role = "procesregisseur" OR r.role = "weegtafellid"))',
      [{ name: '@kamerId', value: kamerId }],
      'ORDER BY c.name',
    );
    return rows.map((row) => personSchema.parse(row));
  }

  async seedOnce(seed: RegistrySeed): Promise<boolean> {
    if (await this.read(SEED_MARKER.kind, SEED_MARKER.id, seedMarkerSchema)) return false;
    await this.upsertEntries(seed);
    const marker = await storeWrite(
      (options) =>
        this.container.items.create(
          { ...SEED_MARKER, seededAt: new Date().toISOString() },
          options,
        ),
      [409],
    );
    if (!marker.ok && marker.status === 'outcome-unknown')
      throw new StoreUnavailableError(new Error('The seed marker write got no answer'));
    return marker.ok;
  }

  /**
   * Writes every entry of an operator's registry file, new or changed, and marks the registry as
   * seeded. Returns the persons in the store that the file no longer has: they keep access until
   * removed, so the operator decides.
   */
  async importSeed(seed: RegistrySeed): Promise<{ written: number; absentPersonIds: string[] }> {
    const written = await this.upsertEntries(seed);
    await storeCall((options) =>
      this.container.items.upsert({ ...SEED_MARKER, seededAt: new Date().toISOString() }, options),
    );
    const inFile = new Set(seed.persons.map((person) => person.id));
    const absentPersonIds = (await this.listPersons())
      .map((person) => person.id)
      .filter((id) => !inFile.has(id));
    return { written, absentPersonIds };
  }

  /** Takes persons out of the registry, which ends their access; casussen keep their audit names. */
  async removePersons(ids: readonly string[]): Promise<void> {
    for (const id of ids) {
      await storeCallExpecting(
        (options) => this.container.item(id, 'persoon').delete(options),
        [404],
      );
    }
  }

  // Upserts make a write that died half-way safe to run again; callers write the marker last.
  private async upsertEntries(seed: RegistrySeed): Promise<number> {
    const entries = [...seed.organisations, ...seed.kamers, ...seed.persons];
    for (const entry of entries) {
      await storeCall((options) => this.container.items.upsert(entry, options));
    }
    return entries.length;
  }

  async getDemoPersona(aadObjectId: string): Promise<string | undefined> {
    return (await this.read(DEMO_PERSONA, aadObjectId, demoPersonaSchema))?.personId;
  }

  async setDemoPersona(aadObjectId: string, personId: string): Promise<void> {
    const written = await storeWrite(
      (options) =>
        this.container.items.upsert({ kind: DEMO_PERSONA, id: aadObjectId, personId }, options),
      [],
    );
    // An upsert without an answer is read back: done, or not known (never "nothing changed").
    if (written.ok) return;
    const stored = await this.getDemoPersona(aadObjectId).catch(() => undefined);
    if (stored !== personId) throw new WriteOutcomeUnknownError('the demo persona');
  }
}
