import type { z } from 'zod';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export const writeMethods: readonly Method[] = ['POST', 'PUT', 'PATCH', 'DELETE'];

/** A download the route streams instead of JSON. */
/** `stored`: a file a user uploaded, sent back with the type it was stored with. */
export type FileKind = 'xlsx' | 'docx' | 'pdf' | 'zip' | 'stored';

/**
 * The rows a write's example body refers to. The example is a function of them so that a walk can
 * aim the same valid body at rows of its own choosing (the other district's, the actor's own).
 */
export interface ExampleIds {
  /** A unit the body names (a parent, an organiser, a seat's unit, a filter's subtree). */
  unit: number;
  /** A second unit, for the bodies that name two (a merge's target). */
  unit2: number;
  person: number;
  session: number;
  allocation: number;
  enrolment: number;
}

/** Success answers: exactly one status with its JSON schema (204 carries `z.null()`). */
export type Responses = { 200: z.ZodType } | { 201: z.ZodType } | { 204: z.ZodType };

type Schema = z.ZodType | undefined;

/** What every entry says besides its schemas. */
interface RouteOptions {
  /** Under /api/v1, with `:name` parameters that `params` declares. */
  path: string;
  /** A download (the server streams the document; the web saves it). */
  file?: FileKind;
  /** A multipart upload of one file (the body is read by the handler, not by a schema). */
  upload?: boolean;
  /** Reachable without a session. */
  public?: boolean;
  /**
   * Answered without reading the session from the database (public too): the handler checks its
   * caller itself. For a poll that must be answered while a long write holds SQLite's one connection.
   */
  sessionless?: boolean;
  /**
   * A read-only list asked far more often than what it shows changes: the server may answer it from
   * memory, per account and address, until any write (server/src/answer.cache.ts).
   */
  answerCache?: boolean;
  /** Largest request body in bytes, when the route's differs from the server's default. */
  bodyLimit?: number;
  /** OpenAPI grouping. */
  tags?: readonly string[];
}

/** One entry of the route table. */
export interface Route<
  M extends Method = Method,
  P extends Schema = Schema,
  Q extends Schema = Schema,
  B extends Schema = Schema,
  R extends Responses | undefined = Responses | undefined,
> extends RouteOptions {
  method: M;
  params?: P;
  query?: Q;
  body?: B;
  /** JSON routes: the success status and its schema; files have none. */
  responses?: R;
  /** A valid body for a write: the authorisation and hostile-input walks start from it. */
  example?: (ids: ExampleIds) => unknown;
  /**
   * A query for the route, as a caller gives it (see `queryStringOf`): what the query needs to pass
   * validation and, on a list, the filters that name rows, so the authorisation walk aims them at the
   * rows of its choosing.
   */
  exampleQuery?: (ids: ExampleIds) => Record<string, unknown>;
}
export type RouteSpec = Route;

type Write = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * A write with a body must carry an example that its body schema accepts; nothing else has one.
 * A body that names no rows is written as is; one that does is a function of the ids.
 */
type ExampleRule<M extends Method, B extends Schema> = [B] extends [z.ZodType]
  ? M extends Write
    ? { example: ((ids: ExampleIds) => z.input<B>) | z.input<B> }
    : { example?: never }
  : { example?: never };

/** A query example only where there is a query, with the query's parsed types (as `call()` takes them). */
type ExampleQueryRule<Q extends Schema> = [Q] extends [z.ZodType]
  ? { exampleQuery?: ((ids: ExampleIds) => Partial<z.output<Q>>) | Partial<z.output<Q>> }
  : { exampleQuery?: never };

/** One entry of the route table, checked as it is written (the example's type comes from the body). */
export function defineRoute<
  const M extends Method,
  P extends Schema = undefined,
  Q extends Schema = undefined,
  B extends Schema = undefined,
  R extends Responses | undefined = undefined,
>(
  spec: RouteOptions & { method: M; params?: P; query?: Q; body?: B; responses?: R } & NoInfer<
      ExampleRule<M, B> & ExampleQueryRule<Q>
    >,
): Route<M, P, Q, B, R> {
  const { example, exampleQuery } = spec as { example?: unknown; exampleQuery?: unknown };
  return {
    ...spec,
    ...(example === undefined || typeof example === 'function' ? {} : { example: () => example }),
    ...(exampleQuery === undefined || typeof exampleQuery === 'function' ? {} : { exampleQuery: () => exampleQuery }),
  } as Route<M, P, Q, B, R>;
}

type In<S> = S extends z.ZodType ? z.input<S> : undefined;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export type ParamsIn<R extends Route> = In<NonNullable<R['params']>>;
export type ParamsOut<R extends Route> = Out<NonNullable<R['params']>>;
export type QueryIn<R extends Route> = In<NonNullable<R['query']>>;
export type QueryOut<R extends Route> = Out<NonNullable<R['query']>>;
/**
 * A query as a caller holds it: the parsed types (numbers, enums), every field optional since the
 * server's defaults fill the rest. Query strings carry text, so the schemas coerce them back.
 */
export type QueryValues<R extends Route> = Partial<QueryOut<R>>;
export type BodyIn<R extends Route> = In<NonNullable<R['body']>>;
export type BodyOut<R extends Route> = Out<NonNullable<R['body']>>;

/** The route's success responses as declared (undefined for a download). */
export type ResponsesOf<R extends Route> = R extends Route<Method, Schema, Schema, Schema, infer Res> ? Res : undefined;
type SuccessSchema<R extends Route> =
  ResponsesOf<R> extends infer S ? (S extends Record<number, z.ZodType> ? S[keyof S] : undefined) : undefined;
/** What the server's handler returns for a JSON route. */
export type ReplyIn<R extends Route> = In<SuccessSchema<R>>;
/** What the web receives from a JSON route. */
export type ReplyOut<R extends Route> = Out<SuccessSchema<R>>;

/** The success status of a JSON route (files answer 200). */
export function successStatus(route: RouteSpec): 200 | 201 | 204 {
  if (!route.responses) return 200;
  return Number(Object.keys(route.responses)[0]) as 200 | 201 | 204;
}

/** The path with its parameters filled in, each encoded. */
export function pathOf(route: RouteSpec, params?: Record<string, unknown>): string {
  return route.path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null) throw new Error(`${route.path}: no value for :${name}`);
    // ids and codes: a number's JSON is its digits, a string goes as it is
    return encodeURIComponent(typeof value === 'string' ? value : JSON.stringify(value));
  });
}

/**
 * A query string from a caller's values (numbers, strings, booleans, lists of them repeat the key);
 * empty values are left out. The query schemas coerce the text back.
 */
export function queryStringOf(values: Record<string, unknown> | undefined): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(values ?? {})) {
    for (const item of Array.isArray(v) ? (v as unknown[]) : [v]) {
      if (item !== undefined && item !== null && item !== '') search.append(k, `${item as string | number | boolean}`);
    }
  }
  return search.toString();
}

/** The `:name` parameters a path declares, in order. */
export function pathParams(path: string): string[] {
  return [...path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1] as string);
}

/** Every entry of a table of tables, flattened. */
export function flattenRoutes(table: Record<string, Record<string, RouteSpec>>): RouteSpec[] {
  return Object.values(table).flatMap((group) => Object.values(group));
}
