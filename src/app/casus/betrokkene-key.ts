import { createHmac } from 'node:crypto';
import { normaliseBetrokkene, normaliseBsn } from '../../domain/casus/betrokkene-key';

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

/** Computes the BSN search key a casus carries (see `normaliseBsn`). */
export type BsnKeyer = (bsn: string) => string;

/**
 * The same HMAC under the same secret, over a text no name and date of birth can give: one secret
 * to keep, and a BSN key never equals a name key.
 */
export function bsnKeyer(secret: Buffer): BsnKeyer {
  if (secret.length < 32) throw new Error('The betrokkene search key must be at least 32 bytes');
  return (bsn) => createHmac('sha256', secret).update(normaliseBsn(bsn)).digest('base64url');
}
