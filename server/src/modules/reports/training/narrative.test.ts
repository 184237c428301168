import { describe, expect, it } from 'vitest';
import {
  periodWords,
  roundedNumber,
  trainingNarrative,
  unitWords,
  vnNumber,
  type NarrativeInput,
} from './narrative.ts';

const TODAY = '2024-01-23';

describe('the training narrative', () => {
  it('writes numbers as Vietnamese do, and in words when asked', () => {
    expect([0, 7, 429, 1000, 36_460, 1_234_567].map(vnNumber)).toEqual([
      '0',
      '7',
      '429',
      '1.000',
      '36.460',
      '1.234.567',
    ]);
    expect(roundedNumber(429)).toBe('429');
    expect(roundedNumber(999)).toBe('999');
    expect(roundedNumber(12_046)).toBe('hơn 12 ngàn');
    expect(roundedNumber(36_460)).toBe('hơn 36 ngàn');
    expect(roundedNumber(35_600)).toBe('gần 36 ngàn');
    expect(roundedNumber(12_000)).toBe('12 ngàn');
    expect(roundedNumber(2_005)).toBe('hơn 2.000');
    expect(roundedNumber(1_050)).toBe('gần 1.100');
    expect(roundedNumber(123_456)).toBe('hơn 123 ngàn');
    expect(roundedNumber(1_260_000)).toBe('gần 1,3 triệu');
    expect(roundedNumber(2_000_000)).toBe('2 triệu');
  });

  it('names the period as a report opens its sentence', () => {
    expect(periodWords('2009-01-01', '2023-12-31', TODAY)).toBe('Trong 15 năm qua (2009 – 2023)');
    expect(periodWords('2009-01-01', '2013-12-31', TODAY)).toBe('Trong 5 năm, từ năm 2009 đến năm 2013');
    expect(periodWords('2023-01-01', '2023-12-31', TODAY)).toBe('Năm 2023');
    expect(periodWords('2024-01-01', '2024-06-30', TODAY)).toBe('6 tháng đầu năm 2024');
    expect(periodWords('2024-01-01', '2024-09-30', TODAY)).toBe('9 tháng đầu năm 2024');
    expect(periodWords('2024-07-01', '2024-12-31', TODAY)).toBe('6 tháng cuối năm 2024');
    expect(periodWords('2024-04-01', '2024-06-30', TODAY)).toBe('Quý II năm 2024');
    expect(periodWords('2024-02-01', '2024-02-29', TODAY)).toBe('Tháng 2 năm 2024');
    expect(periodWords('2022-07-01', '2027-06-30', TODAY)).toBe('Nhiệm kỳ 2022 – 2027');
    expect(periodWords('2021-07-01', '2022-06-30', TODAY)).toBe('Từ ngày 01/07/2021 đến ngày 30/06/2022');
    expect(periodWords('2024-02-01', '2024-02-28', TODAY)).toBe('Từ ngày 01/02/2024 đến ngày 28/02/2024');
  });

  it('names the unit: the whole province, the whole district, else the unit', () => {
    expect(unitWords('Tỉnh đoàn Đắk Nông', 'province')).toBe('toàn tỉnh');
    expect(unitWords('Huyện đoàn Cư Jút', 'district')).toBe('toàn huyện');
    expect(unitWords('Thành đoàn Gia Nghĩa', 'district')).toBe('toàn thành phố');
    expect(unitWords('Đoàn xã Ea Pô', 'commune')).toBe('Đoàn xã Ea Pô');
  });

  const article: NarrativeInput = {
    from: '2009-01-01',
    to: '2023-12-31',
    today: TODAY,
    unit: { name: 'Tỉnh đoàn Đắk Nông', kind: 'province' },
    total: { classes: 429, participations: 36_460, people: 0 },
    byLevel: [
      { level: 'province', classes: 143, participations: 12_046, people: 0 },
      { level: 'district', classes: 200, participations: 20_000, people: 0 },
      { level: 'grassroots', classes: 86, participations: 4_414, people: 0 },
    ],
    byKind: [
      { name: 'Bồi dưỡng chức danh', classes: 100, participations: 9_000, people: 0 },
      { name: 'Bồi dưỡng nghiệp vụ công tác Đoàn', classes: 250, participations: 22_000, people: 0 },
      { name: 'Bồi dưỡng kỹ năng', classes: 79, participations: 5_460, people: 0 },
    ],
    byOrganisation: [
      { organisation: 'doan', classes: 400, participations: 34_000, people: 0 },
      { organisation: 'hoi', classes: 15, participations: 1_200, people: 0 },
      { organisation: 'doi', classes: 14, participations: 1_260, people: 0 },
    ],
    rounded: false,
  };

  it("tells the article's fifteen years in its words, exact or rounded", () => {
    expect(trainingNarrative(article)).toEqual([
      'Trong 15 năm qua (2009 – 2023), toàn tỉnh tổ chức 429 lớp tập huấn, bồi dưỡng cho 36.460 lượt cán bộ đoàn, hội, đội. ' +
        'Trong đó, cấp tỉnh tổ chức 143 lớp cho 12.046 lượt cán bộ; cấp huyện tổ chức 200 lớp cho 20.000 lượt cán bộ; ' +
        'cấp cơ sở tổ chức 86 lớp cho 4.414 lượt cán bộ. ' +
        'Theo loại hình, nhiều nhất là bồi dưỡng nghiệp vụ công tác Đoàn (250 lớp, 22.000 lượt), ' +
        'tiếp đến bồi dưỡng chức danh (100 lớp, 9.000 lượt) và bồi dưỡng kỹ năng (79 lớp, 5.460 lượt).',
    ]);
    const [rounded] = trainingNarrative({ ...article, rounded: true });
    expect(rounded).toContain(
      'toàn tỉnh tổ chức 429 lớp tập huấn, bồi dưỡng cho hơn 36 ngàn lượt cán bộ đoàn, hội, đội.',
    );
    expect(rounded).toContain('cấp tỉnh tổ chức 143 lớp cho hơn 12 ngàn lượt cán bộ');
  });

  it('counts the named people, says who took part, and what a district only attended', () => {
    const [text] = trainingNarrative({
      from: '2023-01-01',
      to: '2023-12-31',
      today: TODAY,
      unit: { name: 'Huyện đoàn Cư Jút', kind: 'district' },
      total: { classes: 2, participations: 45, people: 4 },
      byLevel: [
        { level: 'province', classes: 0, participations: 3, people: 3 },
        { level: 'district', classes: 2, participations: 42, people: 2 },
      ],
      byKind: [{ name: 'Bồi dưỡng kỹ năng', classes: 2, participations: 45, people: 4 }],
      byOrganisation: [
        { organisation: 'doan', classes: 2, participations: 40, people: 3 },
        { organisation: 'hoi', classes: 0, participations: 5, people: 1 },
        { organisation: 'doi', classes: 0, participations: 0, people: 0 },
      ],
      rounded: true,
    });
    expect(text).toBe(
      'Năm 2023, toàn huyện tổ chức 2 lớp tập huấn, bồi dưỡng cho 45 lượt cán bộ đoàn và hội. ' +
        'Trong đó, cấp tỉnh có 3 lượt cán bộ tham gia; cấp huyện tổ chức 2 lớp cho 42 lượt cán bộ. ' +
        'Theo danh sách học viên, 4 cán bộ đã được tập huấn, bồi dưỡng ít nhất một lần.',
    );
  });

  it('says so when nothing was held, and when the unit only sent cadres to classes above it', () => {
    const none = { classes: 0, participations: 0, people: 0 };
    expect(
      trainingNarrative({
        ...article,
        unit: { name: 'Đoàn xã Ea Pô', kind: 'commune' },
        total: none,
        byLevel: [],
        byKind: [],
        byOrganisation: [],
      }),
    ).toEqual(['Trong 15 năm qua (2009 – 2023), Đoàn xã Ea Pô chưa có lớp tập huấn, bồi dưỡng nào được ghi nhận.']);
    const [attended] = trainingNarrative({
      ...article,
      unit: { name: 'Đoàn xã Ea Pô', kind: 'commune' },
      total: { classes: 0, participations: 3, people: 2 },
      byLevel: [{ level: 'district', classes: 0, participations: 3, people: 2 }],
      byKind: [],
      byOrganisation: [{ organisation: 'doan', classes: 0, participations: 3, people: 2 }],
    });
    expect(attended).toBe(
      'Trong 15 năm qua (2009 – 2023), Đoàn xã Ea Pô không tổ chức lớp nào; cán bộ đoàn tham gia 3 lượt tập huấn, bồi dưỡng do cấp trên tổ chức. ' +
        'Theo danh sách học viên, 2 cán bộ đã được tập huấn, bồi dưỡng ít nhất một lần.',
    );
  });
});
