import { useCallback, useState } from 'react';
import { routes, type SchemeListItem } from '@canbo/contract';
import { Alert, Button, Card, Flex, InputNumber, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { download } from '../../api/client';
import { ExportButton } from '../../app/ExportButton';
import { ListHeader } from '../../app/ListHeader';
import { SearchInput } from '../../app/SearchInput';
import { errorMessage } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { useListSearch } from '../../lib/listSearch';
import { sortArrow, tableChange, useListPagination } from '../../lib/paging';
import { hasRole, proposedUnit, useMe } from '../auth/useMe';
import { UnitSelect } from '../units/UnitSelect';
import { useSchemes } from './api';
import { SchemeFormModal } from './SchemeFormModal';
import { readSchemeSearch, type SchemeSearch } from './schemeSearch';
import { ListTable } from '../../lib/ListTable';

const DEFAULT_PAGE_SIZE = 20;
const SORTABLE = ['startYear', 'name', 'code'] as const;

/** The list's filters without the pager: what the Excel export sends. */
function filterOf(s: SchemeSearch) {
  const { page: _p, pageSize: _s, ...rest } = s;
  return rest;
}

/** /schemes: the schemes the user may see, searched without diacritics, filtered, sorted and paged on the server. */
export function SchemesListPage() {
  const { t } = useTranslation('schemes');
  const me = useMe();
  const navigate = useNavigate();
  const listPagination = useListPagination();
  const [search, setSearch] = useListSearch('/schemes', readSchemeSearch);
  const page = search.page ?? 1;
  const pageSize = search.pageSize ?? DEFAULT_PAGE_SIZE;
  const sort = search.sort ?? 'startYear';
  const order = search.order ?? 'desc';
  const filter = { ...search, sort, order, page, pageSize };
  const list = useSchemes(filter);
  const [adding, setAdding] = useState(false);

  const user = me.data;
  /** A filter changed: back to the first page. */
  const refine = (next: Partial<SchemeSearch>) => setSearch({ ...search, ...next, page: undefined });
  const searchText = useCallback(
    (q: string | undefined) => setSearch({ ...search, q, page: undefined }),
    [search, setSearch],
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <ListHeader title={t('listTitle')}>
        <ExportButton
          onExport={() =>
            download(routes.schemes.export, { query: filterOf({ ...search, sort, order }) }, t('exportFile'))
          }
        />
        {hasRole(user, 'editor') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('add')}
          </Button>
        )}
      </ListHeader>
      <Card size="small">
        <Flex wrap gap={8} style={{ marginBottom: 12 }}>
          <div style={{ width: 320, maxWidth: '100%' }}>
            <SearchInput value={search.q} onSearch={searchText} placeholder={t('search')} />
          </div>
          <UnitSelect
            id="schemes-unit"
            aria-label={t('field.issuingUnitId')}
            placeholder={t('field.issuingUnitId')}
            allowClear
            value={search.unitId ?? null}
            onChange={(v) => refine({ unitId: v ?? undefined })}
            style={{ width: 280, maxWidth: '100%' }}
          />
          <InputNumber
            id="schemes-year"
            aria-label={t('yearFilter')}
            placeholder={t('yearFilter')}
            min={1900}
            max={2199}
            precision={0}
            value={search.year ?? null}
            onChange={(v) => refine({ year: v ?? undefined })}
            style={{ width: 150 }}
          />
        </Flex>
        {list.error && <Alert type="error" showIcon title={errorMessage(list.error)} style={{ marginBottom: 12 }} />}
        <ListTable<SchemeListItem>
          label={t('listTitle')}
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('empty') }}
          pagination={{ ...listPagination(page, pageSize, list.data?.total), responsive: true }}
          onChange={tableChange(search, setSearch, {
            sortable: SORTABLE,
            newestFirst: 'startYear',
            defaultPageSize: DEFAULT_PAGE_SIZE,
          })}
          columns={[
            {
              key: 'name',
              title: t('field.name'),
              sorter: true,
              sortOrder: sortArrow(sort === 'name', order),
              render: (_, s) => (
                <Link
                  to="/schemes/$id"
                  params={{ id: String(s.id) }}
                  style={{ display: 'inline-block', minWidth: 200, maxWidth: 420, whiteSpace: 'normal' }}
                >
                  {s.name}
                </Link>
              ),
            },
            {
              key: 'code',
              title: t('field.code'),
              dataIndex: 'code',
              sorter: true,
              sortOrder: sortArrow(sort === 'code', order),
            },
            {
              key: 'startYear',
              title: t('field.period'),
              sorter: true,
              sortOrder: sortArrow(sort === 'startYear', order),
              render: (_, s) => `${s.startYear}–${s.endYear}`,
            },
            { key: 'unit', title: t('field.issuingUnitId'), dataIndex: 'issuingUnitName' },
            {
              key: 'decision',
              title: t('field.decision'),
              render: (_, s) => [s.decision, formatDate(s.decisionDate)].filter(Boolean).join(' · '),
            },
            { key: 'targets', title: t('field.targetCount'), dataIndex: 'targetCount', align: 'right' },
          ]}
        />
      </Card>
      <SchemeFormModal
        open={adding}
        issuingUnitId={proposedUnit(user, search.unitId)}
        onClose={() => setAdding(false)}
        onSaved={(s) => void navigate({ to: '/schemes/$id', params: { id: String(s.id) } })}
      />
    </Space>
  );
}
