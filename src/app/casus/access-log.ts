/**
 * A read of personal data that someone asked for by searching: who (the registry person, never the
 * search text), when, how, and which casussen it showed. Kept apart from the operational log's
 * wording so an inzage-register (who saw which casus, WGS art. 2.25 accountability) can be built on
 * the same entries later without changing the callers.
 */
export interface PersonalDataSearch {
  at: string;
  personId: string;
  kind: 'casusnummer' | 'betrokkene';
  /** The casussen the search showed (only those the searcher may see); empty when none. */
  casusIds: string[];
}

/** Where such reads are recorded. Recording must not fail the turn that did the read. */
export interface AccessLog {
  searched(entry: PersonalDataSearch): void;
}
