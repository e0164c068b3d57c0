import { describe, expect, it } from 'vitest';
import type * as Canvas from '../src/views/canvas.js';
import type * as GradientArrows from '../src/views/gradientArrows.js';
import type * as Plane from '../src/views/plane.js';
import { countPixels, useViewPage } from './viewPage.js';

const ready = useViewPage();

/** Draws arrows on the 300 px square showing [−2, 2]² (the origin at 150, 150). */
function draw(positions: number[], vectors: number[], maxPixels: number): Promise<{ scale: number; capped: number; arrows: number }> {
  return ready().page.evaluate(
    async ({ positions, vectors, maxPixels }) => {
      const { surface } = (await window.viewModule('canvas')) as typeof Canvas;
      const { planeMap } = (await window.viewModule('plane')) as typeof Plane;
      const { drawGradientArrows } = (await window.viewModule('gradientArrows')) as typeof GradientArrows;
      const s = surface(document.getElementById('square') as HTMLCanvasElement);
      s.ctx.fillStyle = '#fff';
      s.ctx.fillRect(0, 0, s.width, s.height);
      const map = planeMap(s, { x0: -2, x1: 2, y0: -2, y1: 2 });
      const r = drawGradientArrows(s.ctx, map, positions, vectors, { maxPixels });
      return { scale: r.scale, capped: r.capped, arrows: r.segments.length / 4 };
    },
    { positions, vectors, maxPixels },
  );
}

describe('generator-gradient arrows (Chromium)', () => {
  it('draws an arrow from the sample along its vector, as long as asked, with its head at the tip', async () => {
    const { page } = ready();
    const r = await draw([0, 0], [0.001, 0], 40);
    expect(r.arrows).toBe(1);
    expect(r.scale).toBeCloseTo(40 / 75 / 0.001, 6); // 75 px per plane unit
    const ink = (x: number, y: number, w: number, h: number): Promise<number> => countPixels(page, 'square', 'any', { x, y, w, h });
    expect(await ink(152, 147, 34, 6)).toBeGreaterThan(20); // the shaft, right of the sample
    expect(await ink(185, 144, 6, 12)).toBeGreaterThan(6); // the head around x = 190
    expect(await ink(110, 140, 38, 20)).toBe(0); // nothing left of the sample
    expect(await ink(194, 140, 40, 20)).toBe(0); // nothing beyond the tip
  });

  it('points up for a vector with positive y (the plane’s y runs up), and caps an outlier at the same length', async () => {
    const { page } = ready();
    // Ten unit vectors up from the origin set the scale (their 90th percentile); one 1,000 times longer at (1, 0) is capped.
    const r = await draw([...new Array<number>(20).fill(0), 1, 0], [...Array.from({ length: 10 }, () => [0, 1]).flat(), 0, 1000], 30);
    expect(r.capped).toBe(1);
    expect(r.arrows).toBe(11);
    expect(await countPixels(page, 'square', 'any', { x: 146, y: 120, w: 8, h: 28 })).toBeGreaterThan(15); // above the first sample
    expect(await countPixels(page, 'square', 'any', { x: 146, y: 152, w: 8, h: 40 })).toBe(0); // not below it
    // The capped arrow at (1, 0) = 225 px is no longer than 30 px either.
    expect(await countPixels(page, 'square', 'any', { x: 221, y: 118, w: 8, h: 30 })).toBeGreaterThan(15);
    expect(await countPixels(page, 'square', 'any', { x: 221, y: 20, w: 8, h: 96 })).toBe(0);
  });

  it('raised no page errors', () => {
    expect(ready().errors).toEqual([]);
  });
});
