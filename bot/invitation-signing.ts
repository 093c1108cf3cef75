import type { Container } from '@azure/cosmos';
import { EvidenceSigner } from '../src/app/invitation/evidence-signature';
import { ShownReceipts } from '../src/app/invitation/shown-receipt';
import { createSigningService } from '../src/app/invitation/sign-invitation';
import type { SigningService } from '../src/app/invitation/signing';
import { EntraSsoValidator } from '../src/app/invitation/teams-sso';
import { LinkTokens } from '../src/app/links/link-tokens';
import type { AppConfig } from '../src/config/config';
import type { CasusRepository } from '../src/domain/casus/casus.repository';
import { StoreUnavailableError } from '../src/storage/cosmos-errors';
import { loadLocalSigningKeys } from '../src/storage/cosmos-signing-keys';

/** Everything of the signing flow the app wires once: the page's service, and the links it signs. */
export interface InvitationSigning {
  /** For the signing page's routes (`GET /ondertekenen`, `POST /api/ondertekenen`). */
  service: SigningService;
  /** Issues the links of the Teams dialog and those the proposer sends on. */
  tokens: LinkTokens;
  evidence: EvidenceSigner;
  /** The link secret, for the download links too (they have their own audience). */
  linkSecret: Uint8Array;
}

/**
 * The signing keys from configuration (Key Vault in Azure) or, locally, from the store, where
 * they are made at the first start; then the signing use case on top of them.
 */
export async function wireInvitationSigning(
  config: Pick<AppConfig, 'signingKeys' | 'teamsSso'>,
  store: { counters: Container; casussen: CasusRepository },
  clock: { now: () => Date; newId: () => string },
): Promise<InvitationSigning> {
  const configured = config.signingKeys;
  const local =
    configured.linkTokenSecret && configured.evidenceSigningKey
      ? undefined
      : await loadLocalSigningKeys(store.counters);
  const secret = configured.linkTokenSecret ?? local?.linkTokenSecret;
  const key = configured.evidenceSigningKey ?? local?.evidenceSigningKey;
  if (!secret || !key) throw new Error('The signing keys are neither configured nor local');
  const tokens = new LinkTokens(secret, clock.now);
  const evidence = await EvidenceSigner.create(key);
  const service = createSigningService({
    casussen: store.casussen,
    tokens,
    receipts: new ShownReceipts(secret, clock.now),
    evidence,
    sso: config.teamsSso && new EntraSsoValidator(config.teamsSso, clock.now),
    now: clock.now,
    newId: clock.newId,
    isStoreUnavailable: (error) => error instanceof StoreUnavailableError,
  });
  return { service, tokens, evidence, linkSecret: secret };
}
