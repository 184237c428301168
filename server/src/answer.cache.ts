import type { Actor } from './auth/actor.ts';
import { writesEnded, type Ctx } from './context.ts';
import { todayIso } from './lib/dates.ts';

/** Answers kept at most, and their bytes (a page of 200 people is ~150 KB of JSON). */
const MAX_ANSWERS = 2_000;
const MAX_BYTES = 32 * 1024 * 1024;

interface Kept {
  /** The JSON text, or the reading of it still under way (callers who ask meanwhile share it). */
  body: Promise<string>;
  /** writesEnded when it was read: any write transaction since makes it stale. */
  writes: number;
  /** Epoch ms: served until then. */
  until: number;
  bytes: number;
}

/**
 * The JSON answers of the busiest read-only lists (routes marked `answerCache` in the contract) kept
 * in memory for a moment, per account and address: at 100 connections the people list spent 2 ms of
 * CPU a request in its queries and their building, and a list is asked again far more often than the
 * registry changes. Exact within this process, as the session cache is (auth/session.cache.ts): an
 * answer read before any write transaction of this process ended is never served after it — any
 * write at all, whoever made it — and the key holds the account with its grants, the address with its
 * query and the day in Vietnam (what is "current" changes at midnight). What another process
 * changes (the command line, a second server) shows within `ttlMs`.
 */
export class AnswerCache {
  private readonly kept = new Map<string, Kept>();
  private bytes = 0;

  constructor(
    private readonly ctx: Ctx,
    private readonly ttlMs: number,
  ) {}

  async answer(actor: Actor, address: string, read: () => Promise<string>): Promise<string> {
    if (this.ttlMs <= 0) return read();
    const key = `${keyOf(actor)}\n${todayIso()}\n${address}`;
    const writes = writesEnded(this.ctx.db);
    const hit = this.kept.get(key);
    if (hit && hit.writes === writes && Date.now() < hit.until) return hit.body;
    if (hit) this.forget(key, hit);
    const kept: Kept = { body: read(), writes, until: Date.now() + this.ttlMs, bytes: 0 };
    this.kept.set(key, kept);
    try {
      const text = await kept.body;
      // A write that ended while it was read leaves it out: it may predate that write.
      if (writes !== writesEnded(this.ctx.db)) this.forget(key, kept);
      else if (this.kept.get(key) === kept) {
        kept.bytes = text.length;
        this.bytes += kept.bytes;
        this.trim();
      }
      return text;
    } catch (e) {
      this.forget(key, kept);
      throw e;
    }
  }

  private forget(key: string, kept: Kept): void {
    if (this.kept.get(key) !== kept) return;
    this.kept.delete(key);
    this.bytes -= kept.bytes;
  }

  /** Past either bound the oldest answers go first (a Map keeps its insertion order). */
  private trim(): void {
    for (const [key, kept] of this.kept) {
      if (this.kept.size <= MAX_ANSWERS && this.bytes <= MAX_BYTES) return;
      this.forget(key, kept);
    }
  }
}

/** Everything of the account an answer can depend on: who it is and what it may see. */
function keyOf(actor: Actor): string {
  const grants = actor.grants.map((g) => `${g.unitId}:${g.role}`).join(',');
  return `${actor.userId}/${actor.isSuperadmin ? 1 : 0}/${actor.personId ?? ''}/${grants}`;
}
