import { describe, expect, it } from 'vitest';
import { PROVINCE } from '../../test/issuers.ts';
import { committeeLine, documentNumber, issuerOf, placeAndDate, type IssuingUnit } from './issuer.ts';

const province = PROVINCE;
const under = (u: Omit<IssuingUnit, 'organisation' | 'place' | 'parent'>, parent: IssuingUnit): IssuingUnit => ({
  ...u,
  organisation: 'doan',
  place: null,
  parent: { name: parent.name },
});

describe('the official header derived from the issuing unit', () => {
  it('a province stands alone: "BCH ĐOÀN TỈNH …", numbers end TĐTN and the board', () => {
    const issuer = issuerOf(province);
    expect(issuer).toMatchObject({ superior: null, body: 'BCH ĐOÀN TỈNH ĐẮK NÔNG', motto: 'ĐOÀN TNCS HỒ CHÍ MINH' });
    expect(documentNumber(issuer, 'summons', 15, 'BTC')).toBe('15-GTT/TĐTN-BTC');
    expect(documentNumber(issuer, 'report', 128, 'BTC')).toBe('128-BC/TĐTN-BTC');
    expect(placeAndDate(issuer, '2024-01-23')).toBe('Gia Nghĩa, ngày 23 tháng 01 năm 2024');
  });

  it('a district writes its province above itself and HĐTN (or TĐTN for a town) in its numbers', () => {
    const cuJut = issuerOf(under({ name: 'Huyện đoàn Cư Jút', kind: 'district' }, province));
    expect(cuJut).toMatchObject({ superior: 'BCH ĐOÀN TỈNH ĐẮK NÔNG', body: 'BCH HUYỆN ĐOÀN CƯ JÚT' });
    expect(documentNumber(cuJut, 'plan', 7, 'BTC')).toBe('7-KH/HĐTN-BTC');
    // no place recorded: the place in the unit's name stands before the date
    expect(placeAndDate(cuJut, '2025-11-09')).toBe('Cư Jút, ngày 09 tháng 11 năm 2025');
    const giaNghia = issuerOf(under({ name: 'Thành đoàn Gia Nghĩa', kind: 'district' }, province));
    expect(documentNumber(giaNghia, 'notice', 2, 'VP')).toBe('2-TB/TĐTN-VP');
  });

  it('a commune or grassroots union has no boards: its numbers end with ĐTN', () => {
    const cuJut = under({ name: 'Huyện đoàn Cư Jút', kind: 'district' }, province);
    const eaPo = issuerOf(under({ name: 'Đoàn xã Ea Pô', kind: 'commune' }, cuJut));
    expect(eaPo).toMatchObject({ superior: 'BCH HUYỆN ĐOÀN CƯ JÚT', body: 'BCH ĐOÀN XÃ EA PÔ' });
    expect(documentNumber(eaPo, 'summons', 4, 'BTC')).toBe('4-GTT/ĐTN');
    expect(eaPo.place).toBe('Ea Pô');
    expect(issuerOf(under({ name: 'Đoàn trường THPT Phan Chu Trinh', kind: 'grassroots' }, cuJut)).place).toBe(
      'Đoàn trường THPT Phan Chu Trinh',
    );
    // a number to be written in by hand leaves its place blank
    expect(documentNumber(eaPo, 'summons', null, 'BTC')).toBe('………-GTT/ĐTN');
  });

  it('capitalises Vietnamese letters and rewrites only the "Tỉnh đoàn" form', () => {
    expect(committeeLine('Đoàn Khối các cơ quan tỉnh')).toBe('BCH ĐOÀN KHỐI CÁC CƠ QUAN TỈNH');
    expect(committeeLine('Tỉnh đoàn Lâm Đồng')).toBe('BCH ĐOÀN TỈNH LÂM ĐỒNG');
    expect(committeeLine('Thành đoàn Hà Nội')).toBe('BCH THÀNH ĐOÀN HÀ NỘI');
  });
});
