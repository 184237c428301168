import { memo } from 'react';
import { Button, Dropdown, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Mark } from './draft';
import { MARK_COLORS, MARKS } from './marks';

/**
 * The marks to choose from, "empty" last: as coloured words for a cell, or as bulk actions
 * ("Cả buổi có mặt", "Cả khóa có mặt") for a session column or the selected rows.
 */
export function useMarkMenu(bulk?: 'session' | 'rows') {
  const { t } = useTranslation('trainingResults');
  const word = (m: (typeof MARKS)[number]) => t(`training:mark.${m}`);
  return [
    ...MARKS.map((m) => ({
      key: m,
      label: bulk ? (
        t(`bulk.${bulk}`, { mark: word(m).toLocaleLowerCase('vi') })
      ) : (
        <Tag color={MARK_COLORS[m]}>{word(m)}</Tag>
      ),
    })),
    { type: 'divider' as const },
    { key: 'none', label: bulk ? t(`bulk.${bulk}Clear`) : t('markNone') },
  ];
}

export const markOfKey = (key: string): Mark => (key === 'none' ? null : (key as Mark));

interface Props {
  mark: Mark;
  /** Differs from what the server has: outlined until saved. */
  unsaved: boolean;
  editable: boolean;
  /** Who and which session, for screen readers and tests. */
  label: string;
  testId: string;
  onChange: (mark: Mark) => void;
}

/** One cell of the grid: a coloured letter; a click opens the marks to choose from. */
export const MarkCell = memo(function MarkCell({ mark, unsaved, editable, label, testId, onChange }: Props) {
  const { t } = useTranslation('trainingResults');
  const full = mark ? t(`training:mark.${mark}`) : t('markNone');
  const letter = mark ? t(`markShort.${mark}`) : '·';
  const items = useMarkMenu();
  if (!editable) {
    return (
      <Tooltip title={full}>
        <Tag color={mark ? MARK_COLORS[mark] : undefined} data-testid={testId} aria-label={`${label}: ${full}`}>
          {letter}
        </Tag>
      </Tooltip>
    );
  }
  return (
    <Dropdown destroyOnHidden trigger={['click']} menu={{ items, onClick: ({ key }) => onChange(markOfKey(key)) }}>
      <Button
        size="small"
        color={mark ? (MARK_COLORS[mark] as 'green') : 'default'}
        variant={mark ? 'solid' : 'dashed'}
        data-testid={testId}
        data-mark={mark ?? ''}
        aria-label={`${label}: ${full}`}
        title={full}
        style={{ width: 34, ...(unsaved ? { outline: '2px solid #fa8c16', outlineOffset: 1 } : {}) }}
      >
        {letter}
      </Button>
    </Dropdown>
  );
});
