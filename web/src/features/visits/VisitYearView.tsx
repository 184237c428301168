import { useState } from 'react';
import { Alert, Button, Card, Flex, Progress, Select, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { VisitPersonYear, VisitStatus, VisitTrip } from '@canbo/contract';
import { formatDate, today } from '../../lib/format';
import { ReportFileLink } from './ReportFileLink';
import { RegistrationFormModal } from './RegistrationFormModal';
import { ReportFormModal } from './ReportFormModal';
import { TripFormModal } from './TripFormModal';

/** The colour of each compliance status, on the year card and in the compliance list. */
export const STATUS_COLOR: Record<VisitStatus, string> = { done: 'green', on_track: 'blue', behind: 'orange' };

/** The years a cadre's visits are looked at: two back, this one, and the next (registering ahead). */
export function VisitYearSelect({ value, onChange }: { value: number; onChange: (year: number) => void }) {
  const { t } = useTranslation('visits');
  const thisYear = Number(today().slice(0, 4));
  return (
    <Select
      aria-label={t('year')}
      value={value}
      onChange={onChange}
      options={[thisYear - 2, thisYear - 1, thisYear, thisYear + 1].map((y) => ({ value: y, label: String(y) }))}
      style={{ width: 100 }}
    />
  );
}

const whole = { whiteSpace: 'nowrap' } as const;

/**
 * A trip card's title: its dates and days, wrapping between them rather than cut off beside the
 * report button on a phone (a date itself never breaks).
 */
function TripDates({ trip }: { trip: VisitTrip }) {
  const { t } = useTranslation('visits');
  return (
    <span style={{ whiteSpace: 'normal' }} data-testid="trip-dates">
      <span style={whole}>{formatDate(trip.startDate)}</span> – <span style={whole}>{formatDate(trip.endDate)}</span>
      {' · '}
      <span style={whole}>{t('days', { count: trip.daysInYear })}</span>
    </span>
  );
}

/**
 * One cadre's year: days against the requirement, the registration, the trips with their reports,
 * and (for whoever may edit) logging a trip and filing a report. `own` words the missing
 * registration to the cadre themself rather than to staff looking at the record.
 */
export function VisitYearView({ year: y, own }: { year: VisitPersonYear; own: boolean }) {
  const { t } = useTranslation('visits');
  const [logging, setLogging] = useState(false);
  const [registering, setRegistering] = useState(false);
  const [reporting, setReporting] = useState<VisitTrip | null>(null);
  const percent = Math.min(100, Math.round((y.days / y.requirement) * 100));
  return (
    <>
      <Card size="small" data-testid="visit-totals">
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Typography.Text strong data-testid="visit-days">
            {t('daysDone', { days: y.days, requirement: y.requirement })}
          </Typography.Text>
          <Tag color={STATUS_COLOR[y.status]}>{t(`status.${y.status}`)}</Tag>
        </Flex>
        <Progress
          percent={percent}
          status={y.status === 'done' ? 'success' : 'active'}
          aria-label={t('daysDone', { days: y.days, requirement: y.requirement })}
        />
        {y.registration ? (
          <Flex justify="space-between" align="center" wrap gap={8}>
            <Typography.Text type="secondary" data-testid="visit-registration">
              {t('registeredAt', { unit: y.registration.hostUnitName, year: y.year })}
            </Typography.Text>
            {y.canEdit && (
              <Button size="small" onClick={() => setRegistering(true)}>
                {t('changeUnit')}
              </Button>
            )}
          </Flex>
        ) : (
          <Flex vertical gap={8}>
            <Alert type="warning" title={t(own ? 'noRegistration' : 'noRegistrationOf', { year: y.year })} />
            {y.canEdit && (
              <Button type="primary" block size="large" onClick={() => setRegistering(true)}>
                {t('register', { year: y.year })}
              </Button>
            )}
          </Flex>
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
      {y.trips.length === 0 ? (
        <Typography.Text type="secondary">{t('noTrips')}</Typography.Text>
      ) : (
        y.trips.map((trip) => (
          <Card
            key={trip.id}
            size="small"
            title={<TripDates trip={trip} />}
            extra={
              y.canEdit &&
              trip.endDate <= today() && (
                <Button size="small" onClick={() => setReporting(trip)}>
                  {t('fileReport')}
                </Button>
              )
            }
          >
            <Flex vertical gap={4} align="flex-start">
              <span>
                {trip.hostUnitName}: {trip.purpose}
              </span>
              <ReportFileLink trip={trip} />
              {trip.reportFiledAt ? (
                <Tag color="green">{t('reported')}</Tag>
              ) : trip.reportOverdue ? (
                <Tag color="red">{t('overdue')}</Tag>
              ) : (
                <Tag>{t('dueBy', { date: formatDate(trip.reportDueDate) })}</Tag>
              )}
            </Flex>
          </Card>
        ))
      )}
      {y.registration && (
        <TripFormModal
          open={logging}
          onClose={() => setLogging(false)}
          personId={y.personId}
          hostUnitId={y.registration.hostUnitId}
        />
      )}
      <ReportFormModal key={reporting?.id ?? 'none'} trip={reporting} onClose={() => setReporting(null)} />
      <RegistrationFormModal
        open={registering}
        onClose={() => setRegistering(false)}
        personId={y.personId}
        year={y.year}
        registration={y.registration}
      />
    </>
  );
}
