import { gridOfGaussians, ringOfGaussians, spiral, twoMoons } from '@gankit/datasets';
import type { GaussianMixture2D, ToyDistribution2D } from '@gankit/datasets';
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
 * The distribution of a name, from @gankit/datasets with the benchmark's defaults.
 *
 * @param name - ring, grid, spiral or two-moons.
 * @returns the source, its mixture view if it has true modes, and the extent to show.
 */
export function playgroundDistribution(name: DistributionName): PlaygroundDistribution {
  const source = name === 'ring' ? ringOfGaussians() : name === 'grid' ? gridOfGaussians() : name === 'spiral' ? spiral() : twoMoons();
  return {
    name,
    label: DISTRIBUTION_LABELS[name],
    source,
    ...(isMixture(source) ? { mixture: source } : {}),
    extent: extentOf(source),
  };
}
