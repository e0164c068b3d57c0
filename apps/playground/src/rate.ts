/** Steps per second over a sliding window of recent step times. */
export class RateMeter {
  private readonly times: number[] = [];

  /** @param windowMs - how far back steps count (default 3 s). */
  constructor(private readonly windowMs = 3000) {}

  /** Records a completed step now. */
  tick(now = performance.now()): void {
    this.times.push(now);
    while (this.times.length > 2 && now - this.times[0]! > this.windowMs) this.times.shift();
  }

  /** Forgets the window (after a pause, so the idle time does not count). */
  reset(): void {
    this.times.length = 0;
  }

  /** Steps per second, or undefined with fewer than two steps in the window. */
  get rate(): number | undefined {
    const n = this.times.length;
    if (n < 2) return undefined;
    const span = this.times[n - 1]! - this.times[0]!;
    return span > 0 ? ((n - 1) * 1000) / span : undefined;
  }
}
