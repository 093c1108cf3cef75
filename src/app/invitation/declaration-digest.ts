import { createHash } from 'node:crypto';
import type { DeclarationDocument } from '../../domain/invitation/declarations/declaration-text';

/**
 * The SHA-256 (hex) of the exact declaration text, as UTF-8. Here and not in the domain because
 * the domain imports no `node:` module (eslint); the text it hashes is the domain's.
 */
export function declarationDigest(document: Pick<DeclarationDocument, 'text'>): string {
  return createHash('sha256').update(document.text, 'utf8').digest('hex');
}
