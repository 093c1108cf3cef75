import { z } from 'zod';
import type { BetrokkeneKeys } from './find-betrokkene';

const refSchema = z
  .object({
    bsnKey: z.string().min(1).max(100).optional(),
    betrokkeneKey: z.string().min(1).max(100).optional(),
  })
  .strict()
  .refine((keys) => keys.bsnKey !== undefined || keys.betrokkeneKey !== undefined);

/** A download link's `ref` for an inzage: the betrokkene's search keys, never the BSN or name. */
export const inzageRef = (keys: BetrokkeneKeys): string => JSON.stringify(keys);

export function parseInzageRef(ref: string): BetrokkeneKeys | undefined {
  try {
    const parsed = refSchema.safeParse(JSON.parse(ref));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
