/**
 * A canonical JSON text of a JSON value, after RFC 8785 (JCS): object members sorted by their
 * names' UTF-16 code units, no whitespace, strings and numbers as ECMAScript's JSON.stringify
 * writes them (which is what JCS prescribes). Two documents that mean the same give the same
 * text, whatever order their fields were written or read back in, so a hash of it survives a
 * round trip through the store.
 *
 * Members whose value is `undefined` are left out, as JSON.stringify and the store do: a line
 * hashed before it was written must hash the same after it was read back. Anything that is not
 * JSON (a non-finite number, a function, `undefined` in an array, a class instance) is a bug
 * and throws.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') {
    return JSON.stringify(value);
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`Not a JSON number: ${value}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    return `[${value
      .map((item: unknown) => {
        if (item === undefined) throw new TypeError('undefined in an array is not JSON');
        return canonicalJson(item);
      })
      .join(',')}]`;
  }
  if (typeof value === 'object' && isPlainObject(value)) {
    const members = Object.entries(value)
      .filter(([, member]) => member !== undefined)
      // Default sort compares UTF-16 code units, the order JCS asks for.
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, member]) => `${JSON.stringify(name)}:${canonicalJson(member)}`);
    return `{${members.join(',')}}`;
  }
  throw new TypeError(`Not a JSON value: ${typeof value}`);
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}
