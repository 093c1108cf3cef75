// Edits of a JSON value at a path, keeping every other part as it was.
import { withValueAt, type JsonPath } from '../../helpers/literal-text';

export type { JsonPath };

/** Every path into a JSON value, containers and leaves alike, down to `depth`. */
export function allPaths(value: unknown, depth = 6, path: JsonPath = []): JsonPath[] {
  if (depth === 0 || value === null || typeof value !== 'object') return [path];
  const entries = Array.isArray(value)
    ? value.map((item, index) => [index, item] as const)
    : Object.entries(value);
  return [path, ...entries.flatMap(([key, item]) => allPaths(item, depth - 1, [...path, key]))];
}

/** The paths that hold a string. */
export function stringPaths(value: unknown): JsonPath[] {
  return allPaths(value, 8).filter((path) => typeof valueAt(value, path) === 'string');
}

/** The paths that hold an object (not an array). */
export function objectPaths(value: unknown): JsonPath[] {
  return allPaths(value).filter((path) => {
    const found = valueAt(value, path);
    return found !== null && typeof found === 'object' && !Array.isArray(found);
  });
}

export function valueAt(value: unknown, path: JsonPath): unknown {
  return path.reduce<unknown>(
    (node, key) =>
      node !== null && typeof node === 'object'
        ? (node as Record<string | number, unknown>)[key]
        : undefined,
    value,
  );
}

/** Whether `path` still leads somewhere (an earlier edit may have taken its parent away). */
const reaches = (value: unknown, path: JsonPath): boolean => {
  const parent = valueAt(value, path.slice(0, -1));
  return path.length === 0 || (parent !== null && typeof parent === 'object');
};

export const replaced = (value: unknown, path: JsonPath, by: unknown): unknown =>
  reaches(value, path) ? withValueAt(value, path, by) : value;

/** The value without what `path` names (an array keeps its length: the item becomes null). */
export const without = (value: unknown, path: JsonPath): unknown =>
  path.length === 0 ? undefined : replaced(value, path, undefined);

/**
 * The value with an own property `key` on the object at `path`: also `__proto__`, which an
 * assignment or an object literal would take for the prototype instead.
 */
export function withOwnKey(value: unknown, path: JsonPath, key: string, by: unknown): unknown {
  const host = { ...(valueAt(value, path) as Record<string, unknown>) };
  Object.defineProperty(host, key, { value: by, enumerable: true, writable: true });
  return withValueAt(value, path, host);
}
