import { resolve } from 'node:path';

export interface Config {
  databaseUrl: string;
  port: number;
  host: string;
  /** Built web app to serve; null serves the API alone (tests). */
  webDist: string | null;
  /** Set the Secure flag on cookies (behind HTTPS). */
  secureCookies: boolean;
  sessionHours: number;
  logLevel: string;
  /**
   * The address users reach Canbo at, printed in QR codes (session check-in, certificate
   * verification) so a phone that scans a paper sheet opens the right page.
   */
  publicUrl: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  return {
    databaseUrl: env.DATABASE_URL ?? `sqlite:${resolve('data/canbo.db')}`,
    port,
    host: env.HOST ?? '0.0.0.0',
    webDist: env.WEB_DIST ?? resolve('web/dist'),
    secureCookies: env.COOKIE_SECURE === 'true',
    sessionHours: Number(env.SESSION_HOURS ?? 12),
    logLevel: env.LOG_LEVEL ?? 'info',
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, ''),
  };
}
