import { auditLineOf } from '../../domain/casus/applied-activity';
import type { Casus } from '../../domain/casus/casus.schema';
import { personRef } from '../../domain/casus/casus-transition';
import { MAX_TEXT, MIN_MOTIVATION } from '../../domain/intake/intake.schema';
import {
  applyRetentionDecision,
  retentionAuthority,
  type RetentionStep,
} from '../../domain/retention/retention-decision';
import { fail, ok, type Result } from '../../domain/shared/result';
import { WriteOutcomeUnknownError } from '../../domain/shared/write-outcome';
import type { Actor } from '../identify-actor';
import { loadVisibleCasus, type AccessRefusal, type CasusServices } from '../casus/casus-access';

export type RetentionRefusal =
  | AccessRefusal
  | { kind: 'changed-meanwhile'; casus: Casus }
  | { kind: 'not-possible-now'; casus: Casus }
  | { kind: 'not-your-decision'; casus: Casus }
  | { kind: 'motivation-too-short'; casus: Casus }
  | { kind: 'motivation-too-long'; casus: Casus }
  | { kind: 'busy'; casus: Casus };

export interface RetentionDecisionRequest {
  casusId: string;
  revision: number;
  step: RetentionStep;
  months?: number | undefined;
  motivation: string;
  activityId: string | undefined;
}

const MAX_WRITES = 3;

/**
 * A decision on a casus's bewaartermijn (extend it, a legal hold, lifting the hold): checked
 * like every decision (who may see it and decide, the card's revision, a motivation), then one
 * ETag-guarded write with its audit line. A write without an answer is read back: the line with
 * this activity's id is there, or the casus is as it was and writing again is safe.
 */
export async function decideRetention(
  services: CasusServices,
  actor: Actor,
  request: RetentionDecisionRequest,
): Promise<Result<Casus, RetentionRefusal>> {
  let unanswered = false;
  for (let attempt = 0; ; attempt++) {
    const loaded = await loadVisibleCasus(
      services,
      actor,
      await services.casussen.get(request.casusId),
    );
    if (!loaded.ok) return loaded;
    const { casus, etag, kamer } = loaded.value;
    const mine = auditLineOf(casus, request.activityId);
    if (mine && mine.actor.id === actor.person.id) return ok(casus);
    if (casus.revision !== request.revision) return fail({ kind: 'changed-meanwhile', casus });
    if (attempt === MAX_WRITES) {
      if (unanswered) throw new WriteOutcomeUnknownError(`retention ${request.step}`);
      return fail({ kind: 'busy', casus });
    }
    const authority = retentionAuthority(actor.person, actor.organisation, casus, kamer);
    if (!authority) return fail({ kind: 'not-your-decision', casus });
    const motivation = request.motivation.trim();
    if (motivation.length < MIN_MOTIVATION) return fail({ kind: 'motivation-too-short', casus });
    if (motivation.length > MAX_TEXT) return fail({ kind: 'motivation-too-long', casus });
    const next = applyRetentionDecision(casus, {
      step: request.step,
      months: request.months,
      actor: personRef(actor.person, actor.organisation),
      authority,
      at: services.now().toISOString(),
      motivation,
      activityId: request.activityId,
    });
    if (!next.ok) return fail({ kind: 'not-possible-now', casus });
    const written = await services.casussen.replace(next.value, etag);
    if (written.ok) return ok(written.value.value);
    if (written.error === 'not-found') return fail({ kind: 'not-found' });
    if (written.error === 'outcome-unknown') unanswered = true;
  }
}
