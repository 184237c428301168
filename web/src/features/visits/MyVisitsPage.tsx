import { useState } from 'react';
import { Alert, Button, Card, Flex, List, Progress, Select, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { VisitPersonYear, VisitStatus, VisitTrip } from '@canbo/contract';
import { formatDate, today } from '../../lib/format';
import { useMyYear } from './api';
import { ReportFormModal } from './ReportFormModal';
import { TripFormModal } from './TripFormModal';

const STATUS_COLOR: Record<VisitStatus, string> = { done: 'green', on_track: 'blue', behind: 'orange' };

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
        <Select
          aria-label={t('year')}
          value={year}
          onChange={setYear}
          options={[thisYear - 2, thisYear - 1, thisYear, thisYear + 1].map((y) => ({ value: y, label: String(y) }))}
          style={{ width: 100 }}
        />
      </Flex>
      {data.isLoading ? (
        <Spin />
      ) : data.data ? (
        <YearView year={data.data} />
      ) : (
        <Alert type="info" message={t('noRecord')} />
      )}
    </Flex>
  );
}

function YearView({ year: y }: { year: VisitPersonYear }) {
  const { t } = useTranslation('visits');
  const [logging, setLogging] = useState(false);
  const [reporting, setReporting] = useState<VisitTrip | null>(null);
  const percent = Math.min(100, Math.round((y.days / y.requirement) * 100));
  return (
    <>
      <Card size="small">
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Typography.Text strong data-testid="visit-days">
            {t('daysDone', { days: y.days, requirement: y.requirement })}
          </Typography.Text>
          <Tag color={STATUS_COLOR[y.status]}>{t(`status.${y.status}`)}</Tag>
        </Flex>
        <Progress percent={percent} status={y.status === 'done' ? 'success' : 'active'} />
        {y.registration ? (
          <Typography.Text type="secondary">{t('registeredAt', { unit: y.registration.hostUnitName })}</Typography.Text>
        ) : (
          <Alert type="warning" message={t('noRegistration', { year: y.year })} />
        )}
      </Card>
      {y.canEdit && y.registration && (
        <Button type="primary" block size="large" onClick={() => setLogging(true)}>
          {t('logTrip')}
        </Button>
      )}
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('trips')}
      </Typography.Title>
      <List
        dataSource={y.trips}
        locale={{ emptyText: t('noTrips') }}
        renderItem={(trip) => (
          <List.Item
            actions={
              y.canEdit && trip.endDate <= today()
                ? [
                    <Button key="report" size="small" onClick={() => setReporting(trip)}>
                      {t('fileReport')}
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={`${formatDate(trip.startDate)} – ${formatDate(trip.endDate)} · ${t('days', { count: trip.daysInYear })}`}
              description={
                <Flex vertical gap={4}>
                  <span>
                    {trip.hostUnitName}: {trip.purpose}
                  </span>
                  <span>
                    {trip.reportFiledAt ? (
                      <Tag color="green">{t('reported')}</Tag>
                    ) : trip.reportOverdue ? (
                      <Tag color="red">{t('overdue')}</Tag>
                    ) : (
                      <Tag>{t('dueBy', { date: formatDate(trip.reportDueDate) })}</Tag>
                    )}
                  </span>
                </Flex>
              }
            />
          </List.Item>
        )}
      />
      {y.registration && (
        <TripFormModal
          open={logging}
          onClose={() => setLogging(false)}
          personId={y.personId}
          hostUnitId={y.registration.hostUnitId}
        />
      )}
      <ReportFormModal trip={reporting} onClose={() => setReporting(null)} />
    </>
  );
}
