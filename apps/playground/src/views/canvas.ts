/** A canvas's 2-D context sized to its CSS box at the device's pixel ratio, drawing in CSS pixels. */
export interface Surface {
  readonly ctx: CanvasRenderingContext2D;
  readonly width: number;
  readonly height: number;
}

/**
 * Matches the canvas's backing store to its displayed size (sharp on high-DPI
 * screens) and clears it.
 *
 * @param canvas - the canvas.
 * @returns its context with a CSS-pixel transform, and its CSS size.
 */
export function surface(canvas: HTMLCanvasElement): Surface {
  const dpr = window.devicePixelRatio || 1;
  const width = Math.max(1, canvas.clientWidth);
  const height = Math.max(1, canvas.clientHeight);
  const w = Math.round(width * dpr);
  const h = Math.round(height * dpr);
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
  }
  const ctx = canvas.getContext('2d');
  if (ctx === null) throw new Error('this browser has no 2-D canvas');
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  return { ctx, width, height };
}

/** Colours shared by the views and the page's legends (see style.css). */
export const COLORS = {
  real: '#1a9850',
  fake: '#762a83',
  mode: '#333333',
  axis: '#888888',
  grid: '#e6e6e6',
  text: '#333333',
} as const;
