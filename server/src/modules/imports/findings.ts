import type { ImportIssue } from '@canbo/contract';
import type { Lang } from '../../i18n/language.ts';
import type { Words } from '../../i18n/messages.ts';
import { issueEn, type Issue } from '../../i18n/zodIssue.ts';

/**
 * A row's finding as the kinds make it: its message in both languages. The answer and the error
 * sheet pick one for the request (`findingsIn`); a preview kept for its commit (previewCache.ts)
 * keeps both, so a commit asked in the other language still answers in its own.
 */
export type Finding = Omit<ImportIssue, 'message'> & { message: Words };

/** The findings in the user's language, as the answer carries them. */
export const findingsIn = (findings: readonly Finding[], lang: Lang): ImportIssue[] =>
  findings.map((f) => ({ ...f, message: f.message[lang] }));

/** The phrases many columns share. */
export const REQUIRED: Words = { vi: 'bắt buộc', en: 'required' };
export const NOT_IN_FUTURE: Words = { vi: 'không được sau ngày hôm nay', en: 'cannot be after today' };

/** A whole number's digits grouped as each language writes them. */
export const count = (n: number): Words => ({ vi: n.toLocaleString('vi-VN'), en: n.toLocaleString('en-GB') });

/** A cell longer than any field takes. */
export function cellTooLong(length: number, max: number): Words {
  const [n, m] = [count(length), count(max)];
  return {
    vi: `ô dài ${n.vi} ký tự, quá dài (tối đa ${m.vi})`,
    en: `the cell has ${n.en} characters, too long (at most ${m.en})`,
  };
}

/** A cell that should hold a whole number. */
export const notWholeNumber = (cell: string): Words => ({
  vi: `"${cell}" không phải số nguyên`,
  en: `"${cell}" is not a whole number`,
});

/** A zod issue of the API's own schema, in both languages. */
export const issueWords = (i: Issue): Words => ({ vi: i.message, en: issueEn(i) });
