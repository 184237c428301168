import { useState } from 'react';
import { Button, Card, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { today } from '../../lib/format';
import { PositionFormModal } from './PositionFormModal';
import { PositionsTable } from './PositionsTable';

/** A unit's committee today: the positions held in it on this date. */
export function UnitCommittee({ unitId, canEdit }: { unitId: number; canEdit: boolean }) {
  const { t } = useTranslation('positions');
  const [adding, setAdding] = useState(false);

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
      <PositionsTable
        filter={{ unitId, activeOn: today(), sort: 'title' }}
        pageSize={50}
        columns={['person', 'title', 'employment', 'term', 'startDate']}
        emptyText={t('empty')}
        canEdit={canEdit}
        canEnd={() => true}
        footer={(total) => (
          <Typography.Text type="secondary">{t('common:table.total', { count: total })}</Typography.Text>
        )}
      />
      <PositionFormModal open={adding} onClose={() => setAdding(false)} unitId={unitId} />
    </Card>
  );
}
