// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { renderHook } from '@testing-library/react';
import i18n from '../i18n';
import { useListPagination } from './paging';

describe('a list’s pager', () => {
  const totalText = (total: number, more?: boolean) => {
    const { result } = renderHook(() => useListPagination());
    const pager = result.current(1, 20, total, more);
    return pager.showTotal!(pager.total!, [1, 20]);
  };

  it('gives the exact total, or says "more than" when the server stopped counting', async () => {
    await i18n.changeLanguage('vi');
    expect(totalText(18)).toBe('Tổng 18 bản ghi');
    expect(totalText(1000, true)).toBe('Hơn 1.000 bản ghi — thu hẹp tìm kiếm để thấy hết');
    await i18n.changeLanguage('en');
    expect(totalText(1000, true)).toBe('More than 1,000 records — narrow the search to see them all');
    await i18n.changeLanguage('vi');
  });
});
