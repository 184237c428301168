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
  },
};
