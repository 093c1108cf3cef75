import { z } from 'zod';

/** A SHA-256 digest as 64 lower-case hex digits. */
export const sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/);
