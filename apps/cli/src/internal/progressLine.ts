import type { StepLogs, TrainerCallback } from '@gankit/trainers';
import { formatDuration } from './formatDuration.js';

/**
 * A progress display: on a terminal one line rewritten in place (step,
 * steps/s, ETA, current losses); otherwise (CI, pipes, turbo) a line every 5%.
 */
export function progressLine(out: NodeJS.WriteStream = process.stdout): TrainerCallback {
  let start = 0;
  let firstStep = 0;
  let total = 0;
  let lastPrinted = -1;
  return {
    onTrainBegin(context) {
      start = performance.now();
      firstStep = context.startStep;
      total = context.totalSteps;
    },
    onStepEnd(logs: StepLogs) {
      const done = logs.step - firstStep;
      const elapsed = (performance.now() - start) / 1000;
      const rate = done / Math.max(elapsed, 1e-9);
      const remaining = Number.isFinite(total) ? (total - done) / Math.max(rate, 1e-9) : NaN;
      const losses = Object.entries(logs)
        .filter(([k, v]) => k !== 'step' && k !== 'secondsPerStep' && typeof v === 'number' && /loss|estimate|elbo|penalty/i.test(k))
        .map(([k, v]) => `${k} ${(v as number).toFixed(4)}`)
        .join('  ');
      const target = Number.isFinite(total) ? firstStep + total : '∞';
      const line = `step ${logs.step}/${target}  ${rate.toFixed(2)} steps/s  ETA ${Number.isFinite(remaining) ? formatDuration(remaining) : '—'}  ${losses}`;
      if (out.isTTY) {
        out.write(`\r${line.slice(0, (out.columns ?? 120) - 1).padEnd(Math.min(out.columns ?? 120, 160) - 1)}`);
      } else {
        const pct = Number.isFinite(total) ? Math.floor((done / total) * 20) : Math.floor(done / 100);
        if (pct !== lastPrinted) {
          lastPrinted = pct;
          out.write(`${line}\n`);
        }
      }
    },
    onTrainEnd() {
      if (out.isTTY) out.write('\n');
    },
  };
}
