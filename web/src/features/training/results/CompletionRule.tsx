import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CompletionRule as Rule } from '@canbo/contract';

/** "Hoàn thành khi dự ≥ 80% số buổi và xếp loại từ Trung bình trở lên". */
export function CompletionRule({ rule }: { rule: Rule }) {
  const { t } = useTranslation('trainingResults');
  const grade = t(`training:grade.${rule.passGrade}`);
  const text =
    rule.minAttendancePercent > 0
      ? t('rule.full', { percent: rule.minAttendancePercent, grade })
      : t('rule.gradeOnly', { grade });
  return <Typography.Text data-testid="completion-rule">{text}</Typography.Text>;
}
