import type { FormColumn } from '../../documents/xlsx/form.ts';

/** The columns that name a stored cadre, first in every sheet about a cadre's records (moves, studies). */
export const PERSON_COLUMNS = [
  {
    key: 'nationalId',
    header: 'Số CCCD',
    note: 'Số CCCD của cán bộ (dạng văn bản). Nếu để trống: ghi Họ và tên cùng Ngày sinh',
    width: 15,
  },
  { key: 'fullName', header: 'Họ và tên', note: 'Đúng như hồ sơ trong Canbo', width: 24 },
  { key: 'birthDate', header: 'Ngày sinh', note: 'Ngày kiểu Excel hoặc dd/mm/yyyy', type: 'date', width: 13 },
] as const satisfies readonly FormColumn[];
