import { walk } from './adaptive-card-check';

// Teams renders markdown in TextBlock.text, Fact.title and Fact.value; TextRun text is literal.
// These helpers find what lands in those properties, in an expanded card and in a template.

/** A path into a JSON value: property names and array indexes. */
export type JsonPath = readonly (string | number)[];

/** The path with array indexes folded, as a template binds it: `criteria[].number`. */
export const pattern = (path: JsonPath): string =>
  path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[]` : out ? `${out}.${key}` : key),
    '',
  );

/** Every string, number and boolean in a JSON value, with its path. */
export function leaves(value: unknown, path: JsonPath = []): JsonPath[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => leaves(item, [...path, i]));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) => leaves(item, [...path, key]));
  return ['string', 'number', 'boolean'].includes(typeof value) ? [path] : [];
}

/** A deep copy of `value` with `replacement` at `path`. */
export function withValueAt(value: unknown, path: JsonPath, replacement: unknown): unknown {
  const [key, ...rest] = path;
  if (key === undefined) return replacement;
  if (Array.isArray(value))
    return (value as unknown[]).map((item, i) =>
      i === key ? withValueAt(item, rest, replacement) : item,
    );
  const record = value as Record<string, unknown>;
  return { ...record, [key]: withValueAt(record[key], rest, replacement) };
}

/** The strings of a card that Teams reads as markdown. */
export function markdownTexts(card: unknown): string[] {
  const texts: string[] = [];
  walk(card, (node) => {
    if (node.type === 'TextBlock' && typeof node.text === 'string') texts.push(node.text);
    if (node.type === 'FactSet' && Array.isArray(node.facts)) {
      for (const fact of node.facts as Record<string, unknown>[]) {
        for (const key of ['title', 'value'])
          if (typeof fact[key] === 'string') texts.push(fact[key]);
      }
    }
  });
  return texts;
}

/** The text of every TextRun: what Teams shows literally. */
export function textRuns(card: unknown): string[] {
  const texts: string[] = [];
  walk(card, (node) => {
    if (node.type === 'TextRun' && typeof node.text === 'string') texts.push(node.text);
  });
  return texts;
}

/** Every string anywhere in a card: where literal text may show up (TextRun, input, speak, data). */
export function allStrings(card: unknown): string[] {
  const strings: string[] = [];
  const visit = (node: unknown): void => {
    if (typeof node === 'string') strings.push(node);
    else if (Array.isArray(node)) node.forEach(visit);
    else if (node !== null && typeof node === 'object') Object.values(node).forEach(visit);
  };
  visit(card);
  return strings;
}

const binding = /\$\{([^}]*)\}/g;
const plainPath = /^\$?[A-Za-z_][\w]*(\.[A-Za-z_]\w*)*$/;

/** A `${...}` binding in a template, resolved to the view-model path it reads. */
export interface Binding {
  /** The view-model path, in `pattern` form, or undefined for anything but a plain path. */
  path: string | undefined;
  expression: string;
  text: string;
  /** Whether it lands in TextBlock.text, Fact.title or Fact.value. */
  markdown: boolean;
}

/**
 * Every binding of a template (`$data` excepted), and whether it lands in a markdown property.
 * Each `$data` opens the scope of its array's items; `$root.x` reads from the top and `$data` is
 * the item itself.
 */
export function templateBindings(template: unknown): Binding[] {
  const found: Binding[] = [];
  const resolve = (expression: string, scope: string): string | undefined => {
    if (!plainPath.test(expression)) return undefined;
    const [head, ...rest] = expression.split('.');
    const base = head === '$root' ? '' : head === '$data' ? scope : undefined;
    const names = base === undefined ? [head, ...rest] : rest;
    return names.reduce<string>(
      (out, name) => (out ? `${out}.${name}` : String(name)),
      base ?? scope,
    );
  };
  const collect = (text: string, scope: string, markdown: boolean) => {
    for (const [, expression = ''] of text.matchAll(binding))
      found.push({ path: resolve(expression.trim(), scope), expression, text, markdown });
  };
  const visit = (node: unknown, outer: string, parentType?: unknown): void => {
    if (Array.isArray(node)) return node.forEach((item) => visit(item, outer, parentType));
    if (node === null || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    let scope = outer;
    if (typeof record.$data === 'string') {
      const [, expression = ''] = /^\$\{(.*)\}$/.exec(record.$data) ?? [];
      scope = `${resolve(expression, outer) ?? `?${expression}`}[]`;
    }
    const markdownKeys =
      record.type === 'TextBlock' ? ['text'] : parentType === 'FactSet' ? ['title', 'value'] : [];
    for (const [key, child] of Object.entries(record)) {
      if (key === '$data') continue;
      if (typeof child === 'string') collect(child, scope, markdownKeys.includes(key));
      else visit(child, scope, key === 'facts' ? record.type : undefined);
    }
  };
  visit(template, '');
  return found;
}
