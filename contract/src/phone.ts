import { z } from 'zod';
import { line } from './text.ts';

/**
 * Phone numbers: stored as digits with an optional leading "+" (0912345678, +84912345678), whatever
 * spaces, dots, dashes or brackets the user typed, so a number is found and compared as one; shown
 * grouped (0912 345 678). Rows saved before this rule keep their spaces in the database (no migration):
 * the API normalises them when it reads them.
 */

/** Separators people type inside a number. */
const SEPARATORS = /[\s.\-()/]/g;

/**
 * The stored form of a typed phone number, or null when it cannot be a phone number: a Vietnamese
 * number is 0 and 9 or 10 digits (mobiles 10, landlines 11); an international one "+" and 8 to 15 digits.
 * A 9-digit mobile without its 0 (Excel drops leading zeros from a number cell) gets it back.
 */
export function normalisePhone(raw: string): string | null {
  const s = raw.normalize('NFKC').replace(SEPARATORS, '');
  if (/^\+[1-9]\d{7,14}$/.test(s)) return s.startsWith('+840') ? `+84${s.slice(4)}` : s;
  if (/^0\d{9,10}$/.test(s)) return s;
  if (/^[35789]\d{8}$/.test(s)) return `0${s}`;
  return null;
}

/** A stored number in groups for reading: 0912 345 678, 0263 382 1975 (area code, then the local number), +84 912 345 678. */
export function formatPhone(stored: string): string {
  const s = normalisePhone(stored);
  if (s === null) return stored;
  if (/^0\d{9}$/.test(s)) return `${s.slice(0, 4)} ${s.slice(4, 7)} ${s.slice(7)}`;
  if (/^0\d{10}$/.test(s)) return `${s.slice(0, 4)} ${s.slice(4, 7)} ${s.slice(7)}`;
  if (/^\+84\d{9}$/.test(s)) return `+84 ${s.slice(3, 6)} ${s.slice(6, 9)} ${s.slice(9)}`;
  return s;
}

export const PHONE_MESSAGE =
  'số điện thoại gồm 10 hoặc 11 chữ số bắt đầu bằng 0 (hoặc dấu + và mã nước), ví dụ 0912 345 678';

/** The contract's phone field: empty = none; otherwise normalised, or refused naming what a number is. */
export const phoneNumber = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? null : v),
  line(25)
    .overwrite((v) => normalisePhone(v) ?? v)
    .refine((v) => normalisePhone(v) === v, PHONE_MESSAGE)
    .nullable()
    .optional(),
);
