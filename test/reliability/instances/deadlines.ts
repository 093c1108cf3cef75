// Casussen whose termijn runs out during the run: their stored deadline is moved to the last
// moments of the termijn (reminder due now, the end some seconds on), as if they had waited five
// werkdagen, so that the three instances' deadline sweeps race for both notices.
import { withAlert } from '../../../src/domain/deadlines/casus-deadline';
import { CosmosCasusRepository } from '../../../src/storage/cosmos-casus.repository';
import { storedCasus, waitFor } from '../../helpers/channel-thread-watch';
import type { StoreContainers } from '../../helpers/store-containers';

/** How long after the reminder the termijn ends: the expiry comes that much later. */
export const DUE_AFTER_MS = 12_000;

/** A casus whose termijn the run moved: both its notices are owed. */
export interface MovedTermijn {
  number: string;
  casusId: string;
  dueAt: string;
}

export class NearDeadlines {
  readonly moved: MovedTermijn[] = [];
  readonly failures: string[] = [];
  private readonly work: Promise<void>[] = [];
  private readonly repository: CosmosCasusRepository;

  private readonly bot: { store(): StoreContainers };

  constructor(containers: StoreContainers) {
    this.repository = new CosmosCasusRepository(containers.casussen);
    this.bot = { store: () => containers };
  }

  /** Once the aanmelding is delivered, moves the casus's termijn to its end (in the background). */
  add(number: string): void {
    this.work.push(
      this.move(number).catch((error: unknown) => {
        this.failures.push(`${number}: ${error instanceof Error ? error.message : String(error)}`);
      }),
    );
  }

  private async move(number: string): Promise<void> {
    const casus = await waitFor(
      `the aanmelding of ${number} delivered`,
      async () => {
        const found = await storedCasus(this.bot, number);
        return found.outbox.length === 0 && !found.deliveryLease ? found : undefined;
      },
      30_000,
    );
    for (let attempt = 0; attempt < 10; attempt++) {
      const stored = await this.repository.get(casus.id);
      const deadline = stored?.value.deadline;
      if (!stored || !deadline) throw new Error(`${number} has no termijn`);
      const now = Date.now();
      const dueAt = new Date(now + DUE_AFTER_MS).toISOString();
      const moved = withAlert({
        state: deadline.state,
        remindAt: new Date(now - 1000).toISOString(),
        dueAt,
        notified: 'geen',
      });
      // ETag-guarded, as the bots write: a delivery that wrote meanwhile makes this try again.
      const written = await this.repository.replace(
        { ...stored.value, deadline: moved },
        stored.etag,
      );
      if (written.ok) {
        this.moved.push({ number, casusId: casus.id, dueAt });
        return;
      }
    }
    throw new Error(`the termijn of ${number} could not be moved`);
  }

  /** Waits until every moved termijn has had its expiry written and delivered. */
  async settled(timeoutMs: number): Promise<void> {
    await Promise.all(this.work);
    const deadline = Date.now() + timeoutMs;
    for (const { number } of this.moved) {
      await waitFor(
        `both notices of ${number} delivered`,
        async () => {
          const casus = await storedCasus(this.bot, number);
          const done = casus.deadline?.notified === 'verlopen' || casus.deadline === undefined;
          return done && casus.outbox.length === 0 ? casus : undefined;
        },
        Math.max(0, deadline - Date.now()),
      ).catch((error: unknown) => {
        this.failures.push(String(error));
      });
    }
  }
}
