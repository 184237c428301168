import { Grid } from 'antd';

/**
 * How a list table meets the width it is given. On a desk it fits its card: columns share the width
 * and long text (a class's name, an organiser) wraps, so no header or key cell is cut and the last
 * columns are never scrolled out of sight; only a table wider than its card even wrapped scrolls.
 * On a phone each row keeps one line per cell and the table scrolls sideways inside its card — never
 * the page. A grid that `grows` a column per item of its data keeps its columns' widths on a desk too.
 * `ListTable` applies it to every table.
 */
export function useTableScroll(grows = false): { x: true | 'max-content' } {
  const screens = Grid.useBreakpoint();
  return { x: screens.md && !grows ? true : 'max-content' };
}
