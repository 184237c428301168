import { useState } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Programme } from '@canbo/contract';
import { useDebounced } from '../../../lib/useDebounced';
import { useProgrammes } from '../catalogue/api';

/**
 * Pick a programme of the chosen kind by typing part of its name. `onPicked` hands the whole
 * programme over, so the form can take its target titles and length.
 */
export function ProgrammeSelect({
  id,
  value,
  onChange,
  kindCode,
  current,
  onPicked,
}: {
  id?: string;
  value?: number | null;
  onChange?: (value: number | null) => void;
  kindCode: string | null | undefined;
  /** The class's programme, named even when it is retired or not among the results. */
  current?: { id: number; name: string } | null;
  onPicked?: (p: Programme | null) => void;
}) {
  const { t } = useTranslation('training');
  const [input, setInput] = useState('');
  const q = useDebounced(input.trim(), 300);
  const list = useProgrammes({ q: q || undefined, kindCode: kindCode ?? undefined, active: 'true', pageSize: 50 });
  const items = list.data?.items ?? [];
  const options = items.map((p) => ({ value: p.id, label: p.name }));
  if (current && !items.some((p) => p.id === current.id)) options.unshift({ value: current.id, label: current.name });

  return (
    <Select<number>
      id={id}
      allowClear
      showSearch={{ filterOption: false, onSearch: setInput }}
      style={{ width: '100%' }}
      placeholder={kindCode ? t('form.pickProgramme') : t('form.pickKindFirst')}
      loading={list.isFetching}
      notFoundContent={list.isFetching ? t('common:loading') : t('common:table.empty')}
      value={value ?? undefined}
      options={options}
      onChange={(v) => {
        onChange?.(v ?? null);
        onPicked?.(items.find((p) => p.id === v) ?? null);
      }}
    />
  );
}
