/**
 * The points of the "draw your own" distribution, as the URL keeps them:
 * `pts=x_y_x_y_…`, each coordinate in hundredths (an integer, so the URL
 * needs no escaping: `pts=50_100_-125_0` is (0.5, 1) and (−1.25, 0)), on the
 * fixed square {@link DRAW_EXTENT}. The real data is an equal mixture of small
 * Gaussians ({@link DRAWN_STD}) around the points, as GAN Lab's drawn
 * distributions are.
 */

/** The square the points are drawn on (and the samples view shows): [−2, 2]². */
export const DRAW_EXTENT = { x0: -2, x1: 2, y0: -2, y1: 2 } as const;
/** The std of each drawn point's Gaussian, per coordinate. */
export const DRAWN_STD = 0.05;
/** Points kept at most; more are dropped from the start, so the URL stays short. */
export const MAX_DRAWN = 64;
/** What an empty drawing trains on until points are placed: three points on a line. */
export const PLACEHOLDER_POINTS: ReadonlyArray<readonly [number, number]> = [
  [-1, -1],
  [0, 0],
  [1, 1],
];

/**
 * Reads `pts` from the URL.
 *
 * @param text - e.g. `'50_100_-125_0'`; empty for no points.
 * @returns the points, or why the text is not a drawing (not an even number of integers, a coordinate outside [−2, 2], more than {@link MAX_DRAWN} points).
 *
 * @example
 * ```ts
 * parseDrawn('50_100_-125_0'); // { points: [[0.5, 1], [-1.25, 0]] }
 * ```
 */
export function parseDrawn(text: string): { points: Array<[number, number]>; problem?: undefined } | { points?: undefined; problem: string } {
  if (text.trim() === '') return { points: [] };
  const values = text.split('_');
  if (values.length % 2 !== 0 || !values.every((v) => /^-?\d+$/.test(v))) return { problem: `'${text}' is not x_y_x_y… in hundredths (integers)` };
  if (values.length / 2 > MAX_DRAWN) return { problem: `more than ${MAX_DRAWN} points` };
  const hundredths = values.map(Number);
  if (hundredths.some((v) => Math.abs(v) > 100 * DRAW_EXTENT.x1)) return { problem: 'a point is outside [−2, 2]² (−200…200)' };
  const points: Array<[number, number]> = [];
  for (let i = 0; i < hundredths.length; i += 2) points.push([hundredths[i]! / 100, hundredths[i + 1]! / 100]);
  return { points };
}

/**
 * Writes points as `pts` keeps them: in hundredths, clamped to the square, the last {@link MAX_DRAWN}.
 *
 * @param points - the points.
 * @returns e.g. `'50_100_-125_0'`.
 *
 * @example
 * ```ts
 * formatDrawn([[0.504, 1], [-1.25, 0]]); // '50_100_-125_0'
 * ```
 */
export function formatDrawn(points: ReadonlyArray<readonly [number, number]>): string {
  const hundredths = (v: number): number => Math.round(100 * Math.max(DRAW_EXTENT.x0, Math.min(DRAW_EXTENT.x1, v))) + 0;
  return points
    .slice(-MAX_DRAWN)
    .map(([x, y]) => `${hundredths(x)}_${hundredths(y)}`)
    .join('_');
}
