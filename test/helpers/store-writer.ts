// Child process for the kill -9 test: writes casussen with 10 in flight and prints each id once
// the store has acknowledged it, until it is killed.
import { CosmosCasusRepository } from '../../src/storage/cosmos-casus.repository';
import { openStore } from '../../src/storage/store';
import { sampleCasus } from './samples';

async function main(dataDir: string): Promise<void> {
  const store = await openStore({ kind: 'embedded', dataDir, port: 0, database: 'durability' });
  const repository = new CosmosCasusRepository(store.containers.casussen);
  const writer = async (): Promise<void> => {
    for (;;) {
      const casus = sampleCasus();
      const created = await repository.create(casus);
      if (created.ok) process.stdout.write(`ack ${casus.id}\n`);
    }
  };
  await Promise.all(Array.from({ length: 10 }, writer));
}

void main(process.argv[2] ?? '');
