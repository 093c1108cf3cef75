import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cardCatalogue } from '../../bot/cards/catalogue';
import {
  allStrings,
  leaves,
  markdownTexts,
  pattern,
  templateBindings,
  withValueAt,
} from '../helpers/literal-text';

// Requirement: whatever a person typed is shown literally on every card. Teams renders markdown in
// TextBlock.text and Fact.title/value, so a typed "[Klik hier](https://…)" there becomes a live
// link on the deciders' cards. A value may land there only if its schema makes markdown impossible.

const cardsDir = join(__dirname, '..', '..', 'cards');
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

/** Links, emphasis, a list, a template expression and HTML, with a marker to find it back by. */
const hostile = (marker: string) =>
  `${marker} [Klik hier](https://evil.invalid/x) **LET OP** _x_ \n- lijst ${'$'}{$root} <b>x</b>`;

/** Cards whose every value is restricted (nothing typed reaches them); checked both ways below. */
const fullyRestricted = new Set(['casus-superseded']);

for (const card of cardCatalogue) {
  describe(`${card.name}: typed text stays literal`, () => {
    const sample = readJson(join(cardsDir, 'samples', `${card.name}.json`));
    const bindings = templateBindings(readJson(join(cardsDir, `${card.name}.json`)));
    const bound = new Set(bindings.map((b) => b.path));
    /** Per view-model path: whether its schema lets hostile text through. */
    const accepted = new Map<string, boolean>();
    const probes = leaves(sample).map((path, i) => {
      const marker = `HOSTILE${i}MARK`;
      const data = withValueAt(sample, path, hostile(marker));
      const free = card.schema.safeParse(data).success;
      const key = pattern(path);
      accepted.set(key, free || (accepted.get(key) ?? false));
      return { path: key, marker, data, free };
    });

    it('lets hostile text into free-text fields only as literal text', () => {
      for (const probe of probes.filter((p) => p.free)) {
        const rendered = card.render(probe.data as never);
        const inMarkdown = markdownTexts(rendered).filter((text) => text.includes(probe.marker));
        assert.deepEqual(inMarkdown, [], `${probe.path} lands in a markdown property`);
        // Shared view-models (the intake steps) carry values another step shows.
        if (!bound.has(probe.path)) continue;
        assert.ok(
          allStrings(rendered).some((text) => text.includes(probe.marker)),
          `${probe.path} is bound, but its text is not on the card`,
        );
      }
    });

    it(
      fullyRestricted.has(card.name)
        ? 'has only restricted values (no field takes free text)'
        : 'exercises at least one free-text field (the test is not vacuous)',
      () => {
        const exercised = probes.filter((p) => p.free).map((p) => p.path);
        if (fullyRestricted.has(card.name)) assert.deepEqual(exercised, []);
        else assert.ok(exercised.length > 0, 'no value of the sample accepts free text');
      },
    );

    it('binds into TextBlock.text and Fact.title/value only values whose schema is restricted', () => {
      for (const { path, expression, text } of bindings.filter((b) => b.markdown)) {
        assert.ok(path, `"${text}": \${${expression}} is not a plain view-model path`);
        assert.ok(
          accepted.has(path),
          `"${text}": the sample has no value at ${path}, so nothing shows it is restricted`,
        );
        assert.equal(accepted.get(path), false, `"${text}": ${path} accepts free text`);
      }
    });
  });
}
