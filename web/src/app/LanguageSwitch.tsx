import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_KEY } from '../i18n/init';

const LANGUAGES = [
  { code: 'vi', label: 'VI' },
  { code: 'en', label: 'EN' },
] as const;

/**
 * VI | EN, on the login page and in the menu bar. Two of antd's buttons side by side rather than its
 * Segmented control, which brings the tooltip's code: on the login page, the first a phone downloads,
 * that was a twentieth of its scripts for two letters.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = i18n.language.startsWith('en') ? 'en' : 'vi';
  return (
    <Space.Compact size="small">
      {LANGUAGES.map(({ code, label }) => (
        <Button
          key={code}
          size="small"
          type={code === current ? 'primary' : 'default'}
          aria-pressed={code === current}
          // Named by the letters it shows (a voice command says what it sees: an aria-label of the
          // language's full name hid them), described by that full name.
          title={t(`common:language.${code}`)}
          onClick={() => {
            localStorage.setItem(LANGUAGE_KEY, code);
            void i18n.changeLanguage(code);
          }}
        >
          {label}
        </Button>
      ))}
    </Space.Compact>
  );
}
