import { MessageChannel, type MessagePort } from 'node:worker_threads';
import type { Writable } from 'node:stream';
import type { XlsxCell, XlsxColumn, XlsxTable } from './table.ts';

/**
 * The request thread's half of an export written in the heavy pool (the worker's half is
 * `ported.ts`). The request thread reads the rows — in the actor's scope, a batch at a time — and
 * turns each into its plain cell values; the worker writes and zips the workbook. Both directions
 * are pulled, never pushed: the worker asks for the next rows only when it has written the last
 * ones, and waits for each chunk of bytes to be taken by the response (with its backpressure)
 * before writing on. Neither side ever holds more than a batch of rows and a chunk of bytes.
 */

/** What the worker is given: the table without its value functions (they cannot cross threads). */
export interface PortedTable {
  port: MessagePort;
  sheetName: string;
  title?: string[];
  columns: Omit<XlsxColumn<unknown>, 'value'>[];
}

/** Worker → request thread. */
export type FromWriter = { want: true } | { chunk: Uint8Array } | { end: true };
/** Request thread → worker. */
export type ToWriter = { rows: XlsxCell[][] } | { done: true } | { ack: true } | { cancel: string };

/** Rows handed to the worker per message: small enough to stay cheap, large enough to be few. */
const ROWS_PER_MESSAGE = 200;

/**
 * Starts feeding `table` through a new channel: returns what the worker task takes, and a promise
 * that settles once `out` has every byte (or rejects, having destroyed `out`, if either side fails).
 * `job` is the pool task, started by the caller with the input; its failure ends the feed.
 */
export function feedXlsxTable<T>(
  table: XlsxTable<T>,
  out: Writable,
): { input: PortedTable; pump: (job: Promise<unknown>) => Promise<void> } {
  const { port1: mine, port2: theirs } = new MessageChannel();
  const input: PortedTable = {
    port: theirs,
    sheetName: table.sheetName,
    ...(table.title ? { title: table.title } : {}),
    columns: table.columns.map(({ header, width, type }) => ({ header, width, type })),
  };
  const rows = (async function* () {
    yield* table.rows;
  })();
  const post = (m: ToWriter) => mine.postMessage(m);

  async function sendRows(): Promise<void> {
    const batch: XlsxCell[][] = [];
    while (batch.length < ROWS_PER_MESSAGE) {
      const next = await rows.next();
      if (next.done) break;
      batch.push(table.columns.map((c) => c.value(next.value)));
    }
    post(batch.length ? { rows: batch } : { done: true });
  }

  function pump(job: Promise<unknown>): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let settled = false;
      const finish = (err?: unknown) => {
        if (settled) return;
        settled = true;
        mine.close();
        out.off('close', onClose);
        if (err === undefined) return resolve();
        // The reader may be parked in a batch: let it release its cursor.
        void rows.return(undefined).catch(() => undefined);
        const error = err instanceof Error ? err : new Error('xlsx export failed', { cause: err });
        if (!out.destroyed) out.destroy(error);
        reject(error);
      };
      // A client that goes away stops the worker at its next request for rows or bytes.
      const onClose = () => {
        if (!out.writableFinished) {
          post({ cancel: 'the client closed the download' });
          finish(new Error('xlsx export cancelled: the output was closed'));
        }
      };
      out.on('close', onClose);
      mine.on('message', (m: FromWriter) => {
        if ('want' in m) {
          sendRows().catch((err: unknown) => {
            post({ cancel: 'the rows could not be read' });
            finish(err);
          });
        } else if ('chunk' in m) {
          const chunk = Buffer.from(m.chunk.buffer, m.chunk.byteOffset, m.chunk.byteLength);
          if (out.write(chunk)) post({ ack: true });
          else out.once('drain', () => post({ ack: true }));
        } else {
          // The response ends once the job has been counted off the user's heavy limit, so a
          // client that asks again as soon as its download is complete is not refused.
          job.then(
            () => out.end(() => finish()),
            (err: unknown) => finish(err),
          );
        }
      });
      job.catch((err: unknown) => finish(err));
    });
  }
  return { input, pump };
}
