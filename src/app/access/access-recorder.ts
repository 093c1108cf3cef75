import {
  noCasusPartition,
  type AccessRecord,
  type AccessResult,
  type AccessWhat,
} from '../../domain/access/access-record.schema';
import { accessActorOf } from '../../domain/access/access-actor';
import type { Logger } from '../../logging/logger';
import type { Actor } from '../identify-actor';
import type { AccessLogStore } from './access-log';

/** The casus a record is about: its id, and number and kamer once it has them. */
export interface AccessedCasus {
  id: string;
  casusNumber?: string;
  kamerId?: string;
}

/** How long an answer waits for its access records before it goes out anyway (they go on). */
const WAIT_MS = 1000;

/**
 * One turn's (or one request's) access records: who acts and why are fixed when it is made.
 * `settled()`, at the end of the turn, appends them all at once and waits for them, at most a
 * second: a hanging store must not keep a user waiting for an account of what they saw. A view
 * of a casus the turn then changed is not recorded apart: the change says it was read. A record
 * the store did not take goes to `lost`, the operational log, whole: it holds no betrokkene data,
 * so the account survives there (Log Analytics) when the container was unavailable.
 */
export class AccessRecorder {
  private readonly records: AccessRecord[] = [];
  private readonly seen = new Set<string>();

  constructor(
    private readonly store: AccessLogStore,
    private readonly context: {
      actor: AccessRecord['actor'];
      why: string;
      now(): Date;
      newId(): string;
      lost(record: AccessRecord, error: unknown): void;
    },
  ) {}

  /** Records once per casus, what and result in this turn: a re-read is not a second view. */
  record(what: AccessWhat, casus: AccessedCasus | undefined, result: AccessResult): void {
    const casusId = casus?.id ?? noCasusPartition(this.context.actor.personId);
    const key = `${casusId} ${what} ${result}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.records.push({
      kind: 'toegang',
      id: this.context.newId(),
      at: this.context.now().toISOString(),
      actor: this.context.actor,
      casusId,
      ...(casus?.kamerId ? { kamerId: casus.kamerId } : {}),
      ...(casus?.casusNumber ? { casusNumber: casus.casusNumber } : {}),
      what,
      why: this.context.why.slice(0, 100),
      result,
    });
  }

  viewed(casus: AccessedCasus, result: 'shown' | 'refused'): void {
    this.record('view', casus, result);
  }

  /** A search and what it showed: one record per casus shown, or one without a casus. */
  searched(shown: readonly AccessedCasus[]): void {
    if (shown.length === 0) this.record('search', undefined, 'shown');
    for (const casus of shown) this.record('search', casus, 'shown');
  }

  /** Appends what was recorded since the last call; waits for it at most a second. */
  async settled(): Promise<void> {
    const taken = this.records.splice(0);
    const changed = new Set(taken.filter((r) => r.result === 'changed').map((r) => r.casusId));
    const appends = taken
      .filter((r) => !(r.what === 'view' && r.result === 'shown' && changed.has(r.casusId)))
      .map((record) =>
        this.store.append(record).catch((error: unknown) => this.context.lost(record, error)),
      );
    if (appends.length === 0) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all(appends),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, WAIT_MS);
        timer.unref();
      }),
    ]);
    clearTimeout(timer);
  }
}

/** What any adapter needs to record the reads and changes of someone it has identified. */
export interface AccessRecording {
  accessLog: AccessLogStore;
  now(): Date;
  newId(): string;
}

/** A recorder for this actor and cause; a record the store refuses is logged whole as an error. */
export function recorderFor(
  deps: AccessRecording,
  logger: Logger,
  actor: Actor,
  why: string,
): AccessRecorder {
  return new AccessRecorder(deps.accessLog, {
    actor: accessActorOf(actor.person, actor.organisation),
    why,
    now: () => deps.now(),
    newId: () => deps.newId(),
    lost: (record, error) =>
      logger.error(
        { err: error, event: 'access-record-not-stored', record },
        'access record not stored',
      ),
  });
}
