import { describe, expect, it } from 'vitest';
import type * as SamplesView from '../src/views/samplesView.js';
import type * as HeatmapView from '../src/views/heatmapView.js';
import { countPixels, useViewPage } from './viewPage.js';

const ready = useViewPage();

type Samples = typeof SamplesView;
type Heatmap = typeof HeatmapView;

/**
 * Draws 100 points near the origin — and with `offPlot` 30 more far right and
 * 20 far below — on a 300 × 300 px square showing [−1.5, 1.5]².
 */
function draw(offPlot: boolean, view: 'samples' | 'heatmap'): Promise<number> {
  return ready().page.evaluate(
    async ({ offPlot, view }) => {
      const extent = { x0: -1.5, x1: 1.5, y0: -1.5, y1: 1.5 };
      // Only the extent and the modes are drawn; the sampler is not used.
      const distribution = { name: 'ring', label: 'ring', source: undefined, mixture: { centres: [[1, 0]], std: 0.01 }, extent } as unknown as Parameters<Samples['drawSamples']>[1];
      const pts: number[] = [];
      for (let i = 0; i < 100; i++) pts.push(0.01 * (i % 10), 0.01 * Math.floor(i / 10));
      if (offPlot) {
        for (let i = 0; i < 30; i++) pts.push(5, -0.5 + i / 30);
        for (let i = 0; i < 20; i++) pts.push(-0.5 + i / 20, -4);
      }
      const canvas = document.getElementById('square') as HTMLCanvasElement;
      if (view === 'heatmap') {
        const { drawHeatmap } = (await window.viewModule('heatmapView')) as Heatmap;
        // A white map (every score in the middle of a fixed range), so the purple marks stand out.
        drawHeatmap(canvas, distribution, new Float32Array(64 * 64), 64, { kind: 'fixed', lo: -1, hi: 1 }, new Float32Array(pts));
        return -1;
      }
      const { drawSamples } = (await window.viewModule('samplesView')) as Samples;
      return drawSamples(canvas, distribution, new Float32Array(0), new Float32Array(pts)).count;
    },
    { offPlot, view },
  );
}

const rightEdge = { x: 290, y: 100, w: 10, h: 100 };
const bottomEdge = { x: 100, y: 290, w: 100, h: 10 };
const caption = { x: 0, y: 278, w: 160, h: 22 };

describe('samples off the plot (Chromium)', () => {
  it('are pinned to the border as triangles and counted in a caption on the samples view', async () => {
    const { page } = ready();
    expect(await draw(false, 'samples')).toBe(0);
    expect(await countPixels(page, 'square', 'fake', rightEdge)).toBe(0);
    expect(await countPixels(page, 'square', 'fake', bottomEdge)).toBe(0);
    expect(await countPixels(page, 'square', 'fake', caption)).toBe(0);

    expect(await draw(true, 'samples')).toBe(50);
    expect(await countPixels(page, 'square', 'fake', rightEdge)).toBeGreaterThan(30);
    expect(await countPixels(page, 'square', 'fake', bottomEdge)).toBeGreaterThan(30);
    // "50 samples off the plot", in purple at the bottom left.
    expect(await countPixels(page, 'square', 'fake', caption)).toBeGreaterThan(40);
  });

  it('are marked on the discriminator heat map as well', async () => {
    const { page } = ready();
    await draw(false, 'heatmap');
    expect(await countPixels(page, 'square', 'fake', rightEdge)).toBe(0);
    await draw(true, 'heatmap');
    expect(await countPixels(page, 'square', 'fake', rightEdge)).toBeGreaterThan(30);
    expect(await countPixels(page, 'square', 'fake', caption)).toBeGreaterThan(40);
  });

  it('raised no page errors', () => {
    expect(ready().errors).toEqual([]);
  });
});
