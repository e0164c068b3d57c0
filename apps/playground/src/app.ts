import * as tf from '@tensorflow/tfjs';
import { modeCoverage } from '@gankit/metrics';
import { GAN_PRESETS } from '@gankit/trainers';
import { describeBackend, useBackend } from './backend.js';
import { buildForm, readForm, writeForm } from './controls.js';
import { RateMeter } from './rate.js';
import { Session, HEAT_RESOLUTION } from './session.js';
import type { ViewData } from './session.js';
import { parseSettings, presetDefaults, sameTraining, settingsToSearch } from './settings.js';
import type { Settings } from './settings.js';
import { COLORS } from './views/canvas.js';
import { HEAT_GRADIENT, drawHeatmap } from './views/heatmapView.js';
import { drawLineChart } from './views/lineChart.js';
import { drawSamples } from './views/samplesView.js';

/** Training gets this much of each animation frame (at least one step runs per frame). */
const FRAME_BUDGET_MS = 24;
/** The views are redrawn at most this often while training. */
const VIEW_INTERVAL_MS = 250;

interface CoveragePoint {
  readonly step: number;
  readonly modes: number;
  readonly highQuality: number;
}

function byId<T extends HTMLElement>(doc: Document, id: string, type: new () => T): T {
  const el = doc.getElementById(id);
  if (!(el instanceof type)) throw new Error(`the page has no #${id}`);
  return el;
}

function format(v: number, digits = 3): string {
  return Number.isFinite(v) ? String(Number(v.toPrecision(digits))) : String(v);
}

/** The page: settings in the URL, one training session at a time, a few steps per animation frame. */
export class App {
  private settings: Settings;
  private session: Session | undefined;
  private running = false;
  private looping = false;
  private chain: Promise<void> = Promise.resolve();
  private lastView = -Infinity;
  private viewData: ViewData | undefined;
  private coverage: CoveragePoint[] = [];
  private readonly rate = new RateMeter();
  private readonly el;

  constructor(private readonly doc: Document) {
    this.el = {
      form: byId(doc, 'settings', HTMLFormElement),
      start: byId(doc, 'start', HTMLButtonElement),
      pause: byId(doc, 'pause', HTMLButtonElement),
      step: byId(doc, 'step', HTMLButtonElement),
      reset: byId(doc, 'reset', HTMLButtonElement),
      stepCount: byId(doc, 'step-count', HTMLElement),
      rate: byId(doc, 'rate', HTMLElement),
      backend: byId(doc, 'backend-name', HTMLElement),
      tensors: byId(doc, 'tensors', HTMLElement),
      note: byId(doc, 'setup-note', HTMLElement),
      message: byId(doc, 'message', HTMLElement),
      samples: byId(doc, 'samples', HTMLCanvasElement),
      heatmap: byId(doc, 'heatmap', HTMLCanvasElement),
      heatLo: byId(doc, 'heat-lo', HTMLElement),
      heatHi: byId(doc, 'heat-hi', HTMLElement),
      heatBar: byId(doc, 'heat-bar', HTMLElement),
      heatLabel: byId(doc, 'heat-label', HTMLElement),
      losses: byId(doc, 'losses', HTMLCanvasElement),
      coverage: byId(doc, 'coverage', HTMLCanvasElement),
      modesCovered: byId(doc, 'modes-covered', HTMLElement),
      highQuality: byId(doc, 'high-quality', HTMLElement),
      reverseKl: byId(doc, 'reverse-kl', HTMLElement),
      modesLegend: byId(doc, 'modes-legend', HTMLElement),
    };
    const { settings, problems } = parseSettings(doc.location.search);
    this.settings = settings;
    if (problems.length > 0) this.say(`Ignored from the URL: ${problems.join('; ')}.`);
  }

  /** Starts the backend and the first session; wires the controls. */
  async start(): Promise<void> {
    buildForm(this.el.form);
    writeForm(this.el.form, this.settings);
    this.writeUrl();
    this.el.heatBar.style.background = HEAT_GRADIENT;
    this.el.form.addEventListener('change', () => void this.exclusive(() => this.onSettingsChange()));
    this.el.form.addEventListener('submit', (e) => e.preventDefault());
    this.el.start.addEventListener('click', () => this.play());
    this.el.pause.addEventListener('click', () => this.pause());
    this.el.step.addEventListener('click', () => void this.exclusive(() => this.singleStep()));
    this.el.reset.addEventListener('click', () => void this.exclusive(() => this.rebuild()));
    window.addEventListener('resize', () => this.draw());
    await this.exclusive(async () => {
      await this.switchBackend(this.settings.backend, undefined);
      await this.rebuild();
    });
    this.doc.body.dataset['ready'] = 'true';
  }

  /** Shows an error and pauses. */
  fail(err: unknown): void {
    this.pause();
    this.say(err instanceof Error ? err.message : String(err));
    console.error(err);
  }

  private say(text: string): void {
    this.el.message.textContent = text;
  }

  /** Runs `fn` after everything queued before it: steps, rebuilds and backend switches never overlap. */
  private exclusive(fn: () => Promise<void>): Promise<void> {
    const run = this.chain.then(fn).catch((err: unknown) => this.fail(err));
    this.chain = run;
    return run;
  }

  private writeUrl(): void {
    const search = settingsToSearch(this.settings);
    if (search !== this.doc.location.search) history.replaceState(null, '', search);
  }

  private play(): void {
    if (this.running || this.session === undefined) return;
    this.running = true;
    this.rate.reset();
    this.updateButtons();
    if (!this.looping) void this.loop();
  }

  /** The training loop: one {@link frame} per animation frame while running (never two loops at once). */
  private async loop(): Promise<void> {
    this.looping = true;
    // Tests (and anyone curious) can tell when the last step in flight has landed after Pause.
    this.doc.body.dataset['looping'] = 'true';
    try {
      while (this.running) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
        await this.exclusive(() => this.frame());
      }
    } finally {
      this.looping = false;
      this.doc.body.dataset['looping'] = 'false';
    }
  }

  private pause(): void {
    this.running = false;
    this.updateButtons();
    this.updateStatus();
  }

  private updateButtons(): void {
    this.el.start.disabled = this.running;
    this.el.pause.disabled = !this.running;
    this.el.step.disabled = this.running;
  }

  /** One animation frame of training: steps until the frame's budget is spent, then the views if due. */
  private async frame(): Promise<void> {
    const session = this.session;
    if (!this.running || session === undefined) return;
    const start = performance.now();
    do {
      const logs = await session.trainStep();
      this.rate.tick();
      if (!Number.isFinite(logs.discriminatorLoss) || !Number.isFinite(logs.generatorLoss)) {
        this.pause();
        this.say(`Training diverged at step ${logs.step} (a loss is ${format(logs.discriminatorLoss)} / ${format(logs.generatorLoss)}). Lower the learning rates or Reset.`);
      }
    } while (this.running && performance.now() - start < FRAME_BUDGET_MS);
    this.updateStatus();
    if (performance.now() - this.lastView >= VIEW_INTERVAL_MS) await this.refreshViews();
  }

  private async singleStep(): Promise<void> {
    if (this.running || this.session === undefined) return;
    await this.session.trainStep();
    this.updateStatus();
    await this.refreshViews();
  }

  /** Applies the form: a new loss starts from its preset's rates and critic steps; a new backend switches; anything else starts a new session. */
  private async onSettingsChange(): Promise<void> {
    const before = this.settings;
    const read = readForm(this.el.form, before);
    let next = read.settings;
    if (next.loss !== before.loss) {
      next = { ...next, ...presetDefaults(next.loss) };
      writeForm(this.el.form, next);
    }
    if (read.invalid) this.say('A setting is out of range (hover it to see why); the last valid value is kept.');
    else this.say('');
    if (next.backend !== before.backend) {
      await this.switchBackend(next.backend, before);
      next = { ...next, backend: this.settings.backend };
    }
    const retrain = !sameTraining(before, next);
    this.settings = next;
    this.writeUrl();
    if (retrain) await this.rebuild();
  }

  /** Switches the backend; on failure says why and keeps (or restores) the previous one. */
  private async switchBackend(choice: Settings['backend'], previous: Settings | undefined): Promise<void> {
    this.el.backend.textContent = `starting ${choice}…`;
    try {
      const info = await useBackend(choice);
      this.settings = { ...this.settings, backend: choice };
      this.el.backend.textContent = describeBackend(info);
      this.el.backend.title = info.fallbackReason ?? '';
      this.rate.reset();
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      const fallback = previous?.backend ?? 'auto';
      this.say(`Could not start ${choice}: ${reason}. Using ${fallback}.`);
      this.settings = { ...this.settings, backend: fallback };
      writeForm(this.el.form, this.settings);
      const info = await useBackend(fallback);
      this.el.backend.textContent = describeBackend(info);
    }
    this.writeUrl();
  }

  /** A fresh session with the current settings (Reset); keeps training if it was. */
  private async rebuild(): Promise<void> {
    this.session?.dispose();
    this.session = undefined;
    this.viewData = undefined;
    this.coverage = [];
    this.rate.reset();
    const session = new Session(this.settings);
    this.session = session;
    const preset = GAN_PRESETS[session.setup.preset];
    const optimizer = preset.optimizer === 'adam' ? `Adam (β = ${preset.betas?.join(', ')})` : 'RMSprop';
    const steps = `${preset.criticSteps} critic step${preset.criticSteps === 1 ? '' : 's'}`;
    this.el.note.textContent = `${session.setup.note} Defaults from the '${preset.name}' preset: ${optimizer}, learning rate ${preset.learningRate}, ${steps} (${preset.paper}).`;
    this.el.heatLabel.textContent = session.setup.heatLabel;
    this.el.modesLegend.hidden = session.distribution.mixture === undefined;
    this.updateStatus();
    await this.refreshViews();
  }

  private updateStatus(): void {
    this.el.stepCount.textContent = String(this.session?.step ?? 0);
    const rate = this.rate.rate;
    this.el.rate.textContent = this.running && rate !== undefined ? rate.toFixed(1) : '–';
    this.el.tensors.textContent = String(tf.memory().numTensors);
  }

  /** Reads the generator's samples and the discriminator's map back, scores mode coverage, redraws. */
  private async refreshViews(): Promise<void> {
    const session = this.session;
    if (session === undefined) return;
    this.lastView = performance.now();
    const data = await session.view();
    if (session !== this.session) return;
    this.viewData = data;
    const mixture = session.distribution.mixture;
    this.el.modesCovered.dataset['step'] = String(session.step);
    if (mixture) {
      const finite = data.fake.every(Number.isFinite);
      if (finite) {
        const c = modeCoverage({ x: data.fake, count: data.fake.length / 2, shape: [2] }, mixture);
        this.coverage.push({ step: session.step, modes: c.modesCovered, highQuality: 100 * c.highQualityFraction });
        this.el.modesCovered.textContent = `${c.modesCovered} / ${c.numModes}`;
        this.el.highQuality.textContent = `${(100 * c.highQualityFraction).toFixed(1)} %`;
        this.el.reverseKl.textContent = Number.isFinite(c.reverseKl) ? c.reverseKl.toFixed(3) : '∞';
      } else {
        this.el.modesCovered.textContent = 'n/a';
        this.el.highQuality.textContent = 'n/a (non-finite samples)';
        this.el.reverseKl.textContent = 'n/a';
      }
    } else {
      this.el.modesCovered.textContent = 'n/a';
      this.el.highQuality.textContent = 'n/a';
      this.el.reverseKl.textContent = 'n/a';
    }
    this.draw();
  }

  /** Redraws every view from the last data read back. */
  private draw(): void {
    const session = this.session;
    if (session === undefined) return;
    const data = this.viewData;
    drawSamples(this.el.samples, session.distribution, session.real, data?.fake);
    const range = drawHeatmap(this.el.heatmap, session.distribution, data?.heat, HEAT_RESOLUTION, session.setup.heat, data?.fake);
    if (range) {
      this.el.heatLo.textContent = `${format(range.lo, 2)} fake`;
      this.el.heatHi.textContent = `real ${format(range.hi, 2)}`;
    }
    const h = session.history;
    drawLineChart(this.el.losses, [
      { label: 'D loss', color: '#2166ac', xs: h.step, ys: h.discriminatorLoss },
      { label: 'G loss', color: '#d6604d', xs: h.step, ys: h.generatorLoss },
      ...(h.wasserstein.length > 0 ? [{ label: 'W estimate', color: '#111111', xs: h.step, ys: h.wasserstein }] : []),
    ]);
    const mixture = session.distribution.mixture;
    const steps = this.coverage.map((p) => p.step);
    drawLineChart(
      this.el.coverage,
      mixture
        ? [
            { label: 'modes covered %', color: COLORS.real, xs: steps, ys: this.coverage.map((p) => (100 * p.modes) / mixture.centres.length) },
            { label: 'high quality %', color: COLORS.fake, xs: steps, ys: this.coverage.map((p) => p.highQuality) },
          ]
        : [],
      { yRange: [0, 100], ...(mixture ? {} : { yLabel: 'no true modes for this distribution' }) },
    );
  }
}
