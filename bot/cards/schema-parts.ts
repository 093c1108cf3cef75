import { z } from 'zod';

/** A card part shown or not: templating repeats a `$data` array, so "maybe one" is 0–1 items. */
export const zeroOrOne = <T extends z.ZodType>(item: T) => z.array(item).max(1);

const page = z.number().int().min(1);

/**
 * "Pagina 2 van 25 · 500 …" and the Vorige/Volgende pagina buttons of a paged list; each button
 * carries what the list needs to show its page (`button`), the line may say more (`line`).
 */
export const pagerSchema = <Line extends z.ZodRawShape, Button extends z.ZodRawShape>(
  line: Line,
  button: Button,
) =>
  z.object({
    page,
    pages: page,
    count: z.number().int().min(0),
    ...line,
    buttons: z
      .array(z.object({ title: z.enum(['Vorige pagina', 'Volgende pagina']), ...button }))
      .max(2),
  });
