/**
 * Login throttling per account and per address: after too many failures in the window, further
 * attempts are refused without checking the password, so guessing is slow for one account and for
 * one machine trying many accounts.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();
  constructor(
    private readonly perAccount = 5,
    private readonly perAddress = 20,
    private readonly windowMs = 15 * 60_000,
  ) {}

  private recent(key: string, now: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  /** Seconds to wait, or 0 when an attempt is allowed. */
  retryAfter(login: string, address: string, now = Date.now()): number {
    const a = this.recent(`a:${login}`, now);
    const b = this.recent(`i:${address}`, now);
    const blocked = [a.length >= this.perAccount ? a : null, b.length >= this.perAddress ? b : null].filter(
      (x): x is number[] => x !== null,
    );
    if (!blocked.length) return 0;
    const oldest = Math.max(...blocked.map((l) => l[0] ?? now));
    return Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000));
  }

  fail(login: string, address: string, now = Date.now()): void {
    for (const key of [`a:${login}`, `i:${address}`]) {
      this.failures.set(key, [...this.recent(key, now), now]);
    }
  }

  succeed(login: string): void {
    this.failures.delete(`a:${login}`);
  }
}
