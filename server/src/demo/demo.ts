import type { Ctx } from '../context.ts';

export const DEMO_LOGINS: { login: string; password: string; description: string }[] = [];

/** Loads the demo organisation into an empty database; returns false when data already exists. */
export async function loadDemo(_ctx: Ctx): Promise<boolean> {
  return false;
}
