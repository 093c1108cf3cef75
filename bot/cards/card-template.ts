import { Template } from 'adaptivecards-templating';
import type { z } from 'zod';

/** An expanded Adaptive Card, ready to send. */
export type AdaptiveCardJson = Record<string, unknown> & { type: 'AdaptiveCard'; version: string };

/** Teams takes up to ~100 KB a message; we hold every card well below that. */
export const MAX_CARD_BYTES = 28 * 1024;

export class CardRenderError extends Error {
  override name = 'CardRenderError';
}

export interface CardTemplate<T> {
  readonly name: string;
  /** The view-model schema, so tests can tell which values it lets through. */
  readonly schema: z.ZodType;
  /** Validates the view-model and expands the template; any template warning is an error. */
  render(data: T): AdaptiveCardJson;
}

/**
 * Binds a JSON template in `cards/` to the zod schema of its view-model. The Template is built
 * once: expansion is per turn, parsing the template is not.
 *
 * Templates use `$data` over a 0- or 1-item array for optional parts, never `$when`: the library
 * warns whenever a `$when` is false, which would drown real warnings.
 */
export function defineCard<S extends z.ZodType>(
  name: string,
  json: object,
  schema: S,
): CardTemplate<z.input<S>> {
  const template = new Template(json);
  return {
    name,
    schema,
    render(data) {
      const root: unknown = schema.parse(data);
      const card = template.expand({ $root: root }) as AdaptiveCardJson;
      const warnings = template.getLastTemplateExpansionWarnings();
      if (warnings.length > 0) {
        throw new CardRenderError(`Card ${name}: ${warnings.join('; ')}`);
      }
      const bytes = Buffer.byteLength(JSON.stringify(card));
      if (bytes > MAX_CARD_BYTES) {
        throw new CardRenderError(`Card ${name} is ${bytes} bytes, over ${MAX_CARD_BYTES}`);
      }
      return card;
    },
  };
}
