/**
 * A duration as a short clock reading: `'42s'`, `'8m05s'`, `'2h03m09s'`.
 * Seconds are rounded to a whole number first and only then split into
 * hours, minutes and seconds, so 539.6 s reads `'9m00s'`, never `'8m60s'`.
 *
 * @param seconds - The duration; negative values read as `'0s'`.
 * @returns The duration in whole seconds, with minutes and hours as needed.
 * @example
 * ```ts
 * formatDuration(59.6); // "1m00s"
 * formatDuration(3725); // "1h02m05s"
 * ```
 */
export function formatDuration(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number): string => String(n).padStart(2, '0');
  if (h > 0) return `${h}h${two(m)}m${two(s)}s`;
  if (m > 0) return `${m}m${two(s)}s`;
  return `${s}s`;
}
