import assert from 'node:assert/strict';
import type { Conversation } from './bot-harness';
import { actionData } from './card-actions';
import { cardText } from './fake-connector';
import { validStepValues } from './intake-values';

type Card = Record<string, unknown>;

/** The draft reference a card's buttons carry. */
export const ref = (card: Card, verb = 'intake.next') => {
  const { casusId, revision, step } = actionData(card, verb);
  return { casusId, revision, step };
};

/** Presses "next" on a step card with these answers (and everything its button carries). */
export const next = (as: Conversation, card: Card, values: object) =>
  as.execute('intake.next', { ...actionData(card, 'intake.next'), ...values });

/** "nieuwe casus" and the four steps with valid answers (some overridden): the summary card. */
export async function walkToSummary(
  as: Conversation,
  overrides: Partial<Record<keyof typeof validStepValues, object>> = {},
): Promise<Card> {
  let card = await as.say('nieuwe casus');
  for (const step of ['betrokkene', 'criteria-1-2', 'criterium-3', 'criterium-4'] as const) {
    assert.equal(ref(card).step, step);
    card = await next(as, card, { ...validStepValues[step], ...overrides[step] });
  }
  return card;
}

/** A complete intake, submitted: its casus number. */
export async function submitCasus(
  as: Conversation,
  overrides: Partial<Record<keyof typeof validStepValues, object>> = {},
): Promise<string> {
  const summary = await walkToSummary(as, overrides);
  const submitted = cardText(await as.execute('intake.submit', ref(summary, 'intake.submit')));
  const number = /Casus (LK-[A-Z]+-\d{4}-\d{4}) is aangemeld/.exec(submitted)?.[1];
  assert.ok(number, submitted);
  return number;
}
