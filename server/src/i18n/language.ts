/**
 * The languages the server answers in. The web app sends its current language in `Accept-Language`
 * on every call; a browser sends its own preferences. Vietnamese unless English is preferred to it.
 */
export type Lang = 'vi' | 'en';

/** The language of an `Accept-Language` header: the first of vi / en by quality, vi by default. */
export function languageOf(header: string | string[] | undefined): Lang {
  const value = Array.isArray(header) ? header.join(',') : header;
  if (!value) return 'vi';
  let best: { lang: Lang; q: number } | null = null;
  for (const part of value.split(',').slice(0, 20)) {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const primary = tag.split('-')[0];
    if (primary !== 'vi' && primary !== 'en') continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    // the earlier of two equal qualities wins, as the header lists them in order of preference
    if (!best || q > best.q) best = { lang: primary, q };
  }
  return best?.lang ?? 'vi';
}
