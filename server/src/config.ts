import { resolve } from 'node:path';
import { heavyLimits, type HeavyLimits } from './workers/limits.ts';

export interface Config {
  databaseUrl: string;
  port: number;
  host: string;
  /** Built web app to serve; null serves the API alone (tests). */
  webDist: string | null;
  /**
   * Canbo is reached over https (PUBLIC_URL is https, or COOKIE_SECURE=true): Secure cookies and
   * HSTS on every answer. Without it they still go out on a request a trusted proxy marks https.
   */
  https: boolean;
  /**
   * Proxies whose X-Forwarded-For / X-Forwarded-Proto are believed (addresses or CIDRs). Empty: the
   * peer's own address counts, so no client can pick the address the login limits see.
   */
  trustProxy: string[];
  sessionHours: number;
  /**
   * How long a resolved session may be served from memory (SESSION_CACHE_MS, default 5000; 0 reads
   * the database on every request). Any write transaction of this process empties it at once, so
   * this bounds only what another process changes (the command line, a second server).
   */
  sessionCacheMs: number;
  /**
   * How long the answer of a list marked `answerCache` may be served from memory (ANSWER_CACHE_MS,
   * default 2000; 0 reads it every time): stale at once on any write transaction of this process, so
   * this bounds only what another process changes (answer.cache.ts).
   */
  answerCacheMs: number;
  logLevel: string;
  /**
   * The address users reach Canbo at, printed in QR codes (session check-in, certificate
   * verification) so a phone that scans a paper sheet opens the right page.
   */
  publicUrl: string;
  /** The pool for CPU-heavy work (HEAVY_THREADS, HEAVY_QUEUE, HEAVY_PER_USER). */
  heavy: HeavyLimits;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, '');
  return {
    databaseUrl: env.DATABASE_URL ?? `sqlite:${resolve('data/canbo.db')}`,
    port,
    host: env.HOST ?? '0.0.0.0',
    webDist: env.WEB_DIST ?? resolve('web/dist'),
    https: publicUrl.toLowerCase().startsWith('https://') || env.COOKIE_SECURE === 'true',
    trustProxy: (env.TRUST_PROXY ?? '')
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean),
    sessionHours: Number(env.SESSION_HOURS ?? 12),
    sessionCacheMs: Number(env.SESSION_CACHE_MS ?? 5000),
    answerCacheMs: Number(env.ANSWER_CACHE_MS ?? 2000),
    logLevel: env.LOG_LEVEL ?? 'info',
    publicUrl,
    heavy: heavyLimits(env),
  };
}
