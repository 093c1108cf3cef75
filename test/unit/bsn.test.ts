import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isValidBsn } from '../../src/domain/intake/bsn';

/** The elfproef, written from the rule: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 ≡ 0 (mod 11). */
const weights = [9, 8, 7, 6, 5, 4, 3, 2, -1] as const;
const elfproefSum = (digits: readonly number[]) =>
  digits.reduce((total, digit, index) => total + digit * (weights[index] ?? 0), 0);
const mod11 = (n: number) => ((n % 11) + 11) % 11;

const digit = fc.integer({ min: 0, max: 9 });
const eightDigits = fc.array(digit, { minLength: 8, maxLength: 8 });

/** Valid BSNs: 8 digits (not all zero) plus the one check digit that satisfies the elfproef. */
const validBsn = eightDigits
  .map((prefix) => {
    // 9·d1 + … + 2·d8 − d9 ≡ 0  ⇔  d9 ≡ 9·d1 + … + 2·d8 (mod 11); a residue of 10 has no digit.
    const check = mod11(elfproefSum(prefix));
    return check === 10 ? undefined : [...prefix, check].join('');
  })
  .filter((bsn): bsn is string => bsn !== undefined && !/^0+$/.test(bsn));

describe('isValidBsn (elfproef)', () => {
  describe('accepts valid BSNs', () => {
    // Each checked by hand: e.g. 111222333 → 9+8+7+12+10+8+9+6−3 = 66 = 6·11.
    const valid = [
      '111222333',
      '123456782',
      '999999990',
      '232262536',
      '100000009',
      '111111110',
      '000000012',
    ];
    for (const bsn of valid) {
      it(`accepts ${bsn}`, () => {
        assert.equal(mod11(elfproefSum([...bsn].map(Number))), 0, 'test data must pass the rule');
        assert.equal(isValidBsn(bsn), true);
      });
    }
  });

  describe('rejects invalid input', () => {
    const invalid: [string, string][] = [
      ['a wrong check digit', '111222334'],
      ['a well-known non-BSN', '123456789'],
      ['two swapped digits', '121222333'],
      ['8 digits', '11122233'],
      ['8 digits whose weighted sum 9·1 + 2·1 is a multiple of 11', '10000001'],
      ['10 digits', '1112223330'],
      ['a valid BSN with a leading zero added', '0111222333'],
      ['the empty string', ''],
      ['letters', 'abcdefghi'],
      ['a letter among digits', '11122233a'],
      ['a dash', '111-22333'],
      ['a decimal point', '11122233.'],
      ['a sign', '+11222333'],
      ['all zeros', '000000000'],
      ['a leading space', ' 111222333'],
      ['a trailing space', '111222333 '],
      ['an inner space', '111 222 333'],
      ['a trailing newline', '111222333\n'],
      ['full-width digits', '１１１２２２３３３'],
    ];
    for (const [name, value] of invalid) {
      it(`rejects ${name} (${JSON.stringify(value)})`, () => {
        assert.equal(isValidBsn(value), false);
      });
    }
  });

  describe('properties', () => {
    it('for any 8 digits, at most one last digit makes a valid BSN', () => {
      fc.assert(
        fc.property(eightDigits, (prefix) => {
          const completing = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].filter((last) =>
            isValidBsn([...prefix, last].join('')),
          );
          assert.ok(completing.length <= 1, `${prefix.join('')}: ${completing.join(', ')}`);
          // …and it is exactly the digit the rule predicts (none if the residue is 10 or all zeros).
          const check = mod11(elfproefSum(prefix));
          const expected =
            check === 10 || (check === 0 && prefix.every((d) => d === 0)) ? [] : [check];
          assert.deepEqual(completing, expected);
        }),
        { numRuns: 500 },
      );
    });

    it('accepts every BSN built by the elfproef', () => {
      fc.assert(
        fc.property(validBsn, (bsn) => isValidBsn(bsn)),
        { numRuns: 500 },
      );
    });

    it('changing any single digit of a valid BSN makes it invalid', () => {
      fc.assert(
        fc.property(
          validBsn,
          fc.integer({ min: 0, max: 8 }),
          fc.integer({ min: 1, max: 9 }),
          (bsn, position, shift) => {
            const digits = [...bsn].map(Number);
            digits[position] = ((digits[position] ?? 0) + shift) % 10;
            const changed = digits.join('');
            assert.notEqual(changed, bsn);
            assert.equal(isValidBsn(changed), false, `${bsn} → ${changed}`);
          },
        ),
        { numRuns: 1000 },
      );
    });
  });
});
