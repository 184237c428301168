import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProgressCell, SchemeStatus } from '@canbo/contract';

const STATUS_COLOR: Record<SchemeStatus, string> = {
  achieved: 'green',
  on_track: 'blue',
  behind: 'orange',
  not_achieved: 'red',
  not_started: 'default',
};

const STROKE_COLOR: Record<SchemeStatus, string> = {
  achieved: '#52c41a',
  on_track: '#1677ff',
  behind: '#fa8c16',
  not_achieved: '#ff4d4f',
  not_started: '#bfbfbf',
};

/** The bar's colour; a cell without a target has no status and a neutral bar. */
export const strokeColor = (status: SchemeStatus | null) => STROKE_COLOR[status ?? 'not_started'];

/** The status, or "—" for a cell without a target (nothing to judge it against). */
export function StatusTag({ status }: { status: SchemeStatus | null }) {
  const { t } = useTranslation('schemes');
  if (status === null) {
    return (
      <Typography.Text type="secondary" data-testid="target-status">
        —
      </Typography.Text>
    );
  }
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
