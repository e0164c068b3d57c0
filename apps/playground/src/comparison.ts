import { playgroundDistribution } from './distributions.js';
import type { PlaygroundDistribution } from './distributions.js';
import type { SessionReport, ViewReport } from './protocol.js';
import { presetDefaults } from './settings.js';
import type { BackendChoice, LossSetupName, Settings } from './settings.js';
import { SETUP_LABELS } from './setups.js';
import type { Speed } from './speed.js';
import type { TrainMode } from './trainFocus.js';
import { TrainingClient } from './trainingClient.js';
import { coveragePoint, coverageReadout, viewCoverage } from './views/coverageReadout.js';
import type { CoveragePoint } from './views/coverageReadout.js';
import { drawSamples } from './views/samplesView.js';

/** The page elements a comparison draws into. */
export interface ComparisonPanel {
  readonly section: HTMLElement;
  readonly title: HTMLElement;
  readonly canvas: HTMLCanvasElement;
  readonly readout: HTMLElement;
}

/**
 * The settings of the run compared with `settings`: the same data, seed,
 * networks and batch, with the other loss setup at its own paper's learning
 * rates, critic steps and decay (as picking it in the loss menu would).
 *
 * @param settings - the page's settings, with `compare` set.
 * @param loss - the loss setup to compare with.
 * @returns the second run's settings.
 *
 * @example
 * ```ts
 * comparisonSettings({ ...defaultSettings('hinge'), compare: 'wgan-gp' }, 'wgan-gp').criticSteps; // 5
 * ```
 */
export function comparisonSettings(settings: Settings, loss: LossSetupName): Settings {
  return { ...settings, loss, ...presetDefaults(loss), compare: 'none' };
}

/**
 * A second training run beside the page's, to compare two losses side by
 * side (GAN Lab compares models this way): its own training worker, built,
 * run, paused and stepped with the page's run, its samples drawn in a second
 * panel with a one-line mode-coverage read-out, and its coverage over the
 * steps kept for the page's coverage chart (drawn dashed beside the page's own).
 *
 * @example
 * ```ts
 * const comparison = new Comparison(panel, (err) => console.error(err));
 * await comparison.start('wasm', settings);
 * await comparison.build(settings, 'wgan-gp');
 * await comparison.step();
 * await comparison.refresh();
 * ```
 */
export class Comparison {
  private readonly client: TrainingClient;
  private session: (SessionReport & { readonly distribution: PlaygroundDistribution }) | undefined;
  /** The loss setup being compared. */
  loss: LossSetupName | undefined;
  /** Its mode coverage at each refresh of this run, for the page's coverage chart (empty without true modes). */
  coverage: CoveragePoint[] = [];

  /**
   * @param panel - where it draws.
   * @param onError - told when its worker fails or its training stops on its own.
   */
  constructor(
    private readonly panel: ComparisonPanel,
    private readonly onError: (err: Error) => void,
  ) {
    this.client = new TrainingClient(
      (event) => {
        if (event.type === 'stopped' && event.session === this.session?.session) onError(new Error(`compared run: ${event.message}`));
      },
      (err) => onError(err),
    );
  }

  /**
   * Starts the worker's backend.
   *
   * @param backend - the backend the page's run uses (not `auto`, so it is not measured twice).
   * @param settings - the page's settings.
   */
  async start(backend: BackendChoice, settings: Settings): Promise<void> {
    await this.client.request({ kind: 'backend', choice: backend, settings });
  }

  /**
   * A new run: the page's settings with the other loss.
   *
   * @param settings - the page's settings.
   * @param loss - the loss setup to compare with.
   */
  async build(settings: Settings, loss: LossSetupName): Promise<void> {
    this.session = undefined;
    this.loss = loss;
    this.coverage = [];
    const report = await this.client.request({ kind: 'build', settings: comparisonSettings(settings, loss) });
    this.session = { ...report, distribution: playgroundDistribution(settings.distribution, settings.drawn) };
    this.panel.title.textContent = `Compared: ${SETUP_LABELS[loss]}`;
    this.panel.section.hidden = false;
    await this.refresh();
  }

  /** Trains continuously, with the page's run. */
  async run(): Promise<void> {
    await this.client.request({ kind: 'run' });
  }

  /** Stops training once the step in flight has landed. */
  async pause(): Promise<void> {
    await this.client.request({ kind: 'pause' });
  }

  /** One step. */
  async step(): Promise<void> {
    await this.client.request({ kind: 'step' });
  }

  /**
   * The page's live controls, for this run too.
   *
   * @param train - which networks the steps update.
   * @param speed - the run loop's speed.
   */
  async live(train: TrainMode, speed: Speed): Promise<void> {
    await this.client.request({ kind: 'live', train, speed });
  }

  /** Reads its samples back and redraws its panel. */
  async refresh(): Promise<void> {
    const session = this.session;
    if (session === undefined) return;
    const data: ViewReport = await this.client.request({ kind: 'view' });
    if (session !== this.session) return;
    drawSamples(this.panel.canvas, session.distribution, session.real, data.fake);
    const mixture = session.distribution.mixture;
    const state = viewCoverage(data.fake, mixture);
    if (typeof state === 'object' && this.coverage.at(-1)?.step !== data.step) this.coverage.push(coveragePoint(data.step, state.coverage));
    const readout = coverageReadout(data.step, state);
    this.panel.canvas.dataset['step'] = String(data.step);
    this.panel.readout.textContent = readout.trained ? `step ${data.step.toLocaleString('en-US')}: modes covered ${readout.modes}, high quality ${readout.highQuality}` : readout.status;
  }

  /** Ends its worker and hides the panel. */
  dispose(): void {
    this.client.terminate();
    this.panel.section.hidden = true;
  }
}
