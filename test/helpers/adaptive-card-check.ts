import { createRequire } from 'node:module';
import type * as AdaptiveCardsModule from 'adaptivecards';

// The package's ESM entry does not load on Node; its UMD build parses cards without a DOM.
const AC = createRequire(__filename)(
  'adaptivecards/dist/adaptivecards.js',
) as typeof AdaptiveCardsModule;

/** Every problem the Adaptive Cards library (as version 1.5) and our own rules find in a card. */
export function cardProblems(card: unknown): string[] {
  const problems: string[] = [];
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  parsed.parse(card, context);
  for (let i = 0; i < context.eventCount; i++)
    problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const event of parsed.validateProperties().validationEvents)
    problems.push(`validate: ${event.message}`);

  walk(card, (node) => {
    const type = node.type;
    if (
      typeof type === 'string' &&
      type.startsWith('Input.') &&
      !(typeof node.label === 'string' && node.label.trim())
    ) {
      problems.push(`${type} "${String(node.id)}" has no label`);
    }
    for (const value of Object.values(node)) {
      if (typeof value === 'string' && value.includes('${'))
        problems.push(`unbound template expression in "${value}"`);
    }
  });
  return problems;
}

/** Visits every object in a JSON tree. */
export function walk(node: unknown, visit: (node: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) node.forEach((child) => walk(child, visit));
  else if (node !== null && typeof node === 'object') {
    visit(node as Record<string, unknown>);
    Object.values(node).forEach((child) => walk(child, visit));
  }
}
