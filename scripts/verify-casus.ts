// `npm run casus:verify -- <casusId|casusnummer>`: checks the hash chain over a casus's audit
// lines (src/domain/casus/audit-chain.ts) in the Cosmos DB account in COSMOS_ENDPOINT (COSMOS_KEY
// or Entra ID), or else in the embedded store's data folder while the app is not running.
// It also checks each signed declaration's JWS against the evidence signing key (from
// EVIDENCE_SIGNING_KEY, or locally the key the app made in the store) and that an audit line
// carries its hash. Exit codes: 0 intact, 1 broken, 2 no chain to check (a casus from before
// it), 3 not checked.
import type { JWK } from 'jose';
import { ZodError } from 'zod';
import { EvidenceSigner } from '../src/app/invitation/evidence-signature';
import { parseConfig, type AppConfig } from '../src/config/config';
import { describeAuditChain } from '../bot/presenters/audit-chain.presenter';
import { verifyAuditChain, type AuditChainResult } from '../src/domain/casus/audit-chain';
import { CosmosCasusRepository } from '../src/storage/cosmos-casus.repository';
import { readLocalSigningKeys } from '../src/storage/cosmos-signing-keys';
import { openStore, type Store } from '../src/storage/store';
import { checkDeclarations } from './verify-evidence';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The report and exit code of a verification. */
function report(result: AuditChainResult): { text: string; code: number } {
  const codes = { intact: 0, broken: 1, 'no-chain': 2 } as const;
  return { text: describeAuditChain(result), code: codes[result.kind] };
}

async function main(): Promise<number> {
  const [reference, ...rest] = process.argv.slice(2);
  if (!reference || rest.length > 0) {
    process.stderr.write('usage: npm run casus:verify -- <casusId|casusnummer>\n');
    return 3;
  }
  const config = parseConfig(process.env);
  const store = await openStore(config.store);
  try {
    const casussen = new CosmosCasusRepository(
      store.containers.casussen,
      store.containers.counters,
    );
    let found;
    try {
      found = UUID.test(reference)
        ? await casussen.get(reference.toLowerCase())
        : await casussen.findByNumber(reference.trim().toUpperCase());
    } catch (error) {
      if (!(error instanceof ZodError)) throw error;
      // A document that no longer reads as a casus was changed outside the app.
      process.stdout.write(
        `casus ${reference}: het opgeslagen document is geen geldige casus meer\n`,
      );
      return 1;
    }
    if (!found) {
      process.stderr.write(`casus ${reference} niet gevonden in ${store.description}\n`);
      return 3;
    }
    const casus = found.value;
    const { text, code } = report(verifyAuditChain(casus));
    process.stdout.write(`casus ${casus.casusNumber ?? '(concept)'} (${casus.id}): ${text}\n`);
    const declarations = await checkDeclarations(casus, await evidenceKey(config, store));
    for (const line of declarations.lines) process.stdout.write(`${line}\n`);
    return declarations.broken && code !== 1 ? 1 : code;
  } finally {
    await store.close();
  }
}

/** The public half of the evidence signing key: configured, or the one the app made locally. */
async function evidenceKey(config: AppConfig, store: Store): Promise<JWK | undefined> {
  const jwk =
    config.signingKeys.evidenceSigningKey ??
    (await readLocalSigningKeys(store.containers.counters))?.evidenceSigningKey;
  return jwk && (await EvidenceSigner.create(jwk)).publicJwk;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`casusbot: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(3);
  },
);
