import { z } from 'zod';
import type { Result } from '../../domain/shared/result';
import { submittedSignatureSchema } from '../../domain/invitation/signed-declaration.schema';
import type { DeclarationVariant } from '../../domain/invitation/invitation.schema';

/**
 * The contract between the signing page (served by the bot's HTTP server, bundled for the browser)
 * and the signing use case. The page shows what `view` returns and posts a `SigningSubmission`;
 * nothing is stored until `sign` succeeds, and then in one ETag-guarded write of the casus.
 */

/** What the signing page shows: the casus by number only (no betrokkene data), the exact text. */
export interface SigningView {
  casusNumber: string;
  invitee: { naam: string; organisatie: string };
  declaration: {
    variant: DeclarationVariant;
    version: number;
    title: string;
    /** The exact text, as signed; its SHA-256 is `sha256`. */
    text: string;
    sha256: string;
  };
  /**
   * A receipt signed by the server of when the text was shown (server clock), returned with the
   * submission, so the evidence records the time shown without storing anything before signing.
   */
  shownReceipt: string;
  /** The invitee is in the tenant: inside Teams the page signs with the Teams SSO identity. */
  teamsIdentityExpected: boolean;
}

/** Why a link or a signature is refused; `message` is Dutch and is shown on the page as is. */
export type SigningRefusal = {
  kind:
    | 'ongeldige-link' // tampered, foreign, malformed
    | 'verlopen' // the link expired
    | 'al-ondertekend' // used: the invitation is signed
    | 'niet-meer-geldig' // the invitation ended, was rejected, or the casus closed
    | 'onvolledig' // the submission misses a field (name, drawing, consent)
    | 'tekst-gewijzigd' // the text hash posted is not the text of this invitation
    | 'andere-gebruiker' // the Teams identity is not the invitee's, or its token is not valid
    | 'tijdelijk-niet-beschikbaar' // the store did not answer: nothing was stored, try again
    | 'niet-zeker'; // the write got no answer and reading back could not settle it
  message: string;
};

export const signingSubmissionSchema = z.object({
  token: z.string().min(1).max(2000),
  shownReceipt: z.string().min(1).max(2000),
  typedName: z.string().trim().min(2).max(100),
  consent: z.literal(true),
  signature: submittedSignatureSchema,
  textSha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Inside Teams: the token of `authentication.getAuthToken()`, validated against Entra's keys. */
  ssoToken: z.string().min(1).max(8000).optional(),
});
export type SigningSubmission = z.infer<typeof signingSubmissionSchema>;

export interface SigningResult {
  casusNumber: string;
  signedAt: string;
  /** Which invitation of which casus: inside Teams the page hands these to `dialog.url.submit`. */
  invitationId: string;
  casusId: string;
}

export interface SigningService {
  view(token: unknown): Promise<Result<SigningView, SigningRefusal>>;
  /** `submission` unparsed: the use case parses it, so a forged post is refused like a bad one. */
  sign(
    submission: unknown,
    request: { userAgent: string },
  ): Promise<Result<SigningResult, SigningRefusal>>;
}
