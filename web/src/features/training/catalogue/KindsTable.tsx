import { useState } from 'react';
import { Alert, Button, Flex, Tag, Typography } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TrainingKind } from '@canbo/contract';
import { errorMessage } from '../../../lib/errors';
import { useKinds } from './api';
import { KindModal } from './KindModal';
import { ListTable } from '../../../lib/ListTable';

/** The training kinds: a short list, edited by the catalogue's administrators. */
export function KindsTable({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation('training');
  const kinds = useKinds();
  const [editing, setEditing] = useState<TrainingKind | null>(null);
  const [open, setOpen] = useState(false);
  const edit = (k: TrainingKind | null) => {
    setEditing(k);
    setOpen(true);
  };

  return (
    <div>
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('catalogue.kinds')}
        </Typography.Title>
        {canEdit && (
          <Button icon={<PlusOutlined />} onClick={() => edit(null)}>
            {t('catalogue.addKind')}
          </Button>
        )}
      </Flex>
      {kinds.error && <Alert type="error" showIcon title={errorMessage(kinds.error)} />}
      <ListTable<TrainingKind>
        label={t('catalogue.kinds')}
        rowKey="code"
        size="small"
        loading={kinds.isFetching}
        dataSource={kinds.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('common:table.empty') }}
        columns={[
          { key: 'sortOrder', title: t('field.sortOrder'), dataIndex: 'sortOrder', width: 80 },
          { key: 'name', title: t('field.name'), dataIndex: 'name' },
          {
            key: 'active',
            title: t('field.active'),
            render: (_, k) =>
              k.active ? <Tag color="green">{t('common:yes')}</Tag> : <Tag>{t('catalogue.retired')}</Tag>,
          },
          ...(canEdit
            ? [
                {
                  key: 'edit',
                  title: '',
                  render: (_: unknown, k: TrainingKind) => (
                    <Button
                      size="small"
                      icon={<EditOutlined />}
                      aria-label={`${t('common:action.edit')} ${k.name}`}
                      onClick={() => edit(k)}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
      <KindModal kind={editing} open={open} onClose={() => setOpen(false)} />
    </div>
  );
}
