import { describe, expect, it } from 'vitest';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { breakdownOption } from './chartOptions';

echarts.use([BarChart, GridComponent, SVGRenderer]);

/** The chart as ECharts draws it (its server-side SVG), as wide as its card on a desk. */
function drawn(names: string[]): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 360, height: names.length * 36 + 24 });
  chart.setOption(
    breakdownOption(
      names.map((name, i) => ({ name, participations: { value: 1000 * (i + 1), link: null } })),
      { participations: 'lượt' },
    ),
  );
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

describe('a breakdown chart', () => {
  it('shows a long group name whole, over two lines, never cut short', () => {
    const svg = drawn(['Bồi dưỡng chức danh', 'Bồi dưỡng nghiệp vụ công tác Đoàn']);
    const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
    expect(texts.join(' ')).not.toMatch(/…|\.\.\./);
    expect(texts).toContain('Bồi dưỡng chức danh');
    // The long name is drawn in pieces that together make it, every word kept.
    const words = 'Bồi dưỡng nghiệp vụ công tác Đoàn'.split(' ');
    const rest = texts.filter((t) => t !== 'Bồi dưỡng chức danh').join(' ');
    for (const w of words) expect(rest).toContain(w);
  });
});
