import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { FromWriter, PortedTable, ToWriter } from './feed.ts';
import { writeXlsxTable, type XlsxCell } from './table.ts';

/**
 * The worker's half of an export (see feed.ts): asks the request thread for rows as it needs them,
 * writes them with the same `writeXlsxTable` as ever (formula neutralisation, dates, header), and
 * hands each chunk of bytes back, writing on only once the response has taken it.
 */
export async function writePortedTable({ port, sheetName, title, columns }: PortedTable): Promise<number> {
  const post = (m: FromWriter, transfer?: ArrayBuffer[]) => port.postMessage(m, transfer);
  // Rows and acknowledgements are awaited apart: the writer may ask for the next rows while the
  // response is still taking the last chunk.
  let rowsWanted: ((m: ToWriter) => void) | null = null;
  let ackWanted: ((m: ToWriter) => void) | null = null;
  let cancelled: string | null = null;
  const take = (slot: 'rows' | 'ack', m: ToWriter) => {
    const w = slot === 'rows' ? rowsWanted : ackWanted;
    if (slot === 'rows') rowsWanted = null;
    else ackWanted = null;
    w?.(m);
  };
  port.on('message', (m: ToWriter) => {
    if ('cancel' in m) {
      cancelled = m.cancel;
      take('rows', m);
      take('ack', m);
    } else take('ack' in m ? 'ack' : 'rows', m);
  });
  // A port closed by the request thread (the download failed or the client left) is a cancel too:
  // without it a lost cancel message would hold the worker and its user's slot forever.
  port.on('close', () => {
    if (cancelled) return;
    cancelled = 'closed';
    take('rows', { cancel: cancelled });
    take('ack', { cancel: cancelled });
  });
  const reply = (ask: FromWriter) =>
    new Promise<ToWriter>((resolve) => {
      if (cancelled) return resolve({ cancel: cancelled });
      rowsWanted = resolve;
      post(ask);
    });

  async function* rows(): AsyncGenerator<XlsxCell[]> {
    for (;;) {
      const m = await reply({ want: true });
      if ('cancel' in m) throw new Error(`xlsx export cancelled: ${m.cancel}`);
      if (!('rows' in m)) return;
      yield* m.rows;
    }
  }

  const out = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      // A copy that owns its buffer, so it is moved to the other thread rather than copied again.
      const bytes = new Uint8Array(chunk);
      if (cancelled) return callback(new Error(`xlsx export cancelled: ${cancelled}`));
      ackWanted = (m) => callback('cancel' in m ? new Error(`xlsx export cancelled: ${m.cancel}`) : null);
      post({ chunk: bytes }, [bytes.buffer]);
    },
  });
  try {
    const count = await writeXlsxTable(out, {
      sheetName,
      ...(title ? { title } : {}),
      columns: columns.map((c, i) => ({ ...c, value: (r: XlsxCell[]) => r[i] })),
      rows: rows(),
    });
    await finished(out);
    post({ end: true });
    return count;
  } finally {
    port.close();
  }
}
