// What a section of the reliability suite reports: figures, each against its target.

export interface Figure {
  /** What is counted, e.g. "5xx answers". */
  name: string;
  /** What was found, as printed ("0", "p99 1.2 s", "1 of 50"). */
  value: string;
  /** What it must be, as printed ("0", "< 5 s"). */
  target: string;
  met: boolean;
}

/** Shared by every section of one run. */
export interface ReliabilityContext {
  /**
   * Every log line (JSON) of every bot the suite starts, in-process (`startBotHarness(env,
   * context.logLines)`) or as a process (its `AppProcess.logs`, pushed as JSON): the secrets
   * section reads them all at the end.
   */
  logLines: string[];
  /** The names of the sections this run runs, in order (RELIABILITY_ONLY may choose a few). */
  sections: readonly string[];
  /** A progress line on stderr (the table goes to stdout). */
  note(line: string): void;
}

export interface Section {
  /** Short name, for RELIABILITY_ONLY and the table ("hostile-input"). */
  name: string;
  /** As the table heads it ("1. Hostile input"). */
  title: string;
  run(context: ReliabilityContext): Promise<Figure[]>;
}

/** A count that must be at most `limit` (0 for "none"). */
export const atMost = (name: string, count: number, limit = 0): Figure => ({
  name,
  value: String(count),
  target: limit === 0 ? '0' : `≤ ${limit}`,
  met: count <= limit,
});

/** A count that must be at least `minimum` (how much was tried: a run that tried nothing fails). */
export const atLeast = (name: string, count: number, minimum: number): Figure => ({
  name,
  value: String(count),
  target: `≥ ${minimum}`,
  met: count >= minimum,
});

/** A count that must be exactly `expected`. */
export const exactly = (name: string, count: number, expected: number): Figure => ({
  name,
  value: String(count),
  target: String(expected),
  met: count === expected,
});

/** A duration in milliseconds that must stay below `limitMs`. */
export const below = (name: string, ms: number, limitMs: number): Figure => ({
  name,
  value: ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`,
  target: `< ${limitMs >= 1000 ? `${limitMs / 1000} s` : `${limitMs} ms`}`,
  met: ms < limitMs,
});

/** A yes/no property ("the printed matrix equals the documented one"). */
export const holds = (name: string, met: boolean, value = met ? 'yes' : 'no'): Figure => ({
  name,
  value,
  target: 'yes',
  met,
});
