import { useLayoutEffect, useRef } from 'react';
import { Table } from 'antd';
import type { TableProps, TableRef } from 'antd';
import { useTableScroll } from './tableScroll';

type Props<T> = Omit<TableProps<T>, 'scroll'> & {
  /** What the table lists, for a screen reader reaching its scrolling region ("Danh sách cán bộ"). */
  label: string;
  /**
   * A grid that grows a column per item of the data (the attendance grid's sessions): it keeps each
   * column's width and scrolls inside its card on a desk too, instead of fitting the card.
   */
  grows?: boolean;
};

/**
 * Every table of the app. It meets the width it is given as `useTableScroll` says (fits its card on a
 * desk, scrolls inside it on a phone), and it is usable from a keyboard:
 * - a region that scrolls sideways can be reached with Tab and is named by `label`, so a keyboard user
 *   can scroll it and a screen reader says what it holds;
 * - the row antd draws at zero height to measure the columns repeats their titles, buttons included
 *   (the attendance grid's session menus): it is made inert, so Tab never lands on an invisible copy.
 */
export function ListTable<T extends object>({ label, grows = false, ...props }: Props<T>) {
  const scroll = useTableScroll(grows);
  const ref = useRef<TableRef>(null);

  // After every render: antd may have replaced the rows or the scrolling region.
  useLayoutEffect(() => {
    const root = ref.current?.nativeElement;
    if (!root) return;
    for (const row of root.querySelectorAll<HTMLElement>('.ant-table-measure-row')) row.inert = true;
    const regions = Array.from(root.querySelectorAll<HTMLElement>('.ant-table-content, .ant-table-body'));
    const mark = () => {
      for (const region of regions) {
        if (region.scrollWidth > region.clientWidth + 1) {
          region.tabIndex = 0;
          region.setAttribute('role', 'region');
          region.setAttribute('aria-label', label);
        } else {
          region.removeAttribute('tabindex');
          region.removeAttribute('role');
          region.removeAttribute('aria-label');
        }
      }
    };
    mark();
    // A region starts or stops scrolling when the window or the data changes its width.
    const observer = new ResizeObserver(mark);
    for (const region of regions) {
      observer.observe(region);
      const table = region.querySelector('table');
      if (table) observer.observe(table);
    }
    return () => observer.disconnect();
  });

  const table = <Table<T> ref={ref} scroll={scroll} {...props} />;
  // `data-scrolls` tells the layout checks that this table scrolls on a desk by design.
  return grows ? <div data-scrolls>{table}</div> : table;
}
