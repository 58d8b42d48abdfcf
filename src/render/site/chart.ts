import { createRequire } from 'node:module';
import type * as EChartsModule from 'echarts';

// Pictures are drawn at build time by ECharts' server-side SVG renderer: no browser, no canvas,
// no script on the page. ECharts is loaded as the single CommonJS bundle it ships, which starts
// several times faster than its ESM tree of modules.
//
// Colours: a chart is drawn with placeholder colours (PAINT), and the page's style sheet maps
// each placeholder to a colour of the light or the dark scheme, so one SVG serves both.

type ECharts = typeof EChartsModule;
let echarts: ECharts | undefined;
const load = (): ECharts => (echarts ??= createRequire(import.meta.url)('echarts') as ECharts);

/** Placeholder colours, each the name of a colour in the style sheet. */
export const PAINT = {
  ink: '#0a0a01',
  muted: '#0a0a02',
  grid: '#0a0a03',
  paper: '#0a0a04',
  panel: '#0a0a0c',
  lead: '#0a0a05',
  mentor: '#0a0a06',
  mentee: '#0a0a07',
  planned: '#0a0a08',
  overdue: '#0a0a09',
  ok: '#0a0a0a',
  pattern: '#0a0a0b',
} as const;
export type Paint = keyof typeof PAINT;

export const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif';

/** Text, axes and grid in the page's colours; no animation, no hover: the picture is still. */
const BASE: EChartsModule.EChartsOption = {
  animation: false,
  backgroundColor: 'transparent',
  textStyle: { color: PAINT.ink, fontFamily: FONT, fontSize: 12 },
  aria: { enabled: false },
};

export interface ChartSize {
  /** Unique on its page: the SVG's internal ids (clip paths) start with it. */
  id: string;
  width: number;
  height: number;
  /** What the picture shows, for a screen reader (the caption and table say it in full). */
  title: string;
  /** Drawn for a narrow screen (a phone, 200% zoom); the style sheet shows it there instead of the wide one. */
  narrow?: boolean;
}

/**
 * How wide a picture for a narrow screen is drawn: a 390 px phone's page has 332 px for it.
 * A wide picture scaled down to that would have 5 px text, and one in a scroll box shows its
 * least useful corner, so each picture is drawn twice: wide, and narrow with fewer, shorter labels.
 */
export const NARROW_WIDTH = 330;

/** A picture drawn for a wide screen and again for a narrow one: the style sheet shows the one that fits. */
export function twoWidths(draw: (narrow: boolean) => string): string {
  return `${draw(false)}\n${draw(true)}`;
}

/** Renders an ECharts option to an SVG string: the same option always gives the same bytes. */
export function renderChart(option: EChartsModule.EChartsOption, size: ChartSize): string {
  const chart = load().init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({ ...BASE, ...option });
    return tidySvg(chart.renderToSVGString(), size);
  } finally {
    chart.dispose();
  }
}

/**
 * ECharts numbers each chart instance (zr0, zr1, ...) in its ids and class names: renamed after
 * the chart's own id, the output no longer depends on how many charts were drawn before it. The
 * hover rules and metadata attributes only matter to a live chart, and are dropped.
 */
function tidySvg(svg: string, size: ChartSize): string {
  const prefix = `${size.id.replace(/[^a-z0-9-]/gi, '')}${size.narrow ? '-n' : ''}-`;
  return svg
    .replace(/<style\b[^>]*>[\s\S]*?<\/style>\s*/g, '')
    .replace(/ ecmeta_[a-z_]+="[^"]*"/g, '')
    .replace(/ class="zr\d+-cls-\d+"/g, '')
    .replace(/ pointer-events="visible"/g, '')
    // A legend's box is drawn, transparent, even without a background: nothing to see or paint.
    .replace(/<path [^>]*fill-opacity="0"[^>]*stroke-width="0"[^>]*>\s*<\/path>\n?/g, '')
    .replace(/zr\d+-/g, prefix)
    .replace(/<svg /, `<svg role="img" aria-label="${size.title.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)}" class="${size.narrow ? 'narrow' : 'wide'}" focusable="false" `)
    .replace(/\n{2,}/g, '\n')
    // ECharts cuts a label to its width (…) between UTF-16 units: half an emoji would show as �.
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(/\u200d+…/g, '…')
    .trim();
}

/**
 * A value axis from 0 to at least `top` that ends on a round tick: about five steps of 1, 2, 2.5
 * or 5 times a power of ten (55.2 gives 0 to 60 by 20, not a last tick of 56 crowding 50).
 */
export function roundScale(top: number): { max: number; interval: number } {
  const rough = Math.max(top, 1e-9) / 5;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const interval = [1, 2, 2.5, 5, 10].map((factor) => factor * magnitude).find((step) => step >= rough - 1e-12)!;
  return { max: Math.ceil(top / interval - 1e-9) * interval, interval };
}

/**
 * A category axis of weeks or names and a value axis of numbers, in the page's colours.
 * `valueMax`: the axis reaches at least this (the largest value drawn, a line to show), and ends
 * on a round tick; `counts`: the values are counts of people, so no tick falls between two;
 * `labelWidth`: a category label is cut (…) to this many pixels.
 */
export function axes(categories: readonly string[], options: { horizontal?: boolean; valueName?: string; valueMax?: number; counts?: boolean; labelWidth?: number } = {}): Pick<EChartsModule.EChartsOption, 'xAxis' | 'yAxis'> {
  // A label wider than its margin would not be cut: ECharts shrinks the plot to keep it whole, and
  // a name of wide letters or emoji squeezed the bars of every other name to a sliver.
  // Lines 15 px apart: at ECharts' 12 px, the two lines of a label touched in a browser's font.
  const fit = options.labelWidth === undefined ? {} : { width: options.labelWidth, overflow: 'truncate' as const, ellipsis: '…', lineHeight: 15 };
  const category = {
    type: 'category' as const,
    data: [...categories],
    axisLine: { lineStyle: { color: PAINT.muted } },
    axisTick: { lineStyle: { color: PAINT.muted } },
    axisLabel: { color: PAINT.ink, ...fit, ...(options.horizontal ? {} : { interval: 'auto' as const, hideOverlap: true }) },
    ...(options.horizontal ? { inverse: true } : {}),
  };
  const value = {
    type: 'value' as const,
    ...(options.valueName ? { name: options.valueName, nameTextStyle: { color: PAINT.muted } } : {}),
    axisLabel: { color: PAINT.ink },
    splitLine: { lineStyle: { color: PAINT.grid } },
    ...(options.valueMax !== undefined ? roundScale(options.valueMax) : {}),
    ...(options.counts ? { minInterval: 1 } : {}),
  };
  return options.horizontal ? { xAxis: value, yAxis: category } : { xAxis: category, yAxis: value };
}

/** Stripes or dots on a bar, so series differ by pattern as well as by colour. */
export function pattern(kind: 'stripes' | 'dots' | 'solid'): { decal?: Record<string, unknown> } {
  if (kind === 'solid') return {};
  const shapes = {
    stripes: { symbol: 'rect', symbolSize: 1, rotation: Math.PI / 4, dashArrayX: [1, 0], dashArrayY: [3, 4] },
    dots: { symbol: 'circle', symbolSize: 0.6, dashArrayX: [[4, 4]], dashArrayY: [4, 4] },
  };
  return { decal: { color: PAINT.pattern, ...shapes[kind] } };
}

/** The style sheet rules that give each placeholder its colour in the current scheme. */
export function paintRules(): string {
  return Object.entries(PAINT)
    .map(([paint, hex]) => `.chart [fill="${hex}"]{fill:var(--${paint})}\n.chart [stroke="${hex}"]{stroke:var(--${paint})}\n`)
    .join('');
}
