import { gaussianMixture2D, gridOfGaussians, ringOfGaussians, spiral, twoMoons } from '@gankit/datasets';
import type { GaussianMixture2D, ToyDistribution2D } from '@gankit/datasets';
import { DRAWN_STD, DRAW_EXTENT, PLACEHOLDER_POINTS, parseDrawn } from './drawnPoints.js';
import type { DistributionName } from './settings.js';

/** The square of the plane the views show: [x0, x1] × [y0, y1]. */
export interface Extent {
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
}

/** A distribution with what the views need: its true modes (mixtures only) and the part of the plane to show. */
export interface PlaygroundDistribution {
  readonly name: DistributionName;
  readonly label: string;
  readonly source: ToyDistribution2D;
  /** Set for the Gaussian mixtures, whose centres and std define mode coverage. */
  readonly mixture?: GaussianMixture2D;
  readonly extent: Extent;
}

/** Menu labels of the distributions. */
export const DISTRIBUTION_LABELS: Readonly<Record<DistributionName, string>> = {
  ring: 'Ring of 8 Gaussians',
  grid: 'Grid of 25 Gaussians',
  spiral: 'Spiral (Swiss roll)',
  'two-moons': 'Two moons',
  draw: 'Draw your own',
};

function isMixture(d: ToyDistribution2D): d is GaussianMixture2D {
  return Array.isArray((d as Partial<GaussianMixture2D>).centres) && typeof (d as Partial<GaussianMixture2D>).std === 'number';
}

/** A square around 4,000 samples with a quarter of margin, so what the generator overshoots stays visible. */
function extentOf(source: ToyDistribution2D): Extent {
  const { x, count } = source.sample(4000, 12345);
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
  for (let i = 0; i < count; i++) {
    const px = x[2 * i]!;
    const py = x[2 * i + 1]!;
    minX = Math.min(minX, px);
    maxX = Math.max(maxX, px);
    minY = Math.min(minY, py);
    maxY = Math.max(maxY, py);
  }
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  const half = (Math.max(maxX - minX, maxY - minY) / 2) * 1.35;
  return { x0: cx - half, x1: cx + half, y0: cy - half, y1: cy + half };
}

/**
 * The distribution of a name, from @gankit/datasets with the benchmark's
 * defaults; `draw` is an equal mixture of small Gaussians (std
 * {@link DRAWN_STD}) around the user's points on the fixed square
 * {@link DRAW_EXTENT} (three placeholder points until some are drawn).
 *
 * @param name - ring, grid, spiral, two-moons or draw.
 * @param drawn - the drawn points for `draw`, as the URL's `pts` keeps them (see drawnPoints.ts).
 * @returns the source, its mixture view if it has true modes, and the extent to show.
 */
export function playgroundDistribution(name: DistributionName, drawn = ''): PlaygroundDistribution {
  if (name === 'draw') {
    const points = parseDrawn(drawn).points ?? [];
    const source = gaussianMixture2D(points.length > 0 ? points : PLACEHOLDER_POINTS, DRAWN_STD, 'drawn');
    return { name, label: DISTRIBUTION_LABELS[name], source, mixture: source, extent: DRAW_EXTENT };
  }
  const source = name === 'ring' ? ringOfGaussians() : name === 'grid' ? gridOfGaussians() : name === 'spiral' ? spiral() : twoMoons();
  return {
    name,
    label: DISTRIBUTION_LABELS[name],
    source,
    ...(isMixture(source) ? { mixture: source } : {}),
    extent: extentOf(source),
  };
}
