import type { RegistryRepository } from '../../domain/registry/registry.repository';
import { hasDecisionRoleAt } from '../../domain/registry/roles';
import type {
  Kamer,
  Organisation,
  Person,
  RegistrySeed,
} from '../../domain/registry/registry.schema';

export interface RegistryCacheOptions {
  /** How often the snapshot is reloaded in the background. */
  refreshMs: number;
  /**
   * The oldest snapshot a read may use, counted from when its load began: the bound within which
   * a change made elsewhere (a person removed by the import, on any instance) takes effect here.
   * A read that finds the snapshot older waits for a new one, and fails when the store does.
   */
  maxAgeMs: number;
  /** Milliseconds, as `Date.now`. */
  clock(): number;
  onRefreshFailed(error: unknown): void;
}

interface Snapshot {
  loadedAt: number;
  persons: Person[];
  organisations: Organisation[];
  kamers: Kamer[];
  personById: Map<string, Person>;
  organisationById: Map<string, Organisation>;
  kamerById: Map<string, Kamer>;
  decisionMakers: Map<string, Person[]>;
}

/**
 * The deelnemersregister served from memory. It is a few hundred entries that change a few times
 * a month, and every turn and delivery reads it several times: from the store that was most of a
 * turn's round trips. Every instance loads the whole registry (three partition queries) and
 * reloads it every `refreshMs`, so a change anywhere — an import, a person removed — is seen by
 * every instance within `maxAgeMs`, and deletions too, which a change feed would not report.
 * Writes through this instance reload at once. Demo personas are not cached: they are per user,
 * change by the turn, and exist only in the local demo.
 */
export class CachedRegistry implements RegistryRepository {
  private snapshot: Snapshot | undefined;
  private loading: Promise<Snapshot> | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly source: RegistryRepository,
    private readonly options: RegistryCacheOptions,
  ) {}

  /** Loads the first snapshot and keeps it fresh in the background until `stop`. */
  async start(): Promise<void> {
    await this.reload();
    this.timer = setInterval(() => {
      this.reload().catch((error: unknown) => this.options.onRefreshFailed(error));
    }, this.options.refreshMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** One load at a time; whoever asks meanwhile gets that load's snapshot. */
  reload(): Promise<Snapshot> {
    this.loading ??= this.load().finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  private async load(): Promise<Snapshot> {
    const loadedAt = this.options.clock();
    const [persons, organisations, kamers] = await Promise.all([
      this.source.listPersons(),
      this.source.listOrganisations(),
      this.source.listKamers(),
    ]);
    const decisionMakers = new Map(
      kamers.map((kamer) => [
        kamer.id,
        persons.filter((person) => hasDecisionRoleAt(person, kamer.id)),
      ]),
    );
    const snapshot: Snapshot = {
      loadedAt,
      persons,
      organisations,
      kamers,
      personById: new Map(persons.map((person) => [person.id, person])),
      organisationById: new Map(organisations.map((org) => [org.id, org])),
      kamerById: new Map(kamers.map((kamer) => [kamer.id, kamer])),
      decisionMakers,
    };
    // A slower load begun earlier never replaces a newer one.
    if (!this.snapshot || this.snapshot.loadedAt <= loadedAt) this.snapshot = snapshot;
    return this.snapshot;
  }

  private async current(): Promise<Snapshot> {
    const { snapshot } = this;
    if (snapshot && this.options.clock() - snapshot.loadedAt <= this.options.maxAgeMs)
      return snapshot;
    return this.reload();
  }

  async getPerson(id: string): Promise<Person | undefined> {
    return (await this.current()).personById.get(id);
  }

  async getOrganisation(id: string): Promise<Organisation | undefined> {
    return (await this.current()).organisationById.get(id);
  }

  async getKamer(id: string): Promise<Kamer | undefined> {
    return (await this.current()).kamerById.get(id);
  }

  async listKamers(): Promise<Kamer[]> {
    return [...(await this.current()).kamers];
  }

  async listOrganisations(): Promise<Organisation[]> {
    return [...(await this.current()).organisations];
  }

  async listPersons(): Promise<Person[]> {
    return [...(await this.current()).persons];
  }

  async listDecisionMakers(kamerId: string): Promise<Person[]> {
    const snapshot = await this.current();
    return [
      ...(snapshot.decisionMakers.get(kamerId) ??
        snapshot.persons.filter((person) => hasDecisionRoleAt(person, kamerId))),
    ];
  }

  async seedOnce(seed: RegistrySeed): Promise<boolean> {
    const seeded = await this.source.seedOnce(seed);
    if (seeded) await this.reload();
    return seeded;
  }

  getDemoPersona(aadObjectId: string): Promise<string | undefined> {
    return this.source.getDemoPersona(aadObjectId);
  }

  setDemoPersona(aadObjectId: string, personId: string): Promise<void> {
    return this.source.setDemoPersona(aadObjectId, personId);
  }
}
