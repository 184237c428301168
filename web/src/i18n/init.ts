import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGUAGE_KEY = 'canbo.language';

type Resources = Record<string, { vi: object; en: object }>;

/**
 * Starts i18next with the given namespaces (each feature's words, Vietnamese and English). The app
 * gives all of them (`./index.ts`); the login page only its own and the shared ones, so that it
 * downloads no other feature's words.
 */
export function initI18n(namespaces: Resources): typeof i18n {
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
  return i18n;
}
