import { z } from 'zod';

/**
 * A line on top of a worker's card. Neutral (`emphasis`) for what was saved or is only
 * information; `warning` when something did not happen as asked. Red stays for refusals and
 * irreversible actions.
 */
export const noticeSchema = z.object({
  text: z.string(),
  style: z.enum(['emphasis', 'warning']),
});
export type Notice = z.infer<typeof noticeSchema>;

export const information = (text: string): Notice => ({ text, style: 'emphasis' });
export const warning = (text: string): Notice => ({ text, style: 'warning' });
