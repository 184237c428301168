import { useState } from 'react';
import { Button, Card, Flex, Form, Select, Tag, Typography } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import {
  routes,
  visitStatuses,
  type ClassLevel,
  type VisitComplianceRow,
  type VisitStatus,
  type VisitTrip,
} from '@canbo/contract';
import { download } from '../../api/client';
import { formatDate, today } from '../../lib/format';
import { sortOf, usePaging } from '../../lib/paging';
import { ExportButton } from '../../app/ExportButton';
import { useMe } from '../auth/useMe';
import { UnitSelect } from '../units/UnitSelect';
import { SettingsModal } from './SettingsModal';
import { useCompliance, useOverdue, useTotals } from './api';
import { STATUS_COLOR } from './VisitYearView';
import { ListTable } from '../../lib/ListTable';

/** Compliance with "1+2" for a unit's subtree and a year, the totals by level, and the reports overdue. */
export function CompliancePage() {
  const { t } = useTranslation('visits');
  const thisYear = Number(today().slice(0, 4));
  const me = useMe();
  // opens on the unit of the account's (first) grant until another is chosen; null once cleared
  const [chosen, setChosen] = useState<number | null | undefined>(undefined);
  const unitId = chosen === undefined ? me.data?.grants[0]?.unitId : (chosen ?? undefined);
  const [configuring, setConfiguring] = useState(false);
  const [year, setYear] = useState(thisYear);
  const [status, setStatus] = useState<VisitStatus | undefined>();
  const [sort, setSort] = useState<{ sort: 'person' | 'days'; order: 'asc' | 'desc' }>({
    sort: 'person',
    order: 'asc',
  });
  const paging = usePaging();
  const overduePaging = usePaging();
  const compliance = useCompliance(
    { unitId, year, status, ...sort, page: paging.page, pageSize: paging.pageSize },
    unitId !== undefined,
  );
  const totals = useTotals(unitId, year);
  const overdue = useOverdue(
    { unitId, page: overduePaging.page, pageSize: overduePaging.pageSize },
    unitId !== undefined,
  );

  return (
    <Flex vertical gap={12}>
      <Flex wrap justify="space-between" align="center" gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('complianceTitle')}
        </Typography.Title>
        <Flex gap={8} wrap>
          <Button icon={<SettingOutlined />} disabled={unitId === undefined} onClick={() => setConfiguring(true)}>
            {t('settingsTitle')}
          </Button>
          <ExportButton
            disabled={unitId === undefined}
            onExport={() =>
              download(
                routes.visits.exportCompliance,
                { query: { unitId, year, status, ...sort } },
                t('exportFile', { year }),
              )
            }
          />
        </Flex>
      </Flex>
      <Form layout="inline" style={{ rowGap: 8 }}>
        <Form.Item label={t('unit')} style={{ minWidth: 260 }} htmlFor="compliance_unitId">
          <UnitSelect
            id="compliance_unitId"
            value={unitId}
            onChange={(v) => {
              setChosen(v ?? null);
              paging.restart();
              overduePaging.restart();
            }}
          />
        </Form.Item>
        <Form.Item label={t('year')} htmlFor="compliance_year">
          <Select
            id="compliance_year"
            value={year}
            onChange={(v) => {
              setYear(v);
              paging.restart();
            }}
            options={[0, 1, 2, 3].map((d) => ({ value: thisYear - d, label: String(thisYear - d) }))}
            style={{ width: 100 }}
          />
        </Form.Item>
        <Form.Item label={t('statusLabel')} htmlFor="compliance_status">
          <Select
            id="compliance_status"
            allowClear
            value={status}
            onChange={(v) => {
              setStatus(v);
              paging.restart();
            }}
            options={visitStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))}
            style={{ width: 160 }}
          />
        </Form.Item>
      </Form>
      {unitId === undefined ? (
        <Typography.Text type="secondary">{t('pickUnit')}</Typography.Text>
      ) : (
        <>
          <Card size="small" title={t('totalsTitle', { year })}>
            {(totals.data?.levels ?? []).length === 0 ? (
              <Typography.Text type="secondary">{t('noTrips')}</Typography.Text>
            ) : (
              totals.data!.levels.map((l) => (
                <div key={l.level}>
                  {t('totalsLine', {
                    level: t(`level.${l.level satisfies ClassLevel}`),
                    trips: l.trips,
                    days: l.days.toLocaleString('vi-VN'),
                  })}
                </div>
              ))
            )}
          </Card>
          <ListTable<VisitComplianceRow>
            label={t('complianceTitle')}
            rowKey="personId"
            size="small"
            loading={compliance.isFetching}
            dataSource={compliance.data?.items}
            pagination={paging.pagination(compliance.data?.total)}
            onChange={(_p, _f, sorter) => {
              const s = sortOf(sorter);
              setSort(
                s.column === 'days'
                  ? { sort: 'days', order: s.order ?? 'asc' }
                  : { sort: 'person', order: s.order ?? 'asc' },
              );
            }}
            columns={[
              { title: t('person'), dataIndex: 'personName', key: 'person', sorter: true },
              { title: t('unit'), dataIndex: 'unitName' },
              { title: t('daysColumn'), dataIndex: 'days', key: 'days', sorter: true, align: 'right' },
              { title: t('requirement'), dataIndex: 'requirement', align: 'right' },
              {
                title: t('statusLabel'),
                dataIndex: 'status',
                render: (s: VisitStatus) => <Tag color={STATUS_COLOR[s]}>{t(`status.${s}`)}</Tag>,
              },
            ]}
          />
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('overdueTitle')}
          </Typography.Title>
          <ListTable<VisitTrip>
            label={t('overdueTitle')}
            rowKey="id"
            size="small"
            loading={overdue.isFetching}
            dataSource={overdue.data?.items}
            pagination={overduePaging.pagination(overdue.data?.total)}
            columns={[
              { title: t('person'), dataIndex: 'personName' },
              {
                title: t('trip'),
                key: 'trip',
                render: (_v, r) => `${formatDate(r.startDate)} – ${formatDate(r.endDate)}`,
              },
              { title: t('dueColumn'), dataIndex: 'reportDueDate', render: (d: string) => formatDate(d) },
            ]}
          />
        </>
      )}
      {unitId !== undefined && (
        <SettingsModal open={configuring} unitId={unitId} onClose={() => setConfiguring(false)} />
      )}
    </Flex>
  );
}
