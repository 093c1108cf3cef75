import { z } from 'zod';
import { appendAuditLine } from '../casus/audit-chain';
import type { Casus, PersonRef } from '../casus/casus.schema';
import { authorityAt, reachedZvh, type Authority } from '../casus/decision-rights';
import type { Kamer, Organisation, Person } from '../registry/registry.schema';
import { fail, ok, type Result } from '../shared/result';
import { RETENTION_LEGAL_BASIS, type RetentionAuditAction } from './retention-audit';
import { extendClock, holdClock, releaseClock } from './retention-clock';

/** What a decider can do with a casus's bewaartermijn. */
export const retentionStepSchema = z.enum(['verlengen', 'bewaarplicht', 'opheffen']);
export type RetentionStep = z.infer<typeof retentionStepSchema>;

/** The extensions a card offers, in months. */
export const extensionMonths = [3, 6, 12, 24] as const;
export const extensionMonthsSchema = z.coerce
  .number()
  .refine((n): n is (typeof extensionMonths)[number] =>
    (extensionMonths as readonly number[]).includes(n),
  );

const auditAction: Record<RetentionStep, RetentionAuditAction> = {
  verlengen: 'bewaartermijn-verlengd',
  bewaarplicht: 'bewaarplicht-ingesteld',
  opheffen: 'bewaarplicht-opgeheven',
};

/**
 * Who decides on a casus's bewaartermijn: those who decided on the casus, for the overheidsdeelnemers
 * (the Lokale Kamer's, and the ZVH's once it was involved). The privacy officer audits, the
 * contactpunt answers the betrokkene: neither sees the casus, so neither extends it.
 */
export function retentionAuthority(
  person: Person,
  organisation: Organisation,
  casus: Pick<Casus, 'state' | 'kamerId' | 'createdBy' | 'audit'>,
  kamer: Kamer,
): Authority | undefined {
  return (
    authorityAt('lokale-kamer', person, organisation, casus, kamer) ??
    (reachedZvh(casus) ? authorityAt('zvh', person, organisation, casus, kamer) : undefined)
  );
}

/** Whether this step is possible now: a running clock can be extended or held, a held one released. */
export function retentionStepsOpen(
  casus: Pick<Casus, 'retention' | 'anonymised'>,
): RetentionStep[] {
  if (!casus.retention || casus.anonymised) return [];
  return casus.retention.hold ? ['opheffen'] : ['verlengen', 'bewaarplicht'];
}

export interface RetentionDecisionInput {
  step: RetentionStep;
  months?: number;
  actor: PersonRef;
  authority: Authority;
  at: string;
  motivation: string;
  activityId?: string | undefined;
}

/**
 * The casus after a decision on its bewaartermijn: the clock changed, one audit line with the
 * motivation, one revision up. Pure; written with the ETag it was read with.
 */
export function applyRetentionDecision(
  casus: Casus,
  input: RetentionDecisionInput,
): Result<Casus, 'not-possible-now'> {
  const clock = casus.retention;
  if (!clock || !retentionStepsOpen(casus).includes(input.step)) return fail('not-possible-now');
  if (input.step === 'verlengen' && input.months === undefined) return fail('not-possible-now');
  const next =
    input.step === 'verlengen'
      ? extendClock(clock, input.months ?? 0, input.at)
      : input.step === 'bewaarplicht'
        ? holdClock(clock, input.at, input.actor.id)
        : releaseClock(clock, input.at);
  const chained = appendAuditLine(casus, {
    at: input.at,
    actor: {
      ...input.actor,
      role: input.authority.role,
      ...(input.authority.kamerId && { kamerId: input.authority.kamerId }),
    },
    onBehalfOf: input.authority.onBehalfOf,
    action: auditAction[input.step],
    from: casus.state,
    to: casus.state,
    motivation: input.motivation,
    legalBasis: RETENTION_LEGAL_BASIS,
    ...(input.step === 'verlengen' && { months: input.months }),
    ...(input.activityId && { activityId: input.activityId }),
  });
  return ok({ ...casus, ...chained, retention: next, revision: casus.revision + 1 });
}
