export const auth = {
  vi: {
    title: 'Đăng nhập',
    login: 'Tên đăng nhập',
    password: 'Mật khẩu',
    submit: 'Đăng nhập',
    required: 'Hãy nhập {{field}}',
    loggedOut: 'Đã đăng xuất',
    changePassword: 'Đổi mật khẩu',
    currentPassword: 'Mật khẩu hiện tại',
    passwordChanged: 'Đã đổi mật khẩu',
  },
  en: {
    title: 'Sign in',
    login: 'Username',
    password: 'Password',
    submit: 'Sign in',
    required: 'Enter your {{field}}',
    loggedOut: 'Signed out',
    changePassword: 'Change password',
    currentPassword: 'Current password',
    passwordChanged: 'Password changed',
  },
};
