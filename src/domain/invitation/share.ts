import { z } from 'zod';
import { personRef } from '../casus/casus-transition';
import type { Casus } from '../casus/casus.schema';
import type { Organisation, Person } from '../registry/registry.schema';
import { hasDecisionRoleAt } from '../registry/roles';
import { fail, ok, type Result } from '../shared/result';
import { applyInvitationChange } from './casus-invitations';
import { isParticipating } from './invitation-machine';
import type { Invitation } from './invitation.schema';
import {
  MAX_SHARE_PURPOSE,
  MAX_SHARE_TEXT,
  MIN_SHARE_PURPOSE,
  type InformationShare,
  type ShareDelivery,
} from './share.schema';

/** The outbox entry that delivers a share to the participant; its id is the share's. */
export const SHARE_OUTBOX_KIND = 'informatie-gedeeld';

/** Sharing is giving the participant what they need for their contribution, no more. */
const SHARE_BASIS = 'art. 2.25 WGS jo. art. 2.21 BGS';

export type ShareRefusal =
  | { kind: 'onbekend'; reason: string }
  | { kind: 'niet-deelnemend'; reason: string }
  | { kind: 'niet-van-tafel'; reason: string }
  | { kind: 'onvolledig'; reason: string };

const textSchema = z
  .string({ error: 'Schrijf op welke informatie je deelt.' })
  .trim()
  .min(1, 'Schrijf op welke informatie je deelt.')
  .max(MAX_SHARE_TEXT, `Houd de gedeelde informatie korter dan ${MAX_SHARE_TEXT} tekens.`);
const purposeSchema = z
  .string({ error: 'Schrijf op met welk doel je deelt.' })
  .trim()
  .min(MIN_SHARE_PURPOSE, `Beschrijf het doel in minstens ${MIN_SHARE_PURPOSE} tekens.`)
  .max(MAX_SHARE_PURPOSE, `Houd het doel korter dan ${MAX_SHARE_PURPOSE} tekens.`);

export interface ShareInput {
  casus: Casus;
  invitationId: string;
  sharer: { person: Person; organisation: Organisation };
  /** As typed; checked here so a forged submit gets the same answer as an empty field. */
  text: unknown;
  purpose: unknown;
}

export interface CheckedShare {
  invitation: Invitation;
  text: string;
  purpose: string;
  /** The sharer's role at the invitation's table, as the audit line names it. */
  role: string;
}

/**
 * The Entra object id the participant is reached at in Teams: the one the proposal names, which a
 * Teams signature was checked to match; in lower case, as Teams sends `aadObjectId`, whatever case
 * a record holds it in. Never the signer's of an invitation that names none: a record signed
 * before such invitations were signed by the link may hold the Teams identity of anyone in the
 * tenant who had the link, and what is shared must not reach them.
 */
export function participantUserId(invitation: Invitation): string | undefined {
  return invitation.proposal.contactpersoon.entraObjectId?.toLowerCase();
}

/** May this person share with the casus's participants: a deelnemer of the invitation's table. */
export function maySendTo(
  invitation: Invitation,
  sharer: { person: Person; organisation: Organisation },
): boolean {
  const { person, organisation } = sharer;
  return (
    person.organisationId === organisation.id &&
    organisation.category !== 'incidentele-deelnemer' &&
    hasDecisionRoleAt(person, invitation.tableId)
  );
}

/**
 * "Informatie delen": checks that the participant signed and still takes part (the casus not
 * closed, the participation not ended), that the sharer sits at the table of the invitation, and
 * what is shared and why. Pure; nothing is decided about delivery here.
 */
export function checkShare(input: ShareInput): Result<CheckedShare, ShareRefusal> {
  const invitation = input.casus.invitations.find((i) => i.id === input.invitationId);
  if (!invitation) {
    return fail({ kind: 'onbekend', reason: 'Deze uitnodiging hoort niet bij deze casus.' });
  }
  if (input.casus.state === 'afgesloten' || !isParticipating(invitation.state)) {
    return fail({
      kind: 'niet-deelnemend',
      reason:
        'Informatie delen kan alleen met een partij die de geheimhoudingsverklaring heeft ondertekend en nog deelneemt aan deze casus (art. 2.21 lid 2 BGS, art. 2.31 lid 10 WGS).',
    });
  }
  if (!maySendTo(invitation, input.sharer)) {
    return fail({
      kind: 'niet-van-tafel',
      reason:
        'Alleen een deelnemer van de tafel die deze partij heeft uitgenodigd, kan informatie met haar delen.',
    });
  }
  const text = textSchema.safeParse(input.text);
  const purpose = purposeSchema.safeParse(input.purpose);
  if (!text.success || !purpose.success) {
    const messages = [
      ...(text.success ? [] : text.error.issues),
      ...(purpose.success ? [] : purpose.error.issues),
    ].map((issue) => issue.message);
    return fail({ kind: 'onvolledig', reason: messages.join(' ') });
  }
  const role =
    input.sharer.person.roles.find((r) => 'kamerId' in r && r.kamerId === invitation.tableId)
      ?.role ?? 'deelnemer';
  return ok({ invitation, text: text.data, purpose: purpose.data, role });
}

/**
 * The casus after a share: the share on the invitation, one audit line naming it (its purpose as
 * the motivation; the text itself stays with the invitation), and, when it goes through Teams, an
 * outbox entry with the share's id that delivers it. Pure; written once with the ETag read.
 */
export function applyShare(
  casus: Casus,
  checked: CheckedShare,
  sharer: { person: Person; organisation: Organisation },
  record: { id: string; at: string; delivery: ShareDelivery; activityId?: string | undefined },
): Casus {
  const by = {
    ...personRef(sharer.person, sharer.organisation),
    role: checked.role,
    kamerId: checked.invitation.tableId,
  };
  const share: InformationShare = {
    id: record.id,
    at: record.at,
    by,
    text: checked.text,
    purpose: checked.purpose,
    delivery: record.delivery,
  };
  return applyInvitationChange(casus, {
    invitation: { ...checked.invitation, shares: [...(checked.invitation.shares ?? []), share] },
    action: 'informatie-gedeeld',
    actor: by,
    onBehalfOf: sharer.organisation.name,
    at: record.at,
    motivation: `Doel: ${checked.purpose}`,
    legalBasis: SHARE_BASIS,
    activityId: record.activityId,
    notify:
      record.delivery === 'teams'
        ? [{ id: record.id, createdAt: record.at, kind: SHARE_OUTBOX_KIND }]
        : [],
  });
}

/** The share this activity recorded, when the casus has it (a repeated press). */
export function shareOf(
  casus: Casus,
  activityId: string | undefined,
): InformationShare | undefined {
  if (!activityId) return undefined;
  const line = casus.audit.find(
    (entry) => entry.action === 'informatie-gedeeld' && entry.activityId === activityId,
  );
  const invitation = line && casus.invitations.find((i) => i.id === line.invitationId);
  return invitation?.shares?.find((share) => share.at === line?.at);
}
