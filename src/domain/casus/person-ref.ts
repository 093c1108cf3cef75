import { z } from 'zod';

/** A registry person as recorded on a casus: enough to account for who did what. */
export const personRefSchema = z.object({
  id: z.guid(),
  name: z.string().min(1),
  organisationId: z.string().min(1),
  organisationName: z.string().min(1),
});
export type PersonRef = z.infer<typeof personRefSchema>;
