import type { Page } from 'playwright-core';

// What a page's layout must never do, measured in the browser: spill sideways past the screen, or cut
// a table's header or key cell with an ellipsis. Each finding names what it saw, so a failure reads
// as the problem a user meets ("th: Mã QR điể…"), not as a number.

/**
 * Horizontal spill of the page and every cut header, key cell or card title. On a desk (`wide`) a
 * table must also fit its card: its last columns scrolled out of sight are as hidden as cut ones. A
 * grid that grows with the data (the attendance grid's sessions) says so with `data-scrolls`.
 */
export async function layoutProblems(page: Page, wide: boolean): Promise<string[]> {
  return page.evaluate((wide) => {
    const problems: string[] = [];
    const spill = document.documentElement.scrollWidth - window.innerWidth;
    if (spill > 0) problems.push(`the page scrolls sideways by ${spill}px`);
    const shown = (el: Element) => (el as HTMLElement).offsetParent !== null;
    const text = (el: Element) => (el.textContent ?? '').trim();
    // A header cell or the first cells of a row (the key a reader scans by) whose text is wider than its box.
    const cells = [
      ...Array.from(document.querySelectorAll('.ant-table-thead th')),
      ...Array.from(document.querySelectorAll('.ant-table-tbody > tr.ant-table-row > td:nth-child(-n+2)')),
      ...Array.from(document.querySelectorAll('.ant-card-head-title')),
    ];
    for (const cell of cells) {
      if (!shown(cell) || !text(cell)) continue;
      // antd puts the ellipsis on the cell itself or on an inner span (sorter title, Typography).
      const boxes = [cell, ...Array.from(cell.querySelectorAll('*'))].filter((el) => {
        const style = getComputedStyle(el);
        return style.textOverflow === 'ellipsis' || style.overflow === 'hidden' || style.overflowX === 'hidden';
      });
      for (const box of boxes) {
        if (box.scrollWidth > box.clientWidth + 1 && text(box)) {
          problems.push(`${cell.tagName.toLowerCase()} cut: "${text(cell).slice(0, 40)}"`);
          break;
        }
      }
    }
    // A tab hidden behind antd's "…" more button.
    for (const more of Array.from(
      document.querySelectorAll('.ant-tabs-nav-operations:not(.ant-tabs-nav-operations-hidden)'),
    )) {
      if (shown(more)) problems.push('tabs hidden behind "…"');
    }
    if (wide) {
      for (const body of Array.from(document.querySelectorAll('.ant-table-content, .ant-table-body'))) {
        if (shown(body) && !body.closest('[data-scrolls]') && body.scrollWidth > body.clientWidth + 1) {
          const head = Array.from(body.closest('.ant-table')?.querySelectorAll('th') ?? [])
            .map(text)
            .filter(Boolean);
          problems.push(`a table scrolls sideways at this width: ${head.join(' | ').slice(0, 80)}`);
        }
      }
    }
    return problems;
  }, wide);
}
