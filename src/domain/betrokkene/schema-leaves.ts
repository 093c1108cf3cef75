import type { z } from 'zod';

/** The parts of zod v4's internal definition the walk reads. */
interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  items?: z.ZodType[];
  options?: z.ZodType[];
  valueType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/**
 * Every leaf a value of this schema can hold, as a path: object keys joined by `.`, array (and
 * tuple) elements as `[]`, record values as `*`. Wrappers (optional, default, nullable,
 * preprocess, transform) are looked through: a stored field is a field however it is parsed.
 */
export function schemaLeaves(schema: z.ZodType, prefix = ''): string[] {
  const def = defOf(schema);
  const join = (key: string) => (prefix ? `${prefix}.${key}` : key);
  switch (def.type) {
    case 'object':
      return Object.entries(def.shape ?? {}).flatMap(([key, s]) => schemaLeaves(s, join(key)));
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return schemaLeaves(def.innerType as z.ZodType, prefix);
    case 'pipe': {
      // A transform's side carries no shape: follow the schema on the other side.
      const out = def.out as z.ZodType;
      return schemaLeaves(defOf(out).type === 'transform' ? (def.in as z.ZodType) : out, prefix);
    }
    case 'array':
      return schemaLeaves(def.element as z.ZodType, `${prefix}[]`);
    case 'tuple':
      return unique((def.items ?? []).flatMap((item) => schemaLeaves(item, `${prefix}[]`)));
    case 'union':
      return unique((def.options ?? []).flatMap((option) => schemaLeaves(option, prefix)));
    case 'record':
      return schemaLeaves(def.valueType as z.ZodType, join('*'));
    default:
      return [prefix];
  }
}

const unique = (paths: string[]) => [...new Set(paths)];
