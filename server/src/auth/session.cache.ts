import { reader, writesEnded, type Ctx } from '../context.ts';
import { hashToken, resolveSession, type ResolvedSession } from './session.ts';

/** Sessions kept at most; past it the oldest goes (a server has far fewer signed-in browsers). */
const MAX_SESSIONS = 10_000;

interface Kept {
  session: ResolvedSession;
  /** writesEnded when it was read: any write transaction since makes it stale. */
  writes: number;
  /** Epoch ms: served until then (the cache's lifetime, or the session's end if sooner). */
  until: number;
}

/**
 * Resolved sessions kept in memory for a few seconds, so a request does not read the session
 * and the account's grants again (two queries and a hash; under load the session lookup cost an
 * authenticated request more than the rest of Fastify's work). Revocation stays immediate: an
 * entry read before any write transaction of this process ended is never served after it — a
 * logout, a password change, a disabled account, a grant added or removed, a renamed unit, any
 * write at all. What another process changes (the command line, a restore) shows within `ttlMs`.
 * Only valid sessions are kept; an unknown token reads the database every time.
 */
export class SessionCache {
  private readonly kept = new Map<string, Kept>();

  constructor(
    private readonly ctx: Ctx,
    private readonly ttlMs: number,
  ) {}

  async resolve(token: string): Promise<ResolvedSession | null> {
    if (this.ttlMs <= 0) return resolveSession(reader(this.ctx), token);
    const key = hashToken(token);
    const writes = writesEnded(this.ctx.db);
    const hit = this.kept.get(key);
    if (hit && hit.writes === writes && Date.now() < hit.until) return hit.session;
    if (hit) this.kept.delete(key);
    const session = await resolveSession(reader(this.ctx), token);
    if (!session) return null;
    // A write that ended while the session was read leaves it out: it may predate that write.
    if (writes === writesEnded(this.ctx.db)) {
      this.kept.set(key, {
        session,
        writes,
        until: Math.min(Date.now() + this.ttlMs, Date.parse(session.expiresAt)),
      });
      if (this.kept.size > MAX_SESSIONS) this.kept.delete(this.kept.keys().next().value!);
    }
    return session;
  }
}
