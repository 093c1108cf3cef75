/** Lets every promise chain that can run now run to its next wait. */
export const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A clock that moves only when the test says so: `sleep` resolves when the time passes its end, in
 * order, with the promise chains it starts run before the clock moves on.
 */
export class ManualClock {
  private time = 0;
  private sleepers: { at: number; wake: () => void }[] = [];

  readonly now = (): number => this.time;

  readonly sleep = (ms: number): Promise<void> =>
    new Promise((wake) => this.sleepers.push({ at: this.time + Math.max(0, ms), wake }));

  /** Moves the clock to `to`, stopping at every sleeper's end on the way. */
  async advanceTo(to: number): Promise<void> {
    await settle();
    for (;;) {
      const due = this.sleepers.filter((sleeper) => sleeper.at <= to);
      if (due.length === 0) break;
      const at = Math.min(...due.map((sleeper) => sleeper.at));
      this.time = Math.max(this.time, at);
      const woken = this.sleepers.filter((sleeper) => sleeper.at <= this.time);
      this.sleepers = this.sleepers.filter((sleeper) => sleeper.at > this.time);
      woken.forEach((sleeper) => sleeper.wake());
      await settle();
    }
    this.time = Math.max(this.time, to);
    await settle();
  }

  advance(ms: number): Promise<void> {
    return this.advanceTo(this.time + ms);
  }

  /** Moves the clock on, sleeper by sleeper, until `done` holds; fails past `limit`. */
  async runUntil(done: () => boolean, limit = 24 * 3_600_000): Promise<void> {
    await settle();
    while (!done()) {
      const next = Math.min(...this.sleepers.map((sleeper) => sleeper.at));
      if (!Number.isFinite(next) || next > limit)
        throw new Error(`Nothing left to wake at ${this.time} ms, and not done`);
      await this.advanceTo(next);
    }
  }
}
