// Loaded on its own (React.lazy in charts.tsx): ECharts' core with only the charts and components used.
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { ChartOption } from './chartOptions';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** A chart filling its box's width, redrawn when the box resizes; a click on a bar or point says which. */
export default function EChart({
  option,
  height,
  label,
  onPick,
}: {
  option: ChartOption;
  height: number;
  /** What the chart shows, for screen readers (the figures are also in the table beside it). */
  label: string;
  onPick?: (series: number, index: number) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const pick = useRef(onPick);
  useEffect(() => {
    pick.current = onPick;
  }, [onPick]);

  useEffect(() => {
    const c = echarts.init(box.current);
    chart.current = c;
    c.on('click', (p) => pick.current?.(p.seriesIndex ?? 0, p.dataIndex));
    const resize = new ResizeObserver(() => c.resize());
    resize.observe(box.current!);
    return () => {
      resize.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);

  return <div ref={box} role="img" aria-label={label} style={{ width: '100%', height, cursor: 'pointer' }} />;
}
