import { useState } from 'react';
import { foldVietnamese, routes } from '@canbo/contract';
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
    queryKey: ['people', 'pick', q, unitId] as const,
    queryFn: () => call(routes.people.list, { query: { q, unitId, pageSize: 20 } }),
    // While the next search is on its way the list keeps the people already shown that still match what
    // is typed (the server's own rule: the folded name contains the folded text), instead of emptying:
    // a click on a name landed on a list that vanished under it. Never another unit's people.
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[3] === unitId ? previous : undefined),
  });
  const typed = foldVietnamese(input);
  const shown = (list.data?.items ?? []).filter((p) => foldVietnamese(p.fullName).includes(typed));
  return (
    <Select<number>
      id={id}
      showSearch={{ filterOption: false, onSearch: setInput }}
      allowClear
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      placeholder={placeholder ?? t('pickPerson')}
      loading={list.isFetching}
      notFoundContent={list.isFetching || q !== input.trim() ? t('common:loading') : t('common:table.empty')}
      options={shown.map((p) => ({
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
