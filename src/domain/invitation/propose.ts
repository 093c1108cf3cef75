import type { z } from 'zod';
import type { Casus } from '../casus/casus.schema';
import { personRef } from '../casus/casus-transition';
import type { Kamer, Organisation, Person } from '../registry/registry.schema';
import { hasDecisionRoleAt } from '../registry/roles';
import { fail, ok, type Result } from '../shared/result';
import { handlingTable, tableName } from './invitation-table';
import { invitationStateLabels, isLive } from './invitation-machine';
import type { Invitation } from './invitation.schema';
import { invitationProposalSchema, type InvitationProposal } from './proposal.schema';

/** The two conditions of BGS art. 2.21 lid 1, as the proposal states them. */
export type Article221Condition = 'deskundigheid' | 'rol';

export interface FieldIssue {
  path: string;
  message: string;
}

export type ProposalRefusal =
  | { kind: 'casus-niet-in-behandeling'; reason: string }
  | { kind: 'geen-deelnemer-van-tafel'; reason: string }
  | {
      kind: 'voorwaarde-ontbreekt';
      conditions: Article221Condition[];
      issues: FieldIssue[];
      reason: string;
    }
  | { kind: 'onvolledig'; issues: FieldIssue[]; reason: string }
  | { kind: 'al-deelnemer'; organisationId: string; reason: string }
  /** The organisation already has an invitation on this casus that is still going somewhere. */
  | { kind: 'al-uitgenodigd'; invitationId: string; reason: string }
  | { kind: 'datum-verleden'; issues: FieldIssue[]; reason: string };

export interface ProposeInput {
  /** The form's values, unparsed: a forged or stale submit is refused like any other. */
  values: unknown;
  casus: Pick<Casus, 'id' | 'state' | 'kamerId' | 'invitations'>;
  /** The casus's Lokale Kamer (its ZVH is the one escalations go to). */
  kamer: Kamer;
  proposer: { person: Person; organisation: Organisation };
  /** The registry's organisations: a vaste deelnemer is never invited as incidentele deelnemer. */
  organisations: readonly Organisation[];
  id: string;
  at: string;
  /** Today's date (yyyy-mm-dd, the bot's calendar): a casusoverleg before it has already been held. */
  today: string;
}

const conditionOf: Record<string, Article221Condition> = { expertise: 'deskundigheid', rol: 'rol' };
const conditionText: Record<Article221Condition, string> = {
  deskundigheid: 'de deskundigheid die nodig is voor deze casus, met motivering',
  rol: 'de rol bij het opstellen, uitvoeren of evalueren van het plan van aanpak, met motivering',
};

/**
 * A proposal to invite an incidentele deelnemer, checked against BGS art. 2.21 lid 1 and WGS art.
 * 2.31 lid 9: on a casus in behandeling, by a deelnemer of the table handling it, for a party that
 * is not already a deelnemer, with both conditions stated and motivated. Pure: the caller writes
 * the new invitation with the casus, or tells the proposer the reason.
 */
export function proposeInvitation(input: ProposeInput): Result<Invitation, ProposalRefusal> {
  const table = handlingTable(input.casus, input.kamer);
  if (!table) {
    return fail({
      kind: 'casus-niet-in-behandeling',
      reason:
        'Een partij uitnodigen kan alleen bij een casus die in behandeling is bij de Lokale Kamer of het Zorg- en Veiligheidshuis (art. 2.31 lid 9 WGS, art. 2.21 BGS).',
    });
  }
  const { person, organisation } = input.proposer;
  const role = tableRoleOf(person, organisation, table.kamerId);
  if (!role) {
    return fail({
      kind: 'geen-deelnemer-van-tafel',
      reason: `Alleen een deelnemer van ${tableName(table)} die deze casus behandelt, kan een partij uitnodigen (art. 2.31 lid 9 WGS, art. 2.21 lid 1 BGS).`,
    });
  }
  const parsed = invitationProposalSchema.safeParse(input.values);
  if (!parsed.success) return fail(incomplete(parsed.error));
  const proposal = parsed.data;
  const member = vasteDeelnemer(proposal, input.organisations);
  if (member) {
    return fail({
      kind: 'al-deelnemer',
      organisationId: member.id,
      reason: `${member.name} is al deelnemer van het samenwerkingsverband en wordt niet als incidentele deelnemer uitgenodigd (art. 2.21 BGS is voor wie geen deelnemer is).`,
    });
  }
  const live = liveInvitationFor(proposal, input.casus.invitations);
  if (live) {
    return fail({
      kind: 'al-uitgenodigd',
      invitationId: live.id,
      reason: `Voor ${live.proposal.organisatie.naam} loopt al een uitnodiging bij deze casus (${invitationStateLabels[live.state].toLowerCase()}). Een organisatie wordt per casus één keer tegelijk uitgenodigd; er is niets gewijzigd.`,
    });
  }
  if (proposal.casusoverleg < input.today) {
    const message = 'De datum van het casusoverleg ligt in het verleden. Kies vandaag of later.';
    return fail({
      kind: 'datum-verleden',
      issues: [{ path: 'casusoverleg', message }],
      reason: message,
    });
  }
  const proposedBy = {
    ...personRef(person, organisation),
    role,
    kamerId: table.kamerId,
  };
  return ok({
    id: input.id,
    casusId: input.casus.id,
    tableId: table.kamerId,
    state: 'voorgesteld',
    proposal,
    proposedBy,
    proposedAt: input.at,
    history: [
      {
        at: input.at,
        action: 'voorstellen',
        actor: proposedBy,
        from: null,
        to: 'voorgesteld',
        legalBasis: 'art. 2.21 lid 1 BGS',
      },
    ],
  });
}

function incomplete(error: z.ZodError): ProposalRefusal {
  const issues = error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  const conditions = [
    ...new Set(
      error.issues.flatMap((issue) => {
        const condition = conditionOf[String(issue.path[0])];
        return condition ? [condition] : [];
      }),
    ),
  ];
  if (conditions.length === 0) {
    return {
      kind: 'onvolledig',
      issues,
      reason: `Het voorstel is niet compleet: ${issues.map((i) => i.message).join(' ')}`,
    };
  }
  return {
    kind: 'voorwaarde-ontbreekt',
    conditions,
    issues,
    reason: `Niet voldaan aan art. 2.21 lid 1 BGS: vermeld ${conditions.map((c) => conditionText[c]).join(', en ')}.`,
  };
}

/** Matched by registry id when the proposer picked one, else by name written the same way. */
function vasteDeelnemer(
  proposal: InvitationProposal,
  organisations: readonly Organisation[],
): Organisation | undefined {
  const wanted = normaliseName(proposal.organisatie.naam);
  return organisations.find(
    (o) =>
      o.category !== 'incidentele-deelnemer' &&
      (o.id === proposal.organisatie.registryId || normaliseName(o.name) === wanted),
  );
}

/**
 * An invitation of the same organisation that is still live (voorgesteld, goedgekeurd, ondertekend):
 * a second one would ask the table twice about one party, and could give it two declarations.
 */
function liveInvitationFor(
  proposal: InvitationProposal,
  invitations: readonly Invitation[],
): Invitation | undefined {
  const { registryId, naam } = proposal.organisatie;
  const wanted = normaliseName(naam);
  return invitations.find(
    (i) =>
      isLive(i.state) &&
      ((registryId !== undefined && i.proposal.organisatie.registryId === registryId) ||
        normaliseName(i.proposal.organisatie.naam) === wanted),
  );
}

function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The proposer's role at the table, when they are a deelnemer of it. The registry records who sits
 * at a table only through its kamer roles; a private vaste deelnemer at the weegtafel may propose,
 * though only the overheidsdeelnemers decide.
 */
function tableRoleOf(
  person: Person,
  organisation: Organisation,
  kamerId: string,
): string | undefined {
  const ofTable =
    person.organisationId === organisation.id &&
    organisation.category !== 'incidentele-deelnemer' &&
    hasDecisionRoleAt(person, kamerId);
  return ofTable
    ? person.roles.find((r) => 'kamerId' in r && r.kamerId === kamerId)?.role
    : undefined;
}

/** Whether this person may propose an invitation on this casus now: the card offers the form only then. */
export function mayPropose(
  proposer: { person: Person; organisation: Organisation },
  casus: Pick<Casus, 'state' | 'kamerId'>,
  kamer: Kamer,
): boolean {
  const table = handlingTable(casus, kamer);
  return (
    table !== undefined &&
    tableRoleOf(proposer.person, proposer.organisation, table.kamerId) !== undefined
  );
}
