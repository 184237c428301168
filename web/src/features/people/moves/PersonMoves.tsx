import { useState } from 'react';
import { Alert, App, Button, Flex, Popconfirm, Space, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Move } from '@canbo/contract';
import { errorMessage } from '../../../lib/errors';
import { formatDate } from '../../../lib/format';
import { MoveFormModal } from './MoveFormModal';
import { useDeleteMove, useMoves } from './useMoves';
import { ListTable } from '../../../lib/ListTable';

/** "Quá trình công tác": the cadre's moves between units, oldest first, with add, edit and delete. */
export function PersonMoves({
  personId,
  unitToday,
  canEdit,
}: {
  personId: number;
  unitToday: number;
  canEdit: boolean;
}) {
  const { t } = useTranslation('people');
  const { message } = App.useApp();
  const q = useMoves(personId);
  const remove = useDeleteMove(personId);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Move | null>(null);

  const drop = async (m: Move) => {
    try {
      await remove.mutateAsync(m.id);
      message.success(t('moves.deleted'));
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const columns: TableColumnsType<Move> = [
    { title: t('field.moveDate'), key: 'date', render: (_, m) => formatDate(m.moveDate) },
    { title: t('field.moveKind'), key: 'kind', render: (_, m) => t(`common:moveKind.${m.moveKind}`) },
    { title: t('field.fromUnitId'), key: 'from', dataIndex: 'fromUnitName' },
    { title: t('field.toUnitId'), key: 'to', dataIndex: 'toUnitName' },
    {
      title: t('field.decision'),
      key: 'decision',
      render: (_, m) => [m.decision, m.decisionDate && formatDate(m.decisionDate)].filter(Boolean).join(' – '),
    },
    { title: t('field.notes'), key: 'notes', render: (_, m) => m.notes ?? '' },
  ];
  const actions: TableColumnsType<Move>[number] = {
    title: t('moves.actions'),
    key: 'actions',
    // Each move also needs the unit moved to in the actor's write scope, which only the server knows.
    render: (_, m) =>
      m.canEdit && (
        <Space size={4}>
          <Button size="small" onClick={() => setEditing(m)}>
            {t('common:action.edit')}
          </Button>
          <Popconfirm
            title={t('moves.deleteConfirm', { date: formatDate(m.moveDate) })}
            description={<Typography.Text type="secondary">{t('moves.deleteHint')}</Typography.Text>}
            okText={t('common:action.delete')}
            okButtonProps={{ danger: true }}
            cancelText={t('common:action.cancel')}
            onConfirm={() => void drop(m)}
          >
            <Button size="small" danger loading={remove.isPending && remove.variables === m.id}>
              {t('common:action.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
  };

  return (
    <div>
      {canEdit && (
        <Flex justify="flex-end" style={{ marginBottom: 12 }}>
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('moves.add')}
          </Button>
        </Flex>
      )}
      {q.error && <Alert type="error" showIcon title={errorMessage(q.error)} style={{ marginBottom: 12 }} />}
      <ListTable<Move>
        label={t('tab.moves')}
        rowKey="id"
        size="small"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        locale={{ emptyText: t('moves.empty') }}
        pagination={false}
        columns={[...columns, ...(canEdit ? [actions] : [])]}
      />
      <MoveFormModal open={adding} onClose={() => setAdding(false)} personId={personId} unitToday={unitToday} />
      <MoveFormModal
        open={editing !== null}
        move={editing}
        onClose={() => setEditing(null)}
        personId={personId}
        unitToday={unitToday}
      />
    </div>
  );
}
