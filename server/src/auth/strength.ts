import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { foldVietnamese } from '@canbo/contract';
import { invalid } from '../errors.ts';

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

const zxcvbn = new ZxcvbnFactory({
  dictionary: { ...dictionary, canbo: ORGANISATION_WORDS },
  graphs: adjacencyGraphs,
});

/**
 * zxcvbn's "safely unguessable" (about 10^8 guesses and more): an online guesser, throttled to a
 * few tries per quarter hour, never gets there; the demo's `canbo-demo-2024` scores 4.
 */
export const MIN_PASSWORD_SCORE = 3;

/** zxcvbn's warnings in Vietnamese; anything else gets the general hint. */
const HINTS: Record<string, string> = {
  straightRow: 'các phím liền nhau trên bàn phím rất dễ đoán',
  keyPattern: 'kiểu gõ theo hình trên bàn phím rất dễ đoán',
  simpleRepeat: 'ký tự lặp lại như "aaa" rất dễ đoán',
  extendedRepeat: 'cụm ký tự lặp lại như "abcabc" rất dễ đoán',
  sequences: 'dãy như "abc" hay "123" rất dễ đoán',
  recentYears: 'năm gần đây rất dễ đoán',
  dates: 'ngày tháng rất dễ đoán',
  topTen: 'đây là một trong những mật khẩu hay dùng nhất',
  topHundred: 'đây là một trong những mật khẩu hay dùng nhất',
  common: 'đây là mật khẩu hay dùng',
  similarToCommon: 'mật khẩu gần giống một mật khẩu hay dùng',
  wordByItself: 'một từ đơn lẻ rất dễ đoán',
  namesByThemselves: 'tên người rất dễ đoán',
  commonNames: 'tên phổ biến rất dễ đoán',
  userInputs: 'có tên đăng nhập, họ tên, tên đơn vị hoặc từ của tổ chức như Đoàn, Hội, Đội',
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
  const result = zxcvbn.check(password, inputs);
  if (result.score >= MIN_PASSWORD_SCORE) return;
  const hint = (result.feedback.warning && HINTS[result.feedback.warning]) || 'máy dò mật khẩu thử ra nhanh';
  throw invalid(
    'password',
    `Mật khẩu: quá dễ đoán — ${hint}. Hãy dùng một cụm từ bốn, năm từ không liên quan đến nhau, ` +
      'nối bằng dấu gạch, không chứa tên đăng nhập, họ tên hay tên đơn vị.',
  );
}
