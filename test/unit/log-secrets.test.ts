import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import {
  linesWithKey,
  linesWithPersonalData,
  linesWithToken,
  spellingsOfSecret,
} from '../helpers/log-secrets';

// The reliability suite's secrets section counts what these find: a blind spot would read as 0.
describe('the log line checks for personal data, tokens and keys', () => {
  const line = (entry: object) => JSON.stringify({ level: 30, app: 'casusbot', ...entry });
  const clean = line({ msg: 'card action', verb: 'casus.decide', casusId: crypto.randomUUID() });

  it('finds a personal value in any case or spacing, inside a nested string too', () => {
    const values = new Set(['henk pietersma', 'schulden en overlast']);
    const lines = [
      clean,
      line({ msg: 'x', err: { message: 'bad value "Henk   PIETERSMA"' } }),
      line({ msg: 'Schulden en overlast.' }),
    ];
    assert.deepEqual(
      linesWithPersonalData(lines, values).map((found) => found.index),
      [1, 2],
    );
    assert.deepEqual(linesWithPersonalData([clean, 'not json'], values), []);
  });

  it('finds any JWT and the exact tokens given', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
    const lines = [
      clean,
      line({ url: `/ondertekenen?token=${jwt}` }),
      line({ receipt: 'opaque-1' }),
    ];
    assert.deepEqual(linesWithToken(lines, ['opaque-1']), [1, 2]);
    assert.deepEqual(linesWithToken([clean], ['opaque-1']), []);
  });

  it('finds a key as given, as base64url or hex, and anything shaped as a private key', () => {
    const secret = randomBytes(32).toString('base64');
    const [, base64url, hex] = spellingsOfSecret(secret);
    const lines = [
      clean,
      line({ secret }),
      line({ secret: base64url }),
      line({ secret: hex }),
      line({ key: JSON.stringify({ kty: 'EC', d: 'x'.repeat(43) }) }),
      line({ pem: '-----BEGIN PRIVATE KEY-----\nMIG...' }),
      line({ headers: { authorization: `Bearer ${'a'.repeat(40)}` } }),
    ];
    assert.deepEqual(linesWithKey(lines, [secret]), [1, 2, 3, 4, 5, 6]);
  });
});
