import type { JWK } from 'jose';
import {
  verifyEvidence,
  type EvidenceCheckFailure,
} from '../src/app/invitation/evidence-signature';
import type { Casus } from '../src/domain/casus/casus.schema';

const why: Record<EvidenceCheckFailure, string> = {
  'unknown-key':
    'ondertekend met een sleutel die niet de geconfigureerde is (EVIDENCE_SIGNING_KEY)',
  'bad-signature':
    'de handtekening van de server (JWS) klopt niet: gewijzigd of niet van deze server',
  'record-differs': 'de opgeslagen gegevens zijn niet wat de server ondertekende: gewijzigd',
  'hash-differs': 'de opgeslagen hash (recordSha256) is niet de hash van de gegevens',
};

/**
 * Checks every signed declaration of a casus: its JWS verifies with the deployment's public key,
 * its record is what was signed, and its hash is on a `verklaring-ondertekend` audit line (which
 * the hash chain then covers). One line each, in Dutch; `broken` when any fails.
 */
export async function checkDeclarations(
  casus: Pick<Casus, 'declarations' | 'audit'>,
  publicKey: JWK | undefined,
): Promise<{ lines: string[]; broken: boolean }> {
  const lines: string[] = [];
  let broken = false;
  for (const declaration of casus.declarations) {
    const name = `verklaring ${declaration.record.id} (uitnodiging ${declaration.record.invitationId})`;
    const verified = publicKey
      ? await verifyEvidence(declaration, [publicKey])
      : ({ ok: false, error: 'unknown-key' } as const);
    const line = casus.audit.findIndex(
      (entry) =>
        entry.action === 'verklaring-ondertekend' &&
        entry.invitationId === declaration.record.invitationId &&
        entry.evidenceSha256 === declaration.recordSha256,
    );
    if (!verified.ok) {
      broken = true;
      lines.push(`${name}: ${why[verified.error]}`);
    } else if (line === -1) {
      broken = true;
      lines.push(`${name}: geen auditregel draagt de hash van deze verklaring`);
    } else {
      lines.push(`${name}: handtekening geldig, hash in auditregel ${line + 1}`);
    }
  }
  return { lines, broken };
}
