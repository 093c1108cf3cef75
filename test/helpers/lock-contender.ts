// Child process for the lock race test: waits for a common instant, tries to take the data folder
// lock, says whether it holds it, and keeps it for a moment so the others see a live holder.
import { lockDataDir } from '../../src/storage/embedded/data-dir-lock';

async function main(dir: string, at: number): Promise<void> {
  while (Date.now() < at) await new Promise((resolve) => setImmediate(resolve));
  const held = await lockDataDir(dir).then(
    () => true,
    () => false,
  );
  process.stdout.write(held ? 'holds\n' : 'refused\n');
  await new Promise((resolve) => setTimeout(resolve, 1500));
}

void main(process.argv[2] ?? '', Number(process.argv[3]));
