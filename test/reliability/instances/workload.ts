// The mixed workload: one intake lane per worker, each casus then decided, refreshed and closed
// by a decision maker, every turn on the next instance. A lane's first casus is left waiting for
// the termijnbewaking (see deadlines.ts).
import { casusStateShortLabels } from '../../../bot/presenters/casus-status';
import type { CasusAction } from '../../../src/domain/casus/casus-machine';
import { actionData } from '../../helpers/card-actions';
import { press } from '../../helpers/decision-press';
import { submitCasus } from '../../helpers/intake-flow';
import type { TurnRunner } from './turns';

/** A transition a turn was answered for: it must be in the casus's audit trail, once. */
export interface Acknowledged {
  number: string;
  action: CasusAction;
  activityId: string;
}

export const deciderIds = [
  '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a02', // Jeroen, procesregisseur Lokale Kamer Rotterdam
  '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a04', // Mohamed, weegtafellid there
];

export interface WorkloadOutcome {
  acknowledged: Acknowledged[];
  /** Casussen that ran their whole lane script: intake, decision, refresh, closing. */
  completed: number;
}

const speaks = (card: Record<string, unknown>, number: string, status: string) =>
  card.speak === `Casus ${number}: ${status}`;

/**
 * Runs the lanes until `turns` turns have been started (a casus under way is finished), and
 * calls `waiting` with each lane's first casus, which stays aangemeld.
 */
export async function runWorkload(
  runner: TurnRunner,
  workers: readonly string[],
  turns: number,
  waiting: (number: string) => void,
): Promise<WorkloadOutcome> {
  const acknowledged: Acknowledged[] = [];
  let completed = 0;
  const lane = async (worker: string, laneIndex: number) => {
    for (let round = 0; runner.started < turns; round++) {
      try {
        const as = runner.as(worker);
        const number = await submitCasus(as);
        acknowledged.push({ number, action: 'indienen', activityId: as.lastActivityId()! });
        if (round === 0) {
          waiting(number);
          continue;
        }
        const decider = runner.as(deciderIds[(laneIndex + round) % deciderIds.length]!);
        const decide = async (action: CasusAction, status: string) => {
          const card = await decider.say(`casus ${number}`);
          const answer = await press(decider, card, action);
          if (!speaks(answer, number, status)) {
            runner.failures.push(`${action} on ${number} answered "${String(answer.speak)}"`);
            throw new Error('not acknowledged');
          }
          acknowledged.push({ number, action, activityId: decider.lastActivityId()! });
          return answer;
        };
        const accepted = await decide('accepteren', casusStateShortLabels.in_behandeling_lokaal);
        const { casusId } = actionData(accepted, 'casus.decide');
        await as.execute('casus.refresh', { casusId });
        await decide('afsluiten', casusStateShortLabels.afgesloten);
        completed++;
      } catch {
        // The turn that failed is in runner.failures; the lane goes on with a new casus.
      }
    }
  };
  await Promise.all(workers.map(lane));
  return { acknowledged, completed };
}
