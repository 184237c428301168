import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultConfig, DesignTokenContext } from 'antd/es/theme/context';
import { common } from '../../i18n/common';
import { initI18n } from '../../i18n/init';
import { THEME_TOKEN } from '../../app/themeToken';
import { auth } from './i18n';
import { LoginPage } from './LoginPage';

// Only the words the page shows: the other features' namespaces come with the app.
initI18n({ common, auth });

/**
 * The app's colours and font without antd's ConfigProvider, which brings its form engine, tooltips
 * and the date library's locales: the page has none of those, and a third of its download went to them.
 */
const token = { ...defaultConfig.token, ...THEME_TOKEN };
const design = { ...defaultConfig, token, override: { override: token } };

/**
 * What `/login` loads: the sign-in page alone, without the app's router, query cache, route schemas
 * or shell, so a phone on a weak connection downloads little before it can sign in.
 */
export function LoginApp() {
  const { i18n } = useTranslation();
  const lang = i18n.language.startsWith('en') ? 'en' : 'vi';
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  return (
    <DesignTokenContext.Provider value={design}>
      <LoginPage />
    </DesignTokenContext.Provider>
  );
}
