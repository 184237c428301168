import type { TransferListItem } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { AppError } from '../errors.ts';
import type { Words } from '../i18n/messages.ts';
import type { HeavyLimits } from './limits.ts';
import type { Tasks } from './tasks.ts';

export type TaskName = keyof Tasks;
export type TaskInput<K extends TaskName> = Parameters<Tasks[K]>[0];
export type TaskOutput<K extends TaskName> = Awaited<ReturnType<Tasks[K]>>;

/**
 * Old-generation heap of one worker thread, in MB. No job holds more than a few tens of MB live
 * (the largest, a 500-certificate ZIP, holds its 15 MB of PDFs); measured in bench:heavy, 192 MB
 * let each thread's heap grow to ~100 MB of garbage before collecting.
 */
const HEAP_MB = 96;
/** Young generation of one worker thread, in MB: V8's default (16) sat resident in every thread. */
const YOUNG_MB = 4;
/**
 * A thread idle this long exits and gives back its heap and the libraries it loaded (PDF, Word,
 * spreadsheet: each thread loads only what its jobs needed). Starting one again costs well under a
 * second, small beside any heavy job, while keeping threads alive kept 100+ MB each resident.
 */
const IDLE_MS = 2_000;

const busy = (message: Words, retryAfter: number) => new AppError('rate_limited', message, { retryAfter });

/**
 * The bounded pool for CPU-heavy work (reading sheets, making PDFs, ZIPs and workbooks): the event
 * loop that answers every other request never runs it. Workers are handed plain data and give bytes
 * back; they never touch the database. Bounded three ways — threads, a short queue, and a few jobs
 * per user — and refused with 429 and Retry-After beyond that, so one user's downloads cannot fill
 * the queue for everyone and a burst cannot pile up memory.
 */
export class HeavyPool {
  private pool: Piscina | null = null;
  private inFlight = 0;
  private readonly perUser = new Map<number, number>();

  /**
   * `workerFile` is the thread's entry: by default the one beside this file (the built server's
   * bundle when built, else the TypeScript entry that loads tsx first); the imports bench runs its
   * jobs on the built one, as a server does.
   */
  constructor(
    readonly limits: HeavyLimits,
    private readonly workerFile: string = new URL('./worker.mjs', import.meta.url).href,
  ) {}

  /** Threads start on the first job, so an app that never makes a document never pays for them. */
  private workers(): Piscina {
    this.pool ??= new Piscina({
      filename: this.workerFile,
      minThreads: 0,
      maxThreads: this.limits.threads,
      // The refusal below keeps the queue within bounds; piscina's own check is a backstop.
      maxQueue: this.limits.queue + this.limits.threads,
      idleTimeout: IDLE_MS,
      // V8 would let a worker's heap grow to a share of the machine's memory before collecting;
      // the jobs' garbage (a parsed font per PDF, a sheet's XML) is short-lived, so a small heap
      // keeps the process's memory down at little cost (the ZIP took no longer with it).
      resourceLimits: { maxOldGenerationSizeMb: HEAP_MB, maxYoungGenerationSizeMb: YOUNG_MB },
    });
    return this.pool;
  }

  /**
   * Starts a job, or refuses it at once: the refusal is thrown before the call returns, so a
   * streamed download is refused with a 429 before any header is sent. `transfer` moves what the
   * input carries (a MessagePort) to the worker. `signal` gives the job up (an upload whose client
   * went away): a job still queued never starts, a running one's thread is stopped.
   */
  run<K extends TaskName>(
    userId: number,
    task: K,
    input: TaskInput<K>,
    transfer?: TransferListItem[],
    signal?: AbortSignal,
  ): Promise<TaskOutput<K>> {
    const { threads, queue, perUser, retryAfter } = this.limits;
    const mine = this.perUser.get(userId) ?? 0;
    if (mine >= perUser) {
      throw busy(
        {
          vi: `Bạn đang có ${mine} tệp đang được tạo (tối đa ${perUser} cùng lúc). Hãy chờ tệp trước xong rồi thử lại sau ${retryAfter} giây.`,
          en: `You have ${mine} files being made (at most ${perUser} at once). Wait for them, then try again in ${retryAfter} seconds.`,
        },
        retryAfter,
      );
    }
    if (this.inFlight >= threads + queue) {
      throw busy(
        {
          vi: `Máy chủ đang bận tạo tệp cho nhiều người. Hãy thử lại sau ${retryAfter} giây.`,
          en: `The server is busy making files for many people. Try again in ${retryAfter} seconds.`,
        },
        retryAfter,
      );
    }
    this.inFlight++;
    this.perUser.set(userId, mine + 1);
    const release = () => {
      this.inFlight--;
      const left = (this.perUser.get(userId) ?? 1) - 1;
      if (left > 0) this.perUser.set(userId, left);
      else this.perUser.delete(userId);
    };
    let job: Promise<TaskOutput<K>>;
    try {
      job = this.workers().run(
        { task, input },
        { ...(transfer ? { transferList: transfer } : {}), ...(signal ? { signal } : {}) },
      ) as Promise<TaskOutput<K>>;
    } catch (err) {
      // Starting the pool or queuing can throw before a promise exists: the slot is given back here.
      release();
      throw err;
    }
    return job.finally(release);
  }

  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = null;
    await pool?.destroy();
  }
}

/** Bytes as they come back from a worker (a plain Uint8Array after the copy) as a Buffer again. */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
