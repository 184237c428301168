import {
  appointmentMethodLabels,
  employmentLabels,
  genderLabels,
  qualificationLabels,
  theoryLevelLabels,
  titleLabels,
} from '@canbo/contract';
import type { FormColumn, FormRow, FormSheet } from '../../../documents/xlsx/form.ts';

/**
 * The people sheet: a cadre with their current position, one per row. Plain data (the worker
 * writes and reads the sheet from it); the keys are the API's field names. The ethnicities come
 * from the catalogue, so the list is added when the template is made (peopleForm).
 */

export const YES = 'Có';
export const NO = 'Không';

const words = (labels: Record<string, string>) => Object.values(labels);

export const PEOPLE_COLUMNS = [
  {
    key: 'unit',
    header: 'Đơn vị',
    note: 'Bắt buộc. Mã đơn vị hoặc tên đầy đủ đúng như trong Canbo (đơn vị giữ hồ sơ)',
    width: 28,
    required: true,
  },
  { key: 'familyName', header: 'Họ', note: 'Bắt buộc. Ghi đúng như giấy tờ', width: 12, required: true },
  {
    key: 'middleName',
    header: 'Tên đệm',
    note: 'Có thể để trống. Tên người dân tộc thiểu số ghi đúng như giấy tờ',
    width: 16,
  },
  {
    key: 'givenName',
    header: 'Tên',
    note: 'Bắt buộc. Từ cuối của họ và tên, dùng để xếp thứ tự',
    width: 12,
    required: true,
  },
  { key: 'birthDate', header: 'Ngày sinh', note: 'Ngày kiểu Excel hoặc dd/mm/yyyy', type: 'date', width: 13 },
  {
    key: 'gender',
    header: 'Giới tính',
    note: 'Bắt buộc khi tạo mới. Chọn trong danh sách',
    list: words(genderLabels),
    width: 10,
  },
  { key: 'ethnicity', header: 'Dân tộc', note: 'Bắt buộc khi tạo mới. Chọn trong danh sách', width: 14 },
  { key: 'religion', header: 'Tôn giáo', note: 'Để trống nếu không có', width: 12 },
  {
    key: 'nationalId',
    header: 'Số CCCD',
    note: '12 chữ số, ghi dạng văn bản để giữ số 0 đầu. Dùng để nhận ra hồ sơ đã có',
    width: 15,
  },
  { key: 'phone', header: 'Điện thoại', note: 'Ví dụ 0912345678', width: 13 },
  { key: 'email', header: 'Email', note: 'Địa chỉ thư điện tử', width: 22 },
  { key: 'partyMember', header: 'Đảng viên', note: 'Có hoặc Không', list: [YES, NO], width: 10 },
  { key: 'partyJoinDate', header: 'Ngày vào Đảng', note: 'Chỉ ghi khi là Đảng viên', type: 'date', width: 13 },
  { key: 'generalEducation', header: 'Giáo dục phổ thông', note: 'Dạng 12/12', width: 10 },
  {
    key: 'qualification',
    header: 'Chuyên môn',
    note: 'Trình độ chuyên môn cao nhất. Chọn trong danh sách',
    list: words(qualificationLabels),
    width: 14,
  },
  {
    key: 'theoryLevel',
    header: 'Lý luận chính trị',
    note: 'Trình độ cao nhất. Chọn trong danh sách',
    list: words(theoryLevelLabels),
    width: 14,
  },
  { key: 'itLevel', header: 'Tin học', note: 'Ví dụ: Chứng chỉ ứng dụng CNTT cơ bản', width: 14 },
  { key: 'languageLevel', header: 'Ngoại ngữ', note: 'Ví dụ: Tiếng Anh B1', width: 14 },
  {
    key: 'hardshipArea',
    header: 'Vùng khó khăn',
    note: 'Có nếu nơi công tác thuộc vùng khó khăn',
    list: [YES, NO],
    width: 10,
  },
  {
    key: 'title',
    header: 'Chức danh',
    note: 'Chức danh hiện giữ tại đơn vị trên. Chọn trong danh sách',
    list: words(titleLabels),
    width: 22,
  },
  {
    key: 'employment',
    header: 'Chế độ',
    note: 'Bắt buộc khi có chức danh',
    list: words(employmentLabels),
    width: 15,
  },
  {
    key: 'method',
    header: 'Hình thức',
    note: 'Bắt buộc khi có chức danh',
    list: words(appointmentMethodLabels),
    width: 12,
  },
  { key: 'term', header: 'Nhiệm kỳ', note: 'Dạng 2022–2027', width: 11 },
  { key: 'decision', header: 'Số quyết định', note: 'Quyết định công nhận, bổ nhiệm', width: 16 },
  { key: 'startDate', header: 'Ngày bắt đầu', note: 'Bắt buộc khi có chức danh', type: 'date', width: 13 },
  { key: 'notes', header: 'Ghi chú', note: 'Tối đa 2000 ký tự', width: 24 },
] as const satisfies readonly FormColumn[];

export type PeopleKey = (typeof PEOPLE_COLUMNS)[number]['key'];

export const PEOPLE_SHEET = 'Cán bộ';

/** The sheet with the catalogue's ethnicities as the Dân tộc list. */
export function peopleForm(ethnicities: readonly string[]): FormSheet {
  return {
    sheetName: PEOPLE_SHEET,
    columns: PEOPLE_COLUMNS.map((c) => (c.key === 'ethnicity' ? { ...c, list: ethnicities } : c)),
  };
}

/** The template's example row (also recognised and skipped when left in a filled sheet). */
export const PEOPLE_EXAMPLE: FormRow = {
  unit: 'Huyện đoàn Cư Jút',
  familyName: 'Y Ngông',
  middleName: 'Niê',
  givenName: 'Kdăm',
  birthDate: '1994-03-15',
  gender: genderLabels.male,
  ethnicity: 'Ê-đê',
  nationalId: '066094000123',
  phone: '0912345678',
  partyMember: YES,
  partyJoinDate: '2018-05-19',
  generalEducation: '12/12',
  qualification: qualificationLabels.university,
  theoryLevel: theoryLevelLabels.intermediate,
  hardshipArea: NO,
  title: titleLabels.deputy_secretary,
  employment: employmentLabels.full_time,
  method: appointmentMethodLabels.elected,
  term: '2022–2027',
  decision: '123-QĐ/TĐTN',
  startDate: '2022-10-01',
};
