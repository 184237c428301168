import type { UnitKind } from '@canbo/contract';

/**
 * The 1 July 2025 restructuring (two-tier local government): Đắk Nông and Bình Thuận merge into
 * Lâm Đồng, district unions end, commune and ward unions report straight to the province. New
 * commune unions start with an appointed interim committee (Ban Chấp hành lâm thời) and become
 * regular after their first congress for 2025–2030.
 */
export const RESTRUCTURE_DATE = '2025-07-01';
/** The last day of the old structure: positions in ended units end here. */
export const LAST_OLD_DAY = '2025-06-30';
export const CENTRAL_DECISION = 'Quyết định số 1234-QĐ/TWĐTN';
export const PROVINCE_DECISION = (n: number) => `Quyết định số ${n}-QĐ/TĐTN-BTC`;

export interface NewUnit {
  code: string;
  name: string;
  kind: UnitKind;
  place: string;
  /** First congress (Đại hội lần thứ I, 2025–2030); null: still interim. */
  congress: string | null;
}

const commune = (code: string, name: string, congress: string | null): NewUnit => ({
  code: `LDO-X-${code}`,
  name,
  kind: 'commune',
  place: name.replace(/^Đoàn (xã|phường|đặc khu) /, '').replace(/ – .*$/, ''),
  congress,
});

export const NEW_UNITS: NewUnit[] = [
  {
    code: 'LDO-UBND',
    name: 'Đoàn Thanh niên Ủy ban nhân dân tỉnh',
    kind: 'sector',
    place: 'Đà Lạt',
    congress: '2025-09-12',
  },
  {
    code: 'LDO-CQD',
    name: 'Đoàn Thanh niên các cơ quan Đảng tỉnh',
    kind: 'sector',
    place: 'Đà Lạt',
    congress: '2025-09-10',
  },
  commune('BACGIANGHIA', 'Đoàn phường Bắc Gia Nghĩa', '2025-08-15'),
  commune('NAMGIANGHIA', 'Đoàn phường Nam Gia Nghĩa', '2025-08-16'),
  commune('DONGGIANGHIA', 'Đoàn phường Đông Gia Nghĩa', '2025-08-19'),
  commune('QUANGKHE', 'Đoàn xã Quảng Khê', '2025-08-22'),
  commune('TADUNG', 'Đoàn xã Tà Đùng', '2025-08-26'),
  commune('QUANGSON', 'Đoàn xã Quảng Sơn', '2025-08-27'),
  commune('CUJUT', 'Đoàn xã Cư Jút', '2025-08-08'),
  commune('NAMDONG', 'Đoàn xã Nam Dong', '2025-08-12'),
  commune('DAKWIL', 'Đoàn xã Đắk Wil', '2025-08-14'),
  commune('DAKMIL', 'Đoàn xã Đắk Mil', '2025-08-20'),
  commune('DUCLAP', 'Đoàn xã Đức Lập', '2025-08-21'),
  commune('DAKSAK', 'Đoàn xã Đắk Sắk', '2025-08-28'),
  commune('THUANAN', 'Đoàn xã Thuận An', '2025-09-03'),
  commune('KIENDUC', 'Đoàn xã Kiến Đức', '2025-08-18'),
  commune('NHANCO', 'Đoàn xã Nhân Cơ', '2025-08-25'),
  commune('QUANGTIN', 'Đoàn xã Quảng Tín', '2025-09-05'),
  commune('DUCAN', 'Đoàn xã Đức An', '2025-08-13'),
  commune('DAKSONG', 'Đoàn xã Đắk Song', '2025-08-29'),
  commune('TRUONGXUAN', 'Đoàn xã Trường Xuân', '2025-09-04'),
  commune('THUANHANH', 'Đoàn xã Thuận Hạnh', '2025-09-06'),
  commune('KRONGNO', 'Đoàn xã Krông Nô', '2025-08-11'),
  commune('NAMDA', 'Đoàn xã Nam Đà', '2025-08-23'),
  commune('NAMNUNG', 'Đoàn xã Nâm Nung', '2025-09-09'),
  commune('QUANGPHU', 'Đoàn xã Quảng Phú', '2025-09-11'),
  commune('TUYDUC', 'Đoàn xã Tuy Đức', '2025-08-30'),
  commune('QUANGTRUC', 'Đoàn xã Quảng Trực', '2025-09-16'),
  // Its first congress is still to come: the interim committee runs it, shown as "lâm thời".
  commune('QUANGTAN', 'Đoàn xã Quảng Tân', null),
  commune('XUANHUONG', 'Đoàn phường Xuân Hương – Đà Lạt', '2025-08-07'),
  commune('CAMLY', 'Đoàn phường Cam Ly – Đà Lạt', '2025-08-09'),
  commune('BAOLOC1', 'Đoàn phường 1 Bảo Lộc', '2025-08-06'),
  commune('BLAO', "Đoàn phường B'Lao", '2025-08-13'),
  commune('DUCTRONG', 'Đoàn xã Đức Trọng', '2025-08-20'),
  commune('HIEPTHANH', 'Đoàn xã Hiệp Thạnh', '2025-08-27'),
  commune('PHANTHIET', 'Đoàn phường Phan Thiết', '2025-08-05'),
  commune('MUINE', 'Đoàn phường Mũi Né', '2025-08-12'),
  commune('LIENHUONG', 'Đoàn xã Liên Hương', '2025-08-19'),
  commune('TUYPHONG', 'Đoàn xã Tuy Phong', '2025-08-26'),
];
