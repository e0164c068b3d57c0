import type { PlaygroundDistribution } from '../distributions.js';
import { COLORS, surface } from './canvas.js';
import { drawOffPlot, offPlotPoints } from './offPlot.js';
import type { OffPlot } from './offPlot.js';
import { drawGradientArrows } from './gradientArrows.js';
import { drawLatentManifold } from './latentManifold.js';
import { drawModes, drawPlaneGrid, drawPoints, planeMap } from './plane.js';

/** What can be drawn over the samples, each when given. */
export interface SampleOverlays {
  /** G's outputs on `latentGrid(side)`, drawn as GAN Lab's latent manifold under the points. */
  readonly manifold?: { readonly outputs: Float32Array; readonly side: number };
  /** −∂L_G/∂x at each generated point, drawn as arrows over the points. */
  readonly arrows?: Float32Array;
}

/** Generator-gradient arrows drawn at most (of the 2,500 samples): enough to see the flow without a thicket. */
const MAX_ARROWS = 400;

/**
 * Draws real (green) and generated (purple) samples over the true modes
 * (dashed 3-std circles, mixtures only). Generated samples outside the square
 * are pinned to its border as purple triangles pointing where they went, and
 * counted in a caption ("N samples off the plot"). Optional overlays: the
 * latent manifold (under the points) and the generator-gradient arrows (over them).
 *
 * @param canvas - the target.
 * @param distribution - the distribution, for its extent and modes.
 * @param real - real points, x0, y0, …
 * @param fake - generated points, or undefined before the first view.
 * @param overlays - the manifold and arrows to draw, if any.
 * @returns the generated points off the plot (none before the first view).
 */
export function drawSamples(canvas: HTMLCanvasElement, distribution: PlaygroundDistribution, real: Float32Array, fake: Float32Array | undefined, overlays: SampleOverlays = {}): OffPlot {
  const s = surface(canvas);
  const map = planeMap(s, distribution.extent);
  s.ctx.fillStyle = '#ffffff';
  s.ctx.fillRect(0, 0, s.width, s.height);
  drawPlaneGrid(s, map, distribution.extent);
  drawPoints(s.ctx, map, real, COLORS.real, 2.5, 0.45);
  if (distribution.mixture) drawModes(s.ctx, map, distribution.mixture.centres, distribution.mixture.std);
  if (overlays.manifold) drawLatentManifold(s.ctx, map, overlays.manifold.outputs, overlays.manifold.side);
  const off = offPlotPoints(fake ?? [], distribution.extent);
  if (fake) {
    drawPoints(s.ctx, map, fake, COLORS.fake, 2.5, 0.55);
    if (overlays.arrows) drawGradientArrows(s.ctx, map, fake, overlays.arrows, { maxArrows: MAX_ARROWS });
    drawOffPlot(s.ctx, map, distribution.extent, off, COLORS.fake);
  }
  return off;
}
