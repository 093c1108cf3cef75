import type { Casus } from '../../src/domain/casus/casus.schema';
import { demoUsers } from '../../test/helpers/activities';
import { actionData, hasAction } from '../../test/helpers/card-actions';
import { cardText } from '../../test/helpers/fake-connector';
import { validStepValues } from '../../test/helpers/intake-values';
import type { CasusPool } from '../harness/pool';
import { ensure, invoke, message, type Addressing, type Card, type Subject } from './subject';

/** What the bot's subjects work on; the run fills it anew for each size of the store. */
export interface BotFixtures {
  /** Aangemeld casussen of Lokale Kamer Rotterdam: one decision each. */
  decisions: CasusPool | undefined;
  /** Fresh drafts of Sem at their first step: four intake steps each. */
  drafts: CasusPool | undefined;
  /** Open casussen Jeroen may see: refreshed and looked up by number, round robin. */
  viewable: readonly Pick<Casus, 'id' | 'casusNumber'>[];
}

const MOTIVATION = 'Besproken in het casusoverleg; de criteria zijn duidelijk onderbouwd.';
const STEPS = ['betrokkene', 'criteria-1-2', 'criterium-3', 'criterium-4'] as const;
const jeroen = demoUsers.jeroen;
const sem = demoUsers.sem;

const need = <T>(value: T | undefined, what: string): T => {
  if (value === undefined) throw new Error(`the bench has no ${what} for this phase`);
  return value;
};

function decision(addressing: Addressing, fixtures: BotFixtures): Subject {
  const pool = () => need(fixtures.decisions, 'decision pool');
  return {
    name: 'decision',
    label: 'Decision (accepteren on an aangemeld casus)',
    process: 'bot',
    cap: () => pool().size,
    begin: () => () => {
      const casus = pool().take();
      if (!casus) return undefined;
      return {
        activity: invoke(addressing, jeroen, 'casus.decide', {
          casusId: casus.id,
          revision: casus.revision,
          action: 'accepteren',
          motivation: MOTIVATION,
        }),
        answer: 'invoke',
        check(card) {
          const text = cardText(card);
          ensure(
            text.includes('Besluit vastgelegd: Geaccepteerd') &&
              text.includes(`Casus ${casus.casusNumber}`),
            `the decision on ${casus.casusNumber} was not taken`,
            text,
          );
        },
      };
    },
    end: () => pool().restore(),
  };
}

/** Each worker walks its own drafts through the four steps, pressing what the card offers. */
function intake(addressing: Addressing, fixtures: BotFixtures): Subject {
  const pool = () => need(fixtures.drafts, 'draft pool');
  return {
    name: 'intake',
    label: 'Intake step (volgende, valid answers)',
    process: 'bot',
    cap: () => pool().size * STEPS.length,
    begin: () => {
      const walking = new Map<number, { step: number; data: Record<string, unknown> }>();
      return (worker) => {
        let at = walking.get(worker);
        if (!at || at.step === STEPS.length) {
          const draft = pool().take();
          if (!draft) return undefined;
          at = {
            step: 0,
            data: { casusId: draft.id, revision: draft.revision, step: 'betrokkene' },
          };
          walking.set(worker, at);
        }
        const current = at;
        const step = STEPS[current.step]!;
        return {
          activity: invoke(addressing, sem, 'intake.next', {
            ...current.data,
            ...validStepValues[step],
          }),
          answer: 'invoke',
          check(card: Card) {
            const text = cardText(card);
            current.step++;
            const following = STEPS[current.step];
            if (following === undefined) {
              ensure(
                hasAction(card, 'intake.submit'),
                `step ${step} did not lead to the summary`,
                text,
              );
              return;
            }
            const data = hasAction(card, 'intake.next') ? actionData(card, 'intake.next') : {};
            ensure(data.step === following, `step ${step} did not move on to ${following}`, text);
            current.data = data;
          },
        };
      };
    },
    end: () => pool().restore(),
  };
}

function roundRobin(fixtures: BotFixtures) {
  let next = 0;
  return () => {
    const casus = fixtures.viewable[next++ % fixtures.viewable.length];
    return need(casus, 'viewable casus');
  };
}

function refresh(addressing: Addressing, fixtures: BotFixtures): Subject {
  return {
    name: 'refresh',
    label: 'Refresh (casus.refresh, trigger automatic)',
    process: 'bot',
    cap: () => Number.MAX_SAFE_INTEGER,
    begin: () => {
      const pick = roundRobin(fixtures);
      return () => {
        const casus = pick();
        return {
          activity: invoke(addressing, jeroen, 'casus.refresh', { casusId: casus.id }, 'automatic'),
          answer: 'invoke',
          check(card) {
            const text = cardText(card);
            const verb = (card.refresh as { action?: { verb?: string } } | undefined)?.action?.verb;
            ensure(
              verb === 'casus.refresh' && text.includes(`Casus ${casus.casusNumber}`),
              `the refresh of ${casus.casusNumber} did not answer its casus card`,
              text,
            );
          },
        };
      };
    },
    end: () => Promise.resolve(),
  };
}

function casusNummer(addressing: Addressing, fixtures: BotFixtures): Subject {
  return {
    name: 'casusNummer',
    label: '`casus <nummer>` (a message)',
    process: 'bot',
    cap: () => Number.MAX_SAFE_INTEGER,
    begin: () => {
      const pick = roundRobin(fixtures);
      return () => {
        const { casusNumber } = pick();
        return {
          activity: message(addressing, jeroen, `casus ${casusNumber}`),
          answer: 'message',
          check(card) {
            const text = cardText(card);
            ensure(
              text.includes(`Casus ${casusNumber}`),
              `casus ${casusNumber} was not shown`,
              text,
            );
          },
        };
      };
    },
    end: () => Promise.resolve(),
  };
}

function casuslijst(addressing: Addressing): Subject {
  return {
    name: 'casuslijst',
    label: 'Casuslijst (a message, first page)',
    process: 'bot',
    cap: () => Number.MAX_SAFE_INTEGER,
    begin: () => () => ({
      activity: message(addressing, jeroen, 'casuslijst'),
      answer: 'message',
      check(card) {
        const text = cardText(card);
        ensure(/Pagina 1 van \d+ · \d+ open casussen/.test(text), 'no casuslijst', text);
      },
    }),
    end: () => Promise.resolve(),
  };
}

export function botSubjects(addressing: Addressing, fixtures: BotFixtures): Subject[] {
  return [
    decision(addressing, fixtures),
    intake(addressing, fixtures),
    refresh(addressing, fixtures),
    casusNummer(addressing, fixtures),
    casuslijst(addressing),
  ];
}
