import { useState } from 'react';
import { Button, DatePicker, Flex, Form, InputNumber, Select, Tag, Typography } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import { Link } from '@tanstack/react-router';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { routes, titles, type StandardisationRow, type Title, type TitleGapRow } from '@canbo/contract';
import { download } from '../../api/client';
import { ExportButton } from '../../app/ExportButton';
import { DATE_FORMAT, formatDate, toIsoDate, today } from '../../lib/format';
import { sortOf, usePaging } from '../../lib/paging';
import { useMe } from '../auth/useMe';
import { UnitSelect } from '../units/UnitSelect';
import { useStandardisation, useTitleGaps } from './api';
import { ListTable } from '../../lib/ListTable';
import { PageTabs } from '../../app/PageTabs';

type Sort = 'person' | 'unit' | 'title' | 'startDate';

/**
 * "Chuẩn hóa cán bộ": for a unit's subtree on a day, the title-holders who do not meet their title's
 * standard, and those without title training within N months of their appointment.
 */
export function StandardsPage() {
  const { t } = useTranslation('standards');
  const me = useMe();
  // opens on the unit of the account's (first) grant until another is chosen; null once cleared
  const [chosen, setChosen] = useState<number | null | undefined>(undefined);
  const unitId = chosen === undefined ? me.data?.grants[0]?.unitId : (chosen ?? undefined);
  const [at, setAt] = useState(today());
  const [months, setMonths] = useState(12);
  const [title, setTitle] = useState<Title | undefined>();
  const [sort, setSort] = useState<{ sort: Sort; order: 'asc' | 'desc' }>({ sort: 'person', order: 'asc' });
  const paging = usePaging();
  const gapsPaging = usePaging();
  const restart = () => {
    paging.restart();
    gapsPaging.restart();
  };
  const enabled = unitId !== undefined || !!me.data?.isSuperadmin;
  const filter = { unitId, at, title, ...sort };
  const standardisation = useStandardisation(
    { ...filter, sort: sort.sort === 'startDate' ? 'person' : sort.sort, page: paging.page, pageSize: paging.pageSize },
    enabled,
  );
  const gaps = useTitleGaps({ ...filter, months, page: gapsPaging.page, pageSize: gapsPaging.pageSize }, enabled);
  const onSort = (s: ReturnType<typeof sortOf>) => {
    const column = (['unit', 'title', 'startDate'] as const).find((c) => c === s.column) ?? 'person';
    setSort({ sort: column, order: s.order ?? 'asc' });
  };
  const common = {
    person: { title: t('person'), dataIndex: 'personName', key: 'person', sorter: true },
    unit: { title: t('unit'), dataIndex: 'unitName', key: 'unit', sorter: true },
    title: {
      title: t('title'),
      dataIndex: 'title',
      key: 'title',
      sorter: true,
      render: (v: Title) => t(`common:title.${v}`),
    },
  };

  return (
    <Flex vertical gap={12}>
      <Flex wrap justify="space-between" align="center" gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('pageTitle')}
        </Typography.Title>
        <Link to="/standards/catalogue">
          <Button icon={<SettingOutlined />}>{t('standardsButton')}</Button>
        </Link>
      </Flex>
      <Form layout="inline" style={{ rowGap: 8 }}>
        <Form.Item label={t('unit')} style={{ minWidth: 260 }} htmlFor="standards_unitId">
          <UnitSelect
            id="standards_unitId"
            value={unitId}
            onChange={(v) => {
              setChosen(v ?? null);
              restart();
            }}
          />
        </Form.Item>
        <Form.Item label={t('at')} htmlFor="standards_at">
          <DatePicker
            id="standards_at"
            format={DATE_FORMAT}
            allowClear={false}
            value={dayjs(at)}
            onChange={(d) => {
              setAt(toIsoDate(d) ?? today());
              restart();
            }}
          />
        </Form.Item>
        <Form.Item label={t('title')} htmlFor="standards_title">
          <Select
            id="standards_title"
            allowClear
            value={title}
            onChange={(v) => {
              setTitle(v);
              restart();
            }}
            options={titles.map((v) => ({ value: v, label: t(`common:title.${v}`) }))}
            style={{ width: 220 }}
          />
        </Form.Item>
      </Form>
      {!enabled ? (
        <Typography.Text type="secondary">{t('pickUnit')}</Typography.Text>
      ) : (
        <PageTabs
          items={[
            {
              key: 'standardisation',
              label: t('standardisationTab'),
              children: (
                <Flex vertical gap={8}>
                  <Flex justify="end">
                    <ExportButton
                      onExport={() =>
                        download(routes.standards.exportStandardisation, {
                          query: { ...filter, sort: sort.sort === 'startDate' ? 'person' : sort.sort },
                        })
                      }
                    />
                  </Flex>
                  <ListTable<StandardisationRow>
                    label={t('standardisationTab')}
                    rowKey="positionId"
                    size="small"
                    loading={standardisation.isFetching}
                    dataSource={standardisation.data?.items}
                    pagination={paging.pagination(standardisation.data?.total)}
                    onChange={(_p, _f, sorter) => onSort(sortOf(sorter))}
                    locale={{ emptyText: t('common:table.empty') }}
                    columns={[
                      common.person,
                      { title: t('birthDate'), dataIndex: 'birthDate', render: (d: string | null) => formatDate(d) },
                      common.unit,
                      common.title,
                      { title: t('startDate'), dataIndex: 'startDate', render: (d: string) => formatDate(d) },
                      {
                        title: t('hardship'),
                        dataIndex: 'hardshipArea',
                        render: (h: boolean) => (h ? <Tag>{t('common:yes')}</Tag> : null),
                      },
                      {
                        title: t('shortfalls'),
                        key: 'shortfalls',
                        render: (_v, r) => (
                          <Flex vertical>
                            {r.shortfalls.map((s) => (
                              <span key={s.kind}>{s.text}</span>
                            ))}
                          </Flex>
                        ),
                      },
                    ]}
                  />
                </Flex>
              ),
            },
            {
              key: 'gaps',
              label: t('gapsTab'),
              children: (
                <Flex vertical gap={8}>
                  <Flex justify="space-between" align="center" wrap gap={8}>
                    <Form layout="inline">
                      <Form.Item label={t('months')} htmlFor="standards_months">
                        <InputNumber
                          id="standards_months"
                          min={1}
                          max={120}
                          precision={0}
                          value={months}
                          onChange={(v) => {
                            if (v === null) return;
                            setMonths(v);
                            gapsPaging.restart();
                          }}
                        />
                      </Form.Item>
                    </Form>
                    <ExportButton
                      onExport={() => download(routes.standards.exportGaps, { query: { ...filter, months } })}
                    />
                  </Flex>
                  <ListTable<TitleGapRow>
                    label={t('gapsTab')}
                    rowKey="positionId"
                    size="small"
                    loading={gaps.isFetching}
                    dataSource={gaps.data?.items}
                    pagination={gapsPaging.pagination(gaps.data?.total)}
                    onChange={(_p, _f, sorter) => onSort(sortOf(sorter))}
                    locale={{ emptyText: t('common:table.empty') }}
                    columns={[
                      common.person,
                      common.unit,
                      common.title,
                      {
                        title: t('startDate'),
                        dataIndex: 'startDate',
                        key: 'startDate',
                        sorter: true,
                        render: (d: string) => formatDate(d),
                      },
                      {
                        title: t('trainedOn'),
                        dataIndex: 'trainedOn',
                        render: (d: string | null) =>
                          d ? formatDate(d) : <Typography.Text type="secondary">{t('neverTrained')}</Typography.Text>,
                      },
                    ]}
                  />
                </Flex>
              ),
            },
          ]}
        />
      )}
    </Flex>
  );
}
