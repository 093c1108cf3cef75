import { evidenceFacts, utc, type EvidenceField } from '../../src/app/invitation/evidence-facts';
import type { Actor } from '../../src/app/identify-actor';
import { verifyAuditChain } from '../../src/domain/casus/audit-chain';
import type { Casus } from '../../src/domain/casus/casus.schema';
import type { Kamer } from '../../src/domain/registry/registry.schema';
import type { EvidenceView } from '../cards/evidence-view';
import { describeAuditChain } from './audit-chain.presenter';
import { casusEvidence } from './casus-evidence';
import { describeEvent, reasonOf } from './casus-event';
import { casusStateLabels, formatDateTime } from './casus-status';
import { casusFacts, currentTable } from './casus.presenter';

/** One criterion of BGS art. 2.20 as the intake was assessed on it at submit. */
export interface DossierCriterion {
  title: string;
  met: boolean;
  explanation: string;
  /** The worker's motivation, as typed. */
  motivation: string;
}

/** One audit line: every line of the trail, in order, numbered as `casus:verify` counts them. */
export interface DossierEvent {
  number: number;
  what: string;
  when: string;
  /** Who, in which role at which kamer, on whose behalf, and the article it rests on. */
  who: string;
  states: string;
  reason?: string;
  motivation?: string;
}

/** Everything the dossier PDF shows, in its order: made from the casus as stored now. */
export interface DossierFacts {
  casusNumber: string;
  header: EvidenceField[];
  assessment: { verdict: string; criteria: DossierCriterion[] } | undefined;
  evidence: EvidenceView | undefined;
  timeline: DossierEvent[];
  declarations: { title: string; fields: EvidenceField[] }[];
  chain: { intact: boolean; text: string };
  /** When and by whom it was made: the PDF says so on every page. */
  stamp: string;
}

const stateLabel = (state: Casus['state'] | null) =>
  state === null ? 'nieuw' : casusStateLabels[state];

function declarationSummaries(
  casus: Casus & { casusNumber: string },
  kamer: Kamer,
): DossierFacts['declarations'] {
  return casus.declarations.flatMap((declaration) => {
    const invitation = casus.invitations.find((i) => i.id === declaration.record.invitationId);
    if (!invitation) return [];
    // The summary: the evidence and its checks. The text, the drawing and the JWS are in the
    // declaration's own evidence report, which "Deelnemers en verklaringen" opens.
    const facts = evidenceFacts({ casus, kamer, invitation, declaration });
    return [
      {
        title: `${facts.organisation}: ${facts.invitee}`,
        fields: [
          ...facts.evidence,
          ...facts.hashes,
          ...facts.auditLine.filter((field) => !field.code),
        ],
      },
    ];
  });
}

/** The dossier of a casus for the casusoverleg, for the person who exports it, at `now`. */
export function dossierFacts(
  casus: Casus & { casusNumber: string },
  kamers: { kamer: Kamer; zvh: Kamer | undefined },
  exporter: Actor,
  now: Date,
): DossierFacts {
  const known = [kamers.kamer, kamers.zvh];
  const intake = casus.submission?.intake;
  const assessment = casus.submission?.assessment;
  const chain = verifyAuditChain(casus);
  return {
    casusNumber: casus.casusNumber,
    header: [
      { label: 'Casusnummer', value: casus.casusNumber },
      { label: 'Lokale Kamer', value: kamers.kamer.name },
      { label: 'Behandeld door', value: currentTable(casus, kamers).name },
      { label: 'Status', value: casusStateLabels[casus.state] },
      ...(casus.submission
        ? [{ label: 'Aangemeld op', value: formatDateTime(casus.submission.submittedAt) }]
        : []),
      ...casusFacts(casus).map(({ title, value }) => ({ label: title, value })),
    ],
    assessment: assessment && {
      verdict:
        assessment.verdict === 'voldoet'
          ? 'Voldoet aan alle vier de criteria van art. 2.20 BGS'
          : `Voldoet niet aan criterium ${assessment.failing.join(', ')} van art. 2.20 BGS`,
      criteria: assessment.criteria.map((criterion) => ({
        title: `Criterium ${criterion.criterion}. ${criterion.title}`,
        met: criterion.met,
        explanation: criterion.explanation,
        motivation: intake ? intake[`criterium${criterion.criterion}`].motivering : '',
      })),
    },
    evidence: intake && casusEvidence(intake),
    timeline: casus.audit.map((entry, index) => {
      const { what, when, who } = describeEvent(entry, known);
      const reason = reasonOf(entry);
      return {
        number: index + 1,
        what,
        when,
        who,
        states:
          entry.from === entry.to
            ? `Status: ${stateLabel(entry.to)}`
            : `Van ${stateLabel(entry.from)} naar ${stateLabel(entry.to)}`,
        ...(reason && { reason }),
        ...(entry.motivation && { motivation: entry.motivation }),
      };
    }),
    declarations: declarationSummaries(casus, kamers.kamer),
    chain: { intact: chain.kind === 'intact', text: describeAuditChain(chain) },
    stamp: `Opgemaakt ${utc(now.toISOString())} door ${exporter.person.name}, ${exporter.organisation.name}`,
  };
}
