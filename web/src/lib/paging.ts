import { useCallback, useState } from 'react';
import type { TablePaginationConfig, TableProps } from 'antd';
import { useTranslation } from 'react-i18next';

export const PAGE_SIZE_OPTIONS = [20, 50, 100, 200];

type SortOrder = 'asc' | 'desc';
type Sorter<T> = Parameters<NonNullable<TableProps<T>['onChange']>>[2];

/**
 * The pager of a full list page: the user picks the page size (at most what the server allows)
 * and sees the total.
 */
export function useListPagination() {
  const { t, i18n } = useTranslation();
  /** `more`: the server stopped counting at `total` (a name search); the list holds more than that. */
  return (page: number, pageSize: number, total: number | undefined, more = false): TablePaginationConfig => ({
    current: page,
    pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: PAGE_SIZE_OPTIONS,
    showTotal: (count) =>
      more
        ? t('common:table.totalMore', { n: count.toLocaleString(i18n.language === 'en' ? 'en-US' : 'vi-VN') })
        : t('common:table.total', { count }),
  });
}

/** Page and page size of a list that keeps them in the component rather than the address. */
export function usePaging(initialPageSize = 20) {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(initialPageSize);
  const listPagination = useListPagination();
  const restart = useCallback(() => setPage(1), []);
  return {
    page,
    pageSize,
    /** Back to the first page, when what the list shows changes. */
    restart,
    pagination: (total: number | undefined): TablePaginationConfig => ({
      ...listPagination(page, pageSize, total),
      onChange: (p, s) => {
        setPage(p);
        setPageSize(s);
      },
    }),
  };
}

/** A short list inside a page (a tab, a card): a fixed page size, no pager when one page holds it all. */
export function useFixedPaging(pageSize: number) {
  const [page, setPage] = useState(1);
  const restart = useCallback(() => setPage(1), []);
  return {
    page,
    pageSize,
    restart,
    pagination: (total: number | undefined): TablePaginationConfig => ({
      current: page,
      pageSize,
      total: total ?? 0,
      hideOnSinglePage: true,
      showSizeChanger: false,
      onChange: setPage,
    }),
  };
}

/** The column the user sorted by and the direction, from antd's table change; nothing when unsorted. */
export function sortOf<T>(sorter: Sorter<T>): { column?: string; order?: SortOrder } {
  const s = Array.isArray(sorter) ? (sorter[0] as Sorter<T> | undefined) : sorter;
  if (!s || Array.isArray(s) || !s.order || typeof s.columnKey !== 'string') return {};
  return { column: s.columnKey, order: s.order === 'descend' ? 'desc' : 'asc' };
}

/** antd's arrow for a column: shown on the column the list is sorted by. */
export function sortArrow(sorted: boolean, order: SortOrder | undefined) {
  return sorted ? (order === 'desc' ? 'descend' : 'ascend') : null;
}

/** What a list page keeps of its table in the address. */
export interface TableSearch<C extends string> {
  sort?: C;
  order?: SortOrder;
  page?: number;
  pageSize?: number;
}

/**
 * A list table's change (sort, page, page size) written to the address, keeping only what differs
 * from the defaults: the default column (`newestFirst`, newest first) and the first page stay out,
 * the order only when it is not the column's default, the page size only when not `defaultPageSize`.
 */
export function tableChange<T, S extends TableSearch<string>>(
  search: S,
  setSearch: (next: S) => void,
  o: { sortable: readonly NonNullable<S['sort']>[]; newestFirst: NonNullable<S['sort']>; defaultPageSize: number },
): NonNullable<TableProps<T>['onChange']> {
  return (pg, _filters, sorter, extra) => {
    const s = sortOf(sorter);
    const column = o.sortable.find((c) => c === s.column);
    setSearch({
      ...search,
      sort: column === o.newestFirst ? undefined : column,
      order: column && s.order === 'asc' ? 'asc' : column && column !== o.newestFirst ? 'desc' : undefined,
      page: extra.action === 'paginate' && pg.current && pg.current > 1 ? pg.current : undefined,
      pageSize: pg.pageSize && pg.pageSize !== o.defaultPageSize ? pg.pageSize : undefined,
    });
  };
}
