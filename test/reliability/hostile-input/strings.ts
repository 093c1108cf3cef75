// The strings hostile input is made of: markup a card might render, unicode that trips parsers,
// and 100 KB of it.
import fc from 'fast-check';

/** Markdown, HTML and template syntax: rendered where Teams reads markdown, it would act. */
export const markup = [
  '[klik hier](https://evil.example/phish)',
  '![pixel](https://evil.example/p.png)',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '<at>casusbot</at>',
  '**VET** _schuin_ `code` ~~weg~~',
  '# Kop\n---\n> citaat\n- punt',
  '${$root}',
  '${casus.betrokkene.naam}',
  '{{casus.naam}}',
  '](javascript:alert(1))',
  '&lt;b&gt;&#x3C;',
  '|a|b|\n|-|-|\n|1|2|',
  '\\*\\*',
];

/** The markup whose rendering would do harm: a link, an image, HTML. */
export const harmfulMarkup = markup.filter((text) => /\]\(|<[a-z]/.test(text));

/** Text direction marks, NUL, lone surrogates, 4-byte characters, BOM, combining marks, line separators. */
export const unicode = [
  '\u202Eevil\u202C.exe',
  '\u200F\u200E\u2066\u2069',
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\uDFFF\uD800',
  'x\uD83D',
  '😀𝕏𠜎🏳️‍🌈',
  '\uFEFFhelp',
  'e\u0301\u0301\u0301\u0301',
  '\u2028\u2029\u0085',
  'Z\u0364\u0351\u0313a\u0308\u0356l\u036E\u0352o\u0328',
  'İıßẞ',
  '\uFFFF\uFFFE\uFDD0',
  'help\u200B',
  '\u0007\u001B[31m',
];

/** Bytes that are no UTF-8 at all: a lone surrogate (CESU), an overlong '/', FF, a cut sequence. */
export const invalidUtf8 = [
  Buffer.from([0xed, 0xa0, 0x80]),
  Buffer.from([0xc0, 0xaf]),
  Buffer.from([0xff, 0xfe]),
  Buffer.from([0xf0, 0x9f, 0x98]),
];

/** About 100 KB each. */
export const long = [
  'x'.repeat(100_000),
  'é'.repeat(50_000),
  '😀'.repeat(25_000),
  '<b>'.repeat(33_000),
  '[a](b)'.repeat(16_000),
];

/** What a user could type, or a card could carry. */
export const ordinary = [
  'help',
  'hulp',
  'mijn casussen',
  'casuslijst',
  'rol',
  'casus LK-ROT-2026-0001',
  'casus LK-ROT-2026-0002',
  'nieuwe casus',
  'kanaal koppelen',
  'Jan Jansen',
  '',
  ' ',
];

export const hostileString = (): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...ordinary) },
    { weight: 3, arbitrary: fc.constantFrom(...markup) },
    { weight: 3, arbitrary: fc.constantFrom(...unicode) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...ordinary), fc.constantFrom(...markup, ...unicode))
        .map(([a, b]) => `${a}${b}`),
    },
  );

/** Values of every JSON type, some of them odd: where a field's type is wrong. */
export const wrongValue = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.constantFrom(null, true, false, 0, -1, 1e308, -0, 0.5, 2 ** 53 + 1, '', [], {}),
    fc.constantFrom([null], [[]], { length: -1 }, { toString: 'x' }, ['help'], { id: {} }),
    hostileString(),
    fc.integer(),
    fc.double(),
    fc.array(hostileString(), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.integer(), hostileString()), {
      maxKeys: 3,
    }),
  );
