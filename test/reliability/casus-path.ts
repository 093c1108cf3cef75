// Whether a casus document's history explains its state: shared by the sections that read the
// store back after a workload (contention, faults).
import { casusActionSchema, transitionFor } from '../../src/domain/casus/casus-machine';
import type { Casus } from '../../src/domain/casus/casus.schema';

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
