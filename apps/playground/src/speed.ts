/** How fast the worker trains while running: as fast as it can, or one step every few animation frames (slow motion). */
export const SPEEDS = ['max', '1', '1/2', '1/4', '1/8'] as const;
/** A speed, as the page's menu names it. */
export type Speed = (typeof SPEEDS)[number];

/** Menu labels of the speeds. */
export const SPEED_LABELS: Readonly<Record<Speed, string>> = {
  max: 'max',
  '1': '1× (1 step / frame)',
  '1/2': '½× (1 step / 2 frames)',
  '1/4': '¼× (1 step / 4 frames)',
  '1/8': '⅛× (1 step / 8 frames)',
};

/**
 * Animation frames the worker waits after each step at a speed: 0 at `max`
 * (it only yields to the page's requests), n at 1/n×. Slow motion lets one
 * watch single steps move the samples and the heat map, as GAN Lab's
 * slow-motion mode does; the frames are the browser's (the worker's
 * `requestAnimationFrame`), so the pace follows the display, not a timer.
 *
 * @param speed - the speed.
 * @returns frames to wait per step.
 *
 * @example
 * ```ts
 * framesPerStep('1/4'); // 4
 * ```
 */
export function framesPerStep(speed: Speed): number {
  return speed === 'max' ? 0 : Number(speed.split('/')[1] ?? 1);
}
