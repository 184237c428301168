import { theme } from 'antd';
import { describe, expect, it } from 'vitest';
import { THEME_TOKEN } from './themeToken';

// The colours the app's theme draws words in, as antd computes them from THEME_TOKEN: every word a
// user reads must reach WCAG AA's 4.5:1 for small text (a tag's words are 12 px).

const PRESETS = [
  'red',
  'volcano',
  'orange',
  'gold',
  'yellow',
  'lime',
  'green',
  'cyan',
  'blue',
  'geekblue',
  'purple',
  'magenta',
] as const;

/** An sRGB colour (`#rrggbb` or `rgba(r, g, b, a)`) laid over an opaque background, as channels 0–255. */
function over(colour: string, background: [number, number, number]): [number, number, number] {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  if (hex) return [1, 2, 3].map((i) => parseInt(hex[i]!, 16)) as [number, number, number];
  const rgba = /^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)$/.exec(colour);
  if (!rgba) throw new Error(`not a colour: ${colour}`);
  const a = rgba[4] === undefined ? 1 : Number(rgba[4]);
  return [0, 1, 2].map((i) => Number(rgba[i + 1]) * a + background[i]! * (1 - a)) as [number, number, number];
}

function luminance([r, g, b]: [number, number, number]): number {
  const lin = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

function contrast(text: string, background: string): number {
  const bg = over(background, [255, 255, 255]);
  const [hi, lo] = [luminance(over(text, bg)), luminance(bg)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const token = theme.getDesignToken({ token: THEME_TOKEN }) as unknown as Record<string, string>;

describe('the theme reads at 4.5:1', () => {
  // antd names each shade twice (green7, green-7): a page's CSS variables may come from either.
  it.each(PRESETS)('a %s tag: its words on its background', (colour) => {
    for (const text of [`${colour}7`, `${colour}-7`]) {
      expect(contrast(token[text]!, token[`${colour}1`]!)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it.each(PRESETS)('white words on a solid %s fill', (colour) => {
    for (const fill of [`${colour}6`, `${colour}-6`]) {
      expect(contrast('#ffffff', token[fill]!)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it.each(['colorBgContainer', 'colorBgLayout'])('a link, an error, a success and a warning on %s', (bg) => {
    expect(contrast(token.colorLink!, token[bg]!)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(token.colorError!, token[bg]!)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(token.colorErrorText!, token.colorErrorBg!)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(token.colorSuccess!, token[bg]!)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(token.colorWarning!, token[bg]!)).toBeGreaterThanOrEqual(4.5);
  });

  it.each(['colorBgContainer', 'colorBgLayout', 'colorFillAlter'])('secondary text on %s', (bg) => {
    expect(contrast(token.colorTextDescription!, token[bg]!)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(token.colorTextSecondary!, token[bg]!)).toBeGreaterThanOrEqual(4.5);
  });
});
