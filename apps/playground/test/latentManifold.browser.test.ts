import { describe, expect, it } from 'vitest';
import type * as Canvas from '../src/views/canvas.js';
import type * as LatentManifold from '../src/views/latentManifold.js';
import type * as Plane from '../src/views/plane.js';
import { countPixels, useViewPage } from './viewPage.js';

const ready = useViewPage();

/**
 * Draws the manifold of G(z) = z / 2 (5 × 5 grid over ±3, so lines at
 * −1.5, −0.75, 0, 0.75, 1.5) on the 300 px square showing [−2, 2]²: 75 px
 * per unit, lines at x = 37.5, 93.75, 150, 206.25, 262.5 px.
 */
function draw(shade: boolean, warp: 'half' | 'shear'): Promise<void> {
  return ready().page.evaluate(
    async ({ shade, warp }) => {
      const { surface } = (await window.viewModule('canvas')) as typeof Canvas;
      const { planeMap } = (await window.viewModule('plane')) as typeof Plane;
      const { drawLatentManifold, latentGrid } = (await window.viewModule('latentManifold')) as typeof LatentManifold;
      const s = surface(document.getElementById('square') as HTMLCanvasElement);
      s.ctx.fillStyle = '#fff';
      s.ctx.fillRect(0, 0, s.width, s.height);
      const map = planeMap(s, { x0: -2, x1: 2, y0: -2, y1: 2 });
      const z = latentGrid(5, 3);
      const out = z.map((v, i) => (warp === 'half' ? v / 2 : i % 2 === 0 ? v / 2 + z[i + 1]! / 4 : v / 2));
      drawLatentManifold(s.ctx, map, out, 5, { shade });
    },
    { shade, warp },
  );
}

describe('the latent manifold (Chromium)', () => {
  it('draws the grid’s images: here straight lines where G halves the plane, and nothing between them', async () => {
    const { page } = ready();
    await draw(false, 'half');
    // A vertical strip on the column line at x = 0 (150 px), and one between lines (120 px).
    expect(await countPixels(page, 'square', 'fake', { x: 149, y: 50, w: 2, h: 200 })).toBeGreaterThan(150);
    // Between two column lines only the three row lines crossing the strip (at 93.75, 150, 206.25 px) leave marks.
    expect(await countPixels(page, 'square', 'fake', { x: 118, y: 50, w: 4, h: 200 })).toBeLessThan(30);
    expect(await countPixels(page, 'square', 'fake', { x: 118, y: 100, w: 4, h: 44 })).toBe(0);
  });

  it('bends with G: under a shear the column lines tilt off the vertical', async () => {
    const { page } = ready();
    await draw(false, 'shear');
    // x = z₁/2 + z₂/4: between y = 42 and 70 px (z₂ from 2.9 down to 2.1) the middle column (z₁ = 0) runs at 181…204 px, not at 150 px as unsheared.
    expect(await countPixels(page, 'square', 'fake', { x: 149, y: 42, w: 2, h: 28 })).toBe(0);
    expect(await countPixels(page, 'square', 'fake', { x: 182, y: 42, w: 20, h: 28 })).toBeGreaterThan(10);
    await draw(false, 'half');
    expect(await countPixels(page, 'square', 'fake', { x: 182, y: 42, w: 20, h: 28 })).toBe(0);
  });

  it('shades the cells by density: darker at the centre, where N(0, I) puts its mass, than at the rim', async () => {
    const { page } = ready();
    await draw(true, 'half');
    const alphaAt = (x: number, y: number): Promise<number> =>
      page.evaluate(
        ({ x, y }) => {
          const canvas = document.getElementById('square') as HTMLCanvasElement;
          const dpr = canvas.width / canvas.clientWidth;
          const [r, g, b] = canvas.getContext('2d')!.getImageData(Math.round(x * dpr), Math.round(y * dpr), 1, 1).data;
          return 765 - r! - g! - b!; // darkness on white
        },
        { x, y },
      );
    const centre = await alphaAt(170, 130); // inside a cell next to the origin
    const rim = await alphaAt(55, 55); // inside a corner cell
    expect(centre).toBeGreaterThan(rim + 40);
  });

  it('raised no page errors', () => {
    expect(ready().errors).toEqual([]);
  });
});
