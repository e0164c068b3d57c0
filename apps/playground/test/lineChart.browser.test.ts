import { describe, expect, it } from 'vitest';
import type * as LineChart from '../src/views/lineChart.js';
import { countPixels, useViewPage } from './viewPage.js';

const ready = useViewPage();

type Chart = typeof LineChart;
type Layout = ReturnType<Chart['drawLineChart']>;

/** 300 steps of a calm curve around 1 after a first-steps peak of 40, 25, 9. */
function spiky(): Promise<Layout> {
  return ready().page.evaluate(async () => {
    const { drawLineChart } = (await window.viewModule('lineChart')) as Chart;
    const xs = Array.from({ length: 300 }, (_, i) => i + 1);
    const ys = xs.map((_, i) => [40, 25, 9][i] ?? 1 + Math.sin(i) / 10);
    return drawLineChart(document.getElementById('chart') as HTMLCanvasElement, [{ label: 'D loss', color: '#2166ac', xs, ys }], { yTitle: 'loss' });
  });
}

// The chart is 500 × 220 CSS px; the plot spans x 58…490, y 28…182; the legend sits above y 17.
describe('the line chart (Chromium)', () => {
  it('keeps an early peak from flattening the curve: the y range fits the rest and the peak is marked at the top', async () => {
    const { page } = ready();
    const layout = await spiky();
    expect(layout.clippedAbove).toBeGreaterThan(9);
    expect(layout.hi).toBeLessThan(1.3);
    expect(layout.lo).toBeGreaterThan(0.7);
    // The triangle marking the clipped peak, in the line's blue, just above the frame at its left end (the line itself stops at the frame).
    expect(await countPixels(page, 'chart', 'blue', { x: 54, y: 18, w: 20, h: 9 })).toBeGreaterThan(4);
    // The calm part uses the frame's height: its blue reaches both the top and the bottom third of the plot.
    expect(await countPixels(page, 'chart', 'blue', { x: 100, y: 30, w: 390, h: 50 })).toBeGreaterThan(20);
    expect(await countPixels(page, 'chart', 'blue', { x: 100, y: 130, w: 390, h: 52 })).toBeGreaterThan(20);
  });

  it('with a fixed range that holds everything, marks nothing', async () => {
    const { page } = ready();
    const layout = await page.evaluate(async () => {
      const { drawLineChart } = (await window.viewModule('lineChart')) as Chart;
      return drawLineChart(document.getElementById('chart') as HTMLCanvasElement, [{ label: '%', color: '#2166ac', xs: [1, 2, 3, 4], ys: [10, 50, 80, 100] }], { yRange: [0, 100] });
    });
    expect(layout.clippedAbove).toBeUndefined();
    expect(layout.clippedBelow).toBeUndefined();
    expect(layout.yTicks).toEqual([0, 20, 40, 60, 80, 100]);
    expect(await countPixels(ready().page, 'chart', 'blue', { x: 54, y: 18, w: 440, h: 9 })).toBe(0);
  });

  it('labels at least three y ticks and writes both axis titles', async () => {
    const { page } = ready();
    const layout = await spiky();
    expect(layout.yTicks.length).toBeGreaterThanOrEqual(3);
    // Tick labels right-aligned left of the plot; the rotated title in the leftmost band; "step" under the x axis at the right.
    expect(await countPixels(page, 'chart', 'ink', { x: 18, y: 28, w: 36, h: 154 })).toBeGreaterThan(60);
    expect(await countPixels(page, 'chart', 'ink', { x: 0, y: 28, w: 16, h: 154 })).toBeGreaterThan(10);
    expect(await countPixels(page, 'chart', 'ink', { x: 440, y: 205, w: 60, h: 15 })).toBeGreaterThan(10);
    // Without a y title the leftmost band stays empty.
    await page.evaluate(async () => {
      const { drawLineChart } = (await window.viewModule('lineChart')) as Chart;
      drawLineChart(document.getElementById('chart') as HTMLCanvasElement, [{ label: 'D loss', color: '#2166ac', xs: [1, 2, 3], ys: [1, 2, 3] }]);
    });
    expect(await countPixels(page, 'chart', 'ink', { x: 0, y: 28, w: 16, h: 154 })).toBe(0);
  });

  it('draws a dashed series with gaps, wraps a long legend into a second row, and lists the series on the canvas', async () => {
    const { page } = ready();
    const draw = (dash: boolean, extraLabels: number): Promise<string | undefined> =>
      page.evaluate(
        async ({ dash, extraLabels }) => {
          const { drawLineChart } = (await window.viewModule('lineChart')) as Chart;
          const canvas = document.getElementById('chart') as HTMLCanvasElement;
          const flat = { color: '#2166ac', xs: [1, 100], ys: [50, 50], ...(dash ? { dash: [6, 4] } : {}) };
          const others = Array.from({ length: extraLabels }, (_, i) => ({ label: `a long series name ${i}`, color: '#777777', xs: [1, 100], ys: [10, 10] }));
          drawLineChart(canvas, [{ label: 'level', ...flat }, ...others], { yRange: [0, 100] });
          return canvas.dataset['series'];
        },
        { dash, extraLabels },
      );
    // A flat line at 50 % (y ≈ 105): solid, it fills its row of the plot; dashed (6 on, 4 off), about 60 % of it.
    const band = { x: 60, y: 100, w: 428, h: 10 };
    expect(await draw(false, 0)).toBe('level');
    const solid = await countPixels(page, 'chart', 'blue', band);
    await draw(true, 0);
    const dashed = await countPixels(page, 'chart', 'blue', band);
    expect(dashed / solid).toBeGreaterThan(0.4);
    expect(dashed / solid).toBeLessThan(0.8);
    // One short entry: no ink in the legend's second row (y 17…27); five long ones overflow the 500-px width into it.
    await draw(false, 0);
    expect(await countPixels(page, 'chart', 'ink', { x: 58, y: 17, w: 430, h: 10 })).toBe(0);
    expect(await draw(false, 4)).toBe('level | a long series name 0 | a long series name 1 | a long series name 2 | a long series name 3');
    expect(await countPixels(page, 'chart', 'ink', { x: 58, y: 17, w: 430, h: 10 })).toBeGreaterThan(10);
  });

  it('raised no page errors', () => {
    expect(ready().errors).toEqual([]);
  });
});
