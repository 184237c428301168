import { useEffect, useState } from 'react';
import { Input } from 'antd';
import type { TablePaginationConfig } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Page } from '@canbo/contract';
import { usePaging } from '../../../lib/paging';
import { useDebounced } from '../../../lib/useDebounced';

/**
 * A class tab's trainee list, searched by name and paged: what the search box holds, the query it
 * settles into (back to page 1 on each new search) and the pager.
 */
export function useSearchPaging(pageSize: number) {
  const paging = usePaging(pageSize);
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const { restart } = paging;
  useEffect(restart, [q, restart]);
  return { ...paging, search, setSearch, query: { page: paging.page, pageSize: paging.pageSize, q: q || undefined } };
}

export function TraineeSearch({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const { t } = useTranslation('trainingResults');
  return (
    <Input.Search
      allowClear
      placeholder={t('attendance.search')}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      style={{ width: 240 }}
    />
  );
}

/** What every paged table of these tabs shares: compact, scrolling sideways on a phone. */
export function pagedTable<T>(
  q: { isFetching: boolean; data?: Page<T> },
  pagination: (total: number | undefined) => TablePaginationConfig,
  emptyText: string,
) {
  return {
    size: 'small' as const,
    loading: q.isFetching,
    dataSource: q.data?.items ?? [],
    pagination: pagination(q.data?.total),
    scroll: { x: 'max-content' as const },
    locale: { emptyText },
  };
}
