import type { Random } from './random.ts';

/**
 * Vietnamese names for the demo cadres. Kinh names follow the usual family / middle / given
 * pattern; names of the Central Highlands and south-central peoples (Mnông, Ê-đê, Mạ, Cơ-ho, Chăm,
 * Ra-glai) are written as they are on identity cards and split the way registry forms split them:
 * first word as family name, last word as given name.
 */

export type Gender = 'male' | 'female';

export interface PersonName {
  familyName: string;
  middleName: string | null;
  givenName: string;
}

const KINH_FAMILY: readonly (readonly [string, number])[] = [
  ['Nguyễn', 30],
  ['Trần', 11],
  ['Lê', 9],
  ['Phạm', 7],
  ['Hoàng', 5],
  ['Huỳnh', 4],
  ['Phan', 4],
  ['Vũ', 4],
  ['Võ', 4],
  ['Đặng', 2],
  ['Bùi', 2],
  ['Đỗ', 2],
  ['Hồ', 2],
  ['Ngô', 2],
  ['Dương', 1],
  ['Lý', 1],
  ['Trương', 2],
  ['Đinh', 1],
  ['Lâm', 1],
  ['Mai', 1],
  ['Đoàn', 1],
  ['Cao', 1],
  ['Lương', 1],
  ['Tạ', 1],
  ['Hà', 1],
  ['Thái', 1],
  ['Chu', 1],
  ['Văn', 1],
  ['Uông', 1],
  ['Ông', 1],
  ['Âu', 1],
  ['Kiều', 1],
  ['Châu', 1],
  ['La', 1],
];
const KINH_MIDDLE: Record<Gender, readonly string[]> = {
  male: [
    'Văn',
    'Văn',
    'Văn',
    'Hữu',
    'Đức',
    'Minh',
    'Quốc',
    'Thanh',
    'Công',
    'Ngọc',
    'Xuân',
    'Đình',
    'Anh',
    'Trọng',
    'Tuấn',
    'Hoàng',
    'Duy',
  ],
  female: [
    'Thị',
    'Thị',
    'Thị',
    'Thị',
    'Ngọc',
    'Thu',
    'Thanh',
    'Minh',
    'Hồng',
    'Kim',
    'Thùy',
    'Phương',
    'Mỹ',
    'Bích',
    'Hoài',
    'Khánh',
  ],
};
const KINH_GIVEN: Record<Gender, readonly string[]> = {
  male: [
    'An',
    'Anh',
    'Bảo',
    'Bình',
    'Cường',
    'Chiến',
    'Dũng',
    'Duy',
    'Đạt',
    'Đức',
    'Định',
    'Hải',
    'Hiếu',
    'Hoàng',
    'Hùng',
    'Huy',
    'Hưng',
    'Khang',
    'Khánh',
    'Khoa',
    'Kiên',
    'Lâm',
    'Linh',
    'Long',
    'Lộc',
    'Lợi',
    'Luân',
    'Mạnh',
    'Minh',
    'Nam',
    'Nghĩa',
    'Nhân',
    'Ơn',
    'Phong',
    'Phúc',
    'Phước',
    'Quân',
    'Quang',
    'Sang',
    'Sơn',
    'Tài',
    'Tâm',
    'Thành',
    'Thắng',
    'Thiện',
    'Thịnh',
    'Toàn',
    'Trí',
    'Trung',
    'Tuấn',
    'Tùng',
    'Ưng',
    'Việt',
    'Vinh',
    'Vũ',
    'Ân',
  ],
  female: [
    'An',
    'Anh',
    'Ánh',
    'Chi',
    'Diệp',
    'Dung',
    'Duyên',
    'Giang',
    'Hà',
    'Hạnh',
    'Hằng',
    'Hiền',
    'Hoa',
    'Hồng',
    'Huệ',
    'Hương',
    'Lan',
    'Liên',
    'Linh',
    'Loan',
    'Mai',
    'My',
    'Nga',
    'Ngân',
    'Ngọc',
    'Nhung',
    'Oanh',
    'Phương',
    'Quyên',
    'Quỳnh',
    'Thảo',
    'Thu',
    'Thủy',
    'Trang',
    'Trinh',
    'Tuyết',
    'Uyên',
    'Vân',
    'Vy',
    'Xuân',
    'Yến',
    'Ân',
    'Ly',
  ],
};

/** Tày, Nùng, HMông and Dao families who settled in the Central Highlands keep their clan names. */
const NORTHERN: Record<string, { family: readonly string[]; middle: Record<Gender, readonly string[]> }> = {
  '02': {
    family: ['Hoàng', 'Nông', 'Lường', 'Hà', 'Lục', 'Triệu', 'Ma', 'Vi', 'Lộc'],
    middle: { male: ['Văn', 'Đức', 'Minh'], female: ['Thị', 'Thị', 'Hồng'] },
  },
  '07': {
    family: ['Nông', 'Hoàng', 'Vy', 'Lương', 'Lăng', 'Chu', 'Đàm', 'Mã'],
    middle: { male: ['Văn', 'Văn', 'Thanh'], female: ['Thị', 'Thị', 'Thu'] },
  },
  '08': {
    family: ['Giàng', 'Vàng', 'Lý', 'Sùng', 'Thào', 'Hờ', 'Mùa'],
    middle: { male: ['A', 'Seo', 'Mí', 'Văn'], female: ['Thị', 'Thị'] },
  },
  '09': {
    family: ['Triệu', 'Bàn', 'Lý', 'Đặng', 'Chảo'],
    middle: { male: ['Văn', 'Tiến', 'Đức'], female: ['Thị', 'Thị'] },
  },
};
const NORTHERN_GIVEN: Record<Gender, readonly string[]> = {
  male: ['Páo', 'Lử', 'Dính', 'Sính', 'Phú', 'Hòa', 'Thắng', 'Quý', 'Lâm', 'Tiến', 'Hiệp', 'Khoa', 'Chung', 'Vàng'],
  female: ['Dua', 'Mai', 'Hoa', 'Ly', 'Sua', 'Nhung', 'Pà', 'Thanh', 'Hạnh', 'Lan', 'Dinh', 'Dợ'],
};

/** Full names as written on identity cards; split at the first and the last word. */
const HIGHLAND: Record<string, Record<Gender, readonly string[]>> = {
  // Mnông
  '20': {
    male: [
      "Điểu K'Ré",
      'Điểu Xiêng',
      'Điểu Đông',
      'Điểu Sỹ',
      'Điểu Khanh',
      'Điểu Mến',
      'Điểu Hai',
      'Điểu Biêng',
      'Y Sanh',
      'Y Bồng',
      'Y Quang',
      'Y Khuyên',
      'Y Thông',
      'Điểu Brơi',
      "K'Thanh",
      'Y Nhuân',
      'Điểu Ngọc Tâm',
      'Y Dũng Bya',
      'Điểu Văn Chiến',
      'Y Lơ Nê',
    ],
    female: [
      'Thị Nhung',
      'Thị Sinh',
      'Thị Mai',
      'Thị Hằng',
      'Thị Ngọc Tuyết',
      "H'Nga",
      "H'Mai",
      'Điểu Thị Lanh',
      'Thị Blao',
      'Thị Nhiên',
      'Thị Phương Anh',
      "H'Ruyên",
      'Điểu Thị Hồng',
      'Thị Sen',
      'Thị Kim Liên',
    ],
  },
  // Ê-đê
  '12': {
    male: [
      'Y Jăk Niê',
      'Y Kô Bya',
      'Y Dhăm Êban',
      'Y Ji Ksơr',
      'Y Khoa Niê Kdăm',
      'Y Thịnh Êban',
      'Y Wim Mlô',
      'Y Phi Kbuôr',
      'Y Hiệp Adrơng',
      'Y Bhin Niê',
    ],
    female: [
      "H'Hen Niê",
      "H'Zen Mlô",
      "H'Ngơn Ayun",
      "H'Loan Êban",
      "H'Yâo Knul",
      "H'Bla Ksơr",
      "H'Linh Niê",
      "H'Uyên Byă",
    ],
  },
  // Mạ
  '28': {
    male: ["K'Hoa", 'Điểu Công', "K'Brơi", 'Điểu Lộc', "K'Sơn", 'Điểu Thanh Hải', "K'Dũng"],
    female: ['Ka Siêu', 'Ka Hương', 'Thị Thoa', 'Ka Nhi', 'Ka Điệp', 'Thị Liễu'],
  },
  // Cơ-ho
  '16': {
    male: ["K'Sinh", "K'Brèo", 'Ya Lang', "K'Tuấn", 'Ha Phát', "K'Vinh", 'Cil Ha Nam'],
    female: ['Ka Hồng', 'Ka Thủy', 'Ka Bích', 'Bon Nơ Ka Nhung', "Liêng Jrang K'Ly", 'Ka Duyên'],
  },
  // Chăm
  '17': {
    male: ['Đàng Năng Thọ', 'Thông Minh Tuấn', 'Thuận Văn Hải', 'Quảng Đại Cường', 'Lộ Văn Minh', 'Bá Văn Trung'],
    female: ['Thuận Thị Hằng', 'Đàng Thị Ngọc Hà', 'Thông Thị Kim Ly', 'Quảng Thị Bích', 'Châu Thị Thu'],
  },
  // Ra-glai
  '21': {
    male: ['Chamaléa Điểu', 'Mang Văn Thới', 'Katơr Văn Sơn', 'Pinăng Văn Hùng'],
    female: ['Katơr Thị Lan', 'Mang Thị Tuyết', 'Chamaléa Thị Hoa'],
  },
};

/** Ethnicity mix per area: weights over the statistics office codes (`db/migrations/data/ethnicities.csv`). */
export type Area = 'dak_nong' | 'dak_nong_highland' | 'lam_dong' | 'binh_thuan';
const MIX: Record<Area, readonly (readonly [string, number])[]> = {
  dak_nong: [
    ['01', 72],
    ['20', 10],
    ['02', 5],
    ['07', 5],
    ['12', 3],
    ['08', 2],
    ['28', 2],
    ['09', 1],
  ],
  dak_nong_highland: [
    ['01', 45],
    ['20', 25],
    ['12', 8],
    ['28', 6],
    ['08', 6],
    ['02', 5],
    ['07', 5],
  ],
  lam_dong: [
    ['01', 78],
    ['16', 10],
    ['28', 5],
    ['02', 3],
    ['07', 2],
    ['20', 2],
  ],
  binh_thuan: [
    ['01', 82],
    ['17', 10],
    ['21', 6],
    ['04', 2],
  ],
};

export function pickEthnicity(rng: Random, area: Area): string {
  return rng.weighted(MIX[area]);
}

function split(full: string): PersonName {
  const words = full.split(' ');
  if (words.length === 1) return { familyName: words[0]!, middleName: null, givenName: words[0]! };
  return {
    familyName: words[0]!,
    middleName: words.length > 2 ? words.slice(1, -1).join(' ') : null,
    givenName: words[words.length - 1]!,
  };
}

export function makeName(rng: Random, ethnicity: string, gender: Gender): PersonName {
  const highland = HIGHLAND[ethnicity];
  if (highland) return split(rng.pick(highland[gender]));
  const northern = NORTHERN[ethnicity];
  if (northern) {
    return {
      familyName: rng.pick(northern.family),
      middleName: rng.pick(northern.middle[gender]),
      givenName: rng.pick(NORTHERN_GIVEN[gender]),
    };
  }
  const middle = rng.pick(KINH_MIDDLE[gender]);
  // Many women and some men carry a two-word middle name ("Nguyễn Thị Thu Hà").
  const second = rng.chance(0.15)
    ? ` ${rng.pick(KINH_MIDDLE[gender].filter((m) => m !== middle && m !== 'Thị' && m !== 'Văn'))}`
    : '';
  return {
    familyName: rng.weighted(KINH_FAMILY),
    middleName: middle + second,
    givenName: rng.pick(KINH_GIVEN[gender]),
  };
}
