// What the store holds, judged against what the bot told its users and against itself.
import type { Container } from '@azure/cosmos';
import { draftIdFor } from '../../../src/app/intake/draft-id';
import { verifyAuditChain } from '../../../src/domain/casus/audit-chain';
import { casusSchema, type Casus } from '../../../src/domain/casus/casus.schema';
import { intakeSteps } from '../../../src/domain/intake/intake-form';
import { pathProblem } from '../casus-path';
import type { TurnRecord } from './turns';

/** Every casus document in the container, parsed or not (a document that does not parse counts). */
export async function allCasussen(container: Container): Promise<unknown[]> {
  const { resources } = await container.items
    .query<Record<string, unknown>>('SELECT * FROM c')
    .fetchAll();
  return resources.filter((doc) => doc.kind === 'casus');
}

/**
 * Documents in a state their own history does not explain: not a valid casus, an audit chain that
 * does not verify, audit lines that do not lead by allowed steps to its state, or a number
 * without a submit (or the reverse).
 */
export function halfWritten(docs: readonly unknown[]): string[] {
  const problems: string[] = [];
  for (const doc of docs) {
    const parsed = casusSchema.safeParse(doc);
    const id = String((doc as { id?: unknown }).id);
    if (!parsed.success) {
      problems.push(`${id}: not a valid casus`);
      continue;
    }
    const casus = parsed.data;
    const chain = verifyAuditChain(casus);
    if (chain.kind !== 'intact') problems.push(`${id}: audit chain ${chain.kind}`);
    const path = pathProblem(casus);
    if (path) problems.push(`${id}: ${path}`);
    const submitted = casus.audit.some((line) => line.action === 'indienen');
    if (submitted !== (casus.casusNumber !== undefined))
      problems.push(`${id}: ${submitted ? 'submitted without' : 'a number without a submit'}`);
  }
  return problems;
}

const stepIndex = (step: string | undefined) =>
  intakeSteps.indexOf(step as (typeof intakeSteps)[number]);

/**
 * Whether the store holds what a turn asked for: its draft, its saved step (or a later one), its
 * audit line. `undefined` when the store cannot tell (a step is only judged right after it).
 */
export function holdsChange(
  turn: TurnRecord,
  byId: ReadonlyMap<string, Casus>,
  all: readonly Casus[],
): boolean | undefined {
  switch (turn.kind) {
    case 'start':
      return turn.claim === 'applied'
        ? byId.has(turn.casusId ?? '')
        : byId.has(draftIdFor(turn.user, turn.activityId));
    case 'step': {
      if (turn.claim !== 'applied') return undefined;
      const casus = byId.get(turn.casusId ?? '');
      if (!casus) return false;
      return casus.state !== 'concept' || stepIndex(casus.intake.step) >= stepIndex(turn.shownStep);
    }
    case 'submit':
    case 'decide':
      return all.some((casus) => casus.audit.some((line) => line.activityId === turn.activityId));
  }
}

/** Answered turns whose claim the store contradicts ("unsure" never does). */
export function untruthful(turns: readonly TurnRecord[], docs: readonly unknown[]): TurnRecord[] {
  const all = parsedCasussen(docs);
  const byId = new Map(all.map((casus) => [casus.id, casus]));
  return turns.filter((turn) => {
    if (!turn.answered || turn.claim === 'unsure') return false;
    if (turn.claim === 'unclear') return true;
    const holds = holdsChange(turn, byId, all);
    return holds !== undefined && holds !== (turn.claim === 'applied');
  });
}

/** Acknowledged turns (the answer said done) whose change the store does not hold. */
export function lostAcknowledged(turns: readonly TurnRecord[], docs: readonly unknown[]) {
  const all = parsedCasussen(docs);
  const byId = new Map(all.map((casus) => [casus.id, casus]));
  return turns.filter((turn) => turn.claim === 'applied' && holdsChange(turn, byId, all) === false);
}

/**
 * What is there twice: a casus number on two casussen, an activity on two audit lines, a submit or
 * a decision recorded twice in one casus.
 */
export function duplicated(docs: readonly unknown[]): string[] {
  const problems: string[] = [];
  const numbers = new Map<string, number>();
  const activities = new Map<string, number>();
  for (const casus of parsedCasussen(docs)) {
    if (casus.casusNumber)
      numbers.set(casus.casusNumber, (numbers.get(casus.casusNumber) ?? 0) + 1);
    for (const line of casus.audit) {
      if (line.activityId)
        activities.set(line.activityId, (activities.get(line.activityId) ?? 0) + 1);
    }
    for (const action of ['indienen', 'accepteren'] as const) {
      const lines = casus.audit.filter((line) => line.action === action).length;
      if (lines > 1) problems.push(`${casus.id}: ${action} ${lines} times`);
    }
  }
  for (const [number, count] of numbers) if (count > 1) problems.push(`${number} on ${count}`);
  for (const [id, count] of activities) if (count > 1) problems.push(`activity ${id} ${count}×`);
  return problems;
}

export function parsedCasussen(docs: readonly unknown[]): Casus[] {
  return docs.flatMap((doc) => {
    const parsed = casusSchema.safeParse(doc);
    return parsed.success ? [parsed.data] : [];
  });
}
