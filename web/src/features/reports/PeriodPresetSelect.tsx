import { useMemo } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { today } from '../../lib/format';
import { periodPresets } from './periodPresets';

/** A period report's quick choices (month, half-year, year, term, many years); the dates stay editable. */
export function PeriodPresetSelect({
  from,
  to,
  onChange,
}: {
  from: string | undefined;
  to: string | undefined;
  onChange: (period: { from: string; to: string }) => void;
}) {
  const { t } = useTranslation('reports');
  const presets = useMemo(() => periodPresets(today()), []);
  const chosen = presets.findIndex((p) => p.from === from && p.to === to);
  return (
    <Select
      aria-label={t('preset')}
      placeholder={t('preset')}
      style={{ minWidth: 220 }}
      virtual={false}
      value={chosen >= 0 ? chosen : null}
      options={presets.map((p, i) => ({ value: i, label: t(p.label, p.values) }))}
      onChange={(i: number) => onChange({ from: presets[i]!.from, to: presets[i]!.to })}
    />
  );
}
