import { z } from 'zod';

/**
 * The one way text enters Canbo. Every string a request carries is read through these types, so
 * what reaches a service, the database or a printed document is NFC (one code point per Vietnamese
 * letter, as search, sorting and the PDF fonts expect), trimmed, with ordinary spaces, and free of
 * what no form field means: control characters (NUL breaks PostgreSQL), lone surrogates, invisible
 * characters (a zero-width space makes a name unfindable) and direction overrides (they print a
 * name backwards). Line breaks and tabs are kept only in fields that are written as paragraphs.
 */

// No-break and typographic spaces look like a space and must compare like one.
const ODD_SPACES = /[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g;
const LINE_BREAKS = /\r\n?|[\u2028\u2029]/g;
// Anything that may need a closer look: controls, format (invisible) characters, surrogates, separators.
const SUSPECT = /[\p{Cc}\p{Cf}\p{Cs}\u2028\u2029]/u;
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

const codePoint = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/** Why a text cannot be stored (a Vietnamese phrase to follow the field's name), or null when it can. */
export function textProblem(value: string, multiline: boolean): string | null {
  if (!SUSPECT.test(value)) return null;
  for (const ch of value) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === '\n' || ch === '\t' || ch === '\r' || ch === '\u2028' || ch === '\u2029') {
      if (multiline) continue;
      return 'chỉ được viết trên một dòng (không xuống dòng, không có dấu tab)';
    }
    if (cp >= 0xd800 && cp <= 0xdfff) return 'có ký tự bị lỗi mã hoá (không phải Unicode hợp lệ)';
    if (/\p{Cc}/u.test(ch)) return `có ký tự điều khiển không in được (${codePoint(cp)})`;
    if (BIDI.test(ch)) return `có ký tự đổi chiều chữ (${codePoint(cp)}), có thể làm chữ hiện ngược`;
    if (/\p{Cf}/u.test(ch)) return `có ký tự ẩn (${codePoint(cp)}, như khoảng trắng độ rộng 0)`;
  }
  return null;
}

/** The stored form of a text: NFC, plain spaces, `\n` line breaks (multi-line only), trimmed. */
export function normaliseText(value: string, multiline: boolean): string {
  const nfc = value.normalize('NFC').replace(ODD_SPACES, ' ');
  return (multiline ? nfc.replace(LINE_BREAKS, '\n') : nfc).trim();
}

const checked = (multiline: boolean) =>
  z
    .string()
    .overwrite((v) => normaliseText(v, multiline))
    .superRefine((v, ctx) => {
      const problem = textProblem(v, multiline);
      if (problem) ctx.addIssue({ code: 'custom', message: problem, input: v });
    });

/** One line of text, possibly empty: the base of every single-line string input (search terms, codes). */
export const line = (max: number) => checked(false).max(max);
/** A paragraph: notes, reasons, descriptions. Line breaks and tabs are kept. */
const paragraph = (max: number) => checked(true).max(max);

const emptyToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

/** A required single-line text (a name, a code): not empty once trimmed. */
export const text = (max: number) => line(max).min(1);
/** An optional single-line text; empty means "none" (null). */
export const optionalText = (max: number) => z.preprocess(emptyToNull, line(max).nullable().optional());
/** A required multi-line text. */
export const multilineText = (max: number) => paragraph(max).min(1);
/** An optional multi-line text; empty means "none" (null). */
export const optionalMultilineText = (max: number) => z.preprocess(emptyToNull, paragraph(max).nullable().optional());

/** A search box's words, read like the text they are matched against. */
export const searchTerm = line(100).optional();

/**
 * A password is compared as typed (no normalising or trimming: that would change existing ones),
 * but it is text all the same: no control characters, no broken Unicode.
 */
export const passwordText = (max: number) =>
  z
    .string()
    .max(max)
    .superRefine((v, ctx) => {
      const bad = /[\p{Cc}\p{Cs}]/u.exec(v)?.[0];
      if (bad === undefined) return;
      const cp = bad.codePointAt(0) ?? 0;
      const message =
        cp >= 0xd800 && cp <= 0xdfff
          ? 'có ký tự bị lỗi mã hoá (không phải Unicode hợp lệ)'
          : `có ký tự điều khiển không in được (${codePoint(cp)})`;
      ctx.addIssue({ code: 'custom', message, input: v });
    });
