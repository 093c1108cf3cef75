import { appendAuditLine, auditLineHash, chainGenesis } from '../casus/audit-chain';
import type { AuditEntry, Casus, OutboxEntry } from '../casus/casus.schema';
import { RETENTION_LEGAL_BASIS } from './retention-audit';
import type { AnonymisationReason } from './retention.schema';

/** Its delivery tells nobody: it only brings the cards already sent in line with the stub. */
export const ANONYMISED_OUTBOX_KIND = 'geanonimiseerd';

export interface AnonymisationInput {
  at: string;
  reason: AnonymisationReason;
  actor: AuditEntry['actor'];
  onBehalfOf: string;
  /** The article it rests on: opslagbeperking for the sweep, art. 17 AVG for an erasure. */
  legalBasis?: string;
  newOutboxId: string;
  /** The Teams activity that asked for it (an erasure): a redelivery is recognised by it. */
  activityId?: string | undefined;
}

/**
 * Lines of the audit trail as the stub keeps them: when, who decided in which role, which step
 * from which state to which, on what basis; never a motivation (it describes the betrokkene).
 */
function accountableLines(casus: Casus): AuditEntry[] {
  let prevHash = chainGenesis(casus.id);
  return casus.audit.map((line) => {
    const kept: AuditEntry = { ...line, prevHash };
    delete kept.motivation;
    delete kept.hash;
    const hash = auditLineHash(kept);
    prevHash = hash;
    return { ...kept, hash };
  });
}

/**
 * The accountable stub of a casus (BGS/AVG opslagbeperking): number, kamer, dates, states and who
 * decided stay; the intake, the assessment, the evidence, every motivation, the invitations and
 * the signed declarations (they follow their casus) and the betrokkene's search key go. The audit
 * chain is rebuilt over the stripped lines, and the anonymisation's own line names the head the
 * full trail had (`replacesHead`), so a copy made before (a backup) can still be checked against
 * it. Pure and idempotent: an anonymised casus is returned as it is.
 */
export function anonymiseCasus(casus: Casus, input: AnonymisationInput): Casus {
  if (casus.anonymised) return casus;
  const stripped = accountableLines(casus);
  const chained = appendAuditLine(
    { id: casus.id, audit: stripped },
    {
      at: input.at,
      actor: input.actor,
      onBehalfOf: input.onBehalfOf,
      action: 'geanonimiseerd',
      from: casus.state,
      to: casus.state,
      legalBasis: input.legalBasis ?? RETENTION_LEGAL_BASIS,
      ...(casus.auditHead && { replacesHead: casus.auditHead }),
      ...(input.activityId && { activityId: input.activityId }),
    },
  );
  const outbox: OutboxEntry[] = [
    { id: input.newOutboxId, createdAt: input.at, kind: ANONYMISED_OUTBOX_KIND },
  ];
  const stub: Casus = {
    kind: 'casus',
    id: casus.id,
    revision: casus.revision + 1,
    state: casus.state,
    createdAt: casus.createdAt,
    createdBy: casus.createdBy,
    intake: { step: casus.intake.step, values: {} },
    ...(casus.kamerId && { kamerId: casus.kamerId }),
    ...(casus.casusNumber && { casusNumber: casus.casusNumber }),
    ...chained,
    outbox,
    cards: casus.cards,
    invitations: [],
    declarations: [],
    ...(casus.threads && { threads: casus.threads }),
    ...(casus.retention && { retention: casus.retention }),
    anonymised: { at: input.at, reason: input.reason },
  };
  return stub;
}
