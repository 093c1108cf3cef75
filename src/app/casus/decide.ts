import { needsConfirmation, type CasusAction } from '../../domain/casus/casus-machine';
import type { CloseReason } from '../../domain/casus/close-reason';
import { applyTransition, personRef } from '../../domain/casus/casus-transition';
import { recordsActivity } from '../../domain/casus/applied-activity';
import type { Casus, CasusState } from '../../domain/casus/casus.schema';
import type { Kamer } from '../../domain/registry/registry.schema';
import { authorise } from '../../domain/casus/decision-rights';
import { MAX_TEXT, MIN_MOTIVATION } from '../../domain/intake/intake.schema';
import { fail, ok, type Result } from '../../domain/shared/result';
import type { Actor } from '../identify-actor';
import { WriteOutcomeUnknownError } from '../../domain/shared/write-outcome';
import { loadVisibleCasus, type AccessRefusal, type CasusServices } from './casus-access';

export type DecisionRefusal =
  | AccessRefusal
  /** The card was older than the casus (or its revision forged): the casus moved on. Nothing changed. */
  | { kind: 'changed-meanwhile'; casus: Casus }
  /** The card was current, but this action is not possible in the casus's state (a forged action). */
  | { kind: 'not-possible-now'; casus: Casus }
  /** The actor may see the casus but not take this action (wrong role, wrong kamer). */
  | { kind: 'not-your-decision'; casus: Casus }
  | { kind: 'motivation-too-short'; casus: Casus }
  | { kind: 'motivation-too-long'; casus: Casus }
  /** Afsluiten without one of the structured reasons. */
  | { kind: 'close-reason-missing'; casus: Casus }
  /**
   * An irreversible decision's first press: every check passed and nothing was written. The
   * decider sees what will happen and confirms with a second press, which is checked again in full.
   */
  | {
      kind: 'confirm-first';
      casus: Casus;
      motivation: string;
      closeReason: CloseReason | undefined;
    }
  /** Other writes kept coming first (outbox bookkeeping); nothing changed, trying again helps. */
  | { kind: 'busy'; casus: Casus };

/** Writes tried before giving up on a casus that keeps changing under the decision. */
const MAX_WRITES = 3;

export interface DecisionInput {
  casusId: string;
  /** The revision the card showed: a decision is about what the decider saw. */
  revision: number;
  action: CasusAction;
  motivation: string;
  /** Required for afsluiten, refused for anything else. */
  closeReason?: CloseReason | undefined;
  /** The second press of an irreversible decision. */
  confirmed?: boolean | undefined;
  activityId: string | undefined;
}

/**
 * One decision on a casus: checked (rights, state, the card's revision, a motivation), then one
 * ETag-guarded write of the new state with its audit line and notifications. Of two decisions on
 * the same card, exactly one is written; the other gets `changed-meanwhile` with the casus as it is.
 * An irreversible decision is written only when `confirmed`; without it the same checks run and
 * the answer is `confirm-first`, with nothing written.
 */
export async function decide(
  services: CasusServices,
  actor: Actor,
  input: DecisionInput,
): Promise<Result<Casus, DecisionRefusal>> {
  // A lost ETag race is retried only while the revision is unchanged: then the other write was
  // bookkeeping (an outbox entry marked sent), not a decision. A write without an answer is read
  // back the same way: either it is in the casus (ours, recognised by the activity id) or the
  // casus is as it was, and writing again is safe behind the ETag.
  const change = { activityId: input.activityId, personId: actor.person.id, action: input.action };
  let unanswered = false;
  for (let attempt = 0; ; attempt++) {
    const loaded = await loadVisibleCasus(
      services,
      actor,
      await services.casussen.get(input.casusId),
    );
    if (!loaded.ok) return loaded;
    const { casus, etag, kamer } = loaded.value;
    if (recordsActivity(casus, change)) return ok(casus);
    if (casus.revision !== input.revision) return fail({ kind: 'changed-meanwhile', casus });
    if (attempt === MAX_WRITES) {
      if (unanswered) throw new WriteOutcomeUnknownError(`decision ${input.action}`);
      return fail({ kind: 'busy', casus });
    }

    const rights = authorise(actor.person, actor.organisation, casus, kamer, input.action);
    if (!rights.ok) {
      return fail(
        rights.error === 'not-allowed-in-state'
          ? { kind: 'not-possible-now', casus }
          : { kind: 'not-your-decision', casus },
      );
    }
    const motivation = input.motivation.trim();
    if (motivation.length < MIN_MOTIVATION) return fail({ kind: 'motivation-too-short', casus });
    if (motivation.length > MAX_TEXT) return fail({ kind: 'motivation-too-long', casus });
    const closing = input.action === 'afsluiten';
    if (closing !== (input.closeReason !== undefined)) {
      if (closing) return fail({ kind: 'close-reason-missing', casus });
      return fail({ kind: 'not-possible-now', casus });
    }
    if (needsConfirmation(input.action) && input.confirmed !== true) {
      return fail({ kind: 'confirm-first', casus, motivation, closeReason: input.closeReason });
    }

    const at = services.now().toISOString();
    const next = applyTransition(casus, {
      termijnen: (await actingKamer(services, kamer, rights.value.transition.to)).termijnen,
      bewaartermijnen: kamer.bewaartermijnen,
      action: input.action,
      ...rights.value,
      actor: personRef(actor.person, actor.organisation),
      at,
      motivation,
      closeReason: input.closeReason,
      activityId: input.activityId,
      notify: [{ id: services.newId(), createdAt: at, kind: `besluit:${input.action}` }],
    });
    const written = await services.casussen.replace(next, etag);
    if (written.ok) return ok(written.value.value);
    if (written.error === 'not-found') return fail({ kind: 'not-found' });
    if (written.error === 'outcome-unknown') unanswered = true;
  }
}

/**
 * The kamer whose termijn runs in the new state: the ZVH above the Lokale Kamer while it decides
 * on an escalation, the casus's own kamer otherwise. Read only for that one step.
 */
async function actingKamer(services: CasusServices, kamer: Kamer, to: CasusState): Promise<Kamer> {
  if (to !== 'opschaling_aangevraagd' || kamer.type !== 'lokale-kamer') return kamer;
  return (await services.registry.getKamer(kamer.zvhId)) ?? kamer;
}
