import { routes, type FigureRow } from '@canbo/contract';
import { Alert, Card, Flex, Select, Space, Spin, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError, download } from '../../api/client';
import { errorMessage } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { useListSearch } from '../../lib/listSearch';
import { useListPagination } from '../../lib/paging';
import { ExportButton } from '../../app/ExportButton';
import { useScheme, useTargetRows } from './api';
import { formatFigure } from './progress';
import { readRowsSearch } from './schemeSearch';
import { ListTable } from '../../lib/ListTable';

const DEFAULT_PAGE_SIZE = 50;

/** Where a row of a figure links: its class, its person or its study. */
function RowLink({ row }: { row: FigureRow }) {
  if ((row.kind === 'class' || (row.kind === 'enrolment' && !row.personId)) && row.classId)
    return (
      <Link to="/training/classes/$id" params={{ id: String(row.classId) }}>
        {row.name}
      </Link>
    );
  if (row.kind === 'study' && row.studyId)
    return (
      <Link to="/studies/$id" params={{ id: String(row.studyId) }}>
        {row.name}
      </Link>
    );
  if (row.personId)
    return (
      <Link to="/people/$id" params={{ id: String(row.personId) }}>
        {row.name}
      </Link>
    );
  return <>{row.name}</>;
}

/** The row's second line: a participation's class, linked. */
function Detail({ row }: { row: FigureRow }) {
  if (!row.detail) return null;
  if (row.kind === 'enrolment' && row.personId && row.classId)
    return (
      <Link to="/training/classes/$id" params={{ id: String(row.classId) }}>
        {row.detail}
      </Link>
    );
  return <>{row.detail}</>;
}

/** /schemes/$id/targets/$targetId(?year=&unitId=): the rows behind one figure of a target, paged and exportable. */
export function TargetRowsPage() {
  const { t } = useTranslation('schemes');
  const params = useParams({ strict: false, select: (p: Record<string, string | undefined>) => p });
  const id = Number(params.id);
  const targetId = Number(params.targetId);
  const path = `/schemes/${id}/targets/${targetId}`;
  const [search, setSearch] = useListSearch(path, readRowsSearch);
  const page = search.page ?? 1;
  const pageSize = search.pageSize ?? DEFAULT_PAGE_SIZE;
  const scheme = useScheme(id);
  const rows = useTargetRows(id, targetId, { year: search.year, unitId: search.unitId, page, pageSize });
  const listPagination = useListPagination();

  if (scheme.isLoading) return <Spin style={{ display: 'block', margin: 48 }} />;
  const error = scheme.error ?? (rows.data ? null : rows.error);
  if (error || !scheme.data) {
    const notFound = error instanceof ApiError && error.status === 404;
    return <Alert type="error" showIcon title={notFound ? t('common:error.notFound') : errorMessage(error)} />;
  }
  const s = scheme.data;
  const target = s.targets.find((x) => x.id === targetId);
  if (!target) return <Alert type="error" showIcon title={t('common:error.notFound')} />;
  const share = target.metric === 'title_training_share';
  const unitName = search.unitId ? target.units.find((u) => u.unitId === search.unitId)?.unitName : undefined;
  const years = Array.from({ length: s.endYear - s.startYear + 1 }, (_, i) => s.startYear + i);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Link to="/schemes/$id" params={{ id: String(s.id) }}>
          <Space size={4} style={{ marginBottom: 8 }}>
            <ArrowLeftOutlined />
            {t('rows.back')}
          </Space>
        </Link>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {target.label ?? t(`metric.${target.metric}`)}
        </Typography.Title>
        <Typography.Text type="secondary">{s.name}</Typography.Text>
        <Flex wrap justify="space-between" align="center" gap={8} style={{ marginTop: 8 }}>
          <Space wrap>
            <Select
              id="rows-year"
              aria-label={t('progress.year')}
              value={search.year ?? 0}
              onChange={(year: number) => setSearch({ ...search, year: year || undefined, page: undefined })}
              options={[
                { value: 0, label: t('rows.wholePeriod', { from: s.startYear, to: s.endYear }) },
                ...years.map((y) => ({ value: y, label: t('rows.yearOf', { year: y }) })),
              ]}
              style={{ minWidth: 180 }}
            />
            {unitName && <Tag>{unitName}</Tag>}
            {rows.data && (
              <Typography.Text strong data-testid="rows-figure">
                {t('rows.figure', { value: formatFigure(rows.data.figure, share) })}
              </Typography.Text>
            )}
          </Space>
          <ExportButton
            onExport={() =>
              download(
                routes.schemes.rowsExport,
                { params: { id, targetId }, query: { year: search.year, unitId: search.unitId } },
                t('rowsExportFile'),
              )
            }
          />
        </Flex>
      </Card>
      <Card size="small">
        <ListTable<FigureRow>
          label={target.label ?? t(`metric.${target.metric}`)}
          rowKey={(r) => `${r.kind}-${r.id}-${r.year ?? ''}`}
          size="middle"
          loading={rows.isFetching}
          dataSource={rows.data?.items ?? []}
          locale={{ emptyText: t('rows.empty') }}
          pagination={{ ...listPagination(page, pageSize, rows.data?.total), responsive: true }}
          onChange={(pg) =>
            setSearch({
              ...search,
              page: pg.current && pg.current > 1 ? pg.current : undefined,
              pageSize: pg.pageSize && pg.pageSize !== DEFAULT_PAGE_SIZE ? pg.pageSize : undefined,
            })
          }
          columns={[
            {
              key: 'name',
              title: t('rows.name'),
              render: (_, r) => (
                <div style={{ minWidth: 160, maxWidth: 360, whiteSpace: 'normal' }}>
                  <RowLink row={r} />
                  <div>
                    <Typography.Text type="secondary">{t(`rows.kind.${r.kind}`)}</Typography.Text>
                  </div>
                </div>
              ),
            },
            {
              key: 'detail',
              title: t('rows.detail'),
              render: (_, r) => (
                <div style={{ maxWidth: 360, whiteSpace: 'normal' }}>
                  <Detail row={r} />
                </div>
              ),
            },
            { key: 'unit', title: t('rows.unit'), dataIndex: 'unitName' },
            { key: 'date', title: t('rows.date'), render: (_, r) => formatDate(r.date) },
            {
              key: 'value',
              title: t('rows.value'),
              align: 'right',
              render: (_, r) =>
                share ? (
                  <Tag color={r.counted ? 'green' : 'default'}>
                    {r.counted ? t('rows.counted') : t('rows.notCounted')}
                  </Tag>
                ) : (
                  formatFigure(r.value, false)
                ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
