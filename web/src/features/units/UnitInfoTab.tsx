import { useState } from 'react';
import { Button, Descriptions, Grid } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { UnitDetail } from '@canbo/contract';
import { formatDate, formatDateTime } from '../../lib/format';
import { EditUnitModal } from './actions/EditUnitModal';
import { UnitHeadcount } from './UnitHeadcount';
import { UnitStatusTag } from './UnitStatusTag';

export function UnitInfoTab({ unit }: { unit: UnitDetail }) {
  const { t } = useTranslation('units');
  const screens = Grid.useBreakpoint();
  const [editing, setEditing] = useState(false);
  return (
    <>
      <Descriptions
        bordered
        size="small"
        column={screens.lg ? 2 : 1}
        extra={
          unit.canEdit && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t('common:action.edit')}
            </Button>
          )
        }
        items={[
          { key: 'name', label: t('field.name'), children: unit.name },
          { key: 'shortName', label: t('field.shortName'), children: unit.shortName },
          { key: 'code', label: t('field.code'), children: unit.code },
          { key: 'kind', label: t('field.kind'), children: t(`common:unitKind.${unit.kind}`) },
          {
            key: 'organisation',
            label: t('field.organisation'),
            children: t(`common:organisation.${unit.organisation}`),
          },
          {
            key: 'parent',
            label: t('field.parent'),
            children: unit.parentId ? (
              <Link to="/units/$id" params={{ id: String(unit.parentId) }}>
                {unit.parentName}
              </Link>
            ) : (
              t('field.noParent')
            ),
          },
          { key: 'status', label: t('field.status'), children: <UnitStatusTag status={unit.status} /> },
          { key: 'place', label: t('field.place'), children: unit.place },
          { key: 'validFrom', label: t('field.validFrom'), children: formatDate(unit.validFrom) },
          { key: 'validTo', label: t('field.validTo'), children: formatDate(unit.validTo) },
          { key: 'childCount', label: t('field.childCount'), children: unit.childCount },
          { key: 'updatedAt', label: t('field.updatedAt'), children: formatDateTime(unit.updatedAt) },
        ]}
      />
      <UnitHeadcount unitId={unit.id} validTo={unit.validTo} />
      {editing && <EditUnitModal unit={unit} onClose={() => setEditing(false)} />}
    </>
  );
}
