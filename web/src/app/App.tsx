// Every feature's words, set up before any of the app's modules runs.
import '../i18n';
import { App as AntApp } from 'antd';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { ApiError, setUnauthenticatedHandler } from '../api/client';
import { ME_KEY } from '../features/auth/useMe';
import { router } from './router';
import { Theme } from './Theme';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // a 4xx will not get better by asking again
      retry: (count, err) => !(err instanceof ApiError && err.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

setUnauthenticatedHandler(() => {
  queryClient.setQueryData(ME_KEY, null);
  if (!location.pathname.startsWith('/login')) {
    void router.navigate({ to: '/login', search: { redirect: location.pathname + location.search } });
  }
});

export function App() {
  return (
    <Theme>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AntApp>
    </Theme>
  );
}
