import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { DashboardFigure } from '@canbo/contract';
import { formatNumber } from '../../lib/format';

// The charts' options, built from the dashboard's figures (types only from ECharts: no code loads here).

export type ChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

const BLUE = '#0b3d91';
const ORANGE = '#fa8c16';

const valueAxis = (name: string) =>
  ({
    type: 'value',
    name,
    nameTextStyle: { align: 'left' },
    minInterval: 1,
    axisLabel: { formatter: (v: number) => formatNumber(v) },
  }) as const;

const tooltipValue = (v: unknown) => (typeof v === 'number' ? formatNumber(v) : '');

/** Classes (bars, left axis) and participations (a line, right axis) per year. */
export function trendOption(
  years: { year: number; classes: DashboardFigure; participations: DashboardFigure }[],
  words: { classes: string; participations: string; classesUnit: string; participationsUnit: string },
): ChartOption {
  return {
    tooltip: { trigger: 'axis', valueFormatter: tooltipValue },
    legend: { bottom: 0, data: [words.classes, words.participations] },
    grid: { left: 8, right: 8, top: 36, bottom: 36, containLabel: true },
    xAxis: { type: 'category', data: years.map((y) => String(y.year)) },
    yAxis: [valueAxis(words.classesUnit), valueAxis(words.participationsUnit)],
    series: [
      { type: 'bar', name: words.classes, data: years.map((y) => y.classes.value), itemStyle: { color: BLUE } },
      {
        type: 'line',
        name: words.participations,
        yAxisIndex: 1,
        data: years.map((y) => y.participations.value),
        itemStyle: { color: ORANGE },
        symbolSize: 8,
      },
    ],
  };
}

/** One bar per group (a level, a kind): its participations. */
export function breakdownOption(
  groups: { name: string; participations: DashboardFigure }[],
  words: { participations: string },
): ChartOption {
  return {
    tooltip: { trigger: 'axis', valueFormatter: tooltipValue },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: {
      type: 'value',
      minInterval: 1,
      splitNumber: 3,
      axisLabel: { formatter: (v: number) => formatNumber(v), hideOverlap: true },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: groups.map((g) => g.name),
      // A long name ("Bồi dưỡng nghiệp vụ công tác Đoàn") goes on two lines: cut short, it named no group.
      axisLabel: { width: 140, overflow: 'break', lineHeight: 14 },
    },
    series: [
      {
        type: 'bar',
        name: words.participations,
        data: groups.map((g) => g.participations.value),
        itemStyle: { color: BLUE },
        label: { show: true, position: 'right', formatter: (p) => tooltipValue(p.value) },
      },
    ],
  };
}
