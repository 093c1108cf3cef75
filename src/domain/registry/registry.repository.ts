import type { Kamer, Organisation, Person, RegistrySeed } from './registry.schema';

/** The port to the deelnemersregister. */
export interface RegistryRepository {
  getPerson(id: string): Promise<Person | undefined>;
  getOrganisation(id: string): Promise<Organisation | undefined>;
  getKamer(id: string): Promise<Kamer | undefined>;
  listKamers(): Promise<Kamer[]>;
  listOrganisations(): Promise<Organisation[]>;
  listPersons(): Promise<Person[]>;
  /** Procesregisseurs and weegtafelleden of a kamer. */
  listDecisionMakers(kamerId: string): Promise<Person[]>;
  /** Loads the seed once; returns false when the registry was seeded before. */
  seedOnce(seed: RegistrySeed): Promise<boolean>;
  /** Demo mode only: the registry person a Teams user acts as. */
  getDemoPersona(aadObjectId: string): Promise<string | undefined>;
  setDemoPersona(aadObjectId: string, personId: string): Promise<void>;
}
