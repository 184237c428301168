import { foldVietnamese, vietnameseTextKey } from '@canbo/contract';
import { describe, expect, it } from 'vitest';
import { makeName, pickEthnicity, type Area } from '../demo/names.ts';
import { Random } from '../demo/random.ts';
import * as frozen from './migrations/frozen/text.ts';

/*
 * Migrations use frozen copies, so they keep writing what they wrote when they first ran. What is
 * worth checking is where live code still relies on what a migration wrote:
 *
 * - Enum columns: no migration puts a check constraint on one (the contract's zod enums guard every
 *   write), so there is no frozen enum list that could fall behind the live enums; nothing to check.
 * - Sort keys and search text: migrations 0003, 0005, 0007 and 0009 computed `sort_key` and
 *   `search_text` for the rows that existed, and the live code computes them for rows written since;
 *   lists order and search both kinds of row together. If the live rule changes, the rows the
 *   migrations filled would sort or match differently from new ones. A failure here therefore means:
 *   write a new migration that recomputes the stored keys with a frozen copy of the new rule, and point
 *   this test at that copy — never edit `migrations/frozen/text.ts`.
 */

function samples(): string[] {
  const rng = new Random(7);
  const areas: Area[] = ['dak_nong', 'dak_nong_highland', 'lam_dong', 'binh_thuan'];
  const out = [
    '',
    '  Đoàn   Thanh niên  ',
    'Xã Đắk R’Lấp',
    'Huyện Cư Jút 2',
    'ĐẶNG THỊ ƯNG',
    'Ê-đê H’Hen Niê',
    'Lớp bồi dưỡng 2026 (đợt 1)',
    'Crème brûlée Ñandú',
    'A\u0301nh e\u0302\u0300', // decomposed input
  ];
  for (let i = 0; i < 500; i++) {
    const name = makeName(rng, pickEthnicity(rng, rng.pick(areas)), rng.chance(0.5) ? 'male' : 'female');
    out.push([name.familyName, name.middleName, name.givenName].filter(Boolean).join(' '));
  }
  return out;
}

describe('the frozen text rules of the migrations still equal the live ones', () => {
  it('sort keys (units, accounts, classes)', () => {
    const all = samples();
    expect(all.map(frozen.vietnameseTextKey)).toEqual(all.map(vietnameseTextKey));
  });

  it('search text (accounts)', () => {
    const all = samples();
    expect(all.map(frozen.foldVietnamese)).toEqual(all.map(foldVietnamese));
  });
});
