import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProgressCell, SchemeStatus } from '@canbo/contract';

export const STATUS_COLOR: Record<SchemeStatus, string> = {
  achieved: 'green',
  on_track: 'blue',
  behind: 'red',
  not_started: 'default',
};

export const STROKE_COLOR: Record<SchemeStatus, string> = {
  achieved: '#52c41a',
  on_track: '#1677ff',
  behind: '#ff4d4f',
  not_started: '#bfbfbf',
};

export function StatusTag({ status }: { status: SchemeStatus }) {
  const { t } = useTranslation('schemes');
  return (
    <Tag color={STATUS_COLOR[status]} data-testid="target-status">
      {t(`status.${status}`)}
    </Tag>
  );
}

/** A count, days or a share, as a Vietnamese reader writes it (2.005; 62,5%). */
export function formatFigure(value: number, share: boolean): string {
  const n = value.toLocaleString('vi-VN', { maximumFractionDigits: 1 });
  return share ? `${n}%` : n;
}

/** "actual / target", or the actual alone when no target was set. */
export function figureText(cell: Pick<ProgressCell, 'actual' | 'target'>, share: boolean): string {
  const actual = formatFigure(cell.actual, share);
  return cell.target === null ? actual : `${actual} / ${formatFigure(cell.target, share)}`;
}
