import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReportTable } from '@canbo/contract';

const border = '1px solid #d9d9d9';
const cellStyle: React.CSSProperties = { border, padding: '4px 6px', textAlign: 'center', verticalAlign: 'middle' };

/**
 * A report's table as the official form draws it: the header rows with their spans, then the rows;
 * every number that has rows behind it is a link that opens them.
 */
export function ReportTableView({ table, onOpen }: { table: ReportTable; onOpen: (cell: string) => void }) {
  const { t } = useTranslation('reports');
  const width = (table.header[0] ?? []).reduce((n, c) => n + c.colSpan, 0);
  return (
    // Focusable, so that a keyboard can scroll a table wider than the screen.
    <div style={{ overflowX: 'auto' }} tabIndex={0}>
      {table.caption && <Typography.Title level={5}>{table.caption}</Typography.Title>}
      <table style={{ borderCollapse: 'collapse', width: '100%', fontSize: 13 }}>
        <thead>
          {table.header.map((cells, r) => (
            <tr key={r}>
              {cells.map((c, i) => (
                <th key={i} colSpan={c.colSpan} rowSpan={c.rowSpan} style={{ ...cellStyle, background: '#fafafa' }}>
                  {c.text}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r} style={row.strong ? { fontWeight: 600 } : undefined}>
              {row.labels.map((l, i) => (
                <td
                  key={`l${i}`}
                  style={{
                    ...cellStyle,
                    textAlign: i === 0 ? 'center' : 'left',
                    // A row's number stays whole; a name or a description wraps, but never to a sliver.
                    ...(i === 0 ? { whiteSpace: 'nowrap' } : { minWidth: 180 }),
                  }}
                >
                  {l}
                </td>
              ))}
              {row.values.map((v, i) => (
                <td key={`v${i}`} style={{ ...cellStyle, whiteSpace: 'nowrap' }}>
                  {v.cell && v.value !== null ? (
                    <Typography.Link
                      onClick={() => onOpen(v.cell!)}
                      aria-label={t('numberLink', { value: v.value })}
                      data-cell={v.cell}
                    >
                      {v.value.toLocaleString('vi-VN')}
                    </Typography.Link>
                  ) : (
                    (v.text ?? v.value?.toLocaleString('vi-VN'))
                  )}
                </td>
              ))}
              {Array.from({ length: Math.max(0, width - row.labels.length - row.values.length) }, (_, i) => (
                <td key={`e${i}`} style={cellStyle} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
