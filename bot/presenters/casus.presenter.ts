import type { Actor } from '../../src/app/identify-actor';
import { actionsIn, type CasusAction } from '../../src/domain/casus/casus-machine';
import type { AuditEntry, Casus } from '../../src/domain/casus/casus.schema';
import { authorise } from '../../src/domain/casus/decision-rights';
import { aanmeldroutes, urgenties } from '../../src/domain/intake/vocabulary';
import type { Kamer } from '../../src/domain/registry/registry.schema';
import { CardRenderError, type AdaptiveCardJson } from '../cards/card-template';
import { compactCasusCard } from './casus-compact.presenter';
import { casusEvidence } from './casus-evidence';
import { casusCard } from '../cards/casus.card';
import { roleNames } from './actor.presenter';
import {
  casusStateShortLabels,
  eventLabels,
  formatDate,
  formatDateTime,
  withArticle,
} from './casus-status';

/** The decision buttons. Intake-side actions (indienen, aanvullen) have their own forms. */
const buttons: Partial<
  Record<CasusAction, { title: string; style: 'positive' | 'destructive' | 'default' }>
> = {
  accepteren: { title: 'Accepteren', style: 'positive' },
  afwijzen: { title: 'Afwijzen', style: 'destructive' },
  'informatie-vragen': { title: 'Informatie vragen', style: 'default' },
  opschalen: { title: 'Opschalen naar het ZVH', style: 'default' },
  'opschaling-accepteren': { title: 'Opschaling accepteren', style: 'positive' },
  'opschaling-weigeren': { title: 'Opschaling weigeren', style: 'destructive' },
  afschalen: { title: 'Afschalen naar de Lokale Kamer', style: 'default' },
  afsluiten: { title: 'Casus afsluiten', style: 'destructive' },
};

export type NoticeStyle = 'good' | 'warning' | 'attention' | 'accent';

export interface CasusView {
  /** The casus's Lokale Kamer and its ZVH (when known). */
  kamer: Kamer;
  zvh: Kamer | undefined;
  /** Who gets their own view on refresh: decision makers and the intake side (≤ 60). */
  refreshUserIds: string[];
  notice?: { text: string; style: NoticeStyle };
  /** A motivation the viewer typed that was refused: shown again in the input. */
  draftMotivation?: string;
}

/** The table that holds the casus now: the ZVH while it is escalated, otherwise the Lokale Kamer. */
function currentTable(casus: Casus, view: CasusView): Kamer {
  const atZvh = casus.state === 'opschaling_aangevraagd' || casus.state === 'in_behandeling_zvh';
  return atZvh && view.zvh ? view.zvh : view.kamer;
}

/** One line of the audit trail, as people read it. */
export function describeEvent(entry: AuditEntry): { what: string; when: string; who: string } {
  const role = roleNames[entry.actor.role as keyof typeof roleNames] ?? entry.actor.role;
  const behalf =
    entry.onBehalfOf === entry.actor.organisationName ? '' : ` namens ${entry.onBehalfOf}`;
  return {
    what: eventLabels[entry.action],
    when: formatDateTime(entry.at),
    who: `${entry.actor.name} (${role}, ${entry.actor.organisationName})${behalf} · ${entry.legalBasis}`,
  };
}

/**
 * The casus card as this viewer sees it, or, when it cannot be rendered (too large), the compact
 * card with its status and latest event: a casus is never shown as an error.
 */
export function casusCardFor(viewer: Actor, casus: Casus, view: CasusView): AdaptiveCardJson {
  try {
    return fullCasusCard(viewer, casus, view);
  } catch (error) {
    if (!(error instanceof CardRenderError)) throw error;
    return compactCasusCard(casus, {
      table: currentTable(casus, view).name,
      notice: view.notice,
      why: 'De volledige kaart van deze casus is te groot om in Teams te tonen. Hier staan de status en de laatste gebeurtenis; het volledige verloop is bewaard.',
    });
  }
}

/** The same card for everyone who may see the casus, with the buttons their role allows now. */
function fullCasusCard(viewer: Actor, casus: Casus, view: CasusView): AdaptiveCardJson {
  const allowed = actionsIn(casus.state).filter(
    (action) => authorise(viewer.person, viewer.organisation, casus, view.kamer, action).ok,
  );
  const decisions = allowed.flatMap((action) => {
    const button = buttons[action];
    return button ? [{ action, ...button }] : [];
  });
  const mayAnswer = allowed.includes('aanvullen');
  const question = [...casus.audit]
    .reverse()
    .find((entry) => entry.action === 'informatie-vragen')?.motivation;
  const intake = casus.submission?.intake;
  const table = currentTable(casus, view);
  return casusCard.render({
    casusId: casus.id,
    revision: casus.revision,
    casusNumber: casus.casusNumber ?? '',
    status: casusStateShortLabels[casus.state],
    kamer: table.name,
    notices: view.notice ? [view.notice] : [],
    draftMotivation: view.draftMotivation ?? '',
    refreshUserIds: view.refreshUserIds.slice(0, 60),
    facts: intake
      ? [
          {
            title: 'Betrokkene',
            value: `${intake.betrokkene.naam} (${formatDate(intake.betrokkene.geboortedatum)}), ${intake.betrokkene.gemeente}`,
          },
          { title: 'Aanmeldroute', value: aanmeldroutes.labels[intake.aanmelding.aanmeldroute] },
          { title: 'Urgentie', value: urgenties.labels[intake.aanmelding.urgentie] },
          {
            title: 'Doorbraak nodig (bij aanmelding)',
            value: intake.doorbraak.nodig ? 'Ja' : 'Nee',
          },
          {
            title: 'Aangemeld door',
            value: `${casus.createdBy.name}, ${casus.createdBy.organisationName}`,
          },
        ]
      : [],
    evidence: intake ? [casusEvidence(intake)] : [],
    criteria: (casus.submission?.assessment.criteria ?? []).map((criterion) => ({
      number: criterion.criterion,
      explanation: criterion.explanation,
      motivation: intake ? intake[`criterium${criterion.criterion}`].motivering : '',
    })),
    timeline: casus.audit
      .filter((entry) => entry.action !== 'intake-gestart')
      .map((entry) => ({
        ...describeEvent(entry),
        motivations: entry.motivation ? [{ text: entry.motivation }] : [],
      })),
    decide:
      decisions.length > 0
        ? [
            {
              prompt: `Je besluit namens de overheidsdeelnemers (art. 2.27 WGS). Elk besluit vraagt een motivering${
                allowed.includes('opschalen')
                  ? '; bij opschalen: waarom een doorbraak nodig is'
                  : ''
              }.`,
            },
          ]
        : [],
    actions: decisions,
    answer: mayAnswer
      ? [{ question: question ?? 'De Lokale Kamer vraagt om aanvullende informatie.' }]
      : [],
    readonly: decisions.length === 0 && !mayAnswer ? [{ text: readOnlyText(casus, table) }] : [],
  });
}

function readOnlyText(casus: Casus, table: Kamer): string {
  switch (casus.state) {
    case 'afgewezen':
    case 'afgesloten':
      return 'Deze casus is niet meer open.';
    case 'aanvulling_gevraagd':
      return 'De Lokale Kamer wacht op een aanvulling van de aanmelder.';
    default:
      return `Besluiten over deze casus neemt de procesregisseur of de weegtafel van ${withArticle(table)}.`;
  }
}
