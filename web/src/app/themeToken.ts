/** The app's colour and font over antd's defaults: the app's `Theme` and the login page's alike. */
export const THEME_TOKEN = { colorPrimary: '#0b57d0', fontFamily: "'Be Vietnam Pro', system-ui, sans-serif" };
