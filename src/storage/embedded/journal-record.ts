import { z } from 'zod';

const storedDocument = z.looseObject({ id: z.string().min(1) });

export const containerDefinitionSchema = z.looseObject({
  id: z.string().min(1),
  partitionKey: z.looseObject({ paths: z.array(z.string()).length(1) }),
});
export type ContainerDefinition = z.infer<typeof containerDefinitionSchema>;

/**
 * One acknowledged change to the embedded store. Documents are journaled as their resulting
 * state (not as the request), so that replay is a fold and patch needs no re-evaluation.
 */
export const journalRecordSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('database'), id: z.string().min(1) }),
  z.object({ op: z.literal('drop-database'), id: z.string().min(1) }),
  z.object({
    op: z.literal('container'),
    db: z.string().min(1),
    definition: containerDefinitionSchema,
  }),
  z.object({ op: z.literal('drop-container'), db: z.string().min(1), id: z.string().min(1) }),
  z.object({
    op: z.literal('put'),
    db: z.string().min(1),
    coll: z.string().min(1),
    doc: storedDocument,
  }),
  z.object({
    op: z.literal('delete'),
    db: z.string().min(1),
    coll: z.string().min(1),
    id: z.string().min(1),
    partitionKey: z.array(z.unknown()).length(1),
  }),
]);
export type JournalRecord = z.infer<typeof journalRecordSchema>;
export type StoredDocument = z.infer<typeof storedDocument>;
