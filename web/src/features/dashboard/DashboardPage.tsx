import { lazy, Suspense, useMemo } from 'react';
import { Alert, Card, Col, Empty, Flex, Form, Row, Select, Skeleton, Spin, Typography } from 'antd';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Dashboard, DashboardFigure, DashboardLink, DashboardTraining } from '@canbo/contract';
import { errorMessage } from '../../lib/errors';
import { formatDate, formatNumber, today } from '../../lib/format';
import { useListSearch } from '../../lib/listSearch';
import { StatusTag } from '../schemes/progress';
import { UnitSelect } from '../units/UnitSelect';
import { useDashboard } from './api';
import { breakdownOption, trendOption } from './chartOptions';
import { periodOf, periodSearch, readDashboardSearch, SPANS } from './dashboardSearch';
import { OnScreen } from './OnScreen';
import { ListTable } from '../../lib/ListTable';

// ECharts comes in its own chunk, after the figures are on the page, when a chart comes on screen.
const EChart = lazy(() => import('./EChart'));

const FIRST_YEAR = 2000;

/** The report page that lists the rows behind a figure: its unit and period, and the drawer open on the cell. */
function rowsAddress(unitId: number, link: DashboardLink) {
  return {
    to: '/reports/$name' as const,
    params: { name: link.report },
    search: { unitId, from: link.from, to: link.to, cell: link.cell },
  };
}

/** A number, a link to the rows behind it when there are any. */
function Figure({
  figure,
  unitId,
  what,
  style,
}: {
  figure: DashboardFigure;
  unitId: number;
  what: string;
  style?: React.CSSProperties;
}) {
  const { t } = useTranslation('dashboard');
  const text = formatNumber(figure.value);
  if (!figure.link) return <span style={style}>{text}</span>;
  return (
    <Link
      {...rowsAddress(unitId, figure.link)}
      aria-label={t('figureLink', { value: text, what })}
      data-cell={figure.link.cell}
      style={style}
    >
      {text}
    </Link>
  );
}

/** What the period is, in words: "Năm 2024", "15 năm, từ 2009 đến 2023", or its days. */
function periodText(d: Pick<Dashboard, 'from' | 'to'>, t: TFunction<'dashboard'>): string {
  const wholeYears = d.from.endsWith('-01-01') && d.to.endsWith('-12-31');
  const from = Number(d.from.slice(0, 4));
  const to = Number(d.to.slice(0, 4));
  if (!wholeYears) return t('periodRange', { from: formatDate(d.from), to: formatDate(d.to) });
  return from === to ? t('periodYear', { year: to }) : t('periodYears', { count: to - from + 1, from, to });
}

function KeyFigure({
  title,
  figure,
  unit,
  unitId,
}: {
  title: string;
  figure: DashboardFigure;
  unit: string;
  unitId: number;
}) {
  return (
    <Card size="small" style={{ height: '100%' }}>
      <Typography.Text type="secondary">{title}</Typography.Text>
      <div>
        <Figure figure={figure} unitId={unitId} what={title} style={{ fontSize: 28, fontWeight: 600 }} />{' '}
        <Typography.Text type="secondary">{unit}</Typography.Text>
      </div>
    </Card>
  );
}

/** Where a link goes: a page, its parameters and its address's search. */
interface Address {
  to: string;
  params?: Record<string, string>;
  search?: Record<string, unknown>;
}

/** A card of a short list: each item a linked name and a line under it, and a link to the whole list. */
function ListCard<T>({
  title,
  all,
  list,
  empty,
  item,
  description,
}: {
  title: string;
  all: Address & { label: string };
  list: { items: T[]; total: number };
  empty: string;
  item: (i: T) => Address & { name: string };
  description: (i: T) => React.ReactNode;
}) {
  return (
    <Col xs={24} lg={8}>
      <Card
        size="small"
        title={title}
        style={{ height: '100%' }}
        extra={list.total > 0 && <Link {...all}>{all.label}</Link>}
      >
        {list.items.length === 0 && <Typography.Text type="secondary">{empty}</Typography.Text>}
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {list.items.map((i, n) => {
            const { name, ...address } = item(i);
            return (
              <li key={n} style={{ padding: '6px 0', borderTop: n ? '1px solid #f0f0f0' : undefined }}>
                <div>
                  <Link {...address}>{name}</Link>
                </div>
                <Typography.Text type="secondary">{description(i)}</Typography.Text>
              </li>
            );
          })}
        </ul>
      </Card>
    </Col>
  );
}

type Group = DashboardTraining & { key: string; name: string };

/** A breakdown: its chart (participations per group) and the table of its three figures, every one a link. */
function Breakdown({ title, groups, unitId }: { title: string; groups: Group[]; unitId: number }) {
  const { t } = useTranslation('dashboard');
  const navigate = useNavigate();
  const option = useMemo(() => breakdownOption(groups, { participations: t('participations') }), [groups, t]);
  const height = Math.max(120, groups.length * 36 + 24);
  const column = (key: 'classes' | 'participations' | 'people') => ({
    key,
    title: t(`${key}Unit`),
    align: 'right' as const,
    render: (_: unknown, g: Group) => <Figure figure={g[key]} unitId={unitId} what={`${g.name} — ${t(key)}`} />,
  });
  return (
    <Card size="small" title={title} style={{ height: '100%' }}>
      {groups.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noTraining')} />
      ) : (
        <>
          <OnScreen height={height}>
            <Suspense fallback={<Skeleton active />}>
              <EChart
                option={option}
                height={height}
                label={title}
                onPick={(_, i) => {
                  const link = groups[i]?.participations.link;
                  if (link) void navigate(rowsAddress(unitId, link));
                }}
              />
            </Suspense>
          </OnScreen>
          <ListTable<Group>
            label={title}
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={groups}
            columns={[
              { key: 'name', title: t('group'), render: (_: unknown, g: Group) => g.name },
              column('classes'),
              column('participations'),
              column('people'),
            ]}
          />
        </>
      )}
    </Card>
  );
}

/** /dashboard: the key figures of a unit subtree over a period, its trends, breakdowns and what needs doing. */
export function DashboardPage() {
  const { t } = useTranslation('dashboard');
  const navigate = useNavigate();
  const [search, setSearch] = useListSearch('/dashboard', readDashboardSearch);
  const thisYear = Number(today().slice(0, 4));
  const { year, span } = periodOf(search, thisYear);
  const dashboard = useDashboard(search);
  const d = dashboard.data;

  const trend = useMemo(
    () =>
      d
        ? trendOption(d.trend.years, {
            classes: t('classes'),
            participations: t('participations'),
            classesUnit: t('classesUnit'),
            participationsUnit: t('participationsUnit'),
          })
        : null,
    [d, t],
  );
  const levels = useMemo(
    () => (d?.byLevel ?? []).map((l) => ({ ...l, key: l.level, name: t(`training:classLevel.${l.level}`) })),
    [d, t],
  );
  const kinds = useMemo(() => (d?.byKind ?? []).map((k) => ({ ...k, key: k.code })), [d]);

  const setPeriod = (y: number, s: number) => setSearch({ ...search, ...periodSearch(y, s) });
  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => thisYear - i);

  return (
    <Flex vertical gap={12}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('title')}
      </Typography.Title>
      <Form layout="inline" style={{ rowGap: 8 }}>
        <Form.Item label={t('unit')} style={{ minWidth: 260 }} htmlFor="dashboard_unitId">
          <UnitSelect
            id="dashboard_unitId"
            placeholder={t('unitDefault')}
            allowClear
            value={search.unitId ?? d?.unitId ?? null}
            onChange={(unitId) => setSearch({ ...search, unitId: unitId ?? undefined })}
          />
        </Form.Item>
        <Form.Item label={t('year')} htmlFor="dashboard_year">
          <Select
            id="dashboard_year"
            value={year}
            onChange={(y) => setPeriod(y, span)}
            options={years.map((y) => ({ value: y, label: String(y) }))}
            style={{ width: 100 }}
          />
        </Form.Item>
        <Form.Item label={t('span')} htmlFor="dashboard_span">
          <Select
            id="dashboard_span"
            value={span}
            onChange={(s) => setPeriod(year, s)}
            options={[...new Set([...SPANS, span])].map((s) => ({
              value: s,
              label: s === 5 ? t('spanTerm') : t('spanYears', { count: s }),
            }))}
            style={{ width: 190 }}
          />
        </Form.Item>
      </Form>
      {dashboard.isLoading && <Spin style={{ display: 'block', margin: 48 }} />}
      {dashboard.error && !d && <Alert type="error" showIcon title={errorMessage(dashboard.error)} />}
      {d && (
        <>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="dashboard-scope">
            {d.unitName} — {periodText(d, t)}
          </Typography.Title>
          <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))', gap: 12 }}>
            {(
              [
                ['classes', d.training.classes, 'classesUnit'],
                ['participations', d.training.participations, 'participationsUnit'],
                ['people', d.training.people, 'peopleUnit'],
                ['studiesStarted', d.studiesStarted, 'peopleUnit'],
                ['visitDays', d.visitDays, 'daysUnit'],
              ] as const
            ).map(([key, figure, unit]) => (
              <KeyFigure key={key} title={t(key)} figure={figure} unit={t(unit)} unitId={d.unitId} />
            ))}
          </div>
          <Card size="small" title={t('trend')}>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {t('trendHint')}
            </Typography.Paragraph>
            <OnScreen height={300}>
              <Suspense fallback={<Skeleton active />}>
                {trend && (
                  <EChart
                    option={trend}
                    height={300}
                    label={t('trend')}
                    onPick={(series, i) => {
                      const y = d.trend.years[i];
                      const link = y && (series === 0 ? y.classes : y.participations).link;
                      if (link) void navigate(rowsAddress(d.unitId, link));
                    }}
                  />
                )}
              </Suspense>
            </OnScreen>
          </Card>
          <Row gutter={[12, 12]}>
            <Col xs={24} lg={12}>
              <Breakdown title={t('byLevel')} groups={levels} unitId={d.unitId} />
            </Col>
            <Col xs={24} lg={12}>
              <Breakdown title={t('byKind')} groups={kinds} unitId={d.unitId} />
            </Col>
          </Row>
          <Row gutter={[12, 12]}>
            <ListCard
              title={t('upcoming')}
              all={{
                to: '/training/classes',
                search: { organiserWithin: d.unitId, from: today(), sort: 'startDate', order: 'asc' },
                label: t('upcomingAll', { count: d.upcoming.total }),
              }}
              list={d.upcoming}
              empty={t('upcomingEmpty')}
              item={(c) => ({ to: '/training/classes/$id', params: { id: String(c.id) }, name: c.name })}
              description={(c) =>
                `${formatDate(c.startDate)} – ${formatDate(c.endDate)} · ${c.organiserUnitName} · ${t(`training:classStatus.${c.status}`)}`
              }
            />
            <ListCard
              title={t('overdue')}
              all={{ to: '/visits', label: t('overdueAll', { count: d.overdue.total }) }}
              list={d.overdue}
              empty={t('overdueEmpty')}
              item={(o) => ({ to: '/people/$id', params: { id: String(o.personId) }, name: o.personName })}
              description={(o) => t('overdueItem', { host: o.hostUnitName, due: formatDate(o.reportDueDate) })}
            />
            <ListCard
              title={t('schemes')}
              all={{ to: '/schemes', search: { unitId: d.unitId }, label: t('schemesAll', { count: d.schemes.total }) }}
              list={d.schemes}
              empty={t('schemesEmpty')}
              item={(s) => ({ to: '/schemes/$id', params: { id: String(s.id) }, name: s.name })}
              description={(s) => (
                <Flex vertical gap={4}>
                  <span>
                    {t('schemePeriod', { from: s.startYear, to: s.endYear, elapsed: formatNumber(s.elapsedPercent) })}
                  </span>
                  <Flex wrap gap={4}>
                    {s.targets === 0 && t('schemeNoTargets')}
                    {Object.entries(s.statuses)
                      .filter(([, n]) => n > 0)
                      .map(([status, n]) => (
                        <span key={status}>
                          <StatusTag status={status as keyof typeof s.statuses} /> {n}
                        </span>
                      ))}
                  </Flex>
                </Flex>
              )}
            />
          </Row>
        </>
      )}
    </Flex>
  );
}
