import type { z } from 'zod';
import { id as idSchema } from '@canbo/contract';

/**
 * Valid values built from a route's own zod schemas, for walks that must get past validation
 * everywhere except the one place they attack. Only the structure of the schema is read (zod 4's
 * `_zod.def`); a value is then checked against the schema itself, so a refinement or a pattern the
 * builder does not understand shows up as "no valid sample" rather than as a silent 400.
 */

type Schema = z.ZodType;
type Key = string | number;
type Path = readonly Key[];

interface Def {
  type: string;
  innerType?: Schema;
  shape?: Record<string, Schema>;
  element?: Schema;
  options?: Schema[];
  in?: Schema;
  out?: Schema;
  entries?: Record<string, string | number>;
  values?: unknown[];
  format?: string;
  checks?: { _zod: { def: { check: string; minimum?: number } } }[];
}

const defOf = (s: Schema): Def => s._zod.def;
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'nonoptional', 'catch']);

/** The schema that decides what a value looks like, past optional/default/… wrappers and transforms. */
export function unwrap(s: Schema): Schema {
  for (;;) {
    const d = defOf(s);
    if (WRAPPERS.has(d.type) && d.innerType) s = d.innerType;
    // z.preprocess(fn, schema) is a pipe from a transform; anything else is read by its input side
    else if (d.type === 'pipe' && d.in && d.out) s = defOf(d.in).type === 'transform' ? d.out : d.in;
    else return s;
  }
}

/** May the field be left out (optional, or a default fills it)? */
function omittable(s: Schema): boolean {
  for (;;) {
    const d = defOf(s);
    if (d.type === 'optional' || d.type === 'default' || d.type === 'prefault') return true;
    if (WRAPPERS.has(d.type) && d.innerType) s = d.innerType;
    else if (d.type === 'pipe' && d.in && d.out) s = defOf(d.in).type === 'transform' ? d.out : d.in;
    else return false;
  }
}

export type LeafKind = 'id' | 'date' | 'text' | 'number' | 'boolean' | 'enum' | 'object' | 'array' | 'other';

export function kindOf(s: Schema): LeafKind {
  const u = unwrap(s);
  if (u === (idSchema as Schema)) return 'id';
  switch (defOf(u).type) {
    case 'string':
      return defOf(u).format === 'date' ? 'date' : 'text';
    case 'number':
    case 'int':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'enum':
    case 'literal':
      return 'enum';
    case 'object':
      return 'object';
    case 'array':
      return 'array';
    default:
      return 'other';
  }
}

/** Every place in a schema a walk can attack: nested objects and arrays, and the leaves inside them. */
export function placesOf(s: Schema, path: Path = []): { path: Path; schema: Schema; kind: LeafKind }[] {
  const kind = kindOf(s);
  const here = path.length ? [{ path, schema: s, kind }] : [];
  const d = defOf(unwrap(s));
  if (kind === 'object' && d.shape) {
    return [...here, ...Object.entries(d.shape).flatMap(([k, v]) => placesOf(v, [...path, k]))];
  }
  if (kind === 'array' && d.element) return [...here, ...placesOf(d.element, [...path, 0])];
  return here;
}

/** What fills an id: the walk's own rows, chosen by the field's name. */
export type IdFor = (name: string) => number;

export interface SampleOptions {
  idFor: IdFor;
  /** Strings that a field of this name must hold to mean something (an existing code). */
  hints: Record<string, string>;
}

// Tried in order until one passes the field's schema: plain words, then the shapes fields ask for.
const STRING_CANDIDATES = [
  'Thử nghiệm',
  '2025-03-01',
  'title',
  '01',
  '2022–2027',
  '08:00',
  '{seq}/GCN-{year}',
  'walk.user',
  'mat-khau-rat-dai-1',
  '0901234567',
  'walk@example.vn',
  '12/12',
  '012345678901',
  'walk-token-0123456789',
  'true',
];
// 2024: a year (grassroots visit registrations take years 1900–2199).
const NUMBER_CANDIDATES = [1, 10, 100, 0, 2024];

const parses = (s: Schema, v: unknown) => s.safeParse(v).success;

/**
 * Every field filled, so every place of the body reaches the service; when a refinement forbids
 * some combination (one of two fields), without the first optional field whose absence makes it
 * valid; failing that, the required fields and one optional field.
 */
function sampleObject(s: Schema, shape: Record<string, Schema>, o: SampleOptions): unknown {
  const full: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(shape)) {
    const value = sample(v, o, k);
    if (value !== undefined) full[k] = value;
  }
  if (parses(s, full)) return full;
  const optional = Object.keys(shape).filter((k) => omittable(shape[k] as Schema));
  for (const k of optional) {
    const { [k]: _dropped, ...rest } = full;
    if (parses(s, rest)) return rest;
  }
  const required = Object.fromEntries(Object.entries(full).filter(([k]) => !optional.includes(k)));
  for (const k of optional) {
    const tried = { ...required, [k]: full[k] };
    if (parses(s, tried)) return tried;
  }
  return required;
}

/** A valid value of the schema, every optional field filled where allowed (`name` is the field's name). */
export function sample(s: Schema, o: SampleOptions, name = ''): unknown {
  const u = unwrap(s);
  const d = defOf(u);
  if (u === (idSchema as Schema)) return o.idFor(name);
  switch (d.type) {
    case 'object':
      return sampleObject(s, d.shape ?? {}, o);
    case 'array': {
      const min = d.checks?.find((c) => c._zod.def.check === 'min_length')?._zod.def.minimum ?? 1;
      const element = d.element as Schema;
      return Array.from({ length: Math.max(1, min) }, () => sample(element, o, name));
    }
    case 'union':
      return (d.options ?? []).map((x) => sample(x, o, name)).find((v) => parses(s, v));
    case 'enum':
      return Object.values(d.entries ?? {})[0];
    case 'literal':
      return d.values?.[0];
    case 'boolean':
      return false;
    case 'null':
      return null;
    case 'number':
    case 'int':
      return NUMBER_CANDIDATES.find((v) => parses(s, v)) ?? NUMBER_CANDIDATES.find((v) => parses(s, String(v)));
    case 'string': {
      const hint = o.hints[name];
      return [...(hint === undefined ? [] : [hint]), ...STRING_CANDIDATES].find((v) => parses(s, v));
    }
    default:
      return undefined;
  }
}

/** The schema at a path inside another (`[]` is the schema itself). */
export function schemaAt(s: Schema, path: Path): Schema | undefined {
  let cur: Schema | undefined = s;
  for (const key of path) {
    if (!cur) return undefined;
    const d = defOf(unwrap(cur));
    cur = typeof key === 'number' ? d.element : d.shape?.[key];
  }
  return cur;
}

/**
 * A copy of `base` with `value` at `path`. Missing parents on the way (an optional object or an
 * empty list) are filled with valid samples first, so only the attacked place is wrong.
 */
export function withValueAt(base: unknown, root: Schema, path: Path, value: unknown, o: SampleOptions): unknown {
  if (!path.length) return value;
  const copy: unknown = structuredClone(base);
  let cur = copy as Record<Key, unknown>;
  path.forEach((key, i) => {
    if (i === path.length - 1) {
      cur[key] = value;
      return;
    }
    const next = cur[key];
    if (next === null || typeof next !== 'object') {
      const sub = schemaAt(root, path.slice(0, i + 1));
      const filled = sub ? sample(unwrap(sub), o, String(key)) : {};
      cur[key] = filled ?? {};
    }
    cur = cur[key] as Record<Key, unknown>;
  });
  return copy;
}
