// Rewrites test/golden/<card>.json from cards/<card>.json + cards/samples/<card>.json.
// Run after a deliberate card change, then review the diff before committing.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cardCatalogue } from '../bot/cards/catalogue';

const root = join(__dirname, '..');
for (const card of cardCatalogue) {
  const sample: unknown = JSON.parse(
    readFileSync(join(root, 'cards', 'samples', `${card.name}.json`), 'utf8'),
  );
  writeFileSync(
    join(root, 'test', 'golden', `${card.name}.json`),
    `${JSON.stringify(card.render(sample as never), null, 2)}\n`,
  );
  process.stdout.write(`updated test/golden/${card.name}.json\n`);
}
