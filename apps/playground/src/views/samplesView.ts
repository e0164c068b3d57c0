import type { PlaygroundDistribution } from '../distributions.js';
import { COLORS, surface } from './canvas.js';
import { drawOffPlot, offPlotPoints } from './offPlot.js';
import type { OffPlot } from './offPlot.js';
import { drawModes, drawPlaneGrid, drawPoints, planeMap } from './plane.js';

/**
 * Draws real (green) and generated (purple) samples over the true modes
 * (dashed 3-std circles, mixtures only). Generated samples outside the square
 * are pinned to its border as purple triangles pointing where they went, and
 * counted in a caption ("N samples off the plot").
 *
 * @param canvas - the target.
 * @param distribution - the distribution, for its extent and modes.
 * @param real - real points, x0, y0, …
 * @param fake - generated points, or undefined before the first view.
 * @returns the generated points off the plot (none before the first view).
 */
export function drawSamples(canvas: HTMLCanvasElement, distribution: PlaygroundDistribution, real: Float32Array, fake: Float32Array | undefined): OffPlot {
  const s = surface(canvas);
  const map = planeMap(s, distribution.extent);
  s.ctx.fillStyle = '#ffffff';
  s.ctx.fillRect(0, 0, s.width, s.height);
  drawPlaneGrid(s, map, distribution.extent);
  drawPoints(s.ctx, map, real, COLORS.real, 2.5, 0.45);
  if (distribution.mixture) drawModes(s.ctx, map, distribution.mixture.centres, distribution.mixture.std);
  const off = offPlotPoints(fake ?? [], distribution.extent);
  if (fake) {
    drawPoints(s.ctx, map, fake, COLORS.fake, 2.5, 0.55);
    drawOffPlot(s.ctx, map, distribution.extent, off, COLORS.fake);
  }
  return off;
}
