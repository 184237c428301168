import i18next from 'i18next';
import type { ErrorBody } from '@canbo/contract';

/** When the answer is not the server's (a proxy, a crash): the status, in the user's language. */
function fallbackMessage(status: number): string {
  return `${i18next.t('common:error.generic')} (${status})`;
}

/** An API error as the server sent it: a code, a Vietnamese message, and the field at fault. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
  get field(): string | undefined {
    return typeof this.details.field === 'string' ? this.details.field : undefined;
  }
}

// The session's CSRF token, echoed on every write; set from /auth/me and /auth/login.
let csrfToken = '';
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

let onUnauthenticated: () => void = () => {};
/** The app shell sends the user to the login page when a session ends. */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  const res = await fetch(`/api/v1${path}`, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status === 204) return undefined as T;
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const e = (data ?? {}) as Partial<ErrorBody>;
    if (res.status === 401 && !path.startsWith('/auth/login')) onUnauthenticated();
    throw new ApiError(res.status, e.code ?? 'internal', e.message ?? fallbackMessage(res.status), e.details ?? {});
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

/** Download a file the API streams (Excel exports), keeping the session cookie. */
export async function download(path: string, query: Query | undefined, filename: string): Promise<void> {
  const res = await fetch(`/api/v1${withQuery(path, query)}`, { credentials: 'same-origin' });
  if (!res.ok) {
    const e = ((await res.json().catch(() => null)) ?? {}) as Partial<ErrorBody>;
    throw new ApiError(res.status, e.code ?? 'internal', e.message ?? fallbackMessage(res.status), e.details ?? {});
  }
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  URL.revokeObjectURL(url);
}
