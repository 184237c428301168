import { useState } from 'react';
import { Alert, Flex, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { errorMessage } from '../../lib/errors';
import { today } from '../../lib/format';
import { useMyYear } from './api';
import { VisitYearSelect, VisitYearView } from './VisitYearView';

/** The cadre's own year on a phone: days against the requirement, the trips, the reports owed. */
export function MyVisitsPage() {
  const { t } = useTranslation('visits');
  const thisYear = Number(today().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const data = useMyYear(year);

  return (
    <Flex vertical gap={12} style={{ maxWidth: 640 }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('myTitle')}
        </Typography.Title>
        <VisitYearSelect value={year} onChange={setYear} />
      </Flex>
      {data.isLoading ? (
        <Spin />
      ) : data.data ? (
        <VisitYearView year={data.data} own />
      ) : data.error instanceof ApiError && data.error.status !== 404 ? (
        // Only "no record of your own" is a 404; anything else is a real failure and says so.
        <Alert type="error" showIcon title={errorMessage(data.error)} />
      ) : (
        <Alert type="info" title={t('noRecord')} />
      )}
    </Flex>
  );
}
