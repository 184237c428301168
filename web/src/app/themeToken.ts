/**
 * A coloured tag (a status, a mark) writes its 12 px words in the colour's 7th shade on its 1st, and
 * for the warm and green colours that is 2–4.4:1, short of the 4.5:1 small text needs (WCAG AA). Their
 * words take the first darker shade that reads at 4.5:1 or more on the tag's own background (antd's
 * palettes: green 8 at 5.4:1, orange 8 at 5.1:1, gold 9 at 6.5:1, …). Red, blue, magenta, purple and
 * geek blue already read above 4.9:1. The shade is used for nothing but preset-coloured text and marks.
 * antd keeps every shade under two names (`green7`, `green-7`), and its CSS variable `--ant-green-7` is
 * written from the second: both are set.
 */
const TAG_TEXT = {
  volcano7: '#ad2102',
  'volcano-7': '#ad2102',
  orange7: '#ad4e00',
  'orange-7': '#ad4e00',
  gold7: '#874d00',
  'gold-7': '#874d00',
  yellow7: '#876800',
  'yellow-7': '#876800',
  lime7: '#3f6600',
  'lime-7': '#3f6600',
  green7: '#237804',
  'green-7': '#237804',
  cyan7: '#006d75',
  'cyan-7': '#006d75',
};

/**
 * A solid fill of a preset colour (a mark's button in the attendance grid) is its 6th shade behind white
 * words: 1.4–4.1:1 for all but purple and geek blue. It takes the shade white reads on at 4.5:1 or more
 * (green 8 at 5.6:1, gold 9 at 6.8:1, …) — the same as `MARK_FILLS`, the phone's mark buttons.
 */
const SOLID_FILL = {
  red6: '#cf1322',
  'red-6': '#cf1322',
  volcano6: '#d4380d',
  'volcano-6': '#d4380d',
  orange6: '#ad4e00',
  'orange-6': '#ad4e00',
  gold6: '#874d00',
  'gold-6': '#874d00',
  yellow6: '#876800',
  'yellow-6': '#876800',
  lime6: '#3f6600',
  'lime-6': '#3f6600',
  green6: '#237804',
  'green-6': '#237804',
  cyan6: '#006d75',
  'cyan-6': '#006d75',
  blue6: '#0958d9',
  'blue-6': '#0958d9',
  magenta6: '#c41d7f',
  'magenta-6': '#c41d7f',
};

/** The app's colour and font over antd's defaults: the app's `Theme` and the login page's alike. */
export const THEME_TOKEN = {
  colorPrimary: '#0b57d0',
  // Links are drawn in antd's info blue (#1677ff, 4.1:1 on white) unless given their own colour: the
  // primary blue reads at 6.7:1.
  colorLink: '#0b57d0',
  // antd's red for errors and danger buttons (#ff4d4f) reads at 3.3:1 on white; this red at 5.6:1.
  colorError: '#cf1322',
  // The same for success (a progress past 100%: #52c41a, 2.3:1) and warnings (#faad14, 1.9:1) written
  // as text: green at 5.6:1, orange at 5.4:1.
  colorSuccess: '#237804',
  colorWarning: '#ad4e00',
  fontFamily: "'Be Vietnam Pro', system-ui, sans-serif",
  // antd's grey for secondary text (45% black) falls short of the 4.5:1 contrast small text
  // needs (WCAG AA); 60% black reads at 5.7:1 on white and above 5:1 on the light greys.
  colorTextDescription: 'rgba(0, 0, 0, 0.6)',
  colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
  // A select's placeholder is drawn as text (4.7:1), lighter than a chosen value still.
  colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
  ...TAG_TEXT,
  ...SOLID_FILL,
};
