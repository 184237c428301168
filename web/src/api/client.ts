import i18next from 'i18next';
import {
  pathOf,
  queryStringOf,
  type BodyIn,
  type ErrorBody,
  type ParamsIn,
  type QueryValues,
  type ReplyOut,
  type Route,
} from '@canbo/contract';

/** When the answer is not the server's (a proxy, a crash): the status, in the user's language. */
function fallbackMessage(status: number): string {
  return `${i18next.t('common:error.generic')} (${status})`;
}

/** An API error as the server sent it: a code, a message in the app's language (Accept-Language), and the field at fault. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
    /** Seconds to wait before trying again, from a 429's Retry-After. */
    readonly retryAfter?: number,
  ) {
    super(message);
  }
  get field(): string | undefined {
    return typeof this.details.field === 'string' ? this.details.field : undefined;
  }
}

/** The ApiError of a refused answer (the body may be the server's error, or not JSON at all). */
export async function errorOf(res: Response): Promise<ApiError> {
  const e = ((await res.json().catch(() => null)) ?? {}) as Partial<ErrorBody>;
  const details = e.details ?? {};
  let message = e.message ?? fallbackMessage(res.status);
  const header = Number(res.headers.get('retry-after'));
  const retryAfter = res.status === 429 && Number.isFinite(header) && header > 0 ? Math.ceil(header) : undefined;
  // The server words the wait into its own refusals (details.retryAfter); a refusal of the request
  // rate only carries the header, so the wait is said here.
  if (retryAfter !== undefined && typeof details.retryAfter !== 'number') {
    message = `${message}. ${waitMessage(retryAfter)}`;
  }
  return new ApiError(res.status, e.code ?? 'internal', message, details, retryAfter);
}

function waitMessage(seconds: number): string {
  return seconds < 60
    ? i18next.t('common:error.retrySeconds', { count: seconds })
    : i18next.t('common:error.retryMinutes', { count: Math.ceil(seconds / 60) });
}

// The session's CSRF token, echoed on every write; set from /auth/me and /auth/login.
let csrfToken = '';
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

let onUnauthenticated: () => void = () => {};
/** The app shell sends the user to the login page when a session ends. */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

/** A part of the call the route has no schema for cannot be given; a query is always optional. */
type Part<K extends string, T, Optional extends boolean> = [T] extends [undefined]
  ? { [P in K]?: never }
  : Optional extends true
    ? { [P in K]?: T }
    : { [P in K]: T };
/** What a call of the route carries, typed by the route's schemas. */
export type CallArgs<R extends Route> = Part<'params', ParamsIn<R>, false> &
  Part<'query', QueryValues<R>, true> &
  Part<'body', BodyIn<R>, false>;
type ArgsOf<R extends Route> = object extends CallArgs<R> ? [args?: CallArgs<R>] : [args: CallArgs<R>];

/** The address of a route with its parameters and query filled in (empty values left out). */
export function urlOf<R extends Route>(route: R, ...[args]: ArgsOf<R>): string {
  const path = `/api/v1${pathOf(route, args?.params as Record<string, unknown> | undefined)}`;
  const s = queryStringOf(args?.query);
  return s ? `${path}?${s}` : path;
}

/** The server words its messages (refusals, field errors, import findings) in the language the app is shown in. */
const appLanguage = () => (i18next.language?.startsWith('en') ? 'en' : 'vi');

async function send(route: Route, url: string, init: RequestInit): Promise<Response> {
  const headers = new Headers(init.headers);
  if (route.method !== 'GET') headers.set('x-csrf-token', csrfToken);
  headers.set('accept-language', appLanguage());
  const res = await fetch(url, { ...init, method: route.method, headers, credentials: 'same-origin' });
  if (!res.ok) {
    // A public route (login, certificate verification) answers 401 without a session having ended.
    if (res.status === 401 && !route.public) onUnauthenticated();
    throw await errorOf(res);
  }
  return res;
}

/** Calls a JSON route of the contract's table: the URL from its path, the answer typed by its schema. */
export async function call<R extends Route>(route: R, ...[args]: ArgsOf<R>): Promise<ReplyOut<R>> {
  const body = (args as { body?: unknown } | undefined)?.body;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await send(route, urlOf(route, ...([args] as ArgsOf<R>)), {
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status === 204) return null as ReplyOut<R>;
  return (await res.json()) as ReplyOut<R>;
}

/** Sends one file to an upload route (multipart), with the route's query. */
export async function upload<R extends Route>(route: R, args: CallArgs<R>, file: File): Promise<ReplyOut<R>> {
  const body = new FormData();
  body.append('file', file, file.name);
  const url = urlOf(route, ...([args] as ArgsOf<R>));
  const res = await send(route, url, { headers: { accept: 'application/json' }, body });
  return (await res.json()) as ReplyOut<R>;
}

/**
 * As `upload`, telling `onProgress` the share of the file sent (0–1) while it goes up: a large
 * sheet takes a while on a weak connection. XMLHttpRequest, since fetch reports no upload progress.
 */
export function uploadWithProgress<R extends Route>(
  route: R,
  args: CallArgs<R>,
  file: File,
  onProgress: (share: number) => void,
  /** Aborting closes the connection: the server stops the upload and writes nothing. */
  signal?: AbortSignal,
): Promise<ReplyOut<R>> {
  const body = new FormData();
  body.append('file', file, file.name);
  const xhr = new XMLHttpRequest();
  return new Promise<ReplyOut<R>>((resolve, reject) => {
    signal?.addEventListener('abort', () => {
      xhr.abort();
      reject(new ApiError(0, 'cancelled', i18next.t('common:error.cancelled')));
    });
    xhr.open(route.method, urlOf(route, ...([args] as ArgsOf<R>)));
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.setRequestHeader('accept-language', appLanguage());
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', fallbackMessage(0)));
    xhr.onload = () => {
      const res = new Response(xhr.responseText, {
        status: xhr.status,
        headers: { 'content-type': xhr.getResponseHeader('content-type') ?? '' },
      });
      if (res.ok) {
        resolve(res.json() as Promise<ReplyOut<R>>);
        return;
      }
      if (res.status === 401) onUnauthenticated();
      void errorOf(res).then(reject);
    };
    xhr.send(body);
  });
}

/** Sends one file to an upload route that answers with a file (a sheet sent back with its errors). */
export async function uploadForFile<R extends Route>(route: R, args: CallArgs<R>, file: File): Promise<Blob> {
  const body = new FormData();
  body.append('file', file, file.name);
  const res = await send(route, urlOf(route, ...([args] as ArgsOf<R>)), { body });
  return res.blob();
}

/** Fetches a download route's file, keeping the session cookie; a refusal is an ApiError. */
export async function fetchFile<R extends Route>(route: R, ...[args]: ArgsOf<R>): Promise<Response> {
  return send(route, urlOf(route, ...([args] as ArgsOf<R>)), {});
}

/** Hands bytes to the browser as a file to save. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  URL.revokeObjectURL(url);
}

/** The name the server gives a file (`attachment; filename="…"`), or null when it gives none. */
export function serverFileName(res: Response): string | null {
  const m = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '');
  return m?.[1] ?? null;
}

/**
 * Downloads a file the API builds (exports, documents) and saves it under `filename` or, without
 * one, under the name the server chose: documents are named from what the server alone knows
 * (the class's name, the unit summoned), in Vietnamese words without diacritics.
 */
export async function download<R extends Route>(route: R, args: CallArgs<R>, filename?: string): Promise<void> {
  const res = await fetchFile(route, ...([args] as ArgsOf<R>));
  saveBlob(await res.blob(), filename ?? serverFileName(res) ?? 'tai-lieu');
}
