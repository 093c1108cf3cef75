import { walk } from './adaptive-card-check';

/** The data of the Action.Execute with this verb on a card, or a failure if the card has none. */
export function actionData(card: unknown, verb: string): Record<string, unknown> {
  let found: Record<string, unknown> | undefined;
  walk(card, (node) => {
    if (node.type === 'Action.Execute' && node.verb === verb && !found)
      found = (node.data ?? {}) as Record<string, unknown>;
  });
  if (!found) throw new Error(`No Action.Execute "${verb}" on the card`);
  return found;
}

export function hasAction(card: unknown, verb: string): boolean {
  let found = false;
  walk(card, (node) => {
    if (node.type === 'Action.Execute' && node.verb === verb) found = true;
  });
  return found;
}

/** The value an input shows on the card. */
export function inputValue(card: unknown, id: string): unknown {
  let value: unknown;
  walk(card, (node) => {
    if (typeof node.type === 'string' && node.type.startsWith('Input.') && node.id === id)
      value = node.value;
  });
  return value;
}
