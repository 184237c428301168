import { Breadcrumb, Space, Tag, Typography } from 'antd';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { UnitDetail } from '@canbo/contract';
import { distinctShortName, formatDate } from '../../lib/format';
import { UnitStatusTag } from './UnitStatusTag';

/** Where the unit sits (its path from the top), what it is, and since when. */
export function UnitHeader({ unit }: { unit: UnitDetail }) {
  const { t } = useTranslation('units');
  return (
    <div>
      <Breadcrumb
        items={[
          { title: <Link to="/units">{t('common:nav.units')}</Link> },
          ...unit.path.map((p) => ({
            title:
              p.id === unit.id ? (
                p.name
              ) : (
                <Link to="/units/$id" params={{ id: String(p.id) }}>
                  {p.name}
                </Link>
              ),
          })),
        ]}
      />
      <Typography.Title level={3} style={{ margin: '8px 0' }}>
        {unit.name}
        {distinctShortName(unit) && (
          <Typography.Text type="secondary" style={{ fontSize: 16, fontWeight: 400, marginInlineStart: 8 }}>
            ({distinctShortName(unit)})
          </Typography.Text>
        )}
      </Typography.Title>
      <Space wrap size={[4, 4]}>
        <Tag color="blue">{t(`common:unitKind.${unit.kind}`)}</Tag>
        <Tag color="geekblue">{t(`common:organisation.${unit.organisation}`)}</Tag>
        <UnitStatusTag status={unit.status} />
        <Typography.Text type="secondary">
          {t('unit.validity')}:{' '}
          {t('unit.fromTo', {
            from: formatDate(unit.validFrom),
            to: unit.validTo ? formatDate(unit.validTo) : t('unit.now'),
          })}
        </Typography.Text>
      </Space>
    </div>
  );
}
