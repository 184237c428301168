import { useMemo, useState } from 'react';
import { Select, Typography } from 'antd';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { UnitKind, UnitStatus } from '@canbo/contract';
import { fetchUnit, fetchUnits, unitKeys } from './api';
import { useDebounced } from '../../lib/useDebounced';

interface Common {
  id?: string;
  placeholder?: string;
  disabled?: boolean;
  allowClear?: boolean;
  /** Only units in this unit's subtree. */
  within?: number;
  status?: UnitStatus;
  /** Units that make no sense here (the unit itself when choosing its new parent). */
  exclude?: number[];
  style?: React.CSSProperties;
  'aria-label'?: string;
}
interface Single extends Common {
  mode?: undefined;
  value?: number | null;
  onChange?: (value: number | null) => void;
}
interface Multiple extends Common {
  mode: 'multiple';
  value?: number[];
  onChange?: (value: number[]) => void;
}
export type UnitSelectProps = Single | Multiple;

interface Option {
  value: number;
  label: string;
  kind?: UnitKind;
  parentName?: string | null;
}

/**
 * Pick a unit (or several) by typing part of its name; the server searches without diacritics.
 * Works as a Form control: value is the unit id (ids with mode="multiple").
 */
export function UnitSelect(props: UnitSelectProps) {
  const { t } = useTranslation('units');
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const [open, setOpen] = useState(false);

  const found = useQuery({
    queryKey: unitKeys.list({ q, within: props.within, status: props.status, pageSize: 20, select: true }),
    queryFn: () => fetchUnits({ q: q || undefined, within: props.within, status: props.status, pageSize: 20 }),
    enabled: open || q !== '',
    staleTime: 30_000,
  });

  const selected: number[] = props.mode === 'multiple' ? (props.value ?? []) : props.value != null ? [props.value] : [];
  const foundIds = new Set(found.data?.items.map((u) => u.id));
  // A value set from outside (an existing record) needs its name: ask for the units not in the results.
  const missing = selected.filter((id) => !foundIds.has(id));
  const details = useQueries({
    queries: missing.map((id) => ({ queryKey: unitKeys.detail(id), queryFn: () => fetchUnit(id), staleTime: 60_000 })),
  });

  const exclude = props.exclude;
  const options = useMemo(() => {
    const byId = new Map<number, Option>();
    for (const d of details)
      if (d.data)
        byId.set(d.data.id, { value: d.data.id, label: d.data.name, kind: d.data.kind, parentName: d.data.parentName });
    for (const u of found.data?.items ?? [])
      if (!exclude?.includes(u.id))
        byId.set(u.id, { value: u.id, label: u.name, kind: u.kind, parentName: u.parentName });
    return [...byId.values()];
  }, [details, found.data, exclude]);

  const common = {
    id: props.id,
    'aria-label': props['aria-label'],
    style: { width: '100%', ...props.style },
    placeholder: props.placeholder ?? t('select.placeholder'),
    disabled: props.disabled,
    allowClear: props.allowClear ?? true,
    loading: found.isFetching,
    showSearch: { filterOption: false, onSearch: setSearch, searchValue: search, autoClearSearchValue: true },
    onOpenChange: setOpen,
    notFoundContent: found.isFetching ? t('common:loading') : t('select.none'),
    options,
    // Many branches share a name ("Chi đoàn 12A"): the kind and the parent tell them apart.
    optionRender: (o: { data: Option }) => (
      <div style={{ whiteSpace: 'normal', lineHeight: 1.3 }}>
        <div>{o.data.label}</div>
        {o.data.kind && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`common:unitKind.${o.data.kind}`)}
            {o.data.parentName ? ` · ${o.data.parentName}` : ''}
          </Typography.Text>
        )}
      </div>
    ),
  };

  if (props.mode === 'multiple') {
    const onChange = props.onChange;
    return (
      <Select<number[], Option>
        {...common}
        mode="multiple"
        value={props.value ?? []}
        onChange={(v) => {
          setSearch('');
          onChange?.(v);
        }}
      />
    );
  }
  const onChange = props.onChange;
  return (
    <Select<number | undefined, Option>
      {...common}
      value={props.value ?? undefined}
      onChange={(v) => {
        setSearch('');
        onChange?.(v ?? null);
      }}
    />
  );
}
