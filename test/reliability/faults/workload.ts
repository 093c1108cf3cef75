// The workload the faults section runs through every fault: workers doing intakes, deciders
// accepting what was submitted, all at once, each turn recorded with what its answer claimed.
import type { Container } from '@azure/cosmos';
import { demoUsers } from '../../helpers/activities';
import type { Casus } from '../../../src/domain/casus/casus.schema';
import { actionData, hasAction } from '../../helpers/card-actions';
import { validStepValues } from '../../helpers/intake-values';
import { claimOf, press, say, type Card, type TurnRecord, type TurnTarget } from './turns';

export interface WorkloadTarget extends TurnTarget {
  /** The bot's casussen container, read directly: not through any fault the bot is put under. */
  casussen(): Container;
}

export interface Workload {
  /** Every turn taken, in the order the answers came. */
  turns: TurnRecord[];
  /** Step answers whose claim the store contradicted right after the answer. */
  untruthfulSteps: TurnRecord[];
  /** Ends the loops after the turns under way; resolves when they have ended. */
  stop(): Promise<void>;
}

const motivation = 'Besproken in het casusoverleg; de criteria zijn getoetst en voldoen.';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Reads a casus directly; undefined when it is not there or the store cannot be read now. */
export async function readCasus(
  target: WorkloadTarget,
  id: string,
): Promise<Casus | undefined | 'unreadable'> {
  try {
    return (await target.casussen().item(id, id).read<Casus>()).resource;
  } catch {
    return 'unreadable';
  }
}

/** The step a card asks for next ('samenvatting' on the summary), or undefined on another card. */
function stepOn(card: Card | undefined): string | undefined {
  if (!card) return undefined;
  if (hasAction(card, 'intake.next')) return String(actionData(card, 'intake.next').step);
  return hasAction(card, 'intake.submit') ? 'samenvatting' : undefined;
}

/**
 * Starts the loops: each worker walks intakes to their submit, going on from every answer that
 * shows a step and starting anew after one that does not; each decider accepts submitted casussen,
 * trying again what was not recorded. `fatal` ends a loop (the bot is gone).
 */
export function startWorkload(
  target: WorkloadTarget,
  users: { workers: readonly string[]; deciders: readonly string[] },
): Workload {
  const turns: TurnRecord[] = [];
  const untruthfulSteps: TurnRecord[] = [];
  const submitted: string[] = [];
  let stopping = false;
  const running = () => !stopping;

  async function worker(user: string): Promise<void> {
    let card: Card | undefined;
    while (running()) {
      const step = stepOn(card);
      if (!card || !step) {
        const answer = await say(target, user, 'nieuwe casus');
        const claim = claimOf(answer.card, (shown) => stepOn(shown) === 'betrokkene');
        const casusId =
          claim === 'applied' && answer.card && hasAction(answer.card, 'intake.next')
            ? String(actionData(answer.card, 'intake.next').casusId)
            : undefined;
        turns.push({ ...answer, user, kind: 'start', claim, casusId });
        card = claim === 'applied' ? answer.card : undefined;
        if (!answer.answered) return;
        continue;
      }
      if (step === 'samenvatting') {
        const data = actionData(card, 'intake.submit');
        const answer = await press(target, user, 'intake.submit', data);
        const claim = claimOf(answer.card, (_, text) => /is aangemeld/.test(text));
        const casusId = String(data.casusId);
        turns.push({ ...answer, user, kind: 'submit', claim, casusId });
        if (claim === 'applied') submitted.push(casusId);
        if (!answer.answered) return;
        // After "niets gewijzigd" the same summary is pressed again; otherwise a new intake.
        if (claim !== 'not-applied') card = undefined;
        continue;
      }
      const data = actionData(card, 'intake.next');
      const values = validStepValues[step as keyof typeof validStepValues];
      const answer = await press(target, user, 'intake.next', { ...data, ...values });
      const shownStep = stepOn(answer.card);
      const claim = claimOf(answer.card, () => shownStep !== undefined && shownStep !== step);
      const record: TurnRecord = {
        ...answer,
        user,
        kind: 'step',
        claim,
        casusId: String(data.casusId),
        shownStep,
      };
      turns.push(record);
      if (!answer.answered) return;
      // Nobody else writes this draft: what the store holds now is what this turn did.
      const stored = await readCasus(target, String(data.casusId));
      if (stored !== 'unreadable') {
        const saved = stored?.intake.activityId === answer.activityId;
        if ((claim === 'applied' && !saved) || (claim === 'not-applied' && saved))
          untruthfulSteps.push(record);
      }
      if (claim === 'applied' || (claim === 'not-applied' && shownStep)) card = answer.card;
      else if (claim !== 'not-applied') card = undefined;
    }
  }

  async function decider(user: string): Promise<void> {
    while (running()) {
      const casusId = submitted.shift();
      if (!casusId) {
        await sleep(50);
        continue;
      }
      const casus = await readCasus(target, casusId);
      if (casus === 'unreadable') {
        submitted.push(casusId);
        await sleep(100);
        continue;
      }
      if (casus?.state !== 'aangemeld') continue; // another decider took it
      const data = { casusId, revision: casus.revision, action: 'accepteren', motivation };
      const answer = await press(target, user, 'casus.decide', data);
      const claim = claimOf(answer.card, (_, text) => /Besluit vastgelegd/.test(text));
      turns.push({ ...answer, user, kind: 'decide', claim, casusId });
      if (!answer.answered) return;
      if (claim !== 'applied') submitted.push(casusId);
    }
  }

  const loops = Promise.all([...users.workers.map(worker), ...users.deciders.map(decider)]);
  return {
    turns,
    untruthfulSteps,
    async stop() {
      stopping = true;
      await loops;
    },
  };
}

/** Who takes part: the demo registry's two workers and the Lokale Kamer Rotterdam's two deciders. */
export const faultUsers = {
  workers: [demoUsers.fatima, demoUsers.sem],
  deciders: [demoUsers.jeroen, '5b0f8a3e-1c2d-4e5f-8a9b-0c1d2e3f4a04' /* Mohamed, weegtafellid */],
} as const;

/** Everyone says hello first: the bot learns their chats, which notifications need. */
export async function greetAll(target: TurnTarget): Promise<void> {
  for (const user of [...faultUsers.workers, ...faultUsers.deciders]) {
    const answer = await say(target, user, 'help');
    if (!answer.card) throw new Error(`no answer to "help" from ${user}`);
  }
}
