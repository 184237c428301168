import type { ReactNode } from 'react';
import { vi } from 'vitest';
import { render } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';

/** One request the component sent: method, path (no /api/v1, no query), query and JSON body. */
export interface Sent {
  method: string;
  path: string;
  query: URLSearchParams;
  body: Record<string, unknown> | null;
}

type Reply = { status?: number; body: unknown } | undefined;
type Handler = (req: Sent) => Reply;

export const reply = (body: unknown, status = 200) => ({ status, body });

/**
 * The API as a component under test sees it: each handler answers the requests it knows (the first
 * that returns something wins), anything else is a 404. Every request is recorded in `sent`.
 */
export function mockApi(...handlers: Handler[]) {
  const sent: Sent[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const u = new URL(url, 'http://localhost');
      const req: Sent = {
        method: init?.method ?? 'GET',
        path: u.pathname.replace('/api/v1', ''),
        query: u.searchParams,
        body: typeof init?.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : null,
      };
      sent.push(req);
      const r = handlers.reduce<Reply>((found, h) => found ?? h(req), undefined) ?? {
        status: 404,
        body: { code: 'not_found', message: 'Không tìm thấy' },
      };
      // a 204 has no body (the Response constructor refuses one)
      return new Response(r.status === 204 ? null : JSON.stringify(r.body), {
        status: r.status ?? 200,
        headers: { 'content-type': 'application/json' },
      });
    }),
  );
  return sent;
}

/** Answers GET `path` with `body`. */
export const get =
  (path: string, body: unknown): Handler =>
  (req) =>
    req.method === 'GET' && req.path === path ? reply(body) : undefined;

export function renderWithApp(node: ReactNode) {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={qc}>
      <AntApp>{node}</AntApp>
    </QueryClientProvider>,
  );
}

/** One page holding all of `items`. */
export const page = <T,>(items: T[]) => ({ items, total: items.length, page: 1, pageSize: 20 });

/** A unit as GET /units/:id returns it: enough for UnitSelect to name a chosen unit. */
export function unitDetail(id: number, name: string) {
  return {
    id,
    code: `U${id}`,
    name,
    shortName: null,
    kind: 'district',
    organisation: 'doan',
    parentId: 1,
    parentName: 'Tỉnh đoàn Đắk Nông',
    status: 'active',
    validFrom: '2000-01-01',
    validTo: null,
    place: null,
    version: 1,
    updatedAt: '2026-01-01T00:00:00Z',
    path: [{ id, name }],
    childCount: 0,
    canEdit: true,
  };
}
