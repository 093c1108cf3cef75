import type { InvokeResponse } from 'botbuilder';
import { z } from 'zod';
import { refusal } from '../../src/app/invitation/signing-refusals';
import { signableInvitation } from '../../src/app/invitation/signing-status';
import type { LinkTokens } from '../../src/app/links/link-tokens';
import type { CasusRepository } from '../../src/domain/casus/casus.repository';
import type { Casus } from '../../src/domain/casus/casus.schema';
import type { Invitation } from '../../src/domain/invitation/invitation.schema';
import type { Logger } from '../../src/logging/logger';
import { dialogMessageResponse, dialogUrlResponse } from '../invoke-responses';

/** The verb of the invitee's "Ondertekenen" button (`msteams: { type: 'task/fetch' }`). */
export const SIGN_VERB = 'invitation.sign';

/** A dialog's link is used at once; a shorter life than a link sent by e-mail. */
export const DIALOG_LINK_TTL_SECONDS = 60 * 60;

const fetchDataSchema = z.looseObject({
  verb: z.literal(SIGN_VERB),
  invitationId: z.uuid(),
  casusId: z.uuid(),
});
/** What the page hands to `dialog.url.submit`: the `SigningResult` (at least its two ids). */
const submitDataSchema = z.looseObject({ invitationId: z.uuid(), casusId: z.uuid() });
const invokeValueSchema = z.looseObject({ data: z.unknown() });

const NOT_FOR_YOU =
  'Deze geheimhoudingsverklaring is niet voor jou bestemd. Alleen de genodigde kan haar ondertekenen.';
const UNKNOWN = 'Deze uitnodiging bestaat niet (meer) in casusbot.';

export interface SigningDialogDependencies {
  casussen: CasusRepository;
  tokens: LinkTokens;
  /** Where the signing page is served (PUBLIC_BASE_URL, or the local server). */
  baseUrl(): string;
  newId(): string;
}

/** Who pressed, as Teams says: only the invitee's own Teams account opens their dialog. */
export interface DialogSender {
  aadObjectId: string | undefined;
  personal: boolean;
}

/**
 * The Teams dialog of the signing page. `task/fetch` opens it for the invitee (their Entra object
 * id is on the invitation) with a fresh single-use link; everyone else, and every invitation that
 * cannot be signed now, gets a message instead. `task/submit` comes after the page stored the
 * signature itself: it reads the casus and says what is true now. One point read each.
 */
export class SigningDialog {
  constructor(private readonly deps: SigningDialogDependencies) {}

  async fetch(sender: DialogSender, value: unknown, logger: Logger): Promise<InvokeResponse> {
    const data = fetchDataSchema.safeParse(invokeValueSchema.safeParse(value).data?.data);
    if (!data.success) {
      logger.warn('dialog request without a known verb');
      return dialogMessageResponse('Deze actie bestaat niet (meer) in casusbot.');
    }
    const found = await this.inviteeInvitation(sender, data.data);
    if (typeof found === 'string') return dialogMessageResponse(found);
    const signable = signableInvitation(found.casus, found.invitation.id);
    if (!signable.ok) return dialogMessageResponse(refusal(signable.error).message);
    const { token } = await this.deps.tokens.issue(
      'ondertekenen',
      { invitationId: found.invitation.id, casusId: found.casus.id, via: 'teams-dialog' },
      DIALOG_LINK_TTL_SECONDS,
      this.deps.newId(),
    );
    const url = `${this.deps.baseUrl()}/ondertekenen?token=${encodeURIComponent(token)}`;
    logger.info('signing dialog opened');
    return dialogUrlResponse({
      url,
      fallbackUrl: url,
      title: `Geheimhoudingsverklaring casus ${found.casus.casusNumber ?? ''}`.trim(),
      height: 'large',
      width: 'large',
    });
  }

  async submit(sender: DialogSender, value: unknown, logger: Logger): Promise<InvokeResponse> {
    const data = submitDataSchema.safeParse(invokeValueSchema.safeParse(value).data?.data);
    if (!data.success) {
      logger.warn('dialog submit without its invitation');
      return dialogMessageResponse(UNKNOWN);
    }
    const found = await this.inviteeInvitation(sender, data.data);
    if (typeof found === 'string') return dialogMessageResponse(found);
    const { casus, invitation } = found;
    if (invitation.state === 'ondertekend') {
      return dialogMessageResponse(
        `Je hebt de geheimhoudingsverklaring voor casus ${casus.casusNumber ?? ''} ondertekend. Je bent nu deelnemer voor deze casus; wat je nodig hebt, krijg je toegestuurd.`,
      );
    }
    const signable = signableInvitation(casus, invitation.id);
    return dialogMessageResponse(
      signable.ok
        ? 'De verklaring is nog niet ondertekend. Kies opnieuw Ondertekenen om haar te ondertekenen.'
        : refusal(signable.error).message,
    );
  }

  /** The invitation, if the sender is its invitee in a personal chat; else what to tell them. */
  private async inviteeInvitation(
    sender: DialogSender,
    ids: { casusId: string; invitationId: string },
  ): Promise<{ casus: Casus; invitation: Invitation } | string> {
    if (!sender.personal || !sender.aadObjectId) return NOT_FOR_YOU;
    const found = await this.deps.casussen.get(ids.casusId);
    const invitation = found?.value.invitations.find((i) => i.id === ids.invitationId);
    if (!found || !invitation) return UNKNOWN;
    // Compared case-blind: Teams and Entra may spell the same GUID in different cases.
    const invitee = invitation.proposal.contactpersoon.entraObjectId?.toLowerCase();
    if (invitee !== sender.aadObjectId.toLowerCase()) return NOT_FOR_YOU;
    return { casus: found.value, invitation };
  }
}
