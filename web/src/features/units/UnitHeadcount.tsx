import { useState } from 'react';
import { routes } from '@canbo/contract';
import { Card, DatePicker, Space, Statistic, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { DATE_FORMAT, today, toIsoDate } from '../../lib/format';
import { unitKeys } from './api';

/** How many people the unit (with its sub-units) had on a date: the same figure a report would count. */
export function UnitHeadcount({ unitId, validTo }: { unitId: number; validTo: string | null }) {
  const { t } = useTranslation('units');
  // an ended unit has nobody today: start from its last day
  const [date, setDate] = useState(() => (validTo ? dayjs(validTo).subtract(1, 'day').format('YYYY-MM-DD') : today()));
  const q = useQuery({
    queryKey: unitKeys.headcount(unitId, date),
    queryFn: () => call(routes.units.headcount, { params: { id: unitId }, query: { date } }),
  });
  return (
    <Card size="small" title={t('headcount.title')} style={{ marginTop: 16 }}>
      <Space wrap size="large" align="center">
        <Space orientation="vertical" size={2}>
          <Typography.Text type="secondary">{t('headcount.date')}</Typography.Text>
          <DatePicker
            aria-label={t('headcount.date')}
            format={DATE_FORMAT}
            allowClear={false}
            value={dayjs(date)}
            onChange={(d) => setDate(toIsoDate(d) ?? today())}
          />
        </Space>
        {q.isError ? (
          <Typography.Text type="danger">{q.error.message}</Typography.Text>
        ) : (
          <Statistic loading={q.isLoading} value={q.data?.people ?? 0} suffix={t('headcount.unit')} />
        )}
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('headcount.hint')}
      </Typography.Paragraph>
    </Card>
  );
}
