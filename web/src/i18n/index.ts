import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { namespaces } from './namespaces';

export const LANGUAGE_KEY = 'canbo.language';

void i18n.use(initReactI18next).init({
  resources: {
    vi: Object.fromEntries(Object.entries(namespaces).map(([ns, r]) => [ns, r.vi])),
    en: Object.fromEntries(Object.entries(namespaces).map(([ns, r]) => [ns, r.en])),
  },
  lng: localStorage.getItem(LANGUAGE_KEY) ?? 'vi',
  fallbackLng: 'vi',
  defaultNS: 'common',
  ns: Object.keys(namespaces),
  interpolation: { escapeValue: false },
});

export default i18n;
