import { useCallback } from 'react';
import { parseSearchWith, stringifySearchWith, useNavigate, useSearch } from '@tanstack/react-router';
import { z } from 'zod';
import type { QueryValues, Route } from '@canbo/contract';

/** A list page's state in the address: the route's query values, and the page's own keys. */
export type ListSearch<R extends Route, P extends z.ZodRawShape = Record<never, never>> = ([
  NonNullable<R['query']>,
] extends [never]
  ? object
  : QueryValues<R>) & {
  [K in keyof P]?: z.output<P[K]>;
};

/**
 * Reads a list page's address with the schemas the server reads its query with (the route's
 * entry in the contract), so page and API cannot disagree on what a filter holds. Each key is read
 * alone and a value the schema refuses is dropped, not failed: a stale bookmark still opens the
 * list. Defaults are not filled in, so the address shows only what the user chose. `pageKeys` are
 * the page's own keys the API does not take (a tab, a view).
 */
export function listSearch<R extends Route, P extends z.ZodRawShape = Record<never, never>>(
  route: R,
  pageKeys?: P,
): (raw: Record<string, unknown>) => ListSearch<R, P> {
  const query = route.query instanceof z.ZodObject ? (route.query.shape as z.ZodRawShape) : {};
  const shape: z.ZodRawShape = { ...query, ...pageKeys };
  return (raw) => {
    const out: Record<string, unknown> = {};
    for (const [key, schema] of Object.entries(shape)) {
      const value = plain(raw[key]);
      if (value === undefined) continue;
      const read = (schema as z.ZodType).safeParse(value);
      if (read.success && read.data !== undefined && read.data !== '') out[key] = read.data;
    }
    return out as ListSearch<R, P>;
  };
}

/**
 * The address holds text: a value the router read as JSON (a number, true) goes back to the text
 * the query schemas read, as the server would receive it.
 */
function plain(v: unknown): string | undefined {
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}

/**
 * The page's side of `listSearch`: the search read from the address, and a setter that writes a
 * new one back through the same reader (replacing the history entry, as filtering is not a visit).
 */
export function useListSearch<R extends Route, P extends z.ZodRawShape>(
  to: string,
  read: (raw: Record<string, unknown>) => ListSearch<R, P>,
): [ListSearch<R, P>, (next: ListSearch<R, P>) => void] {
  const navigate = useNavigate();
  const search = read(useSearch({ strict: false }));
  const set = useCallback(
    (next: ListSearch<R, P>) => void navigate({ to, search: read(next as Record<string, unknown>), replace: true }),
    [navigate, read, to],
  );
  return [search, set];
}

/**
 * The router's address format: every value is plain text (`?q=2024&page=2`, not the JSON-quoted
 * `?q=%222024%22` the router writes by default), as a user would type it and the API reads it; the
 * pages' readers turn the text into values with the contract's schemas.
 */
export const plainSearch = {
  parseSearch: parseSearchWith((text) => text),
  stringifySearch: stringifySearchWith(JSON.stringify),
};
