import { useState } from 'react';
import { Button, Flex } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { UnitSelect } from '../units/UnitSelect';
import { PositionFormModal } from './PositionFormModal';
import { PositionsTable } from './PositionsTable';

/** Every position a cadre has held, newest first. */
export function PersonPositions({ personId, canEdit }: { personId: number; canEdit: boolean }) {
  const { t } = useTranslation('positions');
  const [adding, setAdding] = useState(false);

  return (
    <div>
      {canEdit && (
        <Flex justify="flex-end" style={{ marginBottom: 12 }}>
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('add')}
          </Button>
        </Flex>
      )}
      <PositionsTable
        filter={{ personId, sort: 'startDate', order: 'desc' }}
        pageSize={20}
        columns={['title', 'unit', 'employment', 'method', 'term', 'decision', 'startDate', 'endDate']}
        emptyText={t('historyEmpty')}
        canEdit={canEdit}
        canEnd={(p) => p.endDate === null}
      />
      <PositionFormModal
        open={adding}
        onClose={() => setAdding(false)}
        personId={personId}
        unitPicker={<UnitSelect allowClear={false} />}
      />
    </div>
  );
}
