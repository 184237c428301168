import { foldVietnamese, type Organisation, type UnitKind } from '@canbo/contract';
import type { Area } from './names.ts';

/**
 * The demo organisation as it stood before 1 July 2025: Tỉnh đoàn Đắk Nông (the article's
 * province) in full, Tỉnh đoàn Lâm Đồng and Tỉnh đoàn Bình Thuận in brief. Commune and village
 * names are the real pre-2025 ones; who holds what is invented (cadres.ts).
 *
 * `fate` says what the 2025 restructuring (restructure.ts) does to the unit; units without one
 * stay where they are or travel with their parent.
 */

export type Fate =
  /** Records roll into an existing or newly created unit (code of the target). */
  | { merge: string }
  /** The unit goes on under another parent. */
  | { move: string }
  /** The unit goes on under another parent with another name (district → special zone). */
  | { rename: string; move: string; kind: UnitKind }
  | { dissolve: true };

export interface DemoUnit {
  code: string;
  name: string;
  shortName?: string;
  kind: UnitKind;
  organisation: Organisation;
  place?: string;
  from: string;
  /** Workplace in an area with special difficulties (for the age exception and the hardship flag). */
  hardship: boolean;
  area: Area;
  fate?: Fate;
  children: DemoUnit[];
}

export function slug(text: string): string {
  return foldVietnamese(text)
    .replace(/[^a-z0-9]/g, '')
    .toUpperCase();
}

interface Opts {
  kind?: UnitKind;
  organisation?: Organisation;
  place?: string;
  from?: string;
  hardship?: boolean;
  fate?: Fate;
  shortName?: string;
  children?: DemoUnit[];
}

let area: Area = 'dak_nong';
let from = '2004-01-01';

/** A sub-unit cannot predate its parent: children built before their parent take its founding date. */
function notBefore(u: DemoUnit, date: string): void {
  if (u.from < date) u.from = date;
  for (const c of u.children) notBefore(c, u.from);
}

function unit(code: string, name: string, o: Opts = {}): DemoUnit {
  const u = build(code, name, o);
  for (const c of u.children) notBefore(c, u.from);
  return u;
}

function build(code: string, name: string, o: Opts): DemoUnit {
  return {
    code,
    name,
    kind: o.kind ?? 'grassroots',
    organisation: o.organisation ?? 'doan',
    from: o.from ?? from,
    hardship: o.hardship ?? false,
    area,
    children: o.children ?? [],
    ...(o.shortName ? { shortName: o.shortName } : {}),
    ...(o.place ? { place: o.place } : {}),
    ...(o.fate ? { fate: o.fate } : {}),
  };
}

const branches = (parent: string, names: string[], kind: UnitKind = 'branch') =>
  names.map((n) => unit(`${parent}-${slug(n)}`, `Chi đoàn ${n}`, { kind }));

/** A commune/ward/town union with its village branches; in 2025 it merges into the new commune union `into`. */
function commune(
  district: string,
  type: 'xã' | 'phường' | 'thị trấn',
  name: string,
  villages: string[],
  into: string,
  hardship = false,
) {
  const code = `${district}-${slug(name)}`;
  return unit(code, `Đoàn ${type} ${name}`, { hardship, fate: { merge: into }, children: branches(code, villages) });
}

/** A high-school union with a teachers' branch and a pupils' branch; in 2025 it moves under `to`. */
function school(district: string, name: string, classes: string[], to: string, hardship = false) {
  const code = `${district}-${slug(name)}`;
  return unit(code, `Đoàn trường ${name}`, {
    hardship,
    fate: { move: to },
    children: branches(code, ['giáo viên', ...classes.slice(0, 1)]),
  });
}

const LOCALITY: Record<string, string> = { Huyện: 'huyện', Thành: 'thành phố', Thị: 'thị xã' };

function district(
  province: string,
  code: string,
  name: string,
  place: string,
  o: { from?: string; hardship?: boolean; fate?: Fate; hoiDoi?: boolean },
  grassroots: (c: string) => DemoUnit[],
): DemoUnit {
  const full = `${province}-${code}`;
  const saved = from;
  if (o.from) from = o.from;
  // "Huyện đoàn Cư Jút" → "huyện Cư Jút", "Thị đoàn Gia Nghĩa" → "thị xã Gia Nghĩa".
  const locality = name.replace(/^(Huyện|Thành|Thị) đoàn /, (_m, k: string) => `${LOCALITY[k] ?? k} `);
  const extra =
    o.hoiDoi === false
      ? []
      : [
          unit(`${full}-HLHTN`, `Hội Liên hiệp Thanh niên Việt Nam ${locality}`, {
            kind: 'district',
            organisation: 'hoi',
            fate: { dissolve: true },
          }),
          unit(`${full}-HDD`, `Hội đồng Đội ${locality}`, {
            kind: 'district',
            organisation: 'doi',
            fate: { dissolve: true },
          }),
        ];
  const u = unit(full, name, {
    kind: 'district',
    place,
    hardship: o.hardship ?? false,
    fate: o.fate ?? { dissolve: true },
    children: [...grassroots(full), ...extra],
  });
  from = saved;
  return u;
}

// ——— Tỉnh đoàn Đắk Nông ———
area = 'dak_nong';
from = '2004-01-01';
const DN = 'DNO';
const NEW = 'LDO-X';

/** Huyện đoàn Đắk Nông split in 2005 into Thị đoàn Gia Nghĩa and Huyện đoàn Đắk Glong (see HISTORY). */
const dakNongDistrict = unit(`${DN}-DAKNONG`, 'Huyện đoàn Đắk Nông', { kind: 'district', place: 'Gia Nghĩa' });

const giaNghia = district(DN, 'GN', 'Thị đoàn Gia Nghĩa', 'Gia Nghĩa', { from: '2005-08-01' }, (d) => [
  commune(d, 'phường', 'Nghĩa Đức', ['tổ dân phố 1', 'tổ dân phố 3'], `${NEW}-BACGIANGHIA`),
  commune(d, 'phường', 'Nghĩa Thành', ['tổ dân phố 2', 'tổ dân phố 5'], `${NEW}-BACGIANGHIA`),
  commune(d, 'phường', 'Nghĩa Tân', ['tổ dân phố 4'], `${NEW}-NAMGIANGHIA`),
  commune(d, 'phường', 'Nghĩa Trung', ['tổ dân phố 6'], `${NEW}-DONGGIANGHIA`),
  commune(d, 'xã', 'Đắk Nia', ["bon N'Riêng", 'thôn Nghĩa Hòa'], `${NEW}-NAMGIANGHIA`),
  commune(d, 'xã', "Đắk R'Moan", ['thôn Tân Tiến', 'thôn Tân Phú'], `${NEW}-DONGGIANGHIA`),
  school(d, 'THPT Chu Văn An', ['12A1', '11A2'], `${NEW}-BACGIANGHIA`),
  school(d, 'THPT chuyên Nguyễn Chí Thanh', ['12 Toán', '11 Văn'], `${NEW}-NAMGIANGHIA`),
]);

/** Hardship communes carry the flag on their cadres' records. */
area = 'dak_nong_highland';
const dakGlong = district(
  DN,
  'DG',
  'Huyện đoàn Đắk Glong',
  'Quảng Khê',
  { from: '2005-08-01', hardship: true },
  (d) => [
    commune(d, 'xã', 'Quảng Khê', ['thôn 1', "bon B'Dơng"], `${NEW}-QUANGKHE`, true),
    commune(d, 'xã', 'Đắk Plao', ['bon Phi Mur'], `${NEW}-QUANGKHE`, true),
    commune(d, 'xã', 'Đắk Som', ['bon Ja Ráh', 'thôn 2'], `${NEW}-TADUNG`, true),
    commune(d, 'xã', 'Đắk Ha', ['thôn 3'], `${NEW}-TADUNG`, true),
    commune(d, 'xã', 'Quảng Sơn', ["bon R'Moan", 'thôn 1'], `${NEW}-QUANGSON`, true),
    commune(d, 'xã', 'Quảng Hòa', ['thôn 5'], `${NEW}-QUANGSON`, true),
    school(d, 'THPT Đắk Glong', ['12A', '10B'], `${NEW}-QUANGKHE`, true),
  ],
);

area = 'dak_nong';
const cuJut = district(DN, 'CJ', 'Huyện đoàn Cư Jút', "Ea T'ling", {}, (d) => [
  commune(d, 'thị trấn', "Ea T'ling", ['tổ dân phố 3', 'tổ dân phố 7'], `${NEW}-CUJUT`),
  commune(d, 'xã', 'Tâm Thắng', ['thôn 2', 'buôn Buôr'], `${NEW}-CUJUT`),
  commune(d, 'xã', 'Trúc Sơn', ['thôn 1'], `${NEW}-CUJUT`),
  commune(d, 'xã', 'Nam Dong', ['thôn 4', 'thôn 11'], `${NEW}-NAMDONG`),
  commune(d, 'xã', 'Cư Knia', ['thôn 6', 'buôn Trum'], `${NEW}-NAMDONG`),
  commune(d, 'xã', 'Ea Pô', ['thôn Thanh Sơn', 'thôn Trung Sơn'], `${NEW}-DAKWIL`),
  commune(d, 'xã', 'Đắk Wil', ['thôn 3', 'thôn 8'], `${NEW}-DAKWIL`, true),
  commune(d, 'xã', "Đắk D'rông", ['thôn 1', 'bon Ea Đăk'], `${NEW}-DAKWIL`, true),
  school(d, 'THPT Phan Chu Trinh', ['12A1', '12A3'], `${NEW}-CUJUT`),
  school(d, 'THPT Đào Duy Từ', ['11B'], `${NEW}-NAMDONG`),
]);

const dakMil = district(DN, 'DM', 'Huyện đoàn Đắk Mil', 'Đắk Mil', {}, (d) => [
  commune(d, 'thị trấn', 'Đắk Mil', ['tổ dân phố 2', 'tổ dân phố 12'], `${NEW}-DAKMIL`),
  commune(d, 'xã', 'Đắk Lao', ['thôn 9'], `${NEW}-DAKMIL`),
  commune(d, 'xã', 'Đức Mạnh', ['thôn Đức Lợi', 'thôn Đức Thành'], `${NEW}-DUCLAP`),
  commune(d, 'xã', 'Đức Minh', ['thôn Xuân Lộc'], `${NEW}-DUCLAP`),
  commune(d, 'xã', 'Đắk Sắk', ['thôn 2', 'bon Jun Juh'], `${NEW}-DAKSAK`),
  commune(d, 'xã', 'Long Sơn', ['thôn Sơn Hà'], `${NEW}-DAKSAK`),
  commune(d, 'xã', 'Thuận An', ['thôn Thuận Sơn', 'bon Bu Đắk'], `${NEW}-THUANAN`),
  school(d, 'THPT Đắk Mil', ['12A2', '11A1'], `${NEW}-DAKMIL`),
  school(d, 'THPT Trần Hưng Đạo', ['12C'], `${NEW}-DUCLAP`),
]);

const dakRlap = district(DN, 'DR', "Huyện đoàn Đắk R'lấp", 'Kiến Đức', {}, (d) => [
  commune(d, 'thị trấn', 'Kiến Đức', ['tổ dân phố 4'], `${NEW}-KIENDUC`),
  commune(d, 'xã', 'Kiến Thành', ['thôn 2', 'thôn 5'], `${NEW}-KIENDUC`),
  commune(d, 'xã', 'Nhân Cơ', ['thôn 6', 'thôn 8'], `${NEW}-NHANCO`),
  commune(d, 'xã', 'Nhân Đạo', ['thôn 1'], `${NEW}-NHANCO`),
  commune(d, 'xã', 'Đạo Nghĩa', ['thôn Quảng Lợi'], `${NEW}-NHANCO`),
  commune(d, 'xã', 'Quảng Tín', ['thôn Sình Luông', 'bon Bu Dấp'], `${NEW}-QUANGTIN`, true),
  school(d, 'THPT Trường Chinh', ['12A', '10A'], `${NEW}-KIENDUC`),
]);

const dakSong = district(DN, 'DS', 'Huyện đoàn Đắk Song', 'Đức An', {}, (d) => [
  commune(d, 'thị trấn', 'Đức An', ['tổ dân phố 1'], `${NEW}-DUCAN`),
  commune(d, 'xã', 'Nam Bình', ['thôn 3'], `${NEW}-DUCAN`),
  commune(d, 'xã', "Nâm N'Jang", ["bon Bu N'Drung", 'thôn 10'], `${NEW}-DAKSONG`, true),
  commune(d, 'xã', 'Trường Xuân', ['thôn 4', 'bon Bu Boong'], `${NEW}-TRUONGXUAN`, true),
  commune(d, 'xã', 'Thuận Hạnh', ['thôn Thuận Tân'], `${NEW}-THUANHANH`),
  commune(d, 'xã', 'Thuận Hà', ['thôn 7'], `${NEW}-THUANHANH`, true),
  school(d, 'THPT Đắk Song', ['12A1'], `${NEW}-DUCAN`),
  school(d, 'THPT Phan Đình Phùng', ['11C'], `${NEW}-TRUONGXUAN`),
]);

const krongNo = district(DN, 'KN', 'Huyện đoàn Krông Nô', 'Đắk Mâm', {}, (d) => [
  commune(d, 'thị trấn', 'Đắk Mâm', ['tổ dân phố 2'], `${NEW}-KRONGNO`),
  commune(d, 'xã', 'Đắk Sôr', ['thôn Nam Tiến'], `${NEW}-NAMDA`),
  commune(d, 'xã', 'Nam Đà', ['thôn Nam Thanh', 'thôn Nam Cao'], `${NEW}-NAMDA`),
  commune(d, 'xã', 'Buôn Choáh', ['buôn Choáh', 'thôn Ninh Giang'], `${NEW}-NAMNUNG`, true),
  commune(d, 'xã', 'Nâm Nung', ['bon Rcập', 'thôn Nam Hà'], `${NEW}-NAMNUNG`, true),
  commune(d, 'xã', 'Quảng Phú', ['bon Ja Ráh', 'thôn Phú Thuận'], `${NEW}-QUANGPHU`, true),
  commune(d, 'xã', 'Đức Xuyên', ['thôn Đức Bình'], `${NEW}-QUANGPHU`),
  school(d, 'THPT Krông Nô', ['12A1', '12A4'], `${NEW}-KRONGNO`),
  school(d, 'THPT Hùng Vương', ['11A'], `${NEW}-NAMDA`),
]);

area = 'dak_nong_highland';
const tuyDuc = district(DN, 'TD', 'Huyện đoàn Tuy Đức', 'Đắk Buk So', { from: '2007-01-01', hardship: true }, (d) => [
  commune(d, 'xã', 'Đắk Buk So', ['thôn 3', 'bon Bu Boong'], `${NEW}-TUYDUC`, true),
  commune(d, 'xã', 'Quảng Tâm', ['thôn 1'], `${NEW}-TUYDUC`, true),
  commune(d, 'xã', "Đắk R'Tíh", ['bon Bu Mlanh', 'thôn Đắk Suối'], `${NEW}-TUYDUC`, true),
  commune(d, 'xã', 'Quảng Trực', ['bon Bu Prăng', 'bon Bu Lum'], `${NEW}-QUANGTRUC`, true),
  commune(d, 'xã', 'Đắk Ngo', ['bon Bu Krắk'], `${NEW}-QUANGTRUC`, true),
  commune(d, 'xã', 'Quảng Tân', ['thôn 5', 'bon Mê Ra'], `${NEW}-QUANGTAN`, true),
  school(d, 'THPT Lê Quý Đôn', ['12A'], `${NEW}-TUYDUC`, true),
]);

area = 'dak_nong';
const dnAffiliated: DemoUnit[] = [
  unit(`${DN}-KCQ`, 'Đoàn Khối các cơ quan tỉnh', {
    kind: 'sector',
    fate: { merge: 'LDO-UBND' },
    children: [
      unit(`${DN}-KCQ-SGD`, 'Chi đoàn Sở Giáo dục và Đào tạo', { kind: 'standalone_branch' }),
      unit(`${DN}-KCQ-SYT`, 'Chi đoàn Sở Y tế', { kind: 'standalone_branch' }),
      unit(`${DN}-KCQ-BVDK`, 'Đoàn cơ sở Bệnh viện đa khoa tỉnh', {
        children: branches(`${DN}-KCQ-BVDK`, ['khoa Nội', 'khoa Ngoại']),
      }),
    ],
  }),
  unit(`${DN}-KDN`, 'Đoàn Khối doanh nghiệp tỉnh', {
    kind: 'sector',
    fate: { merge: 'LDO-UBND' },
    children: [
      unit(`${DN}-KDN-NHOM`, 'Đoàn cơ sở Công ty Nhôm Đắk Nông – TKV', {
        children: branches(`${DN}-KDN-NHOM`, ['phân xưởng Tuyển', 'phân xưởng Hóa']),
      }),
      unit(`${DN}-KDN-DL`, 'Chi đoàn cơ sở Công ty Điện lực Đắk Nông', { kind: 'standalone_branch' }),
    ],
  }),
  unit(`${DN}-CDCD`, 'Đoàn trường Cao đẳng cộng đồng Đắk Nông', {
    kind: 'affiliated',
    from: '2010-09-01',
    fate: { move: 'LDO' },
    children: [
      unit(`${DN}-CDCD-KT`, 'Liên chi đoàn khoa Kinh tế', {
        kind: 'inter_branch',
        from: '2010-09-01',
        children: branches(`${DN}-CDCD-KT`, ['K12A Kế toán', 'K12B Quản trị']),
      }),
      unit(`${DN}-CDCD-GV`, 'Chi đoàn giáo viên', { kind: 'branch', from: '2010-09-01' }),
    ],
  }),
  unit(`${DN}-CA`, 'Đoàn Thanh niên Công an tỉnh', {
    kind: 'affiliated',
    fate: { merge: 'LDO-CA' },
    children: branches(`${DN}-CA`, ['Phòng Cảnh sát giao thông', 'Công an thành phố Gia Nghĩa']),
  }),
  unit(`${DN}-QS`, 'Đoàn Thanh niên Bộ Chỉ huy Quân sự tỉnh', {
    kind: 'affiliated',
    fate: { merge: 'LDO-QS' },
    children: [
      unit(`${DN}-QS-E994`, 'Đoàn cơ sở Trung đoàn 994', {
        children: branches(`${DN}-QS-E994`, ['Tiểu đoàn 1', 'Tiểu đoàn 2']),
      }),
    ],
  }),
  unit(`${DN}-BP`, 'Đoàn Thanh niên Bộ Chỉ huy Bộ đội Biên phòng tỉnh', {
    kind: 'affiliated',
    fate: { move: 'LDO' },
    children: branches(`${DN}-BP`, ['Đồn Biên phòng Bu Prăng', 'Đồn Biên phòng Đắk Búk So']),
  }),
  unit(`${DN}-HLHTN`, 'Hội Liên hiệp Thanh niên Việt Nam tỉnh Đắk Nông', {
    kind: 'province',
    organisation: 'hoi',
    shortName: 'Hội LHTN tỉnh',
    fate: { merge: 'LDO-HLHTN' },
    children: [
      unit(`${DN}-HSV-CDCD`, 'Hội Sinh viên Việt Nam trường Cao đẳng cộng đồng Đắk Nông', {
        organisation: 'hoi',
        from: '2010-09-01',
      }),
    ],
  }),
  unit(`${DN}-HDD`, 'Hội đồng Đội tỉnh Đắk Nông', {
    kind: 'province',
    organisation: 'doi',
    fate: { merge: 'LDO-HDD' },
  }),
];

const dakNong = unit(DN, 'Tỉnh đoàn Đắk Nông', {
  kind: 'province',
  place: 'Gia Nghĩa',
  shortName: 'Tỉnh đoàn Đắk Nông',
  fate: { merge: 'LDO' },
  children: [dakNongDistrict, giaNghia, cuJut, dakGlong, dakMil, dakRlap, dakSong, krongNo, tuyDuc, ...dnAffiliated],
});

// ——— Tỉnh đoàn Lâm Đồng ———
area = 'lam_dong';
from = '1976-03-01';
const LD = 'LDO';
const lamDong = unit(LD, 'Tỉnh đoàn Lâm Đồng', {
  kind: 'province',
  place: 'Đà Lạt',
  children: [
    district(LD, 'DL', 'Thành đoàn Đà Lạt', 'Đà Lạt', {}, (d) => [
      commune(d, 'phường', '1', ['khu phố 2'], `${NEW}-XUANHUONG`),
      commune(d, 'phường', '9', ['tổ dân phố Hà Huy Tập'], `${NEW}-XUANHUONG`),
      commune(d, 'phường', '4', ['tổ dân phố Hoàng Văn Thụ'], `${NEW}-CAMLY`),
      commune(d, 'xã', 'Tà Nung', ['thôn 1'], `${NEW}-CAMLY`),
      school(d, 'THPT chuyên Thăng Long', ['12 Anh'], `${NEW}-XUANHUONG`),
    ]),
    district(LD, 'BL', 'Thành đoàn Bảo Lộc', 'Bảo Lộc', { hoiDoi: false }, (d) => [
      commune(d, 'phường', '1', ['tổ dân phố 5'], `${NEW}-BAOLOC1`),
      commune(d, 'phường', 'Lộc Sơn', ['tổ dân phố 3'], `${NEW}-BAOLOC1`),
      commune(d, 'phường', "B'Lao", ['tổ dân phố 2'], `${NEW}-BLAO`),
    ]),
    district(LD, 'DT', 'Huyện đoàn Đức Trọng', 'Liên Nghĩa', { hoiDoi: false }, (d) => [
      commune(d, 'thị trấn', 'Liên Nghĩa', ['tổ dân phố 19'], `${NEW}-DUCTRONG`),
      commune(d, 'xã', 'Hiệp Thạnh', ['thôn Phi Nôm'], `${NEW}-HIEPTHANH`),
      commune(d, 'xã', 'Tà Năng', ['thôn Chồ Ré'], `${NEW}-DUCTRONG`, true),
    ]),
    unit(`${LD}-KCQ`, 'Đoàn Khối các cơ quan tỉnh', {
      kind: 'sector',
      fate: { merge: 'LDO-UBND' },
      children: [unit(`${LD}-KCQ-STC`, 'Chi đoàn Sở Tài chính', { kind: 'standalone_branch' })],
    }),
    unit(`${LD}-DHDL`, 'Đoàn trường Đại học Đà Lạt', {
      kind: 'affiliated',
      children: [
        unit(`${LD}-DHDL-CNTT`, 'Liên chi đoàn khoa Công nghệ thông tin', {
          kind: 'inter_branch',
          children: branches(`${LD}-DHDL-CNTT`, ['CTK46', 'CTK47']),
        }),
      ],
    }),
    unit(`${LD}-CA`, 'Đoàn Thanh niên Công an tỉnh', {
      kind: 'affiliated',
      children: branches(`${LD}-CA`, ['Phòng An ninh mạng']),
    }),
    unit(`${LD}-QS`, 'Đoàn Thanh niên Bộ Chỉ huy Quân sự tỉnh', { kind: 'affiliated' }),
    unit(`${LD}-HLHTN`, 'Hội Liên hiệp Thanh niên Việt Nam tỉnh Lâm Đồng', {
      kind: 'province',
      organisation: 'hoi',
      shortName: 'Hội LHTN tỉnh',
    }),
    unit(`${LD}-HDD`, 'Hội đồng Đội tỉnh Lâm Đồng', { kind: 'province', organisation: 'doi' }),
  ],
});

// ——— Tỉnh đoàn Bình Thuận ———
area = 'binh_thuan';
from = '1992-01-01';
const BT = 'BTH';
const binhThuan = unit(BT, 'Tỉnh đoàn Bình Thuận', {
  kind: 'province',
  place: 'Phan Thiết',
  fate: { merge: 'LDO' },
  children: [
    district(BT, 'PT', 'Thành đoàn Phan Thiết', 'Phan Thiết', {}, (d) => [
      commune(d, 'phường', 'Phú Thủy', ['khu phố 3'], `${NEW}-PHANTHIET`),
      commune(d, 'phường', 'Đức Nghĩa', ['khu phố 1'], `${NEW}-PHANTHIET`),
      commune(d, 'phường', 'Mũi Né', ['khu phố Long Sơn', 'khu phố Cố Đô'], `${NEW}-MUINE`),
      school(d, 'THPT Phan Bội Châu', ['12A1'], `${NEW}-PHANTHIET`),
    ]),
    district(BT, 'TP', 'Huyện đoàn Tuy Phong', 'Liên Hương', { hoiDoi: false }, (d) => [
      commune(d, 'thị trấn', 'Liên Hương', ['khu phố 6'], `${NEW}-LIENHUONG`),
      commune(d, 'xã', 'Phan Dũng', ['thôn Đăng Hành'], `${NEW}-LIENHUONG`, true),
      commune(d, 'xã', 'Phong Phú', ['thôn Vĩnh Phú'], `${NEW}-TUYPHONG`),
    ]),
    district(
      BT,
      'PQ',
      'Huyện đoàn Phú Quý',
      'Phú Quý',
      { hardship: true, hoiDoi: false, fate: { rename: 'Đoàn đặc khu Phú Quý', move: 'LDO', kind: 'commune' } },
      (d) => [
        unit(`${d}-NGUPHUNG`, 'Đoàn xã Ngũ Phụng', {
          hardship: true,
          children: branches(`${d}-NGUPHUNG`, ['thôn Phú Long']),
        }),
        unit(`${d}-TAMTHANH`, 'Đoàn xã Tam Thanh', {
          hardship: true,
          children: branches(`${d}-TAMTHANH`, ['thôn Mỹ Khê']),
        }),
      ],
    ),
    unit(`${BT}-KCQ`, 'Đoàn Khối các cơ quan tỉnh', { kind: 'sector', fate: { merge: 'LDO-UBND' } }),
    unit(`${BT}-CA`, 'Đoàn Thanh niên Công an tỉnh', { kind: 'affiliated', fate: { merge: 'LDO-CA' } }),
    unit(`${BT}-DHPT`, 'Đoàn trường Đại học Phan Thiết', {
      kind: 'affiliated',
      from: '2009-10-01',
      fate: { move: 'LDO' },
    }),
    unit(`${BT}-HLHTN`, 'Hội Liên hiệp Thanh niên Việt Nam tỉnh Bình Thuận', {
      kind: 'province',
      organisation: 'hoi',
      fate: { merge: 'LDO-HLHTN' },
    }),
    unit(`${BT}-HDD`, 'Hội đồng Đội tỉnh Bình Thuận', {
      kind: 'province',
      organisation: 'doi',
      fate: { merge: 'LDO-HDD' },
    }),
  ],
});

/** The three provincial unions, roots of the demo tree, in creation order. */
export const PROVINCES: DemoUnit[] = [lamDong, binhThuan, dakNong];

/** Every unit, parents before children, with its parent's code. */
export function flatten(units: DemoUnit[] = PROVINCES): { unit: DemoUnit; parent: string | null }[] {
  const out: { unit: DemoUnit; parent: string | null }[] = [];
  const walk = (u: DemoUnit, parent: string | null) => {
    out.push({ unit: u, parent });
    for (const c of u.children) walk(c, u.code);
  };
  for (const u of units) walk(u, null);
  return out;
}

/**
 * Events before 2025, applied after the tree is created: Đắk Nông's own history. Huyện đoàn Đắk
 * Nông was split when Gia Nghĩa town and Đắk Glong district were formed (Nghị định 82/2005/NĐ-CP);
 * Gia Nghĩa became a city in 2020.
 */
export const HISTORY = {
  split: {
    code: dakNongDistrict.code,
    into: [giaNghia.code, dakGlong.code],
    date: '2005-08-01',
    decision: 'Quyết định số 112-QĐ/TWĐTN',
  },
  rename: {
    code: giaNghia.code,
    name: 'Thành đoàn Gia Nghĩa',
    date: '2020-02-01',
    decision: 'Quyết định số 1062-QĐ/TĐTN-BTC',
  },
} as const;
