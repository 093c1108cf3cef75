// Afterwards, every casus document as the store holds it: its audit chain, its states, its
// number, and every change the bot acknowledged.
import type { Container } from '@azure/cosmos';
import { verifyAuditChain } from '../../../src/domain/casus/audit-chain';
import { casusSchema, type Casus } from '../../../src/domain/casus/casus.schema';
import { pathProblem } from '../casus-path';
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
