import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useKinds } from './api';

/** Pick a training kind; retired kinds are left out unless one is already the value. */
export function KindSelect({
  value,
  onChange,
  id,
  placeholder,
  allowClear,
  'aria-label': ariaLabel,
}: {
  value?: string | null;
  onChange?: (value: string | null) => void;
  id?: string;
  placeholder?: string;
  allowClear?: boolean;
  'aria-label'?: string;
}) {
  const { t } = useTranslation('training');
  const kinds = useKinds();
  const options = (kinds.data?.items ?? [])
    .filter((k) => k.active || k.code === value)
    .map((k) => ({ value: k.code, label: k.name }));
  return (
    <Select<string>
      id={id}
      aria-label={ariaLabel}
      allowClear={allowClear}
      style={{ width: '100%' }}
      placeholder={placeholder ?? t('field.kindCode')}
      loading={kinds.isLoading}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={options}
    />
  );
}
