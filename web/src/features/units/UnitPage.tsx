import { Alert, Card, Space, Spin } from 'antd';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { errorMessage } from '../../lib/errors';
import { ChangeHistory } from '../audit/ChangeHistory';
import { UnitCommittee } from '../positions/UnitCommittee';
import { useUnit } from './api';
import { UnitActions } from './UnitActions';
import { UnitChildrenTab } from './UnitChildrenTab';
import { UnitEventsTab } from './UnitEventsTab';
import { UnitHeader } from './UnitHeader';
import { UnitInfoTab } from './UnitInfoTab';
import { UnitLineageTab } from './UnitLineageTab';
import { PageTabs } from '../../app/PageTabs';

/** /units/$id: the unit, what happened to it, who leads it, and the restructuring actions. */
export function UnitPage() {
  const { t } = useTranslation('units');
  const id = useParams({ strict: false, select: (p: Record<string, string | undefined>) => p.id });
  const unitId = Number(id);
  const q = useUnit(unitId);

  if (q.isLoading) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (q.isError || !q.data) {
    const notFound = q.error instanceof ApiError && q.error.status === 404;
    return <Alert type="error" showIcon title={notFound ? t('unit.notFound') : errorMessage(q.error)} />;
  }
  const unit = q.data;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <UnitHeader unit={unit} />
      <UnitActions unit={unit} />
      <Card size="small">
        <PageTabs
          destroyOnHidden
          items={[
            { key: 'info', label: t('tab.info'), children: <UnitInfoTab unit={unit} /> },
            {
              key: 'committee',
              label: t('tab.committee'),
              children: <UnitCommittee unitId={unit.id} canEdit={unit.canEdit && unit.status !== 'dissolved'} />,
            },
            { key: 'children', label: t('tab.children'), children: <UnitChildrenTab unitId={unit.id} /> },
            { key: 'events', label: t('tab.events'), children: <UnitEventsTab unitId={unit.id} /> },
            { key: 'lineage', label: t('tab.lineage'), children: <UnitLineageTab unit={unit} /> },
            { key: 'history', label: t('tab.history'), children: <ChangeHistory entity="unit" entityId={unit.id} /> },
          ]}
        />
      </Card>
    </Space>
  );
}
