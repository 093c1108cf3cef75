import { readFileSync } from 'node:fs';

/**
 * Just enough of Bicep's text to check what no compiler here can: the app settings, the params
 * files and the module wiring. It reads the repository's own templates, whose layout (one
 * property per line) the tests that use it rely on.
 */
export function readBicep(path: string): string {
  // Comments go first so a commented-out line never counts.
  return readFileSync(path, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'])\/\/.*$/gm, '$1');
}

/** The text from `start` up to and including the bracket that closes the first one after it. */
export function balancedFrom(text: string, start: number): string {
  const open = text.slice(start).search(/[({[]/);
  if (open < 0) throw new Error(`no bracket after offset ${start}`);
  let depth = 0;
  let quoted = false;
  for (let i = start + open; i < text.length; i++) {
    const char = text[i];
    if (char === "'" && text[i - 1] !== '\\') quoted = !quoted;
    if (quoted) continue;
    if (char === '(' || char === '{' || char === '[') depth++;
    if (char === ')' || char === '}' || char === ']') depth--;
    if (depth === 0) return text.slice(start, i + 1);
  }
  throw new Error(`unbalanced brackets after offset ${start}`);
}

/** The body of the first declaration that starts with `head` (e.g. `var appSettings =`). */
export function declaration(text: string, head: string): string {
  const start = text.indexOf(head);
  if (start < 0) throw new Error(`"${head}" not found`);
  return balancedFrom(text, start);
}

/** App-setting-style keys, `UPPER_SNAKE: value` on their own line, in order of appearance. */
export function upperSnakeKeys(block: string): string[] {
  return [...block.matchAll(/^\s*([A-Z][A-Z0-9_]*)\s*:/gm)].map((match) => match[1]!);
}

/** The properties directly inside the first `{ ... }` of a block, at one nesting level. */
export function topLevelKeys(block: string): string[] {
  const body = balancedFrom(block, 0);
  const keys: string[] = [];
  let depth = 0;
  for (const line of body.split('\n')) {
    if (depth === 1) {
      const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*:/.exec(line);
      if (match) keys.push(match[1]!);
    }
    for (const char of line.replace(/'[^']*'/g, '')) {
      if ('({['.includes(char)) depth++;
      if (')}]'.includes(char)) depth--;
    }
  }
  return keys;
}

export interface BicepParam {
  name: string;
  hasDefault: boolean;
}

/** `param name type [= default]` declarations. */
export function params(text: string): BicepParam[] {
  return [...text.matchAll(/^param\s+(\w+)\s+\w+(\s*=)?/gm)].map((match) => ({
    name: match[1]!,
    hasDefault: match[2] !== undefined,
  }));
}

export interface ModuleUse {
  symbol: string;
  path: string;
  passed: string[];
}

/** Every `module symbol 'path' = { ... params: { ... } }` and the names it passes. */
export function moduleUses(text: string): ModuleUse[] {
  return [...text.matchAll(/^module\s+(\w+)\s+'([^']+)'\s*=/gm)].map((match) => {
    const body = balancedFrom(text, match.index + match[0].length);
    const paramsAt = body.search(/^\s*params\s*:/m);
    return {
      symbol: match[1]!,
      path: match[2]!,
      passed: paramsAt < 0 ? [] : topLevelKeys(body.slice(body.indexOf('{', paramsAt))),
    };
  });
}
