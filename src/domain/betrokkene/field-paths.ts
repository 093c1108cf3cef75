/** A catalogue path as a pattern: `[]` an array element, `*` any part of one key. */
export function pathPattern(path: string): RegExp {
  const escaped = path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^.]*');
  return new RegExp(`^${escaped}$`);
}

/** Whether a leaf path lies under this prefix (the prefix itself, or a field inside it). */
export const isUnder = (leaf: string, prefix: string): boolean =>
  leaf === prefix || leaf.startsWith(`${prefix}.`) || leaf.startsWith(`${prefix}[]`);

export type Leaf = string | number | boolean;

/**
 * The values a document holds at a catalogue path, each with the key it was found under when the
 * path has a `*` (`leefgebied-huisvesting`), in document order. Absent fields give nothing.
 */
export function valuesAt(document: unknown, path: string): { key?: string; value: Leaf }[] {
  const segments = path.split('.');
  const walk = (node: unknown, at: number, key?: string): { key?: string; value: Leaf }[] => {
    if (node === undefined || node === null) return [];
    if (at === segments.length) {
      if (Array.isArray(node)) return node.flatMap((item) => walk(item, at, key));
      return typeof node === 'string' || typeof node === 'number' || typeof node === 'boolean'
        ? [{ ...(key === undefined ? {} : { key }), value: node }]
        : [];
    }
    const segment = segments[at] as string;
    const name = segment.replace(/\[\]$/, '');
    const many = segment.endsWith('[]');
    if (typeof node !== 'object' || Array.isArray(node)) return [];
    const record = node as Record<string, unknown>;
    const matches = name.includes('*')
      ? Object.keys(record).filter((k) => pathPattern(name).test(k))
      : [name];
    return matches.flatMap((k) => {
      const child = record[k];
      const found = name.includes('*') ? k : key;
      if (many) return Array.isArray(child) ? child.flatMap((c) => walk(c, at + 1, found)) : [];
      return walk(child, at + 1, found);
    });
  };
  return walk(document, 0);
}

/** `a.list[].field` → `a.list`: the list whose items hold the field (no `*` in it), if any. */
export function itemListOf(path: string): string | undefined {
  return /^([^*[\]]+)\[\]\.[^*[\]]+$/.exec(path)?.[1];
}

/** The items of the list at a plain dotted path, each an object; nothing when absent. */
export function itemsAt(document: unknown, listPath: string): Record<string, unknown>[] {
  let node: unknown = document;
  for (const segment of listPath.split('.')) {
    if (!node || typeof node !== 'object' || Array.isArray(node)) return [];
    node = (node as Record<string, unknown>)[segment];
  }
  return Array.isArray(node)
    ? node.filter((item): item is Record<string, unknown> => !!item && typeof item === 'object')
    : [];
}
