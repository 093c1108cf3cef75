/** How long and how big a bench run is. */
export interface BenchSettings {
  mode: 'full' | 'quick' | 'smoke';
  /** Rounds of every subject in turn (baselines and subjects interleaved: A B … A B …). */
  pairs: number;
  concurrencies: readonly number[];
  /** How long one batch runs (it stops earlier when its pool is used up). */
  batchMs: number;
  warmupMs: number;
  /** Casussen in the store for the small and the large measurement. */
  smallCasussen: number;
  largeCasussen: number;
  /** Fresh aangemeld casussen for one batch of decisions (at 100 casussen, and at the large size). */
  smallDecisionPool: number;
  decisionPool: number;
  /** Fresh drafts for one batch of intake steps (four steps each). */
  draftPool: number;
  /** Open casussen besides the pools (in behandeling): what refresh and `casus <nummer>` open. */
  openCasussen: number;
  /** Registry persons besides the demo's: a region's registry is a few hundred. */
  registryPersons: number;
  /** Turns counted one by one for the round trips per turn. */
  countedTurns: number;
}

const full: BenchSettings = {
  mode: 'full',
  pairs: 3,
  concurrencies: [1, 10],
  batchMs: 3000,
  warmupMs: 1000,
  smallCasussen: 100,
  largeCasussen: 5000,
  smallDecisionPool: 40,
  decisionPool: 400,
  draftPool: 120,
  openCasussen: 150,
  registryPersons: 300,
  countedTurns: 5,
};

/** `BENCH_QUICK=1`: the same run, shorter batches and a 1,000-casus store: a smoke run. */
const quick: BenchSettings = {
  ...full,
  mode: 'quick',
  batchMs: 500,
  warmupMs: 300,
  largeCasussen: 1000,
  decisionPool: 150,
  draftPool: 40,
  openCasussen: 60,
  countedTurns: 3,
};

/** For the bench's own test: every part runs, briefly. */
export const smokeSettings: BenchSettings = {
  ...quick,
  mode: 'smoke',
  pairs: 1,
  batchMs: 250,
  warmupMs: 100,
  smallCasussen: 60,
  largeCasussen: 150,
  smallDecisionPool: 20,
  decisionPool: 30,
  draftPool: 10,
  openCasussen: 20,
  registryPersons: 30,
  countedTurns: 2,
};

export function settingsFromEnv(env: NodeJS.ProcessEnv): BenchSettings {
  const on = (value: string | undefined) => value !== undefined && /^(1|true|yes)$/i.test(value);
  return on(env.BENCH_QUICK) ? quick : full;
}
