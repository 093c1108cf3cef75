import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { Container } from '@azure/cosmos';
import { z } from 'zod';
import { evidenceSigningJwkSchema, type EvidenceSigningJwk } from '../config/signing-config';
import { storeCallExpecting, storeWrite } from './cosmos-errors';

const ID = 'invitation-signing-keys';

const documentSchema = z.object({
  id: z.literal(ID),
  linkTokenSecret: z.string().min(1),
  evidenceSigningKey: evidenceSigningJwkSchema,
});

export interface LocalSigningKeys {
  linkTokenSecret: Uint8Array;
  evidenceSigningKey: EvidenceSigningJwk;
}

/**
 * Outside Azure only (no MICROSOFT_APP_ID): the link-token secret and the evidence signing key,
 * made at the first start and kept in `counters` (for the embedded store, in its journal in the
 * data folder), so that links sent and evidence signed before a restart still verify. In Azure
 * both come from Key Vault, away from the data they protect: whoever can write this document can
 * sign evidence, which is acceptable for a demo only.
 */
export async function loadLocalSigningKeys(counters: Container): Promise<LocalSigningKeys> {
  const read = () => readStored(counters);
  let stored = await read();
  if (!stored) {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const document: z.input<typeof documentSchema> = {
      id: ID,
      linkTokenSecret: randomBytes(32).toString('base64'),
      evidenceSigningKey: evidenceSigningJwkSchema.parse(privateKey.export({ format: 'jwk' })),
    };
    // Two instances starting together: one create wins (409 for the other), both read its keys.
    await storeWrite((options) => counters.items.create(document, options), [409]);
    stored = await read();
  }
  if (!stored) throw new Error('The local signing keys could not be read back after creating them');
  return keysOf(stored);
}

/** The local keys if the app made them already; never makes them (`npm run casus:verify`). */
export async function readLocalSigningKeys(
  counters: Container,
): Promise<LocalSigningKeys | undefined> {
  const stored = await readStored(counters);
  return stored && keysOf(stored);
}

async function readStored(counters: Container) {
  const found = await storeCallExpecting(
    (options) => counters.item(ID, ID).read<{ id: string }>(options),
    [404],
  );
  return found.ok && found.value.resource ? documentSchema.parse(found.value.resource) : undefined;
}

function keysOf(stored: z.infer<typeof documentSchema>): LocalSigningKeys {
  return {
    linkTokenSecret: new Uint8Array(Buffer.from(stored.linkTokenSecret, 'base64')),
    evidenceSigningKey: stored.evidenceSigningKey,
  };
}
