import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import type { CasusRepository } from '../../src/domain/casus/casus.repository';
import type { Casus } from '../../src/domain/casus/casus.schema';
import { decideOnInvitation } from '../../src/domain/invitation/decide';
import type { Invitation } from '../../src/domain/invitation/invitation.schema';
import { proposeInvitation } from '../../src/domain/invitation/propose';
import type { InvitationProposalInput } from '../../src/domain/invitation/proposal.schema';
import { evidenceSigningJwkSchema } from '../../src/config/signing-config';
import { EvidenceSigner } from '../../src/app/invitation/evidence-signature';
import { ShownReceipts } from '../../src/app/invitation/shown-receipt';
import { createSigningService } from '../../src/app/invitation/sign-invitation';
import type { SigningService, SigningView } from '../../src/app/invitation/signing';
import type { TeamsSsoValidator } from '../../src/app/invitation/teams-sso';
import { LinkTokens } from '../../src/app/links/link-tokens';
import { StoreUnavailableError } from '../../src/storage/cosmos-errors';
import { lkA, organisations, prLkA, validProposal, wtLkA } from './invitation-fixtures';
import { sampleCasus } from './samples';

/** A private ES256 JWK, as EVIDENCE_SIGNING_KEY holds one. */
export function testEvidenceJwk() {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return evidenceSigningJwkSchema.parse(privateKey.export({ format: 'jwk' }));
}

/** A casus in behandeling at lk-a with one invitation, approved by the weegtafel. */
export function casusWithApprovedInvitation(values: InvitationProposalInput = validProposal()): {
  casus: Casus;
  invitation: Invitation;
} {
  const id = randomUUID();
  const base = sampleCasus({
    id,
    state: 'in_behandeling_lokaal',
    kamerId: 'lk-a',
    casusNumber: `LK-A-2026-${String(Math.floor(Math.random() * 9000) + 1000)}`,
  });
  const proposed = proposeInvitation({
    values,
    casus: base,
    kamer: lkA,
    proposer: prLkA,
    organisations,
    id: randomUUID(),
    at: '2026-12-02T06:00:00.000Z',
    today: '2026-12-02',
  });
  if (!proposed.ok) throw new Error(proposed.error.reason);
  const approved = decideOnInvitation({
    invitation: proposed.value,
    action: 'goedkeuren',
    motivation: 'De woningcorporatie is nodig voor de huurregeling in het plan.',
    decider: wtLkA,
    casus: base,
    kamer: lkA,
    at: '2026-12-02T06:30:00.000Z',
  });
  if (!approved.ok) throw new Error(approved.error.reason);
  return { casus: { ...base, invitations: [approved.value] }, invitation: approved.value };
}

export interface SigningRig {
  service: SigningService;
  tokens: LinkTokens;
  evidence: EvidenceSigner;
  /** Move the clock the tokens, receipts and evidence read. */
  setNow(date: Date): void;
}

export async function signingRig(
  casussen: CasusRepository,
  sso?: TeamsSsoValidator,
): Promise<SigningRig> {
  let now = new Date();
  const clock = () => now;
  const secret = randomBytes(32);
  const tokens = new LinkTokens(secret, clock);
  const evidence = await EvidenceSigner.create(testEvidenceJwk());
  const service = createSigningService({
    casussen,
    tokens,
    receipts: new ShownReceipts(secret, clock),
    evidence,
    sso,
    now: clock,
    newId: () => randomUUID(),
    isStoreUnavailable: (error) => error instanceof StoreUnavailableError,
  });
  return { service, tokens, evidence, setNow: (date) => (now = date) };
}

/** A drawn signature of two short strokes, with the SVG the pad would make of them. */
export const drawnSignature = () => ({
  width: 400,
  height: 160,
  strokes: [
    [
      { x: 10, y: 80, t: 0 },
      { x: 60, y: 40, t: 16 },
      { x: 110, y: 90, t: 32 },
    ],
    [
      { x: 150, y: 60, t: 400 },
      { x: 220, y: 70, t: 416 },
    ],
  ],
  svg: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 160"><path d="M10 80 L60 40 L110 90"/><path d="M150 60 L220 70"/></svg>',
});

/** What the page posts after showing `view`, signed as Rob de Boer. */
export const submissionFor = (view: SigningView, token: string, over: object = {}) => ({
  token,
  shownReceipt: view.shownReceipt,
  typedName: 'Rob de Boer',
  consent: true,
  signature: drawnSignature(),
  textSha256: view.declaration.sha256,
  ...over,
});
