import type { Conversation } from './bot-harness';
import { actionData, hasAction, inputValue } from './card-actions';

type Card = Record<string, unknown>;

export const because = (what: string) => `${what}, zo besproken in het casusoverleg van deze week.`;

/** The input each decision's motivation is typed in: opschalen, afschalen and afsluiten have their own. */
export const fieldFor = (action: string): string =>
  ({
    opschalen: 'motivationOpschalen',
    afschalen: 'motivationAfschalen',
    afsluiten: 'motivationAfsluiten',
  })[action] ?? 'motivation';

/** The first press of a decision button, with a motivation typed in its input. */
export function pressOnce(
  as: Conversation,
  card: Card,
  action: string,
  motivation = because(action),
): Promise<Card> {
  // The button's own data (the casus, its revision, the way back to a list), for this action.
  return as.execute('casus.decide', {
    ...actionData(card, 'casus.decide'),
    action,
    [fieldFor(action)]: motivation,
    ...(action === 'afsluiten' && { closeReason: 'plan-uitgevoerd' }),
  });
}

/** A decision taken in full: the first press, and the confirmation when the card asks for it. */
export async function press(
  as: Conversation,
  card: Card,
  action: string,
  motivation = because(action),
): Promise<Card> {
  const answer = await pressOnce(as, card, action, motivation);
  return hasAction(answer, 'casus.confirm') ? confirmOn(as, answer) : answer;
}

/** The second press on a confirmation: its button, with the motivation still in its input. */
export const confirmOn = (as: Conversation, card: Card): Promise<Card> =>
  as.execute('casus.confirm', {
    ...actionData(card, 'casus.confirm'),
    motivation: inputValue(card, 'motivation'),
  });
