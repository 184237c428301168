/** Words of the signed-in shell that are not shared with the features. */
export const app = {
  vi: {
    openMenu: 'Mở trình đơn',
    section: 'Mục đang xem',
    more: 'Thêm',
    noAccess: {
      title: 'Không có quyền truy cập',
      hint: 'Tài khoản của bạn không được dùng trang này. Nếu cần, hãy đề nghị quản trị viên đơn vị cấp quyền.',
      home: 'Về trang chủ',
    },
    noOwnRecord: {
      title: 'Tài khoản chưa gắn với hồ sơ cán bộ',
      hint: 'Trang này để cán bộ ghi các đợt đi cơ sở của chính mình. Tài khoản của bạn không gắn với hồ sơ cán bộ nào; nếu bạn là cán bộ, hãy đề nghị quản trị viên gắn tài khoản với hồ sơ của mình.',
    },
  },
  en: {
    openMenu: 'Open the menu',
    section: 'Section shown',
    more: 'More',
    noAccess: {
      title: 'No access',
      hint: 'Your account may not use this page. If you need it, ask your unit administrator for access.',
      home: 'Back to the home page',
    },
    noOwnRecord: {
      title: 'This account is not tied to a cadre record',
      hint: 'This page is where cadres record their own grassroots trips. Your account is tied to no cadre record; if you are a cadre, ask your administrator to tie your account to your record.',
    },
  },
};
