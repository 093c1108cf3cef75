// eslint-disable-next-line @typescript-eslint/no-restricted-imports -- hashing is computation, not I/O: the chain is a pure function of the lines
import { createHash } from 'node:crypto';
import { canonicalJson } from '../shared/canonical-json';
import type { AuditEntry, Casus } from './casus.schema';

/** An audit line as a transition writes it, before the chain's hashes are added. */
export type UnchainedAuditEntry = Omit<AuditEntry, 'prevHash' | 'hash'>;

type ChainFacts = Pick<Casus, 'id' | 'audit' | 'auditHead'>;

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * The hash of a line: SHA-256 of its canonical JSON without its own `hash` (its `prevHash` is
 * included, which is what links it). Lines from before the chain hash the same way.
 */
export function auditLineHash(line: AuditEntry | UnchainedAuditEntry): string {
  return sha256(canonicalJson({ ...line, hash: undefined }));
}

/** What the first line links to: the casus id, so a trail copied into another casus does not verify. */
export function chainGenesis(casusId: string): string {
  return sha256(canonicalJson({ chain: 'casus-audit', casusId }));
}

/**
 * The audit trail with one more line, linked to the line before it, and the new head. Every audit
 * line goes through here, so the chain grows in the same ETag-guarded write as the change.
 * Pure: the caller writes `audit` and `auditHead` together with the rest of the casus.
 */
export function appendAuditLine(
  casus: Pick<Casus, 'id' | 'audit'>,
  line: UnchainedAuditEntry,
): Pick<Casus, 'audit' | 'auditHead'> {
  const previous = casus.audit.at(-1);
  const prevHash = previous ? (previous.hash ?? auditLineHash(previous)) : chainGenesis(casus.id);
  const linked = { ...line, prevHash };
  const hash = auditLineHash(linked);
  return { audit: [...casus.audit, { ...linked, hash }], auditHead: hash };
}

/** Why a chain does not hold, at the first line where it fails. */
export type AuditChainBreak =
  /** The line's content no longer matches its hash. */
  | 'altered'
  /** The line does not follow the one before it: a line before it was removed or moved. */
  | 'removed-or-reordered'
  /** A line after the chain began has no hash. */
  | 'missing-hash'
  /** The last line is not the head the casus recorded: lines were cut off the end. */
  | 'tail-removed'
  /** The casus has hashed lines but no recorded head. */
  | 'head-missing';

export type AuditChainResult =
  /** Every line from `chainStartsAt` (0-based) on is linked and unchanged, and the head matches. */
  | { kind: 'intact'; lines: number; chainStartsAt: number }
  /** No line carries a hash and no head is recorded: a casus from before the chain. */
  | { kind: 'no-chain'; lines: number }
  /** `line` (0-based; the trail's length for the end) is where it first fails. */
  | {
      kind: 'broken';
      lines: number;
      chainStartsAt: number | undefined;
      line: number;
      reason: AuditChainBreak;
    };

/**
 * Checks a casus's audit chain. The chain starts at the first hashed line; lines before it are
 * from before the chain and only the one just before it is covered (through its successor's
 * `prevHash`). Without the recorded head, cutting lines off the end would go unnoticed.
 */
export function verifyAuditChain(casus: ChainFacts): AuditChainResult {
  const { audit } = casus;
  const lines = audit.length;
  const start = audit.findIndex((line) => line.hash !== undefined || line.prevHash !== undefined);
  if (start === -1) {
    if (casus.auditHead === undefined) return { kind: 'no-chain', lines };
    // A head without hashed lines: the hashes were stripped, or every line removed.
    const reason = lines === 0 ? 'tail-removed' : 'missing-hash';
    return { kind: 'broken', lines, chainStartsAt: undefined, line: 0, reason };
  }
  const broken = (line: number, reason: AuditChainBreak): AuditChainResult => ({
    kind: 'broken',
    lines,
    chainStartsAt: start,
    line,
    reason,
  });
  for (let i = start; i < lines; i++) {
    const line = audit[i]!;
    if (line.hash === undefined || line.prevHash === undefined) return broken(i, 'missing-hash');
    if (line.hash !== auditLineHash(line)) return broken(i, 'altered');
    const previous = audit[i - 1];
    const expected = previous ? auditLineHash(previous) : chainGenesis(casus.id);
    if (line.prevHash !== expected) return broken(i, 'removed-or-reordered');
  }
  if (casus.auditHead === undefined) return broken(lines, 'head-missing');
  if (casus.auditHead !== audit.at(-1)?.hash) return broken(lines, 'tail-removed');
  return { kind: 'intact', lines, chainStartsAt: start };
}
