import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { MARK_COLORS, MARKS } from './marks';

/** What the grid's letters mean (C, M, P, K are the sheet's Vietnamese initials, in both languages). */
export function MarkLegend() {
  const { t } = useTranslation('trainingResults');
  return (
    <Flex wrap gap="4px 12px" align="center" data-testid="att-legend" style={{ marginBottom: 12 }}>
      <Typography.Text type="secondary">{t('attendance.legend')}:</Typography.Text>
      {MARKS.map((m) => (
        <span key={m}>
          <Tag color={MARK_COLORS[m]}>{t(`markShort.${m}`)}</Tag>
          {t(`training:mark.${m}`)}
        </span>
      ))}
    </Flex>
  );
}
