import { foldVietnamese, vietnameseTextKey } from '@canbo/contract';
import { Random } from '../server/src/demo/random.ts';

/**
 * A national-scale organisation in memory: the Central Committee, the 63 provincial unions (as
 * before 2025), district-level unions, grassroots unions and branches, up to the requested count.
 * Ids are assigned here, parents before children, so closure rows and people can refer to them.
 */

export interface BenchUnit {
  id: number;
  code: string;
  name: string;
  kind: string;
  parentId: number | null;
  /** Ancestors from the root down, the unit itself excluded. */
  ancestors: number[];
  level: 'central' | 'province' | 'district' | 'grassroots' | 'branch';
  /** Index of the province (0–62), −1 for the centre: people's IDs and names vary by it. */
  province: number;
  sortKey: string;
  searchText: string;
}

export const PROVINCES = [
  'Thành đoàn Hà Nội',
  'Thành đoàn Hồ Chí Minh',
  'Thành đoàn Hải Phòng',
  'Thành đoàn Đà Nẵng',
  'Thành đoàn Cần Thơ',
  'Tỉnh đoàn An Giang',
  'Tỉnh đoàn Bà Rịa – Vũng Tàu',
  'Tỉnh đoàn Bắc Giang',
  'Tỉnh đoàn Bắc Kạn',
  'Tỉnh đoàn Bạc Liêu',
  'Tỉnh đoàn Bắc Ninh',
  'Tỉnh đoàn Bến Tre',
  'Tỉnh đoàn Bình Định',
  'Tỉnh đoàn Bình Dương',
  'Tỉnh đoàn Bình Phước',
  'Tỉnh đoàn Bình Thuận',
  'Tỉnh đoàn Cà Mau',
  'Tỉnh đoàn Cao Bằng',
  'Tỉnh đoàn Đắk Lắk',
  'Tỉnh đoàn Đắk Nông',
  'Tỉnh đoàn Điện Biên',
  'Tỉnh đoàn Đồng Nai',
  'Tỉnh đoàn Đồng Tháp',
  'Tỉnh đoàn Gia Lai',
  'Tỉnh đoàn Hà Giang',
  'Tỉnh đoàn Hà Nam',
  'Tỉnh đoàn Hà Tĩnh',
  'Tỉnh đoàn Hải Dương',
  'Tỉnh đoàn Hậu Giang',
  'Tỉnh đoàn Hòa Bình',
  'Tỉnh đoàn Hưng Yên',
  'Tỉnh đoàn Khánh Hòa',
  'Tỉnh đoàn Kiên Giang',
  'Tỉnh đoàn Kon Tum',
  'Tỉnh đoàn Lai Châu',
  'Tỉnh đoàn Lâm Đồng',
  'Tỉnh đoàn Lạng Sơn',
  'Tỉnh đoàn Lào Cai',
  'Tỉnh đoàn Long An',
  'Tỉnh đoàn Nam Định',
  'Tỉnh đoàn Nghệ An',
  'Tỉnh đoàn Ninh Bình',
  'Tỉnh đoàn Ninh Thuận',
  'Tỉnh đoàn Phú Thọ',
  'Tỉnh đoàn Phú Yên',
  'Tỉnh đoàn Quảng Bình',
  'Tỉnh đoàn Quảng Nam',
  'Tỉnh đoàn Quảng Ngãi',
  'Tỉnh đoàn Quảng Ninh',
  'Tỉnh đoàn Quảng Trị',
  'Tỉnh đoàn Sóc Trăng',
  'Tỉnh đoàn Sơn La',
  'Tỉnh đoàn Tây Ninh',
  'Tỉnh đoàn Thái Bình',
  'Tỉnh đoàn Thái Nguyên',
  'Tỉnh đoàn Thanh Hóa',
  'Tỉnh đoàn Thừa Thiên Huế',
  'Tỉnh đoàn Tiền Giang',
  'Tỉnh đoàn Trà Vinh',
  'Tỉnh đoàn Tuyên Quang',
  'Tỉnh đoàn Vĩnh Long',
  'Tỉnh đoàn Vĩnh Phúc',
  'Tỉnh đoàn Yên Bái',
];

const SYLLABLES = [
  'An',
  'Bình',
  'Phú',
  'Tân',
  'Hòa',
  'Long',
  'Thạnh',
  'Đông',
  'Tây',
  'Nam',
  'Bắc',
  'Vĩnh',
  'Hưng',
  'Lộc',
  'Thuận',
  'Mỹ',
  'Hải',
  'Sơn',
  'Lâm',
  'Quảng',
  'Đức',
  'Xuân',
  'Thanh',
  'Yên',
  'Kim',
  'Cẩm',
  'Ninh',
  'Gia',
  'Hiệp',
  'Trung',
  'Phước',
  'Châu',
  'Thới',
  'Điền',
  'Khánh',
  'Thọ',
];

export function buildNation(total: number, seed = 1): BenchUnit[] {
  const rng = new Random(seed);
  const units: BenchUnit[] = [];
  const place = () => `${rng.pick(SYLLABLES)} ${rng.pick(SYLLABLES)}`;
  const add = (u: Omit<BenchUnit, 'id' | 'ancestors' | 'sortKey' | 'searchText'>, parent: BenchUnit | null) => {
    const unit: BenchUnit = {
      ...u,
      id: units.length + 1,
      ancestors: parent ? [...parent.ancestors, parent.id] : [],
      sortKey: vietnameseTextKey(u.name),
      searchText: foldVietnamese(u.name),
    };
    units.push(unit);
    return unit;
  };

  const centre = add(
    {
      code: 'TW',
      name: 'Trung ương Đoàn TNCS Hồ Chí Minh',
      kind: 'central',
      parentId: null,
      level: 'central',
      province: -1,
    },
    null,
  );
  const budget = Math.max(total - 1 - PROVINCES.length, 0);
  // Shares close to the real organisation: ~7% district level, ~40% grassroots, the rest branches.
  const perProvince = Math.max(1, Math.min(14, Math.floor((budget * 0.07) / PROVINCES.length)));
  const perDistrict = Math.max(1, Math.min(12, Math.floor((budget * 0.4) / (PROVINCES.length * perProvince))));

  const grassroots: BenchUnit[] = [];
  PROVINCES.forEach((name, p) => {
    if (units.length >= total) return;
    const pc = `P${String(p + 1).padStart(2, '0')}`;
    const province = add(
      { code: pc, name, kind: 'province', parentId: centre.id, level: 'province', province: p },
      centre,
    );
    for (let d = 1; d <= perProvince && units.length < total; d++) {
      const affiliated = d === perProvince && perProvince > 2;
      const dName = affiliated
        ? 'Đoàn Khối các cơ quan tỉnh'
        : `${rng.chance(0.15) ? 'Thành đoàn' : 'Huyện đoàn'} ${place()}`;
      const dc = `${pc}-D${String(d).padStart(2, '0')}`;
      const district = add(
        {
          code: dc,
          name: dName,
          kind: affiliated ? 'sector' : 'district',
          parentId: province.id,
          level: 'district',
          province: p,
        },
        province,
      );
      for (let g = 1; g <= perDistrict && units.length < total; g++) {
        const type = rng.weighted([
          ['Đoàn xã', 6],
          ['Đoàn phường', 2],
          ['Đoàn trường THPT', 1],
          ['Đoàn cơ sở Công ty', 1],
        ] as const);
        const gu = add(
          {
            code: `${dc}-G${String(g).padStart(2, '0')}`,
            name: `${type} ${place()}`,
            kind: 'grassroots',
            parentId: district.id,
            level: 'grassroots',
            province: p,
          },
          district,
        );
        grassroots.push(gu);
      }
    }
  });
  // Branches fill what is left, spread over the grassroots unions in turn.
  const count = new Map<number, number>();
  for (let i = 0; units.length < total && grassroots.length; i++) {
    const g = grassroots[i % grassroots.length]!;
    const n = (count.get(g.id) ?? 0) + 1;
    count.set(g.id, n);
    add(
      {
        code: `${g.code}-B${String(n).padStart(2, '0')}`,
        name: `Chi đoàn ${rng.weighted([
          ['thôn', 5],
          ['tổ dân phố', 2],
          ['khối', 1],
        ] as const)} ${n}`,
        kind: 'branch',
        parentId: g.id,
        level: 'branch',
        province: g.province,
      },
      g,
    );
  }
  return units;
}
