import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UnitStatus } from '@canbo/contract';

const colors: Record<UnitStatus, string> = { active: 'green', interim: 'orange', dissolved: 'default' };

export function UnitStatusTag({ status }: { status: UnitStatus }) {
  const { t } = useTranslation();
  return <Tag color={colors[status]}>{t(`common:unitStatus.${status}`)}</Tag>;
}
