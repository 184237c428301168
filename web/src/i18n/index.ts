import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { common } from './common';
import { auth } from '../features/auth/i18n';
import { units } from '../features/units/i18n';
import { people } from '../features/people/i18n';
import { users } from '../features/users/i18n';
import { positions } from '../features/positions/i18n';
import { audit } from '../features/audit/i18n';

/** Each feature keeps its words in its own namespace; Vietnamese first, English complete. */
const namespaces = { common, auth, units, people, users, positions, audit };

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
