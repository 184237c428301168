import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_KEY } from '../i18n/init';

export function LanguageSwitch() {
  const { i18n } = useTranslation();
  return (
    <Segmented
      size="small"
      value={i18n.language.startsWith('en') ? 'en' : 'vi'}
      options={[
        { label: 'VI', value: 'vi' },
        { label: 'EN', value: 'en' },
      ]}
      onChange={(lng) => {
        localStorage.setItem(LANGUAGE_KEY, lng);
        void i18n.changeLanguage(lng);
      }}
    />
  );
}
