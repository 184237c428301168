import { useId } from 'react';
import { DatePicker, Space, Switch, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DATE_FORMAT, toIsoDate } from '../../lib/format';

export interface AsOfControlsProps {
  asOf: string | null;
  onAsOf: (d: string | null) => void;
  includeEnded: boolean;
  onIncludeEnded: (v: boolean) => void;
}

/** "Xem theo ngày" and "show dissolved units": the two ways to look at the tree's past. */
export function AsOfControls({ asOf, onAsOf, includeEnded, onIncludeEnded }: AsOfControlsProps) {
  const { t } = useTranslation('units');
  const dateId = useId();
  const endedId = useId();
  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
      <label htmlFor={dateId}>
        <Typography.Text type="secondary">{t('tree.asOf')}</Typography.Text>
      </label>
      <DatePicker
        id={dateId}
        aria-label={t('tree.asOf')}
        format={DATE_FORMAT}
        placeholder={t('tree.today')}
        value={asOf ? dayjs(asOf) : null}
        onChange={(d) => onAsOf(toIsoDate(d))}
        style={{ width: '100%' }}
      />
      <Space size={8}>
        <Switch
          id={endedId}
          size="small"
          checked={includeEnded}
          onChange={onIncludeEnded}
          aria-label={t('tree.includeEnded')}
        />
        <label htmlFor={endedId}>
          <Typography.Text type="secondary">{t('tree.includeEnded')}</Typography.Text>
        </label>
      </Space>
    </Space>
  );
}
