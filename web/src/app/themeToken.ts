/** The app's colour and font over antd's defaults: the app's `Theme` and the login page's alike. */
export const THEME_TOKEN = {
  colorPrimary: '#0b57d0',
  fontFamily: "'Be Vietnam Pro', system-ui, sans-serif",
  // antd's grey for secondary text (45% black) falls short of the 4.5:1 contrast small text
  // needs (WCAG AA); 60% black reads at 5.7:1 on white and above 5:1 on the light greys.
  colorTextDescription: 'rgba(0, 0, 0, 0.6)',
  colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
  // A select's placeholder is drawn as text (4.7:1), lighter than a chosen value still.
  colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
};
