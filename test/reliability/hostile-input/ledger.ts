// Who sent what: ties the bots' replies and log lines back to the requests of the barrage.
// Hostile ids repeat ("${$root}" as an activity id), so only a tie that is unique counts.
import type { SentActivity } from '../../helpers/fake-connector';
import type { Planned } from './plan';
import type { Answered } from './send';

export type Mode = 'demo' | 'production';

export interface Sender {
  actor: string | undefined;
  id: string | undefined;
  conversationId: string | undefined;
}

/** The sender, activity id and conversation of a request, as far as its body says. */
export function senderOf(request: Planned): Sender {
  const none = { actor: undefined, id: undefined, conversationId: undefined };
  if (request.kind === 'big-body') return none;
  try {
    const parsed = JSON.parse(request.body.toString().replace(/^\uFEFF/, '')) as {
      id?: unknown;
      from?: { aadObjectId?: unknown };
      conversation?: { id?: unknown };
    } | null;
    const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
    return {
      actor: text(parsed?.from?.aadObjectId),
      id: text(parsed?.id),
      conversationId: text(parsed?.conversation?.id),
    };
  } catch {
    return none;
  }
}

interface Entry {
  answered: Answered;
  sender: Sender;
}

export class Ledger {
  private readonly byId = new Map<string, Entry[]>();

  record(mode: Mode, answered: Answered, sender: Sender): void {
    if (!sender.id) return;
    const key = `${mode} ${sender.id}`;
    this.byId.set(key, [...(this.byId.get(key) ?? []), { answered, sender }]);
  }

  /** The one request with this activity id, or undefined when none or several had it. */
  only(mode: Mode, id: unknown): Entry | undefined {
    const entries = typeof id === 'string' ? this.byId.get(`${mode} ${id}`) : undefined;
    return entries?.length === 1 ? entries[0] : undefined;
  }

  /** The request a reply answers: the one with its id, in its conversation. */
  replied(sent: SentActivity): Entry | undefined {
    const entries = this.byId.get(`demo ${sent.replyToId}`) ?? [];
    const matching = entries.filter((entry) => entry.sender.conversationId === sent.conversationId);
    return matching.length === 1 ? matching[0] : undefined;
  }

  /** Log lines of a turn that ran for a production request without a valid token. */
  unauthenticatedTurns(logs: Record<string, unknown>[]): [Record<string, unknown>, Answered][] {
    return logs.flatMap((line): [Record<string, unknown>, Answered][] => {
      const entry = this.only('production', line.activityId);
      const auth = entry?.answered.request.auth;
      return entry && auth && auth !== 'valid' ? [[line, entry.answered]] : [];
    });
  }
}
