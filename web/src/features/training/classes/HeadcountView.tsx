import { Alert, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ClassHeadcount } from '@canbo/contract';

/** A past class known by its numbers: they count in every total like a roster does. */
export function HeadcountView({ headcount }: { headcount: ClassHeadcount }) {
  const { t } = useTranslation('training');
  const rows: [string, number | null | undefined][] = [
    [t('field.headcountTotal'), headcount.total],
    [t('field.headcountWomen'), headcount.women],
    [t('field.headcountMinority'), headcount.minority],
    [t('field.headcountDoan'), headcount.doan],
    [t('field.headcountHoi'), headcount.hoi],
    [t('field.headcountDoi'), headcount.doi],
  ];
  return (
    <>
      <Alert type="info" showIcon title={t('headcount.explain')} style={{ marginBottom: 12 }} />
      <Descriptions bordered size="small" column={{ xs: 1, sm: 2, md: 3 }} data-testid="class-headcount">
        {rows.map(([label, n]) => (
          <Descriptions.Item key={label} label={label}>
            {n ?? t('headcount.unknown')}
          </Descriptions.Item>
        ))}
      </Descriptions>
    </>
  );
}
