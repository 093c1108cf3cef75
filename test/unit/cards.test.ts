import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cardCatalogue } from '../../bot/cards/catalogue';
import { MAX_CARD_BYTES } from '../../bot/cards/card-template';
import { cardProblems, walk } from '../helpers/adaptive-card-check';

const cardsDir = join(__dirname, '..', '..', 'cards');
const goldenDir = join(__dirname, '..', 'golden');
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

describe('card templates', () => {
  it('has exactly one catalogue entry and one sample for every template file', () => {
    const templates = readdirSync(cardsDir)
      .filter((file) => file.endsWith('.json'))
      .map((file) => file.slice(0, -5));
    assert.deepEqual([...templates].sort(), cardCatalogue.map((card) => card.name).sort());
    for (const name of templates)
      assert.ok(existsSync(join(cardsDir, 'samples', `${name}.json`)), `sample for ${name}`);
  });

  for (const card of cardCatalogue) {
    describe(card.name, () => {
      const template = readJson(join(cardsDir, `${card.name}.json`));
      const rendered = card.render(
        readJson(join(cardsDir, 'samples', `${card.name}.json`)) as never,
      );

      it('renders its sample as a version 1.5 card that the Adaptive Cards library parses cleanly', () => {
        assert.equal(rendered.version, '1.5');
        assert.deepEqual(cardProblems(rendered), []);
      });

      it(`stays within ${MAX_CARD_BYTES} bytes`, () => {
        assert.ok(Buffer.byteLength(JSON.stringify(rendered)) <= MAX_CARD_BYTES);
      });

      it('uses no $when (the library warns on every false one)', () => {
        walk(template, (node) => assert.equal(node.$when, undefined));
      });

      it('matches its golden expansion (template + sample -> expected card)', () => {
        // After a deliberate change: `npm run golden:update`, then review the diff of test/golden/.
        assert.deepEqual(rendered, readJson(join(goldenDir, `${card.name}.json`)));
      });

      // Other views of the same template: cards/samples/<card>.<view>.json.
      const views = readdirSync(join(cardsDir, 'samples')).filter(
        (file) => file.startsWith(`${card.name}.`) && file !== `${card.name}.json`,
      );
      for (const file of views) {
        it(`renders its view ${file} cleanly, within the size, as its golden`, () => {
          const view = card.render(readJson(join(cardsDir, 'samples', file)) as never);
          assert.deepEqual(cardProblems(view), []);
          assert.ok(Buffer.byteLength(JSON.stringify(view)) <= MAX_CARD_BYTES);
          assert.deepEqual(view, readJson(join(goldenDir, file)));
        });
      }
    });
  }

  it('rejects a view-model that does not fit the template', () => {
    const help = cardCatalogue.find((card) => card.name === 'help');
    assert.throws(() => help?.render({ user: { name: 'x' } } as never));
  });
});
