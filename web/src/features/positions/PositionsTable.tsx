import { useState, type ReactNode } from 'react';
import { Alert, Button, Space, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Position } from '@canbo/contract';
import { errorMessage } from '../../lib/errors';
import { formatDate, today } from '../../lib/format';
import { useFixedPaging } from '../../lib/paging';
import { EndPositionModal } from './EndPositionModal';
import { PositionFormModal } from './PositionFormModal';
import { usePositions, type PositionFilter } from './usePositions';
import { ListTable } from '../../lib/ListTable';

export type PositionColumn =
  'person' | 'title' | 'unit' | 'employment' | 'method' | 'term' | 'decision' | 'startDate' | 'endDate';

/**
 * Positions as a table, a page at a time, with "edit" and "end" for those who may change them.
 * A cadre's page and a unit's committee show it with different columns.
 */
export function PositionsTable({
  filter,
  pageSize,
  columns,
  emptyText,
  canEdit,
  canEnd,
  footer,
}: {
  filter: Omit<PositionFilter, 'page' | 'pageSize'>;
  pageSize: number;
  columns: PositionColumn[];
  emptyText: string;
  canEdit: boolean;
  /** Which rows offer "end". */
  canEnd: (p: Position) => boolean;
  footer?: (total: number) => ReactNode;
}) {
  const { t } = useTranslation('positions');
  const paging = useFixedPaging(pageSize);
  const [editing, setEditing] = useState<Position | null>(null);
  const [ending, setEnding] = useState<Position | null>(null);
  const q = usePositions({ ...filter, page: paging.page, pageSize });
  const now = today();
  const active = (p: Position) => p.startDate <= now && (p.endDate === null || p.endDate >= now);

  const all: Record<PositionColumn, TableColumnsType<Position>[number]> = {
    person: {
      title: t('person'),
      key: 'person',
      render: (_, p) => (
        <Link to="/people/$id" params={{ id: String(p.personId) }}>
          {p.personName}
        </Link>
      ),
    },
    title: { title: t('title'), key: 'title', render: (_, p) => t(`common:title.${p.title}`) },
    unit: { title: t('unit'), key: 'unit', dataIndex: 'unitName' },
    employment: { title: t('employment'), key: 'employment', render: (_, p) => t(`common:employment.${p.employment}`) },
    method: { title: t('method'), key: 'method', render: (_, p) => t(`common:method.${p.method}`) },
    term: { title: t('term'), key: 'term', dataIndex: 'term', render: (v: string | null) => v ?? '' },
    decision: { title: t('decision'), key: 'decision', dataIndex: 'decision', render: (v: string | null) => v ?? '' },
    startDate: {
      title: t('startDate'),
      key: 'startDate',
      dataIndex: 'startDate',
      render: (v: string) => formatDate(v),
    },
    endDate: {
      title: t('endDate'),
      key: 'endDate',
      render: (_, p) => (active(p) && !p.endDate ? <Tag color="green">{t('current')}</Tag> : formatDate(p.endDate)),
    },
  };
  const actions: TableColumnsType<Position>[number] = {
    title: t('actions'),
    key: 'actions',
    // The page says whether its list is editable; each position also needs both its person and its
    // unit in the actor's write scope, which only the server knows.
    render: (_, p) =>
      p.canEdit && (
        <Space size={4}>
          <Button size="small" onClick={() => setEditing(p)}>
            {t('common:action.edit')}
          </Button>
          {canEnd(p) && (
            <Button size="small" danger onClick={() => setEnding(p)}>
              {t('end')}
            </Button>
          )}
        </Space>
      ),
  };
  const total = q.data?.total ?? 0;

  return (
    <>
      {q.error && <Alert type="error" showIcon title={errorMessage(q.error)} style={{ marginBottom: 12 }} />}
      <ListTable<Position>
        label={t('people:tab.positions')}
        rowKey="id"
        size="small"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        locale={{ emptyText }}
        pagination={paging.pagination(total)}
        columns={[...columns.map((c) => all[c]), ...(canEdit ? [actions] : [])]}
      />
      {!q.isLoading && !q.error && total > 0 && footer?.(total)}
      <PositionFormModal open={editing !== null} position={editing} onClose={() => setEditing(null)} />
      <EndPositionModal position={ending} onClose={() => setEnding(null)} />
    </>
  );
}
