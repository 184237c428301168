import type { ReactNode } from 'react';
import { vi } from 'vitest';
import { render } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { Me } from '@canbo/contract';
import { ME_KEY } from '../../auth/useMe';

/** One request the components sent, as the server would read it. */
export interface Sent {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  headers: Record<string, string>;
}

export const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/**
 * Stub fetch with a handler per "METHOD /path" (path without /api/v1 and query); everything else is
 * a 404. Returns the requests in order.
 */
export function mockApi(routes: Record<string, (req: Sent) => Response | Promise<Response>>): Sent[] {
  const sent: Sent[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const u = new URL(url, 'http://localhost');
      const raw = init?.body;
      const req: Sent = {
        method: init?.method ?? 'GET',
        path: u.pathname.replace('/api/v1', ''),
        query: u.searchParams,
        body: typeof raw === 'string' ? JSON.parse(raw) : raw,
        headers: Object.fromEntries(new Headers(init?.headers).entries()),
      };
      sent.push(req);
      const handler = routes[`${req.method} ${req.path}`];
      return handler ? handler(req) : json({ code: 'not_found', message: 'Không tìm thấy' }, 404);
    }),
  );
  return sent;
}

export const me: Me = {
  id: 1,
  login: 'canbo',
  displayName: 'Cán bộ lớp',
  personId: null,
  isSuperadmin: false,
  grants: [],
  csrfToken: 'csrf-token-1',
};

/** The providers a tab needs, with the signed-in user already known. */
export function renderWithProviders(ui: ReactNode, user: Me | null = me) {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  qc.setQueryData(ME_KEY, user);
  return render(
    <QueryClientProvider client={qc}>
      <AntApp>{ui}</AntApp>
    </QueryClientProvider>,
  );
}
