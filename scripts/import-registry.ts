// `npm run registry:import -- <file> [--remove-absent-persons]`: writes an operator's registry
// file (organisations, kamers, persons; the format of seed/registry.demo.json) to the Cosmos DB
// account in COSMOS_ENDPOINT, signed in with COSMOS_KEY or else Entra ID (`az login`).
import { parseArgs } from 'node:util';
import { parseConfig } from '../src/config/config';
import { CosmosRegistryRepository } from '../src/storage/cosmos-registry.repository';
import { readRegistrySeed } from '../src/storage/registry-seed-file';
import { openStore } from '../src/storage/store';

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { 'remove-absent-persons': { type: 'boolean', default: false } },
  });
  const [file] = positionals;
  if (!file || positionals.length > 1) {
    throw new Error('usage: npm run registry:import -- <file> [--remove-absent-persons]');
  }
  const config = parseConfig(process.env);
  // The embedded store belongs to the running app (it holds the data folder's lock).
  if (config.store.kind !== 'cosmos') {
    throw new Error('COSMOS_ENDPOINT is required: the import writes to a Cosmos DB account');
  }
  const seed = await readRegistrySeed(file);
  const store = await openStore(config.store);
  try {
    const registry = new CosmosRegistryRepository(store.containers.registry);
    const { written, absentPersonIds } = await registry.importSeed(seed);
    process.stdout.write(`${store.description}: ${written} registry entries written\n`);
    if (absentPersonIds.length === 0) return;
    if (values['remove-absent-persons']) {
      await registry.removePersons(absentPersonIds);
      process.stdout.write(
        `removed ${absentPersonIds.length} persons absent from ${file}, ending their access:\n` +
          absentPersonIds.map((id) => `  ${id}\n`).join(''),
      );
    } else {
      process.stdout.write(
        `${absentPersonIds.length} persons in the store are absent from ${file} and keep their access:\n` +
          absentPersonIds.map((id) => `  ${id}\n`).join('') +
          'run again with --remove-absent-persons to remove them\n',
      );
    }
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`casusbot: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
