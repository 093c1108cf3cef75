import { createHmac } from 'node:crypto';
import { normaliseBetrokkene } from '../../domain/casus/betrokkene-key';

/** Computes the search key a casus carries for its betrokkene (see `normaliseBetrokkene`). */
export type BetrokkeneKeyer = (naam: string, geboortedatum: string) => string;

/** HMAC-SHA256 under the deployment's search key: the same person gives the same key, only here. */
export function betrokkeneKeyer(secret: Buffer): BetrokkeneKeyer {
  if (secret.length < 32) throw new Error('The betrokkene search key must be at least 32 bytes');
  return (naam, geboortedatum) =>
    createHmac('sha256', secret)
      .update(normaliseBetrokkene(naam, geboortedatum))
      .digest('base64url');
}
