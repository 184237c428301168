import { useEffect, type ReactNode } from 'react';
import { ConfigProvider } from 'antd';
import viVN from 'antd/es/locale/vi_VN';
import enUS from 'antd/es/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { useTranslation } from 'react-i18next';
import { THEME_TOKEN } from './themeToken';

/** antd's texts, dates and look in the user's language: the app and the login page alike. */
export function Theme({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const en = i18n.language.startsWith('en');
  useEffect(() => {
    dayjs.locale(en ? 'en' : 'vi');
    document.documentElement.lang = en ? 'en' : 'vi';
  }, [en]);
  return (
    <ConfigProvider locale={en ? enUS : viVN} theme={{ token: THEME_TOKEN }}>
      {children}
    </ConfigProvider>
  );
}
