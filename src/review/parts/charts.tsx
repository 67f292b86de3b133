/**
 * Charts of the filtered events with uPlot (canvas, no eval, styles set through the DOM, so it runs
 * under the extension CSP): outcomes per UTC day, and shown vs inserted per category. The numbers
 * are also in the statistics tables, which screen readers read instead.
 */
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import type { LogAction } from '../../shared/log';
import type { LogStats } from '../../shared/log-stats';
import type { ReviewModel } from '../model';
import { ACTION_LABELS } from './format';

const HEIGHT = 220;
/** Counts start at zero: an axis that starts at the smallest bar exaggerates differences. */
const FROM_ZERO: uPlot.Scale = { range: (_u, _min, max) => [0, max > 0 ? max * 1.1 : 1] };
/** Distinguishable on light and dark backgrounds. */
const SERIES: Array<{ action: LogAction; colour: string }> = [
  { action: 'shown', colour: '#3b82f6' },
  { action: 'inserted', colour: '#10b981' },
  { action: 'dismissed', colour: '#f59e0b' },
  { action: 'rated_down', colour: '#ef4444' },
];

function axisColours(el: HTMLElement) {
  const style = getComputedStyle(el);
  const fg = style.getPropertyValue('--fg').trim() || '#111827';
  const grid = style.getPropertyValue('--border').trim() || '#d1d5db';
  return { stroke: fg, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
}

/** Builds a chart into the element and rebuilds it when its inputs or the width change. */
function useChart(build: (el: HTMLElement, width: number) => uPlot | null, deps: unknown[]) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let chart = build(el, el.clientWidth);
    const observer = new ResizeObserver(() => chart?.setSize({ width: el.clientWidth, height: HEIGHT }));
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart?.destroy();
      chart = null;
    };
  }, deps);
  return ref;
}

function byDayChart(stats: LogStats, el: HTMLElement, width: number): uPlot | null {
  if (stats.byDay.length === 0) return null;
  const x = stats.byDay.map((d) => Date.parse(`${d.day}T00:00:00Z`) / 1000);
  const data: uPlot.AlignedData = [x, ...SERIES.map((s) => stats.byDay.map((d) => d.counts[s.action]))];
  const axis = axisColours(el);
  return new uPlot(
    {
      width,
      height: HEIGHT,
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
      scales: { x: { time: true }, y: FROM_ZERO },
      series: [{ label: 'Day (UTC)' }, ...SERIES.map((s) => ({ label: ACTION_LABELS[s.action], stroke: s.colour, width: 2 }))],
      axes: [axis, axis],
    },
    data,
    el,
  );
}

function byCategoryChart(stats: LogStats, el: HTMLElement, width: number): uPlot | null {
  const rows = stats.byCategory.slice(0, 20);
  if (rows.length === 0) return null;
  const names = rows.map((r) => r.key);
  const x = rows.map((_, i) => i);
  const axis = axisColours(el);
  const bars = (align: -1 | 1) => uPlot.paths.bars!({ size: [0.4, 60], align });
  return new uPlot(
    {
      width,
      height: HEIGHT,
      scales: { x: { time: false, range: [-0.5, rows.length - 0.5] }, y: FROM_ZERO },
      series: [
        { label: 'Category', value: (_u, i) => (i === null ? '' : (names[i] ?? '')) },
        { label: 'shown', stroke: '#3b82f6', fill: '#3b82f6', paths: bars(-1), points: { show: false } },
        { label: 'inserted', stroke: '#10b981', fill: '#10b981', paths: bars(1), points: { show: false } },
      ],
      axes: [{ ...axis, splits: () => x, values: (_u, splits) => splits.map((i) => names[i] ?? '') }, axis],
    },
    [x, rows.map((r) => r.counts.shown), rows.map((r) => r.counts.inserted)],
    el,
  );
}

export function ChartsView({ model }: { model: ReviewModel }) {
  const stats = model.stats.value;
  const days = useChart((el, w) => (stats ? byDayChart(stats, el, w) : null), [stats]);
  const categories = useChart((el, w) => (stats ? byCategoryChart(stats, el, w) : null), [stats]);
  return (
    <section aria-labelledby="charts-title">
      <h2 id="charts-title">Over time and by category</h2>
      <div class="charts">
        <figure>
          <div class="chart" ref={days} data-testid="chart-days" role="img" aria-label="Suggestions shown, inserted, dismissed and rated down per day" />
          <figcaption class="muted">Outcomes per day (UTC)</figcaption>
        </figure>
        <figure>
          <div class="chart" ref={categories} data-testid="chart-categories" role="img" aria-label="Suggestions shown and inserted per category" />
          <figcaption class="muted">Shown and inserted by category (busiest 20)</figcaption>
        </figure>
      </div>
    </section>
  );
}
