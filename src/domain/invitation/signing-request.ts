/**
 * The outbox entry that, after an approval, asks the invitee to sign: a card with "Ondertekenen"
 * in their Teams chat when the bot can reach them there, otherwise a link for the proposer to send
 * on. It goes to one person outside the casus's audience, as a share does; its audit line is the
 * approval, which names the invitation.
 */
export const SIGNING_REQUEST_OUTBOX_KIND = 'ondertekenen-gevraagd';
