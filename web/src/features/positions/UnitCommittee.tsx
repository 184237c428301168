import { useState } from 'react';
import { Alert, Button, Card, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Position } from '@canbo/contract';
import { errorMessage } from '../../lib/errors';
import { formatDate, today } from '../../lib/format';
import { EndPositionModal } from './EndPositionModal';
import { PositionFormModal } from './PositionFormModal';
import { usePositions } from './usePositions';

/** A unit's committee today: the positions held in it on this date. */
export function UnitCommittee({ unitId, canEdit }: { unitId: number; canEdit: boolean }) {
  const { t } = useTranslation('positions');
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<Position | null>(null);
  const q = usePositions({ unitId, activeOn: today(), sort: 'title', page, pageSize: 50 });

  return (
    <Card
      title={t('committee')}
      size="small"
      extra={
        canEdit && (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('add')}
          </Button>
        )
      }
    >
      {q.error && <Alert type="error" showIcon title={errorMessage(q.error)} style={{ marginBottom: 12 }} />}
      <Table<Position>
        rowKey="id"
        size="small"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('empty') }}
        pagination={
          (q.data?.total ?? 0) > 50 ? { current: page, pageSize: 50, total: q.data?.total, onChange: setPage } : false
        }
        columns={[
          {
            title: t('person'),
            key: 'person',
            render: (_, p) => (
              <Link to="/people/$id" params={{ id: String(p.personId) }}>
                {p.personName}
              </Link>
            ),
          },
          { title: t('title'), key: 'title', render: (_, p) => t(`common:title.${p.title}`) },
          { title: t('employment'), key: 'employment', render: (_, p) => t(`common:employment.${p.employment}`) },
          { title: t('term'), dataIndex: 'term', render: (v: string | null) => v ?? '' },
          { title: t('startDate'), dataIndex: 'startDate', render: (v: string) => formatDate(v) },
          ...(canEdit
            ? [
                {
                  title: t('actions'),
                  key: 'actions',
                  render: (_: unknown, p: Position) => (
                    <Button size="small" danger onClick={() => setEnding(p)}>
                      {t('end')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {!q.isLoading && !q.error && (q.data?.total ?? 0) > 0 && (
        <Typography.Text type="secondary">{t('common:table.total', { count: q.data?.total })}</Typography.Text>
      )}
      <PositionFormModal open={adding} onClose={() => setAdding(false)} unitId={unitId} />
      <EndPositionModal position={ending} onClose={() => setEnding(null)} />
    </Card>
  );
}
