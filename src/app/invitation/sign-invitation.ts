import type { CasusRepository, Versioned } from '../../domain/casus/casus.repository';
import type { Casus } from '../../domain/casus/casus.schema';
import { invitationDeclarationText } from '../../domain/invitation/declarations/declaration-text';
import type { Invitation } from '../../domain/invitation/invitation.schema';
import type {
  EvidenceRecord,
  SignedDeclaration,
} from '../../domain/invitation/signed-declaration.schema';
import { fail, ok, type Result } from '../../domain/shared/result';
import type { LinkClaims, LinkTokens } from '../links/link-tokens';
import { declarationDigest } from './declaration-digest';
import type { EvidenceSigner } from './evidence-signature';
import type { ShownReceipts } from './shown-receipt';
import {
  signingSubmissionSchema,
  type SigningRefusal,
  type SigningResult,
  type SigningService,
  type SigningSubmission,
  type SigningView,
} from './signing';
import { refusal } from './signing-refusals';
import { signableInvitation } from './signing-status';
import { signedCasus, signerOf } from './signature-change';
import type { TeamsSsoIdentity, TeamsSsoValidator } from './teams-sso';

export interface SigningDependencies {
  casussen: CasusRepository;
  tokens: LinkTokens;
  receipts: ShownReceipts;
  evidence: EvidenceSigner;
  /** Absent when Teams SSO is not configured (local): signing then goes by the link alone. */
  sso: TeamsSsoValidator | undefined;
  now(): Date;
  newId(): string;
  /** Whether an error thrown by the repository means the store could not be reached (an adapter's). */
  isStoreUnavailable(error: unknown): boolean;
}

/** Writes tried before giving up on a casus that keeps changing (outbox bookkeeping) under it. */
const MAX_WRITES = 3;

type Refused = { ok: false; error: SigningRefusal };
const refused = (...args: Parameters<typeof refusal>): Refused => fail(refusal(...args));

/**
 * The signing use case behind the signing page (`SigningService`). Nothing is stored before the
 * invitee signs; the signature is one ETag-guarded write of the casus: the invitation signed with
 * the link's id, the server-signed evidence record, its audit line (carrying the record's hash)
 * and the notifications.
 */
export function createSigningService(deps: SigningDependencies): SigningService {
  return {
    view: (token) => unavailableAsRefusal(deps, () => view(deps, token)),
    sign: (submission, request) =>
      unavailableAsRefusal(deps, () => sign(deps, submission, request.userAgent)),
  };
}

async function unavailableAsRefusal<T>(
  deps: SigningDependencies,
  run: () => Promise<Result<T, SigningRefusal>>,
): Promise<Result<T, SigningRefusal>> {
  try {
    return await run();
  } catch (error) {
    if (deps.isStoreUnavailable(error)) return refused('tijdelijk-niet-beschikbaar');
    throw error;
  }
}

async function verifiedLink(deps: SigningDependencies, token: unknown) {
  const verified = await deps.tokens.verify(token, 'ondertekenen');
  if (!verified.ok) return refused(verified.error === 'expired' ? 'verlopen' : 'ongeldige-link');
  return verified;
}

/** The text as it is signed, for this invitation of this casus, and its SHA-256. */
function declarationOf(casus: Casus, invitation: Invitation) {
  if (!invitation.declaration || !casus.casusNumber) {
    throw new Error(`Invitation ${invitation.id} is approved on a casus without a number`);
  }
  const text = invitationDeclarationText(invitation.declaration, invitation, casus.casusNumber);
  // The reference was fixed at approval from the same proposal: a mismatch is a bug, not input.
  if (!text.ok) throw new Error(`Declaration of invitation ${invitation.id}: ${text.error}`);
  return {
    document: text.value,
    sha256: declarationDigest(text.value),
    casusNumber: casus.casusNumber,
  };
}

async function view(
  deps: SigningDependencies,
  token: unknown,
): Promise<Result<SigningView, SigningRefusal>> {
  const link = await verifiedLink(deps, token);
  if (!link.ok) return link;
  const claims = link.value;
  const found = await deps.casussen.get(claims.casusId);
  if (!found) return refused('ongeldige-link');
  const invitation = signableInvitation(found.value, claims.invitationId);
  if (!invitation.ok) return refused(invitation.error);
  const { document, sha256, casusNumber } = declarationOf(found.value, invitation.value);
  return ok({
    casusNumber,
    invitee: {
      naam: invitation.value.proposal.contactpersoon.naam,
      organisatie: invitation.value.proposal.organisatie.naam,
    },
    declaration: {
      variant: document.ref.variant,
      version: document.ref.version,
      title: document.title,
      text: document.text,
      sha256,
    },
    shownReceipt: await deps.receipts.issue({
      invitationId: claims.invitationId,
      textSha256: sha256,
      linkId: claims.jti,
    }),
    teamsIdentityExpected:
      deps.sso !== undefined &&
      invitation.value.proposal.contactpersoon.entraObjectId !== undefined,
  });
}

async function sign(
  deps: SigningDependencies,
  input: unknown,
  userAgent: string,
): Promise<Result<SigningResult, SigningRefusal>> {
  const parsed = signingSubmissionSchema.safeParse(input);
  if (!parsed.success) return refused('onvolledig');
  const submission = parsed.data;
  const link = await verifiedLink(deps, submission.token);
  if (!link.ok) return link;
  const claims = link.value;
  const shown = await deps.receipts.verify(submission.shownReceipt);
  if (!shown.ok) {
    return shown.error === 'expired'
      ? refused('verlopen', 'pagina-verlopen')
      : refused('ongeldige-link');
  }
  if (shown.value.invitationId !== claims.invitationId || shown.value.linkId !== claims.jti) {
    return refused('ongeldige-link');
  }
  if (submission.textSha256 !== shown.value.textSha256) return refused('tekst-gewijzigd');
  const teams = await teamsIdentity(deps, submission, claims);
  if (!teams.ok) return teams;

  let record: EvidenceRecord | undefined;
  let signed: SignedDeclaration | undefined;
  let unanswered = false;
  for (let attempt = 0; ; attempt++) {
    let found: Versioned<Casus> | undefined;
    try {
      found = await deps.casussen.get(claims.casusId);
    } catch (error) {
      // After a write without an answer, a store that is gone cannot tell whether it was applied.
      if (unanswered && deps.isStoreUnavailable(error)) return refused('niet-zeker');
      throw error;
    }
    if (!found) return refused(unanswered ? 'niet-zeker' : 'ongeldige-link');
    const casus = found.value;
    const stored = casus.invitations.find((i) => i.id === claims.invitationId);
    // Ours, written by the unanswered attempt: the link's id is on the invitation.
    if (unanswered && stored?.signedWithLinkId === claims.jti && record) {
      return ok(resultOf(record));
    }
    const invitation = signableInvitation(casus, claims.invitationId);
    if (!invitation.ok) return refused(invitation.error);
    const { entraObjectId } = invitation.value.proposal.contactpersoon;
    // Case-blind: one GUID, however an older proposal or the token spells it.
    if (
      teams.value &&
      entraObjectId &&
      teams.value.objectId.toLowerCase() !== entraObjectId.toLowerCase()
    ) {
      return refused('andere-gebruiker');
    }
    // An invitation naming nobody in the tenant went out as a link, and the link is all that
    // vouches for the signer: anyone's token of the tenant would otherwise be recorded as theirs.
    const signer = entraObjectId ? teams.value : undefined;
    const { sha256, casusNumber } = declarationOf(casus, invitation.value);
    if (sha256 !== shown.value.textSha256) return refused('tekst-gewijzigd');
    if (attempt === MAX_WRITES) {
      return refused(unanswered ? 'niet-zeker' : 'tijdelijk-niet-beschikbaar');
    }

    // Built once: a second write after a lost race or an unanswered one stores the same evidence.
    const at = deps.now().toISOString();
    record ??= {
      id: deps.newId(),
      invitationId: claims.invitationId,
      casusId: claims.casusId,
      casusNumber,
      declaration: invitation.value.declaration,
      textSha256: sha256,
      typedName: submission.typedName,
      consent: true,
      signature: submission.signature,
      shownAt: shown.value.shownAt.toISOString(),
      signedAt: at,
      signer: signerOf(signer, claims),
      userAgent: userAgent.slice(0, 500),
    };
    signed ??= await deps.evidence.sign(record);
    const next = signedCasus(casus, invitation.value, signed, claims.jti, deps.newId());
    const written = await deps.casussen.replace(next, found.etag);
    if (written.ok) return ok(resultOf(record));
    if (written.error === 'not-found') return refused('ongeldige-link');
    if (written.error === 'outcome-unknown') unanswered = true;
  }
}

/**
 * The signer's Teams identity when the page sent an SSO token: it must be valid, of the allowed
 * tenant, and (checked against the invitation) the invitee's. A link handed out in the invitee's
 * Teams dialog needs it when SSO is configured; a link sent on by the proposer does not. An
 * invitation without an Entra object id is signed by the link even when a valid token came along.
 */
async function teamsIdentity(
  deps: SigningDependencies,
  submission: SigningSubmission,
  claims: LinkClaims,
): Promise<Result<TeamsSsoIdentity | undefined, SigningRefusal>> {
  if (!submission.ssoToken) {
    if (claims.via === 'teams-dialog' && deps.sso) {
      return refused('andere-gebruiker', 'teams-identiteit-ontbreekt');
    }
    return ok(undefined);
  }
  // A token nobody here can check proves nothing: refused rather than ignored.
  if (!deps.sso) return refused('andere-gebruiker', 'teams-identiteit-ontbreekt');
  const validated = await deps.sso.validate(submission.ssoToken);
  if (validated.ok) return validated;
  return validated.error === 'unavailable'
    ? refused('tijdelijk-niet-beschikbaar')
    : refused('andere-gebruiker', 'teams-identiteit-ontbreekt');
}

const resultOf = (record: EvidenceRecord): SigningResult => ({
  casusNumber: record.casusNumber,
  signedAt: record.signedAt,
  invitationId: record.invitationId,
  casusId: record.casusId,
});
