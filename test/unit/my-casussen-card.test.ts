import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { MAX_CARD_BYTES } from '../../bot/cards/card-template';
import { myCasussenListCard } from '../../bot/presenters/my-casussen.presenter';
import {
  MY_CASUSSEN_PAGE_SIZE,
  type MyCasussenSection,
} from '../../src/app/intake/list-my-casussen';
import { MY_ROW_NAME_MAX, type MyCasusRow } from '../../src/domain/casus/my-casus-row';
import type { Kamer } from '../../src/domain/registry/registry.schema';
import { cardText } from '../helpers/fake-connector';
import seed from '../../seed/registry.demo.json';

const kamers = seed.kamers as Kamer[];
// The longest name a row holds, in 3-byte characters: the most bytes per UTF-16 unit (the store
// counts units; a 4-byte character is two of them).
const longName = '€'.repeat(MY_ROW_NAME_MAX + 1);

const row = (state: MyCasusRow['state'], index: number): MyCasusRow => ({
  id: randomUUID(),
  revision: 9_999,
  state,
  casusNumber: state === 'concept' ? undefined : `LK-ROT-2026-${String(index).padStart(4, '0')}`,
  kamerId: state === 'concept' ? undefined : kamers[0]!.id,
  createdAt: '2026-11-24T09:12:00.000Z',
  submittedAt: state === 'concept' ? undefined : '2026-11-25T09:12:00.000Z',
  step: state === 'concept' ? 'criterium-4' : 'samenvatting',
  draftNaam: longName,
  submittedNaam: longName,
  changedAt: '2026-11-25T09:12:00.000Z',
});
const full = (rows: MyCasusRow[], page: number): MyCasussenSection => ({
  rows,
  page,
  pages: 1_000,
  count: 9_999,
});

describe('"mijn casussen" card size', () => {
  it('stays within 28 KB with two full middle pages of the longest rows', () => {
    const drafts = Array.from({ length: MY_CASUSSEN_PAGE_SIZE }, (_, i) => row('concept', i));
    const submitted = Array.from({ length: MY_CASUSSEN_PAGE_SIZE }, (_, i) =>
      row('opschaling_aangevraagd', i + 1),
    );
    const card = myCasussenListCard(
      { drafts: full(drafts, 500), submitted: full(submitted, 500), truncated: true },
      kamers,
      { text: 'Het concept is intussen gewijzigd of aangemeld. '.repeat(3), style: 'warning' },
    );
    const bytes = Buffer.byteLength(JSON.stringify(card));
    process.stdout.write(`      two full pages: ${bytes} bytes\n`);
    assert.ok(bytes <= MAX_CARD_BYTES, `${bytes} bytes`);
    const text = cardText(card);
    assert.match(text, /Pagina 500 van 1000 · 9999 concepten/);
    assert.match(text, /Pagina 500 van 1000 · 9999 aangemelde casussen/);
    assert.match(text, /deze lijst toont de nieuwste 500/);
  });

  it('shortens a name longer than a row holds, and says "leeg" for none', () => {
    const drafts = [
      { ...row('concept', 0), draftNaam: 'x'.repeat(MY_ROW_NAME_MAX + 1) },
      { ...row('concept', 2), draftNaam: 'y'.repeat(MY_ROW_NAME_MAX) },
      { ...row('concept', 1), draftNaam: '  ' },
    ];
    const card = myCasussenListCard(
      { drafts: full(drafts, 1), submitted: full([], 1), truncated: false },
      kamers,
    );
    const text = cardText(card);
    assert.ok(text.includes(`${'x'.repeat(MY_ROW_NAME_MAX - 1)}…`));
    assert.match(text, /\nleeg\n/);
    assert.ok(text.includes(`${'y'.repeat(MY_ROW_NAME_MAX)}\n`));
  });
});
