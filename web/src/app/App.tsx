import { useEffect } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import viVN from 'antd/locale/vi_VN';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError, setUnauthenticatedHandler } from '../api/client';
import { ME_KEY } from '../features/auth/useMe';
import { router } from './router';

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
  const { i18n } = useTranslation();
  const en = i18n.language.startsWith('en');
  useEffect(() => {
    dayjs.locale(en ? 'en' : 'vi');
    document.documentElement.lang = en ? 'en' : 'vi';
  }, [en]);
  return (
    <ConfigProvider
      locale={en ? enUS : viVN}
      theme={{
        token: {
          colorPrimary: '#0b57d0',
          fontFamily: "'Be Vietnam Pro', system-ui, sans-serif",
          // antd's grey for secondary text (45% black) falls short of the 4.5:1 contrast small text
          // needs (WCAG AA); 60% black reads at 5.7:1 on white and above 5:1 on the light greys.
          colorTextDescription: 'rgba(0, 0, 0, 0.6)',
          colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
          // A select's placeholder is drawn as text (4.7:1), lighter than a chosen value still.
          colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
        },
      }}
    >
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
