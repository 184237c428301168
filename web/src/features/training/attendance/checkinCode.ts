/** What a trainee's personal QR code carries: `canbo:checkin:<code>`. */
const PREFIX = 'canbo:checkin:';

/** The check-in code from a scanned payload or a typed code; null when it cannot be one. */
export function checkinCodeOf(text: string): string | null {
  const raw = text.trim();
  const code = raw.toLowerCase().startsWith(PREFIX) ? raw.slice(PREFIX.length).trim() : raw;
  return code.length >= 10 && code.length <= 100 && !/\s/.test(code) ? code : null;
}
