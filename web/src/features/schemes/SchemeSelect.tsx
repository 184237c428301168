import { useState } from 'react';
import { Select, Space, Typography } from 'antd';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { SchemeLink } from '@canbo/contract';
import { useDebounced } from '../../lib/useDebounced';
import { useScheme, useSchemeLinks, useSchemes, type LinkOwner } from './api';

/**
 * The schemes offered by a scheme field: those already chosen, then those matching what is typed
 * (name or code, without diacritics) among the schemes the user sees, newest first.
 */
function useSchemeOptions(current: SchemeLink[]) {
  const { t } = useTranslation('schemes');
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const q = useDebounced(text.trim(), 300);
  const found = useSchemes({ q: q || undefined, pageSize: 50, sort: 'startYear', order: 'desc' }, open || q !== '');
  const options = new Map<number, string>();
  for (const s of current) options.set(s.id, `${s.code} – ${s.name}`);
  for (const s of found.data?.items ?? []) options.set(s.id, `${s.code} – ${s.name}`);
  return {
    showSearch: true,
    filterOption: false,
    loading: found.isFetching,
    onSearch: setText,
    onOpenChange: setOpen,
    notFoundContent: found.isFetching ? t('common:loading') : t('empty'),
    options: [...options].map(([value, label]) => ({ value, label })),
  } as const;
}

/** Pick one scheme (a report's), searched as the link field searches. */
export function OneSchemeSelect({
  value,
  onChange,
  ...rest
}: {
  value: number | null;
  onChange: (v: number | null) => void;
  placeholder?: string;
  'aria-label'?: string;
  style?: React.CSSProperties;
}) {
  // The chosen scheme's name, when it came from the address rather than from a search.
  const chosen = useScheme(value ?? 0);
  const offered = useSchemeOptions(chosen.data ? [chosen.data] : []);
  return <Select<number> allowClear {...offered} {...rest} value={value} onChange={(v) => onChange(v ?? null)} />;
}

/**
 * Pick the schemes a class or a study serves (several may), searched by name or code without
 * diacritics among the schemes the user sees; the server refuses one out of the record's reach.
 */
export function SchemeSelect({
  id,
  value,
  onChange,
  current = [],
}: {
  id?: string;
  value?: number[];
  onChange?: (v: number[]) => void;
  /** The schemes already linked: their names before any search. */
  current?: SchemeLink[];
}) {
  const { t } = useTranslation('schemes');
  const offered = useSchemeOptions(current);
  return (
    <Select<number[]>
      id={id}
      mode="multiple"
      allowClear
      {...offered}
      placeholder={t('links.pick')}
      value={value ?? []}
      onChange={(v) => onChange?.(v)}
      style={{ width: '100%' }}
    />
  );
}

/** The schemes a class or a study serves, each a link to its page. */
export function LinkedSchemes({ owner, id }: { owner: LinkOwner; id: number }) {
  const { t } = useTranslation('schemes');
  const links = useSchemeLinks(owner, id);
  const items = links.data?.items ?? [];
  if (links.isLoading) return <Typography.Text type="secondary">{t('common:loading')}</Typography.Text>;
  if (!items.length) return <Typography.Text type="secondary">{t('links.none')}</Typography.Text>;
  return (
    <Space orientation="vertical" size={0} data-testid="linked-schemes">
      {items.map((s) => (
        <Link key={s.id} to="/schemes/$id" params={{ id: String(s.id) }}>
          {s.name} ({s.startYear}–{s.endYear})
        </Link>
      ))}
    </Space>
  );
}

/** The set changed (order aside): only then is the link route called. */
export function sameSchemes(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && [...a].sort().join() === [...b].sort().join();
}
