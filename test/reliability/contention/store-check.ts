// Afterwards, every casus document as the store holds it: its audit chain, its states, its
// number, and every change the bot acknowledged.
import type { Container } from '@azure/cosmos';
import { verifyAuditChain } from '../../../src/domain/casus/audit-chain';
import { casusActionSchema, transitionFor } from '../../../src/domain/casus/casus-machine';
import { casusSchema, type Casus } from '../../../src/domain/casus/casus.schema';
import type { Acknowledged } from './turns';

export interface StoreFindings {
  casussen: number;
  /** Per casus whose chain is broken, or whose lines do not lead to its state: why. */
  inconsistent: string[];
  /** Numbers given to more than one casus, counted once per extra casus. */
  duplicateNumbers: number;
  /** Acknowledged changes with no line of that person and action in that casus. */
  missing: string[];
  /** Decisions and submissions written (audit lines after the intake). */
  written: number;
}

/**
 * Why a casus's lines do not lead to its state, if they do not: each line starts where the one
 * before it ended, each step of the casus machine is one it allows, and the last ends in the state.
 */
export function pathProblem(casus: Casus): string | undefined {
  const first = casus.audit[0];
  if (first?.action !== 'intake-gestart' || first.from !== null) return 'no intake line first';
  for (let i = 1; i < casus.audit.length; i++) {
    const line = casus.audit[i]!;
    const before = casus.audit[i - 1]!;
    if (line.from !== before.to) return `line ${i + 1} starts in ${line.from}, not ${before.to}`;
    const action = casusActionSchema.safeParse(line.action);
    if (action.success && transitionFor(line.from, action.data)?.to !== line.to)
      return `line ${i + 1}: ${line.action} does not go from ${line.from} to ${line.to}`;
  }
  const last = casus.audit.at(-1)!;
  return last.to === casus.state ? undefined : `ends in ${last.to}, the casus is ${casus.state}`;
}

function recorded(casussen: Casus[], change: Acknowledged): boolean {
  const casus = casussen.find((c) =>
    'id' in change.casus ? c.id === change.casus.id : c.casusNumber === change.casus.number,
  );
  return (
    casus?.audit.some((l) => l.action === change.action && l.actor.id === change.personId) ?? false
  );
}

export async function checkStore(
  container: Container,
  acknowledged: readonly Acknowledged[],
): Promise<StoreFindings> {
  const { resources } = await container.items
    .query<unknown>("SELECT * FROM c WHERE c.kind = 'casus'")
    .fetchAll();
  const inconsistent: string[] = [];
  const casussen: Casus[] = [];
  for (const resource of resources) {
    const parsed = casusSchema.safeParse(resource);
    if (!parsed.success) {
      inconsistent.push(`${(resource as { id?: string }).id}: not a valid casus`);
      continue;
    }
    const casus = parsed.data;
    casussen.push(casus);
    const chain = verifyAuditChain(casus);
    const problem =
      chain.kind === 'intact'
        ? pathProblem(casus)
        : `chain ${chain.kind}: ${JSON.stringify(chain)}`;
    if (problem) inconsistent.push(`${casus.casusNumber ?? casus.id}: ${problem}`);
  }
  const numbers = casussen.flatMap((c) => (c.casusNumber ? [c.casusNumber] : []));
  return {
    casussen: casussen.length,
    inconsistent,
    duplicateNumbers: numbers.length - new Set(numbers).size,
    missing: acknowledged
      .filter((change) => !recorded(casussen, change))
      .map((c) => `${c.action} by ${c.personId} on ${JSON.stringify(c.casus)}`),
    written: casussen.reduce((sum, c) => sum + c.audit.length - 1, 0),
  };
}
