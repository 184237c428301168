import { isValidElement, type ReactNode } from 'react';

/**
 * The words a piece of React content shows, joined: a label given as an element (a tab's `<span
 * data-testid>…</span>`) still has a name where only text will do, such as an accessible name.
 */
export function textOf(node: ReactNode): string {
  if (node === null || node === undefined || typeof node === 'boolean') return '';
  if (typeof node === 'string' || typeof node === 'number' || typeof node === 'bigint') return String(node);
  if (Array.isArray(node)) return node.map(textOf).join('');
  if (isValidElement<{ children?: ReactNode }>(node)) return textOf(node.props.children);
  return '';
}
