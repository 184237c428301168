import type { LightMyRequestResponse } from 'fastify';
import type { App } from '../src/http.ts';

export interface Session {
  cookie: string;
  csrf: string;
}

/** Log in through the real endpoint and keep the cookie and CSRF token, as the browser does. */
export async function login(app: App, login: string, password: string): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login, password } });
  if (res.statusCode !== 200) throw new Error(`login ${login} failed: ${res.statusCode} ${res.body}`);
  const set = res.cookies.find((c) => c.name === 'canbo_session');
  if (!set) throw new Error('no session cookie');
  return { cookie: `canbo_session=${set.value}`, csrf: res.json<{ csrfToken: string }>().csrfToken };
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Requests as a signed-in user (or anonymously with `null`), with the CSRF header on writes. */
export function as(app: App, session: Session | null) {
  const call = (method: Method, url: string, payload?: unknown): Promise<LightMyRequestResponse> =>
    app.inject({
      method,
      url,
      ...(payload === undefined ? {} : { payload: payload as object }),
      headers: session ? { cookie: session.cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': session.csrf }) } : {},
    });
  return {
    get: (url: string) => call('GET', url),
    post: (url: string, payload?: unknown) => call('POST', url, payload ?? {}),
    patch: (url: string, payload?: unknown) => call('PATCH', url, payload ?? {}),
    put: (url: string, payload?: unknown) => call('PUT', url, payload ?? {}),
    delete: (url: string) => call('DELETE', url),
  };
}
