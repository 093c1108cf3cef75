// THE AUTHORISATION MATRIX of casusbot (production mode: DEMO_MODE=false), as documented: who may
// do what to a casus in which state. Every command, card verb, dialog and page the code has is a
// row (the reliability section derives the list from the route table, the channel handlers, the
// dialog invokes and the HTTP routes, and misses when one has no row); every actor kind a column
// group; every casus state a column. A cell not listed is refused: the bot answers without casus
// data and changes nothing; the access log gains at most a record of the refusal, never one that
// it showed or changed the casus. The section `authorisation` runs every cell against the real bot.
//
// Sources: README ("What you can say", "Decisions and escalation", "Incidentele deelnemers",
// "After signing", "Casus channels"), WGS art. 1.8 lid 2 and 2.27, BGS art. 2.20/2.21, issue 16
// (privacy by design: the access log), and the domain rules in src/domain/casus/decision-rights.ts,
// casus-audience.ts and casus-machine.ts.
import { casusStateSchema } from '../../../src/domain/casus/casus.schema';
import type { ActorKind } from './actors';

/**
 * The states a casus can be in (src/domain/casus/casus.schema.ts), two of them twice: a casus in
 * behandeling at the Lokale Kamer before any escalation, and after one ("terug_lokaal":
 * escalated, accepted by the ZVH and afgeschaald), since the ZVH may see a casus only once its
 * escalation was asked (art. 2.25 WGS) and from then on.
 */
export const casusColumns = casusStateSchema.options.flatMap((state) =>
  state === 'in_behandeling_zvh' ? [state, 'terug_lokaal' as const] : [state],
);
export type CasusColumn = (typeof casusColumns)[number];
/** The one column of what needs no casus (help, lists, forms, linking a channel). */
export const NO_CASUS = '—';
export type Column = CasusColumn | typeof NO_CASUS;

/**
 * The registry's roles (src/domain/registry/registry.schema.ts `roleSchema`), each with the actor
 * kinds that hold it in the matrix. The section misses when the registry has a role without
 * actors here, or this names a role the registry does not have.
 */
export const registryRoles: Record<string, readonly ActorKind[]> = {
  wijkteammedewerker: ['unscreened', 'worker', 'colleague', 'otherTeam', 'incidentalRegistry'],
  procesregisseur: ['privateDeelnemer', 'procesregisseur', 'otherKamer', 'zvh'],
  weegtafellid: ['weegtafellid'],
  'functioneel-beheerder': ['beheerder'],
  'privacy-officer': ['privacyOfficer'],
  contactpunt: ['contactpunt'],
};

const submitted: readonly CasusColumn[] = casusColumns.filter((c) => c !== 'concept');
/** Once escalation was asked, the ZVH sees the casus: also after it went back, and closed. */
const escalated: readonly CasusColumn[] = [
  'opschaling_aangevraagd',
  'in_behandeling_zvh',
  'terug_lokaal',
  'afgesloten',
];
/** In behandeling at the Lokale Kamer (where it proposes, and decides on proposals). */
const atLokaleKamer: readonly CasusColumn[] = ['in_behandeling_lokaal', 'terug_lokaal'];
/** A signed participant still takes part, an approved invitee can still sign: not yet closed. */
const invitationLive: readonly CasusColumn[] = [
  'in_behandeling_lokaal',
  'opschaling_aangevraagd',
  'in_behandeling_zvh',
  'terug_lokaal',
];
const none = [NO_CASUS] as const;

const inRegistry = [
  'worker',
  'colleague',
  'otherTeam',
  'privateDeelnemer',
  'procesregisseur',
  'weegtafellid',
  'otherKamer',
  'zvh',
  'beheerder',
  'privacyOfficer',
  'contactpunt',
] as const;
/** Intake (WGS art. 1.8 lid 2 access and the wijkteammedewerker role). */
const intake = ['worker', 'colleague', 'otherTeam'] as const;
/** Procesregisseurs and weegtafelleden of an overheidsdeelnemer, at some kamer (art. 2.27 WGS). */
const deciders = ['procesregisseur', 'weegtafellid', 'otherKamer', 'zvh'] as const;

type Row = Partial<Record<ActorKind, readonly Column[]>>;
const each = (kinds: readonly ActorKind[], columns: readonly Column[]): Row =>
  Object.fromEntries(kinds.map((kind) => [kind, columns]));

/**
 * Who may see the casus ("casus <nummer>"): the intake side, the Lokale Kamer, the ZVH once asked
 * (`mayView`). Nobody else: not the functioneel beheerder, and not the privacy officer or the
 * contactpunt, who hold no intake or decision role; the privacy officer sees who read a casus,
 * not what it holds.
 */
const view: Row = {
  ...each(['worker', 'colleague', 'procesregisseur', 'weegtafellid'], submitted),
  zvh: escalated,
};
/** The Lokale Kamer's decision in a state. */
const lokaleKamer = (...columns: CasusColumn[]): Row =>
  each(['procesregisseur', 'weegtafellid'], columns);
/** Those who may see a casus that has a signed declaration: not once the casus is closed. */
const viewSigned: Row = {
  ...each(['worker', 'colleague', 'procesregisseur', 'weegtafellid'], invitationLive),
  zvh: ['opschaling_aangevraagd', 'in_behandeling_zvh', 'terug_lokaal'],
};

/**
 * The decisions (casus.decide / casus.confirm with this action), as the state machine and the
 * decision rights say: the intake side answers a request for information, the Lokale Kamer's
 * overheidsdeelnemers decide there, the ZVH's on an escalation and after it.
 */
const decisions: Record<string, Row> = {
  indienen: {}, // only by intake.submit
  accepteren: lokaleKamer('aangemeld'),
  afwijzen: lokaleKamer('aangemeld'),
  'informatie-vragen': lokaleKamer('aangemeld'),
  aanvullen: each(['worker', 'colleague'], ['aanvulling_gevraagd']),
  opschalen: lokaleKamer(...atLokaleKamer),
  'opschaling-accepteren': { zvh: ['opschaling_aangevraagd'] },
  'opschaling-weigeren': { zvh: ['opschaling_aangevraagd'] },
  afschalen: { zvh: ['in_behandeling_zvh'] },
  afsluiten: { ...lokaleKamer(...atLokaleKamer), zvh: ['in_behandeling_zvh'] },
};

/**
 * Invitations (fixture, on every casus that was in behandeling): one proposed by the
 * procesregisseur, one approved and not signed (the invitee's), one signed (the participant's),
 * each by the Lokale Kamer. Only the overheidsdeelnemers of the table that handles the casus now
 * decide (none while an escalation is asked), never the proposer on their own proposal; a
 * proposal lapses when the casus moves to the ZVH, which then ends a participation.
 */
const invitationDecisions: Record<string, Row> = {
  goedkeuren: { weegtafellid: ['in_behandeling_lokaal'] },
  afwijzen: { weegtafellid: ['in_behandeling_lokaal'] },
  beeindigen: { ...lokaleKamer(...atLokaleKamer), zvh: ['in_behandeling_zvh'] },
};

/**
 * The access log (bot/routing/handlers/access-log.handler.ts): the privacy officer's alone, about
 * any casus in any state; it names a casus by its number, never its contents. Asked by number, a
 * concept (which has none yet) is not found; the export names the casus by id, so a concept too.
 */
const accessLog = (columns: readonly Column[]): Row => ({ privacyOfficer: columns });

/**
 * The contactpunt (art. 1.1 BGS; bot/routing/handlers/contactpunt*.ts): the betrokkene's requests
 * for all overheidsdeelnemers, about any submitted casus of any kamer; a concept has no keys yet.
 */
const contactpunt = (columns: readonly Column[]): Row => ({ contactpunt: columns });

/**
 * A decision on the bewaartermijn of a closed or rejected casus: those who decided on it, the
 * Lokale Kamer's overheidsdeelnemers and the ZVH's once it was involved (`retentionAuthority`).
 */
const retention: Row = {
  ...lokaleKamer('afgewezen', 'afgesloten'),
  zvh: ['afgesloten'],
};

/**
 * The dossier export: whoever may see the casus and is its procesregisseur, of the Lokale Kamer
 * or of the ZVH once escalation was asked (`mayExportDossier`); not the weegtafel.
 */
const dossier: Row = { procesregisseur: submitted, zvh: escalated };

/** Information is shared with a signed participant by a deelnemer of the invitation's table. */
const share = lokaleKamer(...invitationLive);

export const documentedMatrix: Record<string, Row> = {
  // Text commands (bot/routing/route-table.ts), typed in the personal chat.
  help: each(inRegistry, none),
  'nieuwe casus': each(intake, none),
  'mijn casussen': each(intake, none),
  casus: each(inRegistry, none), // without a number: the search form
  'casus <nummer>': view,
  casuslijst: each(deciders, none),
  rol: {}, // demo mode only
  toegangslog: accessLog(none),
  'wie heeft casus': accessLog(none), // without a number: the form, asking for one
  'wie heeft casus <nummer>': accessLog(submitted),
  'wat heeft': accessLog(none), // without a name: the form, asking for the person
  'wat heeft <naam>': accessLog(none),
  'betrokkene zoeken': contactpunt(none), // the form
  // Card verbs without a casus.
  'demo.persona': {},
  'demo.personas': {},
  'intake.start': each(intake, none),
  'command.run help': each(inRegistry, none),
  'command.run nieuwe casus': each(intake, none),
  'command.run mijn casussen': each(intake, none),
  'command.run casuslijst': each(deciders, none),
  'command.run rol': {},
  'command.run toegangslog': accessLog(none),
  'command.run betrokkene zoeken': contactpunt(none),
  'list.show casuslijst': each(deciders, none),
  'list.show mijn-casussen': each(intake, none),
  'casus.search.form': each(inRegistry, none),
  // Seeing a casus.
  'casus.search nummer': view,
  'casus.search betrokkene': {
    ...each(['procesregisseur', 'weegtafellid'], submitted),
    zvh: escalated,
  },
  'casus.refresh': view,
  'casus.open': view,
  'invitation.back': view,
  'invitation.participants': view,
  'kanaal.open': view, // "Open in mijn chat" on the casus's card in a kamer's channel
  // The access log's form: who saw this casus, what did this person see.
  'toegang.vraag casus': accessLog(submitted),
  'toegang.vraag persoon': accessLog(none),
  // The contactpunt: every casus of a betrokkene, and per casus a correction or a request.
  'contactpunt.zoek': contactpunt(submitted),
  'contactpunt.verzoek': contactpunt(submitted),
  'contactpunt.rectificatie': contactpunt(submitted),
  'contactpunt.besluit': contactpunt(submitted),
  // The bewaartermijn: extended (or held) by those who decided on the casus.
  'casus.bewaartermijn': retention,
  // The draft and the own casus: only the worker who made it.
  'intake.open': { worker: casusColumns },
  'intake.next': { worker: ['concept'] },
  'intake.back': { worker: ['concept'] },
  'intake.save': { worker: ['concept'] },
  'intake.goto': { worker: ['concept'] },
  'intake.add-aanwijzing': { worker: ['concept'] },
  'intake.submit': { worker: ['concept'] },
  'intake.discard': { worker: ['concept'] },
  'draft.remove.ask': { worker: ['concept'] },
  'draft.remove': { worker: ['concept'] },
  // Decisions: the first press (a reversible one decides, an irreversible one asks to confirm),
  // and the confirmation (which decides either).
  ...Object.fromEntries(Object.entries(decisions).map(([a, row]) => [`casus.decide ${a}`, row])),
  ...Object.fromEntries(Object.entries(decisions).map(([a, row]) => [`casus.confirm ${a}`, row])),
  // Incidentele deelnemers (BGS art. 2.21): proposing, at the table that handles the casus.
  'invitation.form': { ...lokaleKamer(...atLokaleKamer), zvh: ['in_behandeling_zvh'] },
  'invitation.propose': { ...lokaleKamer(...atLokaleKamer), zvh: ['in_behandeling_zvh'] },
  ...Object.fromEntries(
    Object.entries(invitationDecisions).map(([a, row]) => [`invitation.decide ${a}`, row]),
  ),
  ...Object.fromEntries(
    Object.entries(invitationDecisions).map(([a, row]) => [`invitation.confirm ${a}`, row]),
  ),
  'invitation.share.form': share,
  'invitation.share': share,
  'invitation.share.confirm': share,
  'invitation.link': lokaleKamer(...invitationLive), // a new link to sign, for the approved invitee
  // The invitee's signing dialog: only for their own invitation, while it can be signed (fetch)
  // or to hear where it stands (submit).
  'task/fetch': { invitee: invitationLive },
  'task/submit': { invitee: invitationLive, participant: invitationLive },
  // Pages. A declaration's link is issued to one person and checks them again on each request.
  'GET /verklaring/:token': viewSigned,
  'GET /verklaring/:token/rapport.pdf': viewSigned,
  // A download link is issued to one person, who is checked again when it is opened; one kind of
  // document a row. A tampered link (another person, another document) is never served.
  'GET /download/:file toegangslog': accessLog(casusColumns),
  'GET /download/:file dossier': dossier,
  'GET /download/:file inzage': contactpunt(submitted),
  // The signing page, at the link the actor's own dialog gave them.
  'GET /ondertekenen': { invitee: invitationLive },
  // In a kamer's channel: only a functioneel beheerder or a procesregisseur of that kamer.
  koppel: each(['procesregisseur', 'beheerder'], none),
  ontkoppel: each(['procesregisseur', 'beheerder'], none),
};

/**
 * HTTP routes with no row, and why: they answer no actor about a casus. The section misses when
 * the server has a route that is neither a row nor here.
 */
export const routesWithoutRow: Record<string, string> = {
  'POST /api/messages': 'the bot itself: every command, verb and dialog above arrives here',
  'ALL /api/messages': 'any other method: 405, nothing read',
  'GET /healthz': 'public; says whether the store answers, nothing of any casus',
  'GET /ondertekenen/app.js': "the signing page's script bundle, the same for everyone",
  'GET /ondertekenen/app.css': "the signing page's style sheet, the same for everyone",
  'POST /api/ondertekenen':
    'the signature itself (Teams SSO or a link, a drawn signature): tried by test/bot/invitation-signing and invitee-hostile',
};
