import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { routes } from '@canbo/contract';
import { call } from '../../api/client';
import type { DashboardSearch } from './dashboardSearch';

export function useDashboard(search: DashboardSearch) {
  return useQuery({
    queryKey: ['dashboard', search],
    queryFn: () => call(routes.dashboard.get, { query: search }),
    placeholderData: keepPreviousData,
  });
}
