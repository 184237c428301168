import { fieldLabels, fieldLabelsEn } from '@canbo/contract';

/**
 * English for the refusals the features word themselves in Vietnamese (`forbidden('…')`,
 * `fieldError(field, '…')`, the contract's own rule messages), keyed by that Vietnamese text so the
 * features keep one literal each. `sentences.test.ts` fails when a key no longer occurs in the sources
 * (a reworded refusal must be reworded here too). What is assembled with names or numbers and has no
 * entry here stays Vietnamese in English mode.
 */

/** The records `notFound(what)` names. */
const NOUNS: Record<string, string> = {
  'Bản ghi': 'The record',
  'Đơn vị': 'The unit',
  'Học viên': 'The trainee',
  'Cán bộ': 'The cadre',
  'Hồ sơ cán bộ': 'The cadre’s record',
  'Hồ sơ cán bộ của tài khoản': 'The account’s cadre record',
  'Tài khoản': 'The account',
  'Phân quyền': 'The access right',
  'Giấy chứng nhận': 'The certificate',
  'Buổi học': 'The session',
  'Lớp bồi dưỡng': 'The class',
  'Chương trình bồi dưỡng': 'The programme',
  'Loại hình bồi dưỡng': 'The training kind',
  'Chỉ tiêu': 'The target',
  'Chỉ tiêu phân bổ': 'The seat allocation',
  'Lần điều chuyển': 'The move',
  'Quá trình học tập': 'The study',
  'Đề án, kế hoạch': 'The scheme or plan',
  'Chức vụ': 'The position',
  'Đợt đi cơ sở': 'The grassroots trip',
  'Đăng ký đi cơ sở': 'The grassroots registration',
  'Tệp đính kèm báo cáo': 'The report’s attachment',
  'Yêu cầu số ngày': 'The days requirement',
  'Báo cáo': 'The report',
};

export function nounEn(vi: string): string {
  return NOUNS[vi] ?? 'The record';
}

/** Whole messages. */
const SENTENCES: Record<string, string> = {
  // access
  'Bạn chỉ được xem, không được sửa quá trình học tập này': 'You may only view this study, not change it',
  'Bạn chỉ được xem, không được sửa đợt đi cơ sở này': 'You may only view this grassroots trip, not change it',
  'Bạn chỉ được xem, không được sửa đề án, kế hoạch này': 'You may only view this scheme or plan, not change it',
  'Bạn chỉ được xem, không được sửa lần điều chuyển này': 'You may only view this move, not change it',
  'Bạn chỉ được xem, không được sửa hồ sơ cán bộ này': 'You may only view this cadre’s record, not change it',
  'Bạn chỉ được xem, không được sửa chức vụ này': 'You may only view this position, not change it',
  'Chỉ quản trị của đơn vị cấp cao nhất được đổi cấu hình đi cơ sở':
    'Only administrators of the top-level unit may change the grassroots-visit settings',
  'Tài khoản quản trị hệ thống chỉ được thay đổi bằng dòng lệnh trên máy chủ':
    'The system administrator account can only be changed from the command line on the server',
  'Danh mục đào tạo dùng chung cho toàn hệ thống: chỉ quản trị viên cấp tỉnh mới được sửa':
    'The training catalogue is shared by the whole system: only provincial administrators may change it',
  'Chỉ đơn vị tổ chức lớp được cử học viên vào số chỗ của lớp: hãy chọn chỉ tiêu của đơn vị bạn':
    'Only the organising unit may nominate into the class’s own seats: choose your unit’s quota',
  'Chỉ quản trị viên đơn vị mới quản lý được tài khoản': 'Only unit administrators can manage accounts',
  'Bạn không có quyền ban hành đề án, kế hoạch cho đơn vị này':
    'You are not allowed to issue schemes or plans for this unit',
  'Đơn vị không tồn tại hoặc ngoài phạm vi quản trị của bạn': 'The unit does not exist or is outside what you manage',
  'Cán bộ không tồn tại hoặc ngoài phạm vi quản lý của bạn': 'The cadre does not exist or is outside what you manage',
  'Mã QR không phải của buổi học nào trên Canbo': 'This QR code is not one of a session in Canbo',
  // records and rules
  'Số CCCD này đã có trong hồ sơ của một cán bộ khác': 'This national ID number is already on another cadre’s record',
  'Học viên này đã rút tên': 'This trainee has withdrawn',
  'Cán bộ này đã có tài khoản riêng': 'This cadre already has an account',
  'Đã hủy nhập: không có dòng nào được ghi.': 'Import cancelled: no row was written.',
  'Tệp tải lên không đọc được': 'The uploaded file cannot be read',
  'Tệp này không phải tệp sao lưu của Canbo.': 'This file is not a Canbo backup.',
  'Mật khẩu tối thiểu 10 ký tự': 'A password has at least 10 characters',
  'Đơn vị nhận sáp nhập: không thể sáp nhập một đơn vị vào chính nó':
    'Unit merged into: a unit cannot merge into itself',
  'Chọn một đơn vị nhận sáp nhập hoặc khai báo đơn vị mới': 'Choose the unit to merge into, or describe a new one',
  'Đơn vị sáp nhập: có đơn vị được chọn hai lần': 'Units merged: a unit is chosen twice',
  'Cán bộ: tài khoản không có phân quyền nào phải gắn với một cán bộ':
    'Cadre: an account without access rights must belong to a cadre',
  'Mật khẩu: mật khẩu mới phải khác mật khẩu hiện tại': 'Password: the new password must differ from the current one',
  'Tên: tên mới trùng với tên hiện tại': 'Name: the new name is the same as the current one',
  'Không xoá được vai trò cuối cùng của tài khoản; hãy khoá tài khoản nếu không dùng nữa':
    'The account’s last role cannot be removed; lock the account if it is no longer used',
  'Bạn không thể tự khoá tài khoản của chính mình': 'You cannot lock your own account',
  'Tài khoản đã có vai trò trên đơn vị này; xoá vai trò cũ trước khi cấp vai trò khác':
    'The account already has a role on this unit; remove it before granting another',
  'Mật khẩu hiện tại: không đúng': 'Current password: wrong',
  'Phân quyền: cấp ít nhất một vai trò trên một đơn vị, hoặc liên kết tài khoản với một cán bộ':
    'Access rights: grant at least one role on a unit, or link the account to a cadre',
  'Phân quyền: mỗi đơn vị chỉ được cấp một vai trò': 'Access rights: one role per unit',
  'Giấy triệu tập học viên của đơn vị tổ chức chỉ đơn vị tổ chức được xem: hãy chọn chỉ tiêu của đơn vị bạn':
    'The organising unit’s summons are for the organising unit only: choose your unit’s quota',
  'Không tìm thấy giấy chứng nhận với mã xác minh này. Hãy kiểm tra lại đường dẫn hoặc quét lại mã QR trên giấy chứng nhận.':
    'No certificate has this verification code. Check the link, or scan the QR code on the certificate again.',
};

/** The part after "Field: " of a field's refusal (fieldError and the contract's rule messages). */
const CLAUSES: Record<string, string> = {
  'phải từ "Từ ngày" trở đi': 'must be on or after "From date"',
  'đơn vị tổ chức cử học viên vào số chỗ còn lại của lớp, không tự phân bổ chỉ tiêu':
    'the organising unit nominates into the class’s remaining seats, it allocates no quota to itself',
  'đơn vị không tồn tại hoặc bạn không có quyền xem': 'the unit does not exist or you may not see it',
  'phải khác Từ đơn vị': 'must differ from "From unit"',
  'không sửa được khi cán bộ đã tốt nghiệp (trình độ đã được cập nhật theo nó)':
    'cannot change once the cadre has graduated (the qualification was updated from it)',
  'có đề án không tồn tại hoặc bạn không có quyền xem': 'a scheme does not exist or you may not see it',
  'chỉ nộp báo cáo sau khi đợt đi cơ sở kết thúc': 'a report is filed only after the trip has ended',
  'hãy ghi lý do khi quyết định kết quả khác với quy định hoàn thành của lớp':
    'give a reason when the outcome differs from the class’s completion rule',
  'chương trình không có trong danh mục': 'the programme is not in the catalogue',
  'cán bộ không tồn tại hoặc bạn không có quyền xem': 'the cadre does not exist or you may not see them',
  'phải sau Ngày sinh': 'must be after the date of birth',
  'không được sau ngày hôm nay': 'cannot be after today',
  'chỉ ghi khi cán bộ là Đảng viên': 'only for a Party member',
  'không tồn tại': 'does not exist',
  'không tìm thấy đơn vị, hoặc bạn không có quyền với đơn vị này': 'the unit is not found, or you have no rights on it',
  'tệp lớn hơn 10 MB': 'the file is larger than 10 MB',
  'hãy chọn tệp đính kèm': 'choose a file to attach',
  'hãy chọn bảng tính điểm danh (.xlsx) tải từ Canbo': 'choose the attendance sheet (.xlsx) downloaded from Canbo',
  'hãy chọn bảng tính (.xlsx) theo mẫu nhập của Canbo': 'choose a sheet (.xlsx) in Canbo’s import template',
  'chỉ nhận tệp PDF, Word (.docx), JPG hoặc PNG': 'only PDF, Word (.docx), JPG or PNG files',
  'mã dân tộc không có trong danh mục': 'the ethnicity code is not in the list',
  'đợt đi cơ sở không có ngày làm việc nào': 'the trip has no working day',
  'một đợt đi cơ sở không được kéo dài quá hai năm liền nhau': 'a trip cannot last beyond two consecutive years',
  'không phải ô số liệu của báo cáo': 'is not a figure of the report',
  'phải từ năm 1900 trở đi': 'must be in 1900 or later',
  'chỉ tiêu không có trong lớp này hoặc bạn không có quyền xem': 'the quota is not in this class or you may not see it',
  'phải lớn hơn hoặc bằng Tuổi từ': 'must be at least "Age from"',
  'hãy chọn': 'choose one',
  'hãy chọn một cấp hoặc một chức danh, không cả hai': 'choose a level or a title, not both',
  // the contract's rule messages (zod custom messages)
  'Số CCCD gồm đúng 12 chữ số': 'a national ID number has exactly 12 digits',
  'Trình độ phổ thông dạng 12/12': 'general education is written like 12/12',
  'Tên đăng nhập 3–50 ký tự: chữ không dấu, số, dấu chấm, gạch':
    'a login has 3–50 characters: letters without accents, digits, dots, dashes',
  'Giờ dạng hh:mm': 'a time is written hh:mm',
  'Mẫu số phải có {stt}': 'the pattern must hold {stt}',
  'Mã gồm chữ thường không dấu, số và dấu gạch dưới':
    'a code has lower-case letters without accents, digits and underscores',
  'phải trong khoảng từ năm 1900 đến năm 2199': 'must be between 1900 and 2199',
  'Nhiệm kỳ dạng 2022–2027': 'a term is written like 2022–2027',
  'số điện thoại gồm 10 hoặc 11 chữ số bắt đầu bằng 0 (hoặc dấu + và mã nước), ví dụ 0912 345 678':
    'a phone number has 10 or 11 digits starting with 0 (or + and a country code), e.g. 0912 345 678',
  'phải có đúng một mã số thứ tự {stt}': 'it must hold exactly one running number {stt}',
  'có ký tự điều khiển không in được': 'it holds an unprintable control character',
  'chỉ được viết trên một dòng (không xuống dòng, không có dấu tab)': 'must be one line (no line breaks, no tabs)',
  'có ký tự bị lỗi mã hoá (không phải Unicode hợp lệ)': 'holds a broken character (not valid Unicode)',
};

/** The Vietnamese field names back to their English ones (the first field of a name wins). */
const LABELS_EN = new Map<string, string>();
for (const [key, vi] of Object.entries(fieldLabels)) {
  if (!LABELS_EN.has(vi)) LABELS_EN.set(vi, fieldLabelsEn[key] ?? vi);
}

/** The English of a contract rule's message (a zod custom message), or null when it has none. */
export function clauseEn(vi: string): string | null {
  return CLAUSES[vi] ?? SENTENCES[vi] ?? null;
}

/**
 * The English of a message a feature worded in Vietnamese: a known sentence, or "Field: clause" with
 * both parts known; null otherwise (the message is then shown in Vietnamese).
 */
export function sentenceEn(vi: string): string | null {
  const whole = SENTENCES[vi] ?? CLAUSES[vi];
  if (whole) return whole;
  const colon = vi.indexOf(': ');
  if (colon < 0) return null;
  const label = LABELS_EN.get(vi.slice(0, colon));
  const clause = clauseEn(vi.slice(colon + 2));
  return label && clause ? `${label}: ${clause}` : null;
}

/** Every Vietnamese text with an English entry, for the test that keeps them in step with the sources. */
export const TRANSLATED_TEXTS = [...Object.keys(SENTENCES), ...Object.keys(CLAUSES)];
