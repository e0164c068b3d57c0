import { GAN_PRESETS } from '@gankit/trainers';
import type { GanPresetName } from '@gankit/trainers';
import { formatDrawn, parseDrawn } from './drawnPoints.js';
import { SPEEDS } from './speed.js';
import type { Speed } from './speed.js';
import { TRAIN_MODES } from './trainFocus.js';
import type { TrainMode } from './trainFocus.js';

/** The 2-D distributions the playground trains on. */
export const DISTRIBUTIONS = ['ring', 'grid', 'spiral', 'two-moons', 'draw'] as const;
/** A distribution's name, as it appears in the URL. */
export type DistributionName = (typeof DISTRIBUTIONS)[number];

/** The loss setups: a loss plus the penalty or constraint it is trained with. */
export const LOSS_SETUPS = ['mixture-pacgan', 'minimax', 'non-saturating', 'least-squares', 'hinge', 'ra-sgan', 'ra-lsgan', 'wgan', 'wgan-gp', 'sn-hinge'] as const;
/** A loss setup's name, as it appears in the URL. */
export type LossSetupName = (typeof LOSS_SETUPS)[number];

/** Backends the user can pick; `auto` measures the available ones on the setup and takes the fastest. */
export const BACKEND_CHOICES = ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'] as const;
/** A backend choice, as it appears in the URL. */
export type BackendChoice = (typeof BACKEND_CHOICES)[number];

/** Everything the page can be configured with; all of it lives in the URL. */
export interface Settings {
  readonly distribution: DistributionName;
  /** The points of the `draw` distribution as URL `pts` keeps them (`x_y_x_y…` in hundredths; see drawnPoints.ts); empty for none. */
  readonly drawn: string;
  readonly loss: LossSetupName;
  /** A second loss setup trained beside the first on the same data and seed (URL `cmp`), or `none`. */
  readonly compare: LossSetupName | 'none';
  readonly generatorWidth: number;
  readonly generatorDepth: number;
  readonly discriminatorWidth: number;
  readonly discriminatorDepth: number;
  readonly latentDim: number;
  readonly generatorLearningRate: number;
  readonly discriminatorLearningRate: number;
  readonly criticSteps: number;
  /** Steps at the full learning rates before they start decaying (with {@link Settings.decaySteps} > 0). */
  readonly decayStart: number;
  /** Steps over which both learning rates fall linearly to 0 (and stay there); 0: constant rates. */
  readonly decaySteps: number;
  readonly batchSize: number;
  readonly seed: number;
  readonly backend: BackendChoice;
  /** Which networks the steps update (URL `train`): both, or D or G only. A live control: changing it keeps the run. */
  readonly train: TrainMode;
  /** How fast the run loop goes (URL `speed`): `max`, or one step every n animation frames. A live control: changing it keeps the run. */
  readonly speed: Speed;
}

/** Settings a running session takes as they change, without starting over. */
const LIVE_KEYS: ReadonlySet<keyof Settings> = new Set<keyof Settings>(['backend', 'train', 'speed']);

/** The training preset (optimizer, learning rate, critic steps) each setup follows, from its paper. */
export const SETUP_PRESETS: Readonly<Record<LossSetupName, GanPresetName>> = {
  'mixture-pacgan': 'dcgan',
  minimax: 'dcgan',
  'non-saturating': 'dcgan',
  'least-squares': 'dcgan',
  hinge: 'dcgan',
  'ra-sgan': 'dcgan',
  'ra-lsgan': 'dcgan',
  wgan: 'wgan',
  'wgan-gp': 'wgan-gp',
  'sn-hinge': 'dcgan',
};

/** A numeric setting: its URL parameter, label and allowed range. */
export interface NumberField {
  readonly key: NumericKey;
  readonly param: string;
  readonly label: string;
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
}

type NumericKey = {
  [K in keyof Settings]: Settings[K] extends number ? K : never;
}[keyof Settings];

/** The numeric settings, in the order the form shows them. */
export const NUMBER_FIELDS: readonly NumberField[] = [
  { key: 'generatorWidth', param: 'gw', label: 'G width', min: 1, max: 1024, integer: true },
  { key: 'generatorDepth', param: 'gd', label: 'G depth', min: 1, max: 8, integer: true },
  { key: 'discriminatorWidth', param: 'dw', label: 'D width', min: 1, max: 1024, integer: true },
  { key: 'discriminatorDepth', param: 'dd', label: 'D depth', min: 1, max: 8, integer: true },
  { key: 'latentDim', param: 'z', label: 'latent size', min: 1, max: 64, integer: true },
  { key: 'generatorLearningRate', param: 'glr', label: 'G learning rate', min: 1e-7, max: 1, integer: false },
  { key: 'discriminatorLearningRate', param: 'dlr', label: 'D learning rate', min: 1e-7, max: 1, integer: false },
  { key: 'criticSteps', param: 'k', label: 'critic steps', min: 1, max: 20, integer: true },
  { key: 'decayStart', param: 'ds', label: 'lr decay from step', min: 0, max: 10_000_000, integer: true },
  { key: 'decaySteps', param: 'dn', label: 'lr decay over (0 = none)', min: 0, max: 10_000_000, integer: true },
  { key: 'batchSize', param: 'batch', label: 'batch size', min: 1, max: 4096, integer: true },
  { key: 'seed', param: 'seed', label: 'seed', min: 0, max: 2 ** 31 - 1, integer: true },
];

/** The training numbers a setup starts from. */
type TrainingDefaults = Pick<Settings, 'generatorLearningRate' | 'discriminatorLearningRate' | 'criticSteps' | 'decayStart' | 'decaySteps'>;

/**
 * Setups that train away from their preset. The non-saturating GAN, the
 * default, trains at the CLI's `toy2d-gan` rates (Adam 1e-3 for both, where
 * DCGAN's 2e-4 is for images): on the ring it covers all 8 modes by step
 * 500–800 and reaches ≥ 80 % high-quality samples by step 1,300–1,600 on each
 * of seeds 0–4 (`bench/coverageSweep.ts --variants default`), within a minute at the
 * page's speed. The mixture + PacGAN setup is the
 * CLI's `toy2d-mixture-pacgan` sped up for a live page: that recipe's Adam
 * 1e-3 needs some 5,000 steps to cover the grid; here G learns at 5e-3 and D
 * at 2e-3 (TTUR), and both rates fall linearly to 0 over steps 700–1,700
 * (the recipe decays over 5,000–15,000), so the categories first spread fast
 * and then settle on their modes. 2 D updates per G update, as the recipe.
 */
const SETUP_TRAINING: Partial<Readonly<Record<LossSetupName, TrainingDefaults>>> = {
  'non-saturating': { generatorLearningRate: 1e-3, discriminatorLearningRate: 1e-3, criticSteps: 1, decayStart: 0, decaySteps: 0 },
  'mixture-pacgan': { generatorLearningRate: 5e-3, discriminatorLearningRate: 2e-3, criticSteps: 2, decayStart: 700, decaySteps: 1000 },
};

/**
 * The learning rates, critic steps and learning-rate decay a loss setup
 * starts from: its preset's (DCGAN: Adam 2e-4, 1 step; WGAN: RMSprop 5e-5,
 * 5 steps; WGAN-GP: Adam 1e-4, 5 steps; constant rates), or its own
 * (non-saturating: Adam 1e-3, 1 step; mixture + PacGAN: G 5e-3, D 2e-3,
 * 2 steps, decaying over steps 700–1,700).
 *
 * @param loss - the setup.
 * @returns both learning rates, the critic steps and the decay.
 *
 * @example
 * ```ts
 * presetDefaults('wgan-gp'); // { generatorLearningRate: 1e-4, discriminatorLearningRate: 1e-4, criticSteps: 5, decayStart: 0, decaySteps: 0 }
 * ```
 */
export function presetDefaults(loss: LossSetupName): TrainingDefaults {
  const own = SETUP_TRAINING[loss];
  if (own !== undefined) return own;
  const preset = GAN_PRESETS[SETUP_PRESETS[loss]];
  return { generatorLearningRate: preset.learningRate, discriminatorLearningRate: preset.learningRate, criticSteps: preset.criticSteps, decayStart: 0, decaySteps: 0 };
}

/**
 * The setup an empty URL trains: the non-saturating GAN on the ring of 8
 * Gaussians, which covers every mode within a minute on every seed measured
 * (see {@link SETUP_TRAINING}'s note). The main job's setup, `mixture-pacgan`,
 * covers the 25-mode grid in that time on one seed of five; it is one menu
 * choice away.
 */
export const DEFAULT_SETUP: LossSetupName = 'non-saturating';

/**
 * The distribution a setup starts on when the URL names none: the 25-mode
 * grid for `mixture-pacgan` (the main job's data), the ring of 8 for the rest.
 *
 * @param loss - the setup.
 * @returns the distribution's name.
 *
 * @example
 * ```ts
 * defaultDistribution('mixture-pacgan'); // 'grid'
 * defaultDistribution('wgan-gp'); // 'ring'
 * ```
 */
export function defaultDistribution(loss: LossSetupName): DistributionName {
  return loss === 'mixture-pacgan' ? 'grid' : 'ring';
}

/**
 * The default configuration of a setup: its distribution
 * ({@link defaultDistribution}), 3 × 128 ReLU MLPs, 2-D noise, batch 256, the
 * setup's learning rates, critic steps and decay, seed 0, the backend
 * measured fastest (`auto`). Without an argument, {@link DEFAULT_SETUP}: the
 * non-saturating GAN on the ring.
 *
 * @param loss - the setup (default {@link DEFAULT_SETUP}).
 * @returns every setting.
 *
 * @example
 * ```ts
 * defaultSettings().distribution; // 'ring'
 * defaultSettings('mixture-pacgan').criticSteps; // 2
 * ```
 */
export function defaultSettings(loss: LossSetupName = DEFAULT_SETUP): Settings {
  return {
    distribution: defaultDistribution(loss),
    drawn: '',
    loss,
    compare: 'none',
    generatorWidth: 128,
    generatorDepth: 3,
    discriminatorWidth: 128,
    discriminatorDepth: 3,
    latentDim: 2,
    ...presetDefaults(loss),
    batchSize: 256,
    seed: 0,
    backend: 'auto',
    train: 'both',
    speed: 'max',
  };
}

function oneOf<T extends string>(values: readonly T[], value: string | null): value is T {
  return value !== null && (values as readonly string[]).includes(value);
}

/**
 * Reads settings from a URL query string. Missing parameters take the defaults
 * (learning rates and critic steps those of the chosen loss); a value that is
 * unknown or out of range is ignored and reported.
 *
 * @param search - `location.search`, e.g. `'?dist=ring&loss=hinge'`.
 * @returns the settings and one message per ignored parameter.
 */
export function parseSettings(search: string): { settings: Settings; problems: string[] } {
  const params = new URLSearchParams(search);
  const problems: string[] = [];
  const lossParam = params.get('loss');
  if (lossParam !== null && !oneOf(LOSS_SETUPS, lossParam)) problems.push(`loss '${lossParam}' is not one of ${LOSS_SETUPS.join(', ')}`);
  const loss = oneOf(LOSS_SETUPS, lossParam) ? lossParam : DEFAULT_SETUP;
  const settings: Record<string, unknown> = { ...defaultSettings(loss) };
  const dist = params.get('dist');
  if (oneOf(DISTRIBUTIONS, dist)) settings['distribution'] = dist;
  else if (dist !== null) problems.push(`dist '${dist}' is not one of ${DISTRIBUTIONS.join(', ')}`);
  const pts = params.get('pts');
  if (pts !== null) {
    const drawn = parseDrawn(pts);
    if (drawn.points !== undefined) settings['drawn'] = formatDrawn(drawn.points);
    else problems.push(`pts: ${drawn.problem}`);
  }
  const cmp = params.get('cmp');
  if (oneOf(LOSS_SETUPS, cmp) || cmp === 'none') settings['compare'] = cmp;
  else if (cmp !== null) problems.push(`cmp '${cmp}' is not none or one of ${LOSS_SETUPS.join(', ')}`);
  const backend = params.get('backend');
  if (oneOf(BACKEND_CHOICES, backend)) settings['backend'] = backend;
  else if (backend !== null) problems.push(`backend '${backend}' is not one of ${BACKEND_CHOICES.join(', ')}`);
  const train = params.get('train');
  if (oneOf(TRAIN_MODES, train)) settings['train'] = train;
  else if (train !== null) problems.push(`train '${train}' is not one of ${TRAIN_MODES.join(', ')}`);
  const speed = params.get('speed');
  if (oneOf(SPEEDS, speed)) settings['speed'] = speed;
  else if (speed !== null) problems.push(`speed '${speed}' is not one of ${SPEEDS.join(', ')}`);
  for (const field of NUMBER_FIELDS) {
    const raw = params.get(field.param);
    if (raw === null) continue;
    const value = raw.trim() === '' ? Number.NaN : Number(raw);
    const problem = checkNumber(field, value);
    if (problem !== undefined) problems.push(`${field.param}=${raw}: ${problem}`);
    else settings[field.key] = value;
  }
  return { settings: settings as unknown as Settings, problems };
}

/**
 * Why a value does not fit a numeric field, or undefined if it does.
 *
 * @param field - the field.
 * @param value - the candidate value.
 * @returns a message, or undefined.
 */
export function checkNumber(field: NumberField, value: number): string | undefined {
  if (!Number.isFinite(value)) return 'not a number';
  if (field.integer && !Number.isInteger(value)) return 'must be an integer';
  if (value < field.min || value > field.max) return `must be between ${field.min} and ${field.max}`;
  return undefined;
}

/**
 * Writes settings as a URL query string, every setting explicit, so a shared
 * link means the same configuration even if the defaults change.
 *
 * @param settings - the settings.
 * @returns e.g. `'?dist=grid&loss=wgan-gp&gw=128&…'`.
 */
export function settingsToSearch(settings: Settings): string {
  const params = new URLSearchParams();
  params.set('dist', settings.distribution);
  if (settings.distribution === 'draw') params.set('pts', settings.drawn);
  params.set('loss', settings.loss);
  if (settings.compare !== 'none') params.set('cmp', settings.compare);
  for (const field of NUMBER_FIELDS) params.set(field.param, String(settings[field.key]));
  params.set('backend', settings.backend);
  // The live controls only when moved from their defaults (both networks, full speed), so the usual link stays short.
  if (settings.train !== 'both') params.set('train', settings.train);
  if (settings.speed !== 'max') params.set('speed', settings.speed);
  return `?${params.toString()}`;
}

/** Whether two settings train the same networks on the same data (everything but the backend and the live controls `train` and `speed` equal). */
export function sameTraining(a: Settings, b: Settings): boolean {
  return (Object.keys(a) as (keyof Settings)[]).every((k) => LIVE_KEYS.has(k) || a[k] === b[k]);
}
