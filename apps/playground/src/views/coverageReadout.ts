import { modeCoverage } from '@gankit/metrics';
import type { MixtureModes, ModeCoverage } from '@gankit/metrics';

/**
 * A sample is high quality within this many std of its nearest centre: the
 * VEEGAN / PacGAN protocol's 3, passed to `modeCoverage` explicitly so the
 * page's definition and its computation cannot drift apart.
 */
export const HIGH_QUALITY_STD = 3;

/**
 * Mode coverage of generated points, by `modeCoverage` of @gankit/metrics
 * with the threshold the page states ({@link HIGH_QUALITY_STD}).
 *
 * @param fake - generated points x0, y0, x1, y1, … (all finite).
 * @param mixture - the true modes.
 * @returns modes covered, high-quality fraction, reverse KL and per-mode counts.
 * @throws as `modeCoverage` does (e.g. on non-finite samples).
 *
 * @example
 * ```ts
 * const c = scoreCoverage(view.fake, ringOfGaussians()); // c.modesCovered, c.modeCounts, …
 * ```
 */
export function scoreCoverage(fake: Float32Array, mixture: MixtureModes): ModeCoverage {
  return modeCoverage({ x: fake, count: fake.length / 2, shape: [2] }, mixture, { threshold: HIGH_QUALITY_STD });
}

/** One scoring of a run's view samples, for the coverage chart. */
export interface CoveragePoint {
  readonly step: number;
  /** Modes covered. */
  readonly modes: number;
  /** High-quality samples, in %. */
  readonly highQuality: number;
}

/** What a view's samples say about coverage: scored, no true modes to score against, or a non-finite sample. */
export type CoverageState = { readonly coverage: ModeCoverage } | 'no-modes' | 'non-finite';

/**
 * Scores a view's samples for the read-out and the chart, as the page and
 * the compared run both do.
 *
 * @param fake - generated points x0, y0, x1, y1, ….
 * @param mixture - the true modes, or undefined for a distribution without them.
 * @returns `{ coverage }`, `'no-modes'` or `'non-finite'`.
 *
 * @example
 * ```ts
 * const state = viewCoverage(view.fake, distribution.mixture);
 * if (typeof state === 'object') points.push(coveragePoint(view.step, state.coverage));
 * ```
 */
export function viewCoverage(fake: Float32Array, mixture: MixtureModes | undefined): CoverageState {
  if (mixture === undefined) return 'no-modes';
  return fake.every(Number.isFinite) ? { coverage: scoreCoverage(fake, mixture) } : 'non-finite';
}

/**
 * The coverage chart's point for a scoring.
 *
 * @param step - the step the view shows.
 * @param coverage - its scoring.
 * @returns modes covered and the high-quality share in %.
 */
export function coveragePoint(step: number, coverage: ModeCoverage): CoveragePoint {
  return { step, modes: coverage.modesCovered, highQuality: 100 * coverage.highQualityFraction };
}

/** The exact definitions the metrics follow, with the mixture's numbers filled in. */
export interface CoverageDefinition {
  readonly highQuality: string;
  readonly covered: string;
  readonly reverseKl: string;
}

const fmt = (v: number): string => String(Number(v.toPrecision(3)));

/**
 * Says what "high quality", "covered" and "reverse KL" mean, exactly as
 * `modeCoverage` of @gankit/metrics computes them, for a given mixture and
 * sample count (VEEGAN, Srivastava et al. 2017; PacGAN, Lin et al. 2018).
 *
 * @param mixture - the true modes (their number and std fill in the radius).
 * @param samples - how many generated points are scored.
 * @returns one sentence per metric.
 *
 * @example
 * ```ts
 * coverageDefinition(ringOfGaussians(), 2500).highQuality;
 * // 'High quality: a generated sample within 3 std (3 × 0.01 = 0.03, Euclidean) of the nearest of the 8 true centres.'
 * ```
 */
export function coverageDefinition(mixture: MixtureModes, samples: number): CoverageDefinition {
  const k = mixture.centres.length;
  const n = samples.toLocaleString('en-US');
  return {
    highQuality: `High quality: a generated sample within ${HIGH_QUALITY_STD} std (${HIGH_QUALITY_STD} × ${fmt(mixture.std)} = ${fmt(HIGH_QUALITY_STD * mixture.std)}, Euclidean) of the nearest of the ${k} true centres.`,
    covered: `Covered: a mode that is the nearest centre of at least one high-quality sample among the ${n}; one sample is enough, so read it together with % high quality, the reverse KL and the per-mode counts.`,
    reverseKl: `Reverse KL: KL(p̂ ‖ uniform) of the high-quality samples’ histogram over the ${k} modes, in nats: 0 when balanced, ln ${k} = ${fmt(Math.log(k))} when all sit at one mode, ∞ with no high-quality sample.`,
  };
}

/**
 * Writes {@link coverageDefinition} into a list's first three items (high
 * quality, covered, reverse KL), each term in bold before its colon.
 *
 * @param list - the page's definition list.
 * @param mixture - the true modes.
 * @param samples - how many generated points are scored.
 *
 * @example
 * ```ts
 * writeCoverageDefinition(document.getElementById('coverage-definition')!, ringOfGaussians(), 2500);
 * ```
 */
export function writeCoverageDefinition(list: HTMLElement, mixture: MixtureModes, samples: number): void {
  const d = coverageDefinition(mixture, samples);
  const items = list.querySelectorAll('li');
  [d.highQuality, d.covered, d.reverseKl].forEach((text, i) => {
    const li = items[i];
    if (li === undefined) return;
    const colon = text.indexOf(':');
    const term = list.ownerDocument.createElement('b');
    term.textContent = text.slice(0, colon);
    li.replaceChildren(term, text.slice(colon));
  });
}

/** The text of the mode-coverage read-out. */
export interface CoverageReadout {
  /** e.g. "5 / 8", or "–" when there is nothing to report. */
  readonly modes: string;
  /** e.g. "28.4 %". */
  readonly highQuality: string;
  /** e.g. "0.336", "∞". */
  readonly reverseKl: string;
  /** What the numbers are: "step 0: not yet trained", "step 2,000 · 2,500 samples · fewest at a covered mode: 2", … */
  readonly status: string;
  /** False at step 0, when the numbers would only describe the random initial generator. */
  readonly trained: boolean;
}

/**
 * What the mode-coverage panel says at a step. At step 0 it reports no numbers
 * ("step 0: not yet trained"): the untrained generator's coverage is not a
 * result. After that, the numbers and the step they belong to, with the
 * smallest per-mode count among the covered modes (one sample covers a mode).
 *
 * @param step - the generator steps trained.
 * @param state - `{ coverage }` scored on the view's samples, `'no-modes'` for distributions without true modes, `'non-finite'` when a sample is NaN or infinite.
 * @returns the read-out's texts.
 *
 * @example
 * ```ts
 * coverageReadout(0, { coverage }).status;    // 'step 0: not yet trained'
 * coverageReadout(1500, { coverage }).modes;  // '8 / 8'
 * ```
 */
export function coverageReadout(step: number, state: CoverageState): CoverageReadout {
  const none = { modes: '–', highQuality: '–', reverseKl: '–' };
  const at = `step ${step.toLocaleString('en-US')}`;
  if (state === 'no-modes') return { modes: 'n/a', highQuality: 'n/a', reverseKl: 'n/a', status: 'no true modes for this distribution', trained: step > 0 };
  if (step === 0) return { ...none, status: 'step 0: not yet trained', trained: false };
  if (state === 'non-finite') return { modes: 'n/a', highQuality: 'n/a', reverseKl: 'n/a', status: `${at}: some samples are not finite`, trained: true };
  const c = state.coverage;
  let fewest = Infinity;
  for (const n of c.modeCounts) if (n > 0) fewest = Math.min(fewest, n);
  const detail = Number.isFinite(fewest) ? ` · fewest at a covered mode: ${fewest.toLocaleString('en-US')}` : '';
  return {
    modes: `${c.modesCovered} / ${c.numModes}`,
    highQuality: `${(100 * c.highQualityFraction).toFixed(1)} %`,
    reverseKl: Number.isFinite(c.reverseKl) ? c.reverseKl.toFixed(3) : '∞',
    status: `${at} · ${c.count.toLocaleString('en-US')} samples${detail}`,
    trained: true,
  };
}
