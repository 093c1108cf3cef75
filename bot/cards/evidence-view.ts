import { z } from 'zod';

/**
 * The evidence of an intake as deciders and the worker read it: sections (criterion by criterion)
 * of label + text lines. Both the intake summary and the casus card show it in the same block.
 * Every text is rendered as a TextRun: much of it was typed.
 */
export const evidenceViewSchema = z.object({
  sections: z.array(
    z.object({
      title: z.string(),
      lines: z.array(z.object({ label: z.string(), text: z.string() })),
    }),
  ),
});
export type EvidenceView = z.infer<typeof evidenceViewSchema>;
