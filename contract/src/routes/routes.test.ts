import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineRoute, pathOf, pathParams, queryStringOf, type ExampleIds } from './define.ts';
import { routeList, routes } from './index.ts';

const ids: ExampleIds = { unit: 11, unit2: 12, person: 21, session: 31, allocation: 41, enrolment: 51 };
const key = (r: { method: string; path: string }) => `${r.method} ${r.path}`;
const writes = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

describe('the route table', () => {
  it('names every route once', () => {
    const keys = routeList.map(key);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  it("declares exactly its path's parameters in its params schema", () => {
    const wrong = routeList.filter((r) => {
      const declared = r.params instanceof z.ZodObject ? Object.keys(r.params.shape).sort() : [];
      return JSON.stringify(declared) !== JSON.stringify(pathParams(r.path).sort());
    });
    expect(wrong.map(key)).toEqual([]);
  });

  it('gives every write with a body an example its body schema accepts', () => {
    const problems: string[] = [];
    for (const r of routeList) {
      if (!r.body) {
        if (r.example) problems.push(`${key(r)}: an example without a body`);
        continue;
      }
      if (!writes.has(r.method)) problems.push(`${key(r)}: a body on a read`);
      if (!r.example) {
        problems.push(`${key(r)}: no example`);
        continue;
      }
      const parsed = r.body.safeParse(r.example(ids));
      if (!parsed.success) problems.push(`${key(r)}: ${parsed.error.message}`);
    }
    expect(problems).toEqual([]);
  });

  it('gives a query example that passes the query schema as the server reads it, wherever a query needs one', () => {
    /** A query string as the server parses it: text values, a repeated key as a list. */
    const parsed = (qs: string) => {
      const out: Record<string, string | string[]> = {};
      for (const [k, v] of new URLSearchParams(qs)) {
        const had = out[k];
        out[k] = had === undefined ? v : [...(Array.isArray(had) ? had : [had]), v];
      }
      return out;
    };
    const problems: string[] = [];
    for (const r of routeList) {
      if (!r.query) {
        if (r.exampleQuery) problems.push(`${key(r)}: a query example without a query`);
        continue;
      }
      if (!r.exampleQuery) {
        // the walks send the example or nothing: a query that refuses nothing needs one
        if (!r.query.safeParse({}).success) problems.push(`${key(r)}: its query needs an example`);
        continue;
      }
      const result = r.query.safeParse(parsed(queryStringOf(r.exampleQuery(ids))));
      if (!result.success) problems.push(`${key(r)}: ${result.error.message}`);
    }
    expect(problems).toEqual([]);
  });

  it('writes a query as call() sends it: lists repeat the key, empty values are left out', () => {
    expect(queryStringOf({ q: 'Cư Jút', page: 2, seated: true, titles: ['a', 'b'], none: undefined, empty: '' })).toBe(
      'q=C%C6%B0+J%C3%BAt&page=2&seated=true&titles=a&titles=b',
    );
  });

  it('says what every route answers: a JSON schema or a file, not both', () => {
    const wrong = routeList.filter((r) => (r.responses === undefined) === (r.file === undefined));
    expect(wrong.map(key)).toEqual([]);
  });

  it('fills path parameters encoded, and refuses a missing one', () => {
    expect(pathOf(routes.users.removeGrant, { id: 3, grantId: 9 })).toBe('/users/3/grants/9');
    expect(pathOf(routes.catalog.updateKind, { code: 'a b/c' })).toBe('/training/kinds/a%20b%2Fc');
    expect(() => pathOf(routes.units.get, {})).toThrow(':id');
  });

  it('refuses, when compiled, a write without an example and an example on a read', () => {
    const body = z.object({ name: z.string() });
    // @ts-expect-error a write with a body must carry an example
    defineRoute({ method: 'POST', path: '/x', body, responses: { 200: body } });
    // @ts-expect-error the example must match the body schema
    defineRoute({ method: 'POST', path: '/x', body, responses: { 200: body }, example: { name: 1 } });
    // @ts-expect-error a read has no example
    defineRoute({ method: 'GET', path: '/x', responses: { 200: body }, example: { name: 'a' } });
    const ok = defineRoute({ method: 'POST', path: '/x', body, responses: { 200: body }, example: { name: 'a' } });
    expect(ok.example?.(ids)).toEqual({ name: 'a' });
  });

  it('refuses, when compiled, a query example without a query or of the wrong shape', () => {
    const query = z.object({ unitId: z.coerce.number().optional(), sort: z.enum(['name', 'code']).default('name') });
    // @ts-expect-error no query, no query example
    defineRoute({ method: 'GET', path: '/x', responses: { 200: query }, exampleQuery: { unitId: 1 } });
    // @ts-expect-error the example takes the query's parsed types
    defineRoute({ method: 'GET', path: '/x', query, responses: { 200: query }, exampleQuery: { sort: 'size' } });
    const ok = defineRoute({
      method: 'GET',
      path: '/x',
      query,
      responses: { 200: query },
      exampleQuery: (given) => ({ unitId: given.unit, sort: 'code' }),
    });
    expect(ok.exampleQuery?.(ids)).toEqual({ unitId: 11, sort: 'code' });
    const fixed = defineRoute({ method: 'GET', path: '/x', query, responses: { 200: query }, exampleQuery: {} });
    expect(fixed.exampleQuery?.(ids)).toEqual({});
  });
});
