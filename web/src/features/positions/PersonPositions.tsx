import { useState } from 'react';
import { Alert, Button, Flex, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Position } from '@canbo/contract';
import { errorMessage } from '../../lib/errors';
import { formatDate, today } from '../../lib/format';
import { UnitSelect } from '../units/UnitSelect';
import { EndPositionModal } from './EndPositionModal';
import { PositionFormModal } from './PositionFormModal';
import { usePositions } from './usePositions';

const PAGE_SIZE = 20;

/** Every position a cadre has held, newest first. */
export function PersonPositions({ personId, canEdit }: { personId: number; canEdit: boolean }) {
  const { t } = useTranslation('positions');
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<Position | null>(null);
  const q = usePositions({ personId, sort: 'startDate', order: 'desc', page, pageSize: PAGE_SIZE });
  const now = today();
  const active = (p: Position) => p.startDate <= now && (p.endDate === null || p.endDate >= now);

  return (
    <div>
      {canEdit && (
        <Flex justify="flex-end" style={{ marginBottom: 12 }}>
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('add')}
          </Button>
        </Flex>
      )}
      {q.error && <Alert type="error" showIcon title={errorMessage(q.error)} style={{ marginBottom: 12 }} />}
      <Table<Position>
        rowKey="id"
        size="small"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('historyEmpty') }}
        pagination={
          (q.data?.total ?? 0) > PAGE_SIZE
            ? { current: page, pageSize: PAGE_SIZE, total: q.data?.total, onChange: setPage }
            : false
        }
        columns={[
          { title: t('title'), key: 'title', render: (_, p) => t(`common:title.${p.title}`) },
          { title: t('unit'), dataIndex: 'unitName' },
          { title: t('employment'), key: 'employment', render: (_, p) => t(`common:employment.${p.employment}`) },
          { title: t('method'), key: 'method', render: (_, p) => t(`common:method.${p.method}`) },
          { title: t('term'), dataIndex: 'term', render: (v: string | null) => v ?? '' },
          { title: t('decision'), dataIndex: 'decision', render: (v: string | null) => v ?? '' },
          { title: t('startDate'), dataIndex: 'startDate', render: (v: string) => formatDate(v) },
          {
            title: t('endDate'),
            key: 'endDate',
            render: (_, p) =>
              active(p) && !p.endDate ? <Tag color="green">{t('current')}</Tag> : formatDate(p.endDate),
          },
          ...(canEdit
            ? [
                {
                  title: t('actions'),
                  key: 'actions',
                  render: (_: unknown, p: Position) =>
                    p.endDate === null ? (
                      <Button size="small" danger onClick={() => setEnding(p)}>
                        {t('end')}
                      </Button>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      <PositionFormModal
        open={adding}
        onClose={() => setAdding(false)}
        personId={personId}
        unitPicker={<UnitSelect allowClear={false} />}
      />
      <EndPositionModal position={ending} onClose={() => setEnding(null)} />
    </div>
  );
}
