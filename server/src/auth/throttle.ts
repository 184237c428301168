import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Tx } from '../context.ts';

/**
 * Login throttling that a stranger cannot turn against an account's owner.
 *
 * Failures are counted per account from one address (5 in 15 minutes) and per address over all
 * accounts (20): guessing one password, or trying many accounts, is slow. A guesser spread over many
 * addresses is slowed by a count per account of the failures from places it never signed in from
 * (30): only such places are held back by it, so the owner, at an address the account signed in from
 * before or in a browser holding the device cookie it got then, is never locked out by strangers.
 * An address the account signed in from before is not held back by the per-address count either; a
 * browser holding the device cookie counts only its own failures, wherever it is (an office behind
 * one router shared with a guesser). A refused attempt is refused before the password is checked.
 *
 * The counters live in the database (a restart forgets nothing, instances share them), under
 * hashed keys; a window that has passed is deleted as new failures come in.
 */
export const LOGIN_LIMITS = {
  perAccountAddress: 5,
  perAddress: 20,
  /** Failures for one account from addresses and browsers that never signed in to it. */
  perAccountFromStrangers: 30,
  windowMs: 15 * 60_000,
  /** A place unused for this long is forgotten. */
  knownMs: 180 * 24 * 3600_000,
};

/** Long-lived cookie naming a browser that signed in before. */
export const DEVICE_COOKIE = 'canbo_device';

export interface LoginAttempt {
  login: string;
  address: string;
  /** The device cookie sent with the attempt, if any. */
  device?: string | undefined;
}

const digest = (...parts: string[]) => createHash('sha256').update(parts.join('\n')).digest('hex');
const pairKey = (a: LoginAttempt) => `pair:${digest(a.login, a.address)}`;
const addressKey = (a: LoginAttempt) => `addr:${digest(a.address)}`;
const knownAddressKey = (a: LoginAttempt) => `addr:${digest(a.login, a.address)}`;
const knownDeviceKey = (login: string, device: string) => `device:${digest(login, device)}`;
const devicePairKey = (login: string, device: string) => `dpair:${digest(login, device)}`;
const strangersKey = (a: LoginAttempt) => `acct:${digest(a.login)}`;
const iso = (ms: number) => new Date(ms).toISOString();

/** Where the attempt comes from, for this account: its owner's browser, an address it signed in from, or elsewhere. */
async function placeOf(tx: Tx, attempt: LoginAttempt, now: number): Promise<'device' | 'address' | 'stranger'> {
  const device = attempt.device ? knownDeviceKey(attempt.login, attempt.device) : null;
  const known = await tx.q
    .selectFrom('login_known')
    .select('key')
    .where('key', 'in', device ? [device, knownAddressKey(attempt)] : [knownAddressKey(attempt)])
    .where('last_at', '>', iso(now - LOGIN_LIMITS.knownMs))
    .execute();
  if (device && known.some((k) => k.key === device)) return 'device';
  return known.length ? 'address' : 'stranger';
}

/** The counters that decide this attempt, with their limits. */
async function countersFor(tx: Tx, attempt: LoginAttempt, now: number): Promise<Map<string, number>> {
  const place = await placeOf(tx, attempt, now);
  // The owner's browser: only its own failures count, wherever it is.
  if (place === 'device') {
    return new Map([[devicePairKey(attempt.login, attempt.device ?? ''), LOGIN_LIMITS.perAccountAddress]]);
  }
  const limits = new Map([[pairKey(attempt), LOGIN_LIMITS.perAccountAddress]]);
  // An address the account signed in from is held back neither by others' guesses from it nor by
  // strangers' guesses at the account.
  if (place === 'stranger') {
    limits.set(addressKey(attempt), LOGIN_LIMITS.perAddress);
    limits.set(strangersKey(attempt), LOGIN_LIMITS.perAccountFromStrangers);
  }
  return limits;
}

/** Seconds to wait before this attempt may be checked, or 0 when it may. */
export async function loginWait(tx: Tx, attempt: LoginAttempt, now = Date.now()): Promise<number> {
  const limits = await countersFor(tx, attempt, now);
  const rows = await tx.q
    .selectFrom('login_failures')
    .select(['key', 'failures', 'first_at'])
    .where('key', 'in', [...limits.keys()])
    .where('first_at', '>', iso(now - LOGIN_LIMITS.windowMs))
    .execute();
  let wait = 0;
  for (const r of rows) {
    if (r.failures < (limits.get(r.key) ?? Infinity)) continue;
    const ends = Date.parse(r.first_at) + LOGIN_LIMITS.windowMs;
    wait = Math.max(wait, Math.ceil((ends - now) / 1000), 1);
  }
  return wait;
}

/**
 * Counts a wrong password against the account from this address (and browser), against the address,
 * and, from a place that never signed in to the account, against the account's count of strangers.
 */
export async function recordFailure(tx: Tx, attempt: LoginAttempt, now = Date.now()): Promise<void> {
  const keys = [pairKey(attempt), addressKey(attempt)];
  if (attempt.device) keys.push(devicePairKey(attempt.login, attempt.device));
  if ((await placeOf(tx, attempt, now)) === 'stranger') keys.push(strangersKey(attempt));
  const at = iso(now);
  const windowStart = iso(now - LOGIN_LIMITS.windowMs);
  // One statement per key, atomic on both engines: a window that has passed starts again at 1.
  const expired = sql<boolean>`login_failures.first_at <= ${windowStart}`;
  await tx.q
    .insertInto('login_failures')
    .values(keys.map((key) => ({ key, failures: 1, first_at: at, last_at: at })))
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: sql<number>`case when ${expired} then 1 else login_failures.failures + 1 end`,
        first_at: sql<string>`case when ${expired} then ${at} else login_failures.first_at end`,
        last_at: at,
      }),
    )
    .execute();
  // Every row whose window has passed counts for nothing: the table holds the last 15 minutes.
  await tx.q.deleteFrom('login_failures').where('last_at', '<=', windowStart).execute();
}

/**
 * A successful login clears the account's count from this address and remembers the address and
 * the browser. Returns the device cookie's value to set (the same one when it was already known).
 */
export async function recordSuccess(tx: Tx, attempt: LoginAttempt, now = Date.now()): Promise<string> {
  const at = iso(now);
  const device = attempt.device && /^[A-Za-z0-9_-]{32,64}$/.test(attempt.device) ? attempt.device : newDevice();
  await tx.q
    .deleteFrom('login_failures')
    .where('key', 'in', [pairKey(attempt), devicePairKey(attempt.login, device)])
    .execute();
  await tx.q
    .insertInto('login_known')
    .values([knownAddressKey(attempt), knownDeviceKey(attempt.login, device)].map((key) => ({ key, last_at: at })))
    .onConflict((oc) => oc.column('key').doUpdateSet({ last_at: at }))
    .execute();
  await tx.q
    .deleteFrom('login_known')
    .where('last_at', '<=', iso(now - LOGIN_LIMITS.knownMs))
    .execute();
  return device;
}

function newDevice(): string {
  return randomBytes(32).toString('base64url');
}
