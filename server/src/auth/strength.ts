import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { foldVietnamese } from '@canbo/contract';
import { invalid } from '../errors.ts';
import type { Words } from '../i18n/messages.ts';

/**
 * Words every guesser at a Youth Union office tries first, written as people type them (no
 * diacritics, with and without spaces): the organisation, its levels and its common titles.
 */
const ORGANISATION_WORDS = [
  'doan',
  'hoi',
  'doi',
  'thanhnien',
  'doanthanhnien',
  'doanvien',
  'hoivien',
  'doivien',
  'thieunien',
  'nhidong',
  'congsan',
  'hochiminh',
  'tncs',
  'tncshcm',
  'hlhtn',
  'hoilienhiep',
  'sinhvien',
  'canbo',
  'bithu',
  'phobithu',
  'chidoan',
  'tinhdoan',
  'thanhdoan',
  'huyendoan',
  'quandoan',
  'xadoan',
  'trunguongdoan',
  'vietnam',
  'matkhau',
  'quantri',
  'admin',
];

// Built at the first password checked, not when the server starts: ranking the dictionaries took
// about a twentieth of a start.
let checker: ZxcvbnFactory | undefined;
const zxcvbn = () =>
  (checker ??= new ZxcvbnFactory({
    dictionary: { ...dictionary, canbo: ORGANISATION_WORDS },
    graphs: adjacencyGraphs,
  }));

/**
 * zxcvbn's "safely unguessable" (about 10^8 guesses and more): an online guesser, throttled to a
 * few tries per quarter hour, never gets there; the demo's `canbo-demo-2024` scores 4.
 */
export const MIN_PASSWORD_SCORE = 3;

/** Why zxcvbn found the password easy, in both languages (by its warning key). */
const HINTS: Record<string, Words> = {
  straightRow: { vi: 'các phím liền nhau trên bàn phím rất dễ đoán', en: 'keys next to each other are easy to guess' },
  keyPattern: {
    vi: 'kiểu gõ theo hình trên bàn phím rất dễ đoán',
    en: 'shapes typed on the keyboard are easy to guess',
  },
  simpleRepeat: { vi: 'ký tự lặp lại như "aaa" rất dễ đoán', en: 'repeated characters like "aaa" are easy to guess' },
  extendedRepeat: {
    vi: 'cụm ký tự lặp lại như "abcabc" rất dễ đoán',
    en: 'repeated groups like "abcabc" are easy to guess',
  },
  sequences: { vi: 'dãy như "abc" hay "123" rất dễ đoán', en: 'sequences like "abc" or "123" are easy to guess' },
  recentYears: { vi: 'năm gần đây rất dễ đoán', en: 'recent years are easy to guess' },
  dates: { vi: 'ngày tháng rất dễ đoán', en: 'dates are easy to guess' },
  topTen: { vi: 'đây là một trong những mật khẩu hay dùng nhất', en: 'this is one of the most used passwords' },
  topHundred: { vi: 'đây là một trong những mật khẩu hay dùng nhất', en: 'this is one of the most used passwords' },
  common: { vi: 'đây là mật khẩu hay dùng', en: 'this is a commonly used password' },
  similarToCommon: { vi: 'mật khẩu gần giống một mật khẩu hay dùng', en: 'it is close to a commonly used password' },
  wordByItself: { vi: 'một từ đơn lẻ rất dễ đoán', en: 'a single word is easy to guess' },
  namesByThemselves: { vi: 'tên người rất dễ đoán', en: 'people’s names are easy to guess' },
  commonNames: { vi: 'tên phổ biến rất dễ đoán', en: 'common names are easy to guess' },
  userInputs: {
    vi: 'có tên đăng nhập, họ tên, tên đơn vị hoặc từ của tổ chức như Đoàn, Hội, Đội',
    en: 'it holds the login, the name, a unit’s name or a word of the organisation such as Đoàn, Hội, Đội',
  },
};

/**
 * The words of a name or login as a guesser would try them: folded to plain letters, whole, word
 * by word, and every run of neighbouring words joined ("Tỉnh đoàn Lâm Đồng" → tinh doan lam dong,
 * tinh, …, tinhdoan, doanlam, lamdong, tinhdoanlamdong): the place name alone is the usual guess.
 */
export function guessesOf(text: string): string[] {
  const folded = foldVietnamese(text);
  const words = folded.split(/[^a-z0-9]+/).filter((w) => w.length > 1);
  const runs: string[] = [];
  for (let from = 0; from < words.length; from++) {
    for (let to = from + 2; to <= words.length; to++) runs.push(words.slice(from, to).join(''));
  }
  return words.length > 1 ? [folded, ...words, ...runs] : [folded];
}

/**
 * Refuses a password that is easy to guess (validation error on `password`, in Vietnamese, with a
 * hint). `context` is what a guesser knows of the account: its login, the person's name, the
 * names of its units.
 */
export function checkPasswordStrength(password: string, context: readonly (string | null | undefined)[]): void {
  const inputs = [...new Set(context.flatMap((c) => (c ? guessesOf(c) : [])))];
  const result = zxcvbn().check(password, inputs);
  if (result.score >= MIN_PASSWORD_SCORE) return;
  const hint = (result.feedback.warning && HINTS[result.feedback.warning]) || {
    vi: 'máy dò mật khẩu thử ra nhanh',
    en: 'a password-guessing program finds it fast',
  };
  throw invalid('password', {
    vi:
      `Mật khẩu: quá dễ đoán — ${hint.vi}. Hãy dùng một cụm từ bốn, năm từ không liên quan đến nhau, ` +
      'nối bằng dấu gạch, không chứa tên đăng nhập, họ tên hay tên đơn vị.',
    en:
      `Password: too easy to guess — ${hint.en}. Use a phrase of four or five unrelated words joined by dashes, ` +
      'without the login, the name or a unit’s name.',
  });
}
