// Apart from table.ts, which loads ExcelJS: the lists' exports number their rows on the request
// thread, and the server must not load ExcelJS when it starts.

export type Numbered<T> = T & { no: number };

/** Rows numbered from 1 as they stream by. */
export async function* numbered<T>(rows: AsyncIterable<T>): AsyncIterable<Numbered<T>> {
  let no = 0;
  for await (const r of rows) yield { ...r, no: ++no };
}
