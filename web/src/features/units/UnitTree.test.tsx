// @vitest-environment happy-dom
import { afterEach, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { UnitTreeNode } from '@canbo/contract';
import '../../i18n';
import { UnitTree } from './UnitTree';

const node = (id: number, name: string, over: Partial<UnitTreeNode> = {}): UnitTreeNode => ({
  id,
  parentId: null,
  code: `U${id}`,
  name,
  kind: 'province',
  organisation: 'doan',
  status: 'active',
  validFrom: '2004-01-01',
  validTo: null,
  hasChildren: true,
  ...over,
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

it('draws the roots of today, then the tree as it stood on the chosen date', async () => {
  const fetchMock = vi.fn(async (url: string) => {
    const asOf = new URL(url, 'http://x').searchParams.get('asOf');
    const items =
      asOf === '2024-01-23' ? [node(2, 'Tỉnh đoàn Đắk Nông')] : [node(1, 'Tỉnh đoàn Lâm Đồng', { status: 'interim' })];
    return new Response(JSON.stringify({ items, total: items.length, page: 1, pageSize: 500 }), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const tree = (asOf: string | null) => (
    <QueryClientProvider client={qc}>
      <UnitTree asOf={asOf} includeEnded={false} onOpen={() => {}} />
    </QueryClientProvider>
  );
  const { rerender } = render(tree(null));
  expect(await screen.findByText('Tỉnh đoàn Lâm Đồng')).toBeTruthy();
  expect(screen.getByText('Lâm thời')).toBeTruthy();
  expect(String(fetchMock.mock.calls[0]?.[0])).toBe('/api/v1/units/tree?pageSize=500');

  rerender(tree('2024-01-23'));
  expect(await screen.findByText('Tỉnh đoàn Đắk Nông')).toBeTruthy();
  expect(screen.queryByText('Tỉnh đoàn Lâm Đồng')).toBeNull();
  expect(fetchMock.mock.calls.map(([u]) => String(u))).toContain('/api/v1/units/tree?asOf=2024-01-23&pageSize=500');
});
