import { useState } from 'react';
import { routes } from '@canbo/contract';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { call } from '../../api/client';
import { formatDate } from '../../lib/format';
import { useDebounced } from '../../lib/useDebounced';

/** Pick a cadre by typing part of the name (diacritics optional); the server searches, 20 at a time. */
export function PersonSelect({
  value,
  onChange,
  unitId,
  id,
  placeholder,
}: {
  value?: number | null;
  onChange?: (value: number | null) => void;
  unitId?: number;
  id?: string;
  placeholder?: string;
}) {
  const { t } = useTranslation('people');
  const [input, setInput] = useState('');
  const q = useDebounced(input.trim(), 300);
  const list = useQuery({
    queryKey: ['people', 'pick', q, unitId],
    queryFn: () => call(routes.people.list, { query: { q, unitId, pageSize: 20 } }),
  });
  return (
    <Select<number>
      id={id}
      showSearch={{ filterOption: false, onSearch: setInput }}
      allowClear
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      placeholder={placeholder ?? t('pickPerson')}
      loading={list.isFetching}
      notFoundContent={list.isFetching ? t('common:loading') : t('common:table.empty')}
      options={(list.data?.items ?? []).map((p) => ({
        value: p.id,
        label: `${p.fullName}${p.birthDate ? ` (${formatDate(p.birthDate)})` : ''} – ${p.unitName}`,
      }))}
      style={{ width: '100%' }}
      // A name with its birth date and unit is longer than a phone's field: the chosen one and the
      // offered ones wrap onto a second line rather than being cut, so two namesakes stay apart.
      styles={{ content: { whiteSpace: 'normal' } }}
      optionRender={(option) => <div style={{ whiteSpace: 'normal' }}>{option.label}</div>}
    />
  );
}
