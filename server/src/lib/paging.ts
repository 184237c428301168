import type { Page, PageQuery } from '@canbo/contract';

export function offsetOf(q: Pick<PageQuery, 'page' | 'pageSize'>): number {
  return (q.page - 1) * q.pageSize;
}

export function pageFrom<T>(items: T[], total: number, q: Pick<PageQuery, 'page' | 'pageSize'>): Page<T> {
  return { items, total, page: q.page, pageSize: q.pageSize };
}
