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
    // A word without a translation would show as its key: say so in the console, where the browser
    // tour (e2e/tour) fails on it. A call that gives its own default expects some keys to be absent.
    saveMissing: true,
    missingKeyHandler: (_lngs, ns, key, _fallback, _update, options: { defaultValue?: unknown } | undefined) => {
      if (options?.defaultValue === undefined) console.error(`i18n: missing translation ${ns}:${key}`);
    },
  });
  return i18n;
}
