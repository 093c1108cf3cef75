import assert from 'node:assert/strict';
import { canonicalJson } from '../../src/domain/shared/canonical-json';

describe('canonicalJson (RFC 8785 style)', () => {
  it('writes the same text whatever order the members came in, nested too', () => {
    const a = { b: 1, a: { d: [1, { y: true, x: null }], c: 'x' } };
    const b = { a: { c: 'x', d: [1, { x: null, y: true }] }, b: 1 };
    assert.equal(canonicalJson(a), canonicalJson(b));
    assert.equal(canonicalJson(a), '{"a":{"c":"x","d":[1,{"x":null,"y":true}]},"b":1}');
  });

  it('sorts member names by UTF-16 code units (the RFC 8785 example)', () => {
    const keys = ['\u20ac', '\r', '\ufb33', '1', '\u0080', '\ud83d\ude00', '\u00f6'];
    const value = Object.fromEntries(keys.map((key, i) => [key, i]));
    // Read from the text: Object.keys would put the integer-like "1" first whatever the text says.
    const order = [...canonicalJson(value).matchAll(/"([^"]*)":/g)].map((match) => match[1]);
    assert.deepEqual(order, ['\\r', '1', '\u0080', '\u00f6', '\u20ac', '\ud83d\ude00', '\ufb33']);
  });

  it('leaves out members that are undefined, as the store does', () => {
    assert.equal(canonicalJson({ a: 1, b: undefined }), '{"a":1}');
    assert.equal(canonicalJson({ a: 1, b: undefined }), canonicalJson(JSON.parse('{"a":1}')));
  });

  it('writes numbers and strings as ECMAScript JSON does, without whitespace', () => {
    assert.equal(canonicalJson([0.1, -0, 1e21, 10, 'é "q"\n']), '[0.1,0,1e+21,10,"é \\"q\\"\\n"]');
  });

  it('refuses what is not JSON', () => {
    assert.throws(() => canonicalJson(Number.NaN), TypeError);
    assert.throws(() => canonicalJson({ a: Infinity }), TypeError);
    assert.throws(() => canonicalJson([undefined]), TypeError);
    assert.throws(() => canonicalJson(new Date(0)), TypeError);
    assert.throws(() => canonicalJson({ f: () => 1 }), TypeError);
  });
});
