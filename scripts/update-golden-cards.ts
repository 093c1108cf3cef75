// Rewrites test/golden/<card>.json from cards/<card>.json + cards/samples/<card>.json, and
// test/golden/<card>.<view>.json from cards/samples/<card>.<view>.json (another view of the card).
// Run after a deliberate card change, then review the diff before committing.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cardCatalogue } from '../bot/cards/catalogue';

const root = join(__dirname, '..');
const samples = readdirSync(join(root, 'cards', 'samples'));
for (const card of cardCatalogue) {
  const views = samples.filter((file) => file.startsWith(`${card.name}.`));
  for (const file of views) {
    const sample: unknown = JSON.parse(readFileSync(join(root, 'cards', 'samples', file), 'utf8'));
    writeFileSync(
      join(root, 'test', 'golden', file),
      `${JSON.stringify(card.render(sample as never), null, 2)}\n`,
    );
    process.stdout.write(`updated test/golden/${file}\n`);
  }
}
