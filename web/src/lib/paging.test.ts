import { describe, expect, it } from 'vitest';
import type { TablePaginationConfig } from 'antd';
import { tableChange, type TableSearch } from './paging';

type Search = TableSearch<'startYear' | 'name' | 'code' | 'updatedAt'> & { q?: string };

/** The address a table change leads to, from `search`. */
function after(
  search: Search,
  pg: TablePaginationConfig,
  sorter: { columnKey?: string; order?: 'ascend' | 'descend' },
  action: 'paginate' | 'sort',
): Search | undefined {
  let next: Search | undefined;
  const onChange = tableChange<unknown, Search>(search, (s) => (next = s), {
    sortable: ['startYear', 'name', 'code'],
    newestFirst: 'startYear',
    defaultPageSize: 20,
  });
  onChange(pg, {}, sorter, { action, currentDataSource: [] });
  return next;
}

describe('a list table’s change in the address', () => {
  it('keeps only what differs from the defaults: newest first on the first page', () => {
    expect(
      after({ q: 'dak' }, { current: 1, pageSize: 20 }, { columnKey: 'startYear', order: 'descend' }, 'sort'),
    ).toEqual({
      q: 'dak',
      sort: undefined,
      order: undefined,
      page: undefined,
      pageSize: undefined,
    });
  });

  it('writes another column with its order, the page beyond the first and another page size', () => {
    expect(after({}, { current: 1, pageSize: 50 }, { columnKey: 'name', order: 'ascend' }, 'sort')).toMatchObject({
      sort: 'name',
      order: 'asc',
      pageSize: 50,
    });
    expect(after({}, { current: 1 }, { columnKey: 'code', order: 'descend' }, 'sort')).toMatchObject({
      sort: 'code',
      order: 'desc',
    });
    expect(after({}, { current: 1 }, { columnKey: 'startYear', order: 'ascend' }, 'sort')).toMatchObject({
      sort: undefined,
      order: 'asc',
    });
    expect(
      after({ sort: 'name' }, { current: 3, pageSize: 20 }, { columnKey: 'name', order: 'ascend' }, 'paginate'),
    ).toMatchObject({
      sort: 'name',
      page: 3,
    });
  });

  it('drops a column the list cannot sort by', () => {
    expect(after({ sort: 'name' }, { current: 1 }, { columnKey: 'unit', order: 'ascend' }, 'sort')).toMatchObject({
      sort: undefined,
      order: undefined,
    });
  });
});
