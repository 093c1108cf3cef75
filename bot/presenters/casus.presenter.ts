import type { Actor } from '../../src/app/identify-actor';
import { actionsIn, type CasusAction } from '../../src/domain/casus/casus-machine';
import type { Casus } from '../../src/domain/casus/casus.schema';
import { authorise } from '../../src/domain/casus/decision-rights';
import { aanmeldroutes, urgenties } from '../../src/domain/intake/vocabulary';
import type { Kamer } from '../../src/domain/registry/registry.schema';
import { CardRenderError, type AdaptiveCardJson } from '../cards/card-template';
import { casusCard, type CasusCardView } from '../cards/casus.card';
import { compactCasusCard } from './casus-compact.presenter';
import { describeEvent, reasonOf, shortened } from './casus-event';
import { casusStateShortLabels, formatDate } from './casus-status';
import { confirmationOf, type Confirmation } from './confirmation';
import { decisionForms, type DecisionDraft } from './decision-forms';
import { nextStep } from './next-step';
import { retentionSection } from './casus-retention.presenter';
import { casusEvidence, shortenEvidence } from './casus-evidence';
import {
  invitationConfirmationFor,
  invitationSection,
  type InvitationConfirmation,
  type InvitationDraft,
} from './casus-invitations.presenter';

export { describeEvent } from './casus-event';

export type NoticeStyle = 'emphasis' | 'warning' | 'attention' | 'accent';

export interface CasusView {
  /** The casus's Lokale Kamer and its ZVH (when known). */
  kamer: Kamer;
  zvh: Kamer | undefined;
  /** Who gets their own view on refresh: decision makers and the intake side (≤ 60). */
  refreshUserIds: string[];
  notice?: { text: string; style: NoticeStyle };
  /** What the viewer typed in a form that was refused or withdrawn: shown again in its input. */
  draft?: DecisionDraft;
  /** The first press of an irreversible decision passed its checks: ask for the second. */
  confirm?: Confirmation;
  /** A refused decision on the bewaartermijn: its motivation back in its input. */
  retentionDraft?: string;
  /** Opened from a list: "Terug naar de lijst" leads back to it (the same page). */
  backTo?: BackTo;
  /** A refused decision on an invitation: its motivation back in its input. */
  invitationDraft?: InvitationDraft;
  /** A decision on an invitation passed its first press: ask for the second. */
  invitationConfirm?: InvitationConfirmation;
  /** A download link to the dossier PDF, issued to this viewer: only for one who may export it. */
  dossierUrl?: string;
}

/** The list a casus was opened from, as the button back to it carries it. */
export interface BackTo {
  list: 'casuslijst' | 'mijn-casussen';
  kamerId: string;
  page: number;
}

/** Events on the card; the whole audit trail stays in the casus. */
export const TIMELINE_EVENTS = 5;

/**
 * Text limits for a card that would be too large in full (long motivations, multi-byte text):
 * the card is rendered again with these before it falls back to the compact card.
 */
const SHORT = { motivation: 400, criterion: 800, evidence: 300 };

/**
 * The table that holds the casus now: the ZVH while it is escalated, and for a casus it closed;
 * otherwise the Lokale Kamer.
 */
export function currentTable(casus: Casus, view: Pick<CasusView, 'kamer' | 'zvh'>): Kamer {
  const closedAtZvh =
    casus.state === 'afgesloten' &&
    casus.audit.findLast((line) => line.action === 'afsluiten')?.from === 'in_behandeling_zvh';
  const atZvh =
    casus.state === 'opschaling_aangevraagd' || casus.state === 'in_behandeling_zvh' || closedAtZvh;
  return atZvh && view.zvh ? view.zvh : view.kamer;
}

/** The intake's header facts: who it is about, how and by whom it was submitted. */
export function casusFacts(casus: Casus): { title: string; value: string }[] {
  const intake = casus.submission?.intake;
  if (!intake) return [];
  return [
    {
      title: 'Betrokkene',
      value: `${intake.betrokkene.naam} (${formatDate(intake.betrokkene.geboortedatum)}), ${intake.betrokkene.gemeente}`,
    },
    { title: 'Aanmeldroute', value: aanmeldroutes.labels[intake.aanmelding.aanmeldroute] },
    { title: 'Urgentie', value: urgenties.labels[intake.aanmelding.urgentie] },
    { title: 'Doorbraak nodig (bij aanmelding)', value: intake.doorbraak.nodig ? 'Ja' : 'Nee' },
    {
      title: 'Aangemeld door',
      value: `${casus.createdBy.name}, ${casus.createdBy.organisationName}`,
    },
  ];
}

/** The decisions this viewer may take now. */
export function allowedFor(viewer: Actor, casus: Casus, kamer: Kamer): CasusAction[] {
  return actionsIn(casus.state).filter(
    (action) => authorise(viewer.person, viewer.organisation, casus, kamer, action).ok,
  );
}

/**
 * The casus card as this viewer sees it. When it is too large for Teams it is rendered again with
 * long texts shortened, and failing that as the compact card with its status and latest event: a
 * casus is never shown as an error.
 */
export function casusCardFor(viewer: Actor, casus: Casus, view: CasusView): AdaptiveCardJson {
  for (const limits of [undefined, SHORT]) {
    try {
      return casusCard.render(casusCardView(viewer, casus, view, limits));
    } catch (error) {
      if (!(error instanceof CardRenderError)) throw error;
    }
  }
  return compactCasusCard(casus, {
    table: currentTable(casus, view).name,
    notice: view.notice,
    kamers: [view.kamer, view.zvh],
    why: 'De volledige kaart van deze casus is te groot om in Teams te tonen. Hier staan de status en de laatste gebeurtenis; het volledige verloop is bewaard.',
  });
}

function casusCardView(
  viewer: Actor,
  casus: Casus,
  view: CasusView,
  limits: typeof SHORT | undefined,
): CasusCardView {
  const cut = (text: string, max: number | undefined) =>
    max === undefined ? text : shortened(text, max);
  const allowed = allowedFor(viewer, casus, view.kamer);
  const invitationContext = { viewer, casus, kamer: view.kamer, kamers: [view.kamer, view.zvh] };
  const invitationConfirm = invitationConfirmationFor(invitationContext, view.invitationConfirm);
  const confirming =
    (view.confirm && allowed.includes(view.confirm.action)) || invitationConfirm.length > 0;
  const forms = confirming ? [] : decisionForms(allowed, view.draft);
  const mayAnswer = !confirming && allowed.includes('aanvullen');
  const question = [...casus.audit]
    .reverse()
    .find((entry) => entry.action === 'informatie-vragen')?.motivation;
  const intake = casus.submission?.intake;
  const table = currentTable(casus, view);
  const kamers = [view.kamer, view.zvh];
  const events = casus.audit.filter((entry) => entry.action !== 'intake-gestart');
  const shown = events.slice(-TIMELINE_EVENTS);
  const earlier = events.length - shown.length;
  return {
    casusId: casus.id,
    revision: casus.revision,
    backTo: view.backTo ? [view.backTo] : [],
    dossier: view.dossierUrl && !confirming ? [{ url: view.dossierUrl }] : [],
    casusNumber: casus.casusNumber ?? '',
    status: casusStateShortLabels[casus.state],
    kamer: table.name,
    notices: view.notice ? [view.notice] : [],
    nextStep: confirming
      ? 'Bevestig je besluit hieronder, of ga terug zonder te besluiten.'
      : nextStep(casus, table, allowed),
    refreshUserIds: view.refreshUserIds.slice(0, 60),
    facts: casusFacts(casus),
    confirm: confirming && view.confirm ? [confirmationOf(view.confirm, view.kamer, view.zvh)] : [],
    evidence:
      intake && !confirming
        ? [shortenEvidence(casusEvidence(intake), (text) => cut(text, limits?.evidence))]
        : [],
    decide:
      forms.length > 0
        ? [
            {
              prompt:
                'Je besluit namens de overheidsdeelnemers (art. 2.27 WGS). Elk besluit vraagt een motivering van minstens 30 tekens. Een besluit dat de casus afsluit of overdraagt, bevestig je in een tweede stap.',
            },
          ]
        : [],
    forms,
    invitations: confirming
      ? []
      : invitationSection(invitationContext, view.invitationDraft, (text) =>
          cut(text, limits?.evidence),
        ),
    invitationConfirm,
    answer: mayAnswer
      ? [
          {
            question: question ?? 'De Lokale Kamer vraagt om aanvullende informatie.',
            draft: view.draft?.action === 'aanvullen' ? view.draft.motivation : '',
          },
        ]
      : [],
    retention: confirming
      ? []
      : retentionSection(viewer, casus, view.kamer, view.retentionDraft ?? ''),
    sections: confirming ? [] : [{}],
    criteria: confirming
      ? []
      : (casus.submission?.assessment.criteria ?? []).map((criterion) => ({
          number: criterion.criterion,
          explanation: criterion.explanation,
          motivation: intake
            ? cut(intake[`criterium${criterion.criterion}`].motivering, limits?.criterion)
            : '',
        })),
    earlier:
      !confirming && earlier > 0
        ? [
            {
              text: `${earlier} eerdere ${earlier === 1 ? 'stap' : 'stappen'}, niet op deze kaart; het volledige verloop is bewaard.`,
            },
          ]
        : [],
    timeline: confirming
      ? []
      : shown.map((entry) => {
          const reason = reasonOf(entry);
          const { what, when, who } = describeEvent(entry, kamers);
          return {
            what,
            when,
            who,
            reasons: reason ? [{ text: reason }] : [],
            motivations: entry.motivation
              ? [{ text: cut(entry.motivation, limits?.motivation) }]
              : [],
          };
        }),
  };
}
