// @vitest-environment happy-dom
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import { Button } from 'antd';
import { ListTable } from './ListTable';

// From the path's text: under happy-dom `URL` is the page's, which knows no file: scheme.
const src = dirname(dirname(fileURLToPath(import.meta.url)));

/** Every source file of the web app that renders for users (tests and test helpers aside). */
function sources(dir = src): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'testing' ? [] : sources(path);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}

afterEach(cleanup);

describe('every table of the app', () => {
  it('is a ListTable: sized for a desk and a phone, its scrolling region reachable and named', () => {
    const own = join(src, 'lib', 'ListTable.tsx');
    const bare = sources()
      .filter((file) => file !== own)
      .filter((file) => {
        const text = readFileSync(file, 'utf8');
        // antd's Table imported (alone or among others) or drawn as an element.
        return /import\s*\{[^}]*\bTable\b[^}]*\}\s*from\s*'antd'/.test(text) || /<Table[\s<>]/.test(text);
      })
      .map((file) => relative(src, file));
    expect(bare).toEqual([]);
  });

  it('keeps the columns measuring row out of the keyboard’s way', () => {
    const { container } = render(
      <ListTable<{ id: number }>
        label="Điểm danh"
        rowKey="id"
        dataSource={[{ id: 1 }]}
        columns={[{ key: 'session', title: <Button>14/10 Sáng</Button>, render: () => 'C' }]}
      />,
    );
    const measure = container.querySelector<HTMLElement>('.ant-table-measure-row');
    expect(measure).not.toBeNull();
    expect(measure!.inert).toBe(true);
    // The header's own button stays usable.
    expect(container.querySelector('thead button')?.closest('[inert]')).toBeNull();
  });
});
