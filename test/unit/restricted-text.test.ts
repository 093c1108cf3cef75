import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  casusNumberSchema,
  dateTimeTextSchema,
  plainWordsSchema,
} from '../../bot/cards/restricted-text';
import { formatDateTime } from '../../bot/presenters/casus-status';
import { formatCasusNumber } from '../../src/domain/casus/casus-number';

// The restricted schemas must accept everything the bot itself writes, or a card would fail to
// render for a real casus; and nothing that could hold markdown.

describe('restricted card text', () => {
  it('accepts every casus number formatCasusNumber writes', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Z]{2,6}$/),
        fc.integer({ min: 2000, max: 9999 }),
        fc.integer({ min: 1, max: 99_999 }),
        (code, year, sequence) =>
          casusNumberSchema.safeParse(formatCasusNumber(code, year, sequence)).success,
      ),
    );
  });

  it('accepts every date and time formatDateTime writes, in and out of summer time', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        (date) => dateTimeTextSchema.safeParse(formatDateTime(date.toISOString())).success,
      ),
    );
  });

  it('refuses markdown in all of them', () => {
    for (const schema of [casusNumberSchema, dateTimeTextSchema, plainWordsSchema]) {
      for (const text of ['[x](https://evil.invalid)', '**LET OP**', '_x_', '- lijst', '<b>x</b>'])
        assert.equal(schema.safeParse(text).success, false, text);
    }
    assert.ok(plainWordsSchema.safeParse('Welke casus?').success);
  });
});
