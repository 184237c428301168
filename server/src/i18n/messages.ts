import { vnDate } from '../lib/dates.ts';
import { nounEn } from './sentences.ts';

/** A message in both languages; AppError keeps both and the error body picks one per request. */
export interface Words {
  vi: string;
  en: string;
}

const minutes = (seconds: number) => Math.ceil(seconds / 60);

/**
 * The server's own messages by a stable key, Vietnamese first. The refusals a feature words itself
 * (with its own names in them) are in sentences.ts, keyed by their Vietnamese text.
 */
export const messages = {
  notFound: (what: string): Words => ({
    vi: `${what} không tồn tại hoặc bạn không có quyền xem`,
    en: `${nounEn(what)} does not exist or you may not see it`,
  }),
  forbidden: {
    vi: 'Bạn không có quyền thực hiện thao tác này',
    en: 'You are not allowed to do this',
  },
  stale: {
    vi: 'Bản ghi đã được người khác sửa sau khi bạn mở. Hãy tải lại để xem thay đổi rồi sửa lại.',
    en: 'Someone else changed this record after you opened it. Reload to see their change, then edit again.',
  },
  wrongLogin: {
    vi: 'Tên đăng nhập hoặc mật khẩu không đúng',
    en: 'Wrong login or password',
  },
  loginThrottled: (waitSeconds: number): Words => ({
    vi: `Đăng nhập sai quá nhiều lần. Hãy thử lại sau ${minutes(waitSeconds)} phút.`,
    en: `Too many failed sign-ins. Try again in ${minutes(waitSeconds)} minute${minutes(waitSeconds) === 1 ? '' : 's'}.`,
  }),
  passwordThrottled: (waitSeconds: number): Words => ({
    vi: `Nhập sai mật khẩu quá nhiều lần. Hãy thử lại sau ${minutes(waitSeconds)} phút.`,
    en: `Too many wrong passwords. Try again in ${minutes(waitSeconds)} minute${minutes(waitSeconds) === 1 ? '' : 's'}.`,
  }),
  loginTaken: (login: string): Words => ({
    vi: `Tên đăng nhập "${login}" đã có`,
    en: `The login "${login}" is already taken`,
  }),
  sessionEnded: {
    vi: 'Phiên đăng nhập đã hết hạn hoặc bạn chưa đăng nhập',
    en: 'Your session has ended or you have not signed in',
  },
  signInNeeded: { vi: 'Bạn cần đăng nhập', en: 'You need to sign in' },
  csrf: {
    vi: 'Yêu cầu không hợp lệ (thiếu mã chống giả mạo). Hãy tải lại trang.',
    en: 'Invalid request (the anti-forgery code is missing). Reload the page.',
  },
  noSuchAddress: { vi: 'Không tìm thấy địa chỉ này', en: 'There is nothing at this address' },
  invalidData: { vi: 'Dữ liệu không hợp lệ', en: 'Invalid data' },
  invalidJson: { vi: 'Dữ liệu gửi lên không đúng định dạng JSON', en: 'The data sent is not valid JSON' },
  badRequest: { vi: 'Yêu cầu không hợp lệ', en: 'Invalid request' },
  tooManyRequests: { vi: 'Quá nhiều yêu cầu, hãy thử lại sau', en: 'Too many requests, try again later' },
  duplicate: { vi: 'Dữ liệu bị trùng với bản ghi đã có', en: 'This duplicates an existing record' },
  relatedChanged: {
    vi: 'Dữ liệu liên quan vừa được người khác thay đổi. Hãy tải lại rồi thử lại.',
    en: 'Related data was just changed by someone else. Reload and try again.',
  },
  internal: {
    vi: 'Lỗi hệ thống, hãy thử lại hoặc báo quản trị viên',
    en: 'System error: try again or tell your administrator',
  },
  // Phrases the features and the imports share (a field's clause: the caller names the field).
  unitCeased: (unit: string, validTo: string): Words => ({
    vi: `${unit} đã kết thúc hoạt động từ ${vnDate(validTo)}`,
    en: `${unit} ceased on ${vnDate(validTo)}`,
  }),
  unitNotYet: (unit: string, day: string, validFrom: string): Words => ({
    vi: `${unit} chưa thành lập vào ngày ${vnDate(day)} (thành lập ${vnDate(validFrom)})`,
    en: `${unit} did not exist yet on ${vnDate(day)} (established ${vnDate(validFrom)})`,
  }),
  notAfterToday: (today: string): Words => ({
    vi: `không được sau ngày hôm nay (${vnDate(today)})`,
    en: `cannot be after today (${vnDate(today)})`,
  }),
  notBeforeStart: (start: string): Words => ({
    vi: `không được trước Ngày bắt đầu (${vnDate(start)})`,
    en: `cannot be before the start date (${vnDate(start)})`,
  }),
  notSeated: (person: string): Words => ({
    vi: `${person} không còn trong danh sách học viên chính thức của lớp`,
    en: `${person} is no longer on the class’s list of trainees`,
  }),
  bodyTooLarge: (size: string): Words => ({
    vi: `Dữ liệu gửi lên quá lớn: tối đa${size} cho thao tác này`,
    en: `The data sent is too large: at most${size} for this action`,
  }),
} as const;
