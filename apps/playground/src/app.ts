import { GAN_PRESETS } from '@gankit/trainers';
import { Comparison } from './comparison.js';
import { buildForm, readForm, writeForm } from './controls.js';
import { playgroundDistribution } from './distributions.js';
import { DRAW_EXTENT, formatDrawn, parseDrawn } from './drawnPoints.js';
import type { PlaygroundDistribution } from './distributions.js';
import { autoReason } from './autoReason.js';
import { autoCacheKey, forgetAutoChoices, readAutoChoice, writeAutoChoice } from './autoCache.js';
import type { AutoCacheStorage, CachedAutoChoice } from './autoCache.js';
import type { BackendReport, LogColumns, SessionReport, StepReport, ViewReport } from './protocol.js';
import { parseSettings, presetDefaults, sameTraining, settingsToSearch } from './settings.js';
import { BACKEND_CHOICES } from './settings.js';
import type { BackendChoice, Settings } from './settings.js';
import { buildLossSetup } from './setups.js';
import { SPEEDS, SPEED_LABELS } from './speed.js';
import type { Speed } from './speed.js';
import { TRAIN_MODES, TRAIN_MODE_LABELS } from './trainFocus.js';
import type { TrainMode } from './trainFocus.js';
import { TrainingClient } from './trainingClient.js';
import type { WorkerEvent } from './trainingClient.js';
import { COLORS } from './views/canvas.js';
import { coveragePoint, coverageReadout, viewCoverage, writeCoverageDefinition } from './views/coverageReadout.js';
import type { CoveragePoint } from './views/coverageReadout.js';
import { HEAT_GRADIENT, drawHeatmap } from './views/heatmapView.js';
import { drawLineChart } from './views/lineChart.js';
import type { Series } from './views/lineChart.js';
import { modelSpec, renderModelOverview } from './views/modelOverview.js';
import { planePoint } from './views/plane.js';
import { drawSamples } from './views/samplesView.js';

/** While training, the views are read back and redrawn this long after the last redraw. */
const VIEW_INTERVAL_MS = 250;

/** Every step's logged values, for the loss curves. */
interface History {
  readonly step: number[];
  readonly discriminatorLoss: number[];
  readonly generatorLoss: number[];
  readonly penalty: number[];
  /** Empty for losses without a Wasserstein estimate. */
  readonly wasserstein: number[];
}

/** The session the worker trains, as the page knows it. */
interface PageSession extends SessionReport {
  readonly distribution: PlaygroundDistribution;
  readonly history: History;
  step: number;
}

function byId<T extends HTMLElement>(doc: Document, id: string, type: new () => T): T {
  const el = doc.getElementById(id);
  if (!(el instanceof type)) throw new Error(`the page has no #${id}`);
  return el;
}

function format(v: number, digits = 3): string {
  return Number.isFinite(v) ? String(Number(v.toPrecision(digits))) : String(v);
}

function fillSelect(select: HTMLSelectElement, options: ReadonlyArray<readonly [string, string]>): void {
  select.replaceChildren(...options.map(([value, text]) => Object.assign(select.ownerDocument.createElement('option'), { value, textContent: text })));
}

/** A short hash (FNV-1a over the float bits) of an array: equal exactly when the values are (up to collisions). */
function fingerprint(values: Float32Array): string {
  const bits = new Uint32Array(values.buffer, values.byteOffset, values.length);
  let h = 0x811c9dc5;
  for (const b of bits) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h.toString(16);
}

/**
 * The page: settings in the URL, one training session at a time, trained in a
 * Web Worker (src/worker.ts) so the main thread only draws: it sends the
 * worker commands and draws the logs and views the worker sends back.
 */
export class App {
  private settings: Settings;
  private session: PageSession | undefined;
  private running = false;
  private viewing = false;
  private chain: Promise<void> = Promise.resolve();
  private viewData: ViewReport | undefined;
  private coverage: CoveragePoint[] = [];
  private client: TrainingClient;
  /** The points of a drawing in progress (pointer down on the samples view), or undefined. */
  private drawing: Array<[number, number]> | undefined;
  /** The second run when a loss is compared (`cmp`), or undefined. */
  private comparison: Comparison | undefined;
  /** The backend the page's worker runs (what `auto` chose), for the compared run. */
  private backendInUse: BackendChoice = 'wasm';
  /** The stored `auto` choice the page started from instead of measuring, or undefined when it measured (or `auto` is not in use). */
  private autoFromCache: CachedAutoChoice | undefined;
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
      backendNote: byId(doc, 'backend-note', HTMLElement),
      remeasure: byId(doc, 'remeasure', HTMLButtonElement),
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
      explanation: byId(doc, 'setup-explanation', HTMLElement),
      overview: doc.querySelector<SVGSVGElement>('svg#model-overview')!,
      coverageStatus: byId(doc, 'coverage-status', HTMLElement),
      coverageDefinition: byId(doc, 'coverage-definition', HTMLElement),
      trainMode: byId(doc, 'train-mode', HTMLSelectElement),
      speed: byId(doc, 'speed', HTMLSelectElement),
      showManifold: byId(doc, 'show-manifold', HTMLInputElement),
      showArrows: byId(doc, 'show-arrows', HTMLInputElement),
      manifoldNote: byId(doc, 'manifold-note', HTMLElement),
      drawNote: byId(doc, 'draw-note', HTMLElement),
      clearDrawing: byId(doc, 'clear-drawing', HTMLButtonElement),
      comparePanel: byId(doc, 'compare-panel', HTMLElement),
      compareTitle: byId(doc, 'compare-title', HTMLElement),
      compareSamples: byId(doc, 'compare-samples', HTMLCanvasElement),
      compareReadout: byId(doc, 'compare-readout', HTMLElement),
    };
    const { settings, problems } = parseSettings(doc.location.search);
    this.settings = settings;
    if (problems.length > 0) this.say(`Ignored from the URL: ${problems.join('; ')}.`);
    this.client = this.newClient();
  }

  private newClient(): TrainingClient {
    return new TrainingClient(
      (event) => this.onWorkerEvent(event),
      (err) => this.fail(err),
    );
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
    this.el.pause.addEventListener('click', () => void this.pause().catch((err: unknown) => this.fail(err)));
    this.el.step.addEventListener('click', () => void this.exclusive(() => this.singleStep()));
    this.el.reset.addEventListener('click', () => void this.exclusive(() => this.rebuild()));
    this.el.remeasure.addEventListener('click', () => void this.exclusive(() => this.remeasure()));
    fillSelect(this.el.trainMode, TRAIN_MODES.map((m) => [m, TRAIN_MODE_LABELS[m]] as const));
    fillSelect(this.el.speed, SPEEDS.map((m) => [m, SPEED_LABELS[m]] as const));
    this.el.trainMode.value = this.settings.train;
    this.el.speed.value = this.settings.speed;
    // Live controls: the worker applies them from its next step on, without a new session; the URL keeps them.
    const live = (): void => {
      const train = this.el.trainMode.value as TrainMode;
      const speed = this.el.speed.value as Speed;
      this.settings = { ...this.settings, train, speed };
      this.writeUrl();
      void this.client.request({ kind: 'live', train, speed }).catch((err: unknown) => this.fail(err));
      void this.comparison?.live(train, speed).catch((err: unknown) => this.fail(err));
    };
    this.el.trainMode.addEventListener('change', live);
    this.el.speed.addEventListener('change', live);
    // The worker computes an overlay's data only while its box is ticked: ticking one reads the views back.
    const overlay = (): void => {
      if (this.running) this.draw();
      else void this.exclusive(() => this.refreshViews());
    };
    this.el.showManifold.addEventListener('change', overlay);
    this.el.showArrows.addEventListener('change', overlay);
    this.wireDrawing();
    window.addEventListener('resize', () => this.draw());
    this.updateButtons();
    await this.exclusive(async () => {
      await this.switchBackend(this.settings.backend, undefined);
      await this.rebuild();
    });
    // Where training runs, for anyone curious (and the tests).
    this.doc.body.dataset['trainer'] = 'worker';
    this.doc.body.dataset['ready'] = 'true';
  }

  /**
   * With the `draw` distribution, a click on the samples view places a real
   * point and a drag places one every 0.1 plane units; on release the points
   * go into the URL and a new session trains on them. Clear removes them.
   */
  private wireDrawing(): void {
    const canvas = this.el.samples;
    const add = (e: PointerEvent): void => {
      const points = this.drawing;
      if (points === undefined) return;
      const rect = canvas.getBoundingClientRect();
      const [x, y] = planePoint(rect.width, rect.height, DRAW_EXTENT, e.clientX - rect.left, e.clientY - rect.top);
      if (Math.abs(x) > DRAW_EXTENT.x1 || Math.abs(y) > DRAW_EXTENT.y1) return;
      const last = points[points.length - 1];
      if (e.type === 'pointermove' && last !== undefined && Math.hypot(x - last[0], y - last[1]) < 0.1) return;
      points.push([x, y]);
      // Marks the point at once; the real samples around it come with the new session.
      const ctx = canvas.getContext('2d');
      if (ctx === null) return;
      ctx.fillStyle = COLORS.real;
      ctx.beginPath();
      ctx.arc(e.clientX - rect.left, e.clientY - rect.top, 4, 0, 2 * Math.PI);
      ctx.fill();
    };
    canvas.addEventListener('pointerdown', (e) => {
      if (this.settings.distribution !== 'draw') return;
      canvas.setPointerCapture(e.pointerId);
      this.drawing = [...(parseDrawn(this.settings.drawn).points ?? [])];
      add(e);
    });
    canvas.addEventListener('pointermove', add);
    const finish = (): void => {
      const points = this.drawing;
      this.drawing = undefined;
      if (points !== undefined) this.setDrawn(formatDrawn(points));
    };
    canvas.addEventListener('pointerup', finish);
    canvas.addEventListener('pointercancel', finish);
    this.el.clearDrawing.addEventListener('click', () => this.setDrawn(''));
  }

  /** New drawn points: into the URL, and a new session on them. */
  private setDrawn(drawn: string): void {
    if (drawn === this.settings.drawn) return;
    this.settings = { ...this.settings, drawn };
    this.writeUrl();
    void this.exclusive(() => this.rebuild());
  }

  /** Shows an error and pauses. */
  fail(err: unknown): void {
    if (this.running) void this.pause();
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
    this.updateButtons();
    // Tests (and anyone curious) can tell when the last step in flight has landed after Pause.
    this.doc.body.dataset['looping'] = 'true';
    this.client.request({ kind: 'run' }).then(
      (status) => this.updateStatus(status),
      (err: unknown) => this.fail(err),
    );
    void this.comparison?.run().catch((err: unknown) => this.fail(err));
    void this.viewLoop();
  }

  /** While training, reads the views back and redraws them, one request at a time, {@link VIEW_INTERVAL_MS} apart. */
  private async viewLoop(): Promise<void> {
    if (this.viewing) return;
    this.viewing = true;
    try {
      while (this.running) {
        await new Promise((resolve) => setTimeout(resolve, VIEW_INTERVAL_MS));
        if (this.running) await this.refreshViews();
      }
    } catch (err) {
      this.fail(err);
    } finally {
      this.viewing = false;
    }
  }

  /** Stops training: the worker finishes the step in flight, then the views show where it stopped. */
  private async pause(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.updateButtons();
    try {
      const [status] = await Promise.all([this.client.request({ kind: 'pause' }), this.comparison?.pause()]);
      this.updateStatus(status);
      await this.refreshViews();
    } finally {
      this.doc.body.dataset['looping'] = 'false';
    }
  }

  private updateButtons(): void {
    this.el.start.disabled = this.running;
    this.el.pause.disabled = !this.running;
    this.el.step.disabled = this.running;
  }

  /** What the worker sends unasked: the logs of new steps, its progress measuring backends, or that it stopped. */
  private onWorkerEvent(event: WorkerEvent): void {
    if (event.type === 'measuring') {
      this.el.backend.textContent = event.text;
      return;
    }
    if (event.session !== this.session?.session) return;
    if (event.type === 'progress') {
      this.append(event.logs);
      this.updateStatus(event);
    } else {
      this.running = false;
      this.updateButtons();
      this.doc.body.dataset['looping'] = 'false';
      this.updateStatus(event);
      this.say(event.message);
      void this.refreshViews().catch((err: unknown) => this.fail(err));
    }
  }

  private append(logs: LogColumns): void {
    const h = this.session?.history;
    if (h === undefined) return;
    h.step.push(...logs.step);
    h.discriminatorLoss.push(...logs.discriminatorLoss);
    h.generatorLoss.push(...logs.generatorLoss);
    h.penalty.push(...logs.penalty);
    h.wasserstein.push(...logs.wasserstein);
  }

  private async singleStep(): Promise<void> {
    if (this.running || this.session === undefined) return;
    const [status] = await Promise.all([this.client.request({ kind: 'step' }), this.comparison?.step()]);
    this.updateStatus(status);
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

  /**
   * Switches the backend in the worker (`auto` measures them on the current
   * setup); on failure says why and keeps (or restores) the previous one.
   * On the page's first load, `auto` starts the backend an earlier load of
   * this browser measured fastest on a setup of the same cost, if it stored
   * one (the measurement takes 10–16 s here); "Measure again" forgets it.
   */
  private async switchBackend(choice: Settings['backend'], previous: Settings | undefined): Promise<void> {
    this.el.backend.textContent = `starting ${choice}…`;
    const firstLoad = this.session === undefined;
    const key = autoCacheKey(this.settings, this.browserEnvironment());
    this.autoFromCache = undefined;
    try {
      let report: BackendReport;
      const cached = choice === 'auto' && firstLoad ? readAutoChoice(this.storage(), key) : undefined;
      if (cached !== undefined) {
        try {
          const started = await this.client.request({ kind: 'backend', choice: cached.backend, wasmThreads: cached.threads, settings: this.settings });
          report = { ...started, choice: 'auto', reason: cached.reason };
          this.autoFromCache = cached;
        } catch {
          // The stored backend no longer starts here: forget it and measure.
          forgetAutoChoices(this.storage());
          report = await this.measureAuto(key);
        }
      } else {
        report = choice === 'auto' && firstLoad ? await this.measureAuto(key) : await this.client.request({ kind: 'backend', choice, settings: this.settings });
      }
      this.showBackend(report);
      this.settings = { ...this.settings, backend: choice };
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      const fallback = previous?.backend ?? 'auto';
      this.say(`Could not start ${choice}: ${reason}. Using ${fallback}.`);
      this.settings = { ...this.settings, backend: fallback };
      writeForm(this.el.form, this.settings);
      this.showBackend(await this.client.request({ kind: 'backend', choice: fallback, settings: this.settings }));
    }
    this.writeUrl();
  }

  /** `auto` before the first session: every backend timed, wasm on one thread and on the pool; the choice is stored under `key`. */
  private async measureAuto(key: string): Promise<BackendReport> {
    const report = await this.compareWasmThreads(await this.client.request({ kind: 'backend', choice: 'auto', settings: this.settings }));
    const backend = (BACKEND_CHOICES as readonly string[]).includes(report.backend) && report.backend !== 'auto' ? (report.backend as CachedAutoChoice['backend']) : undefined;
    if (backend !== undefined) writeAutoChoice(this.storage(), key, { backend, threads: report.threads, reason: report.reason, date: new Date().toISOString() });
    return report;
  }

  /** "Measure again": forgets every stored `auto` choice and measures in a fresh worker (wasm sizes its thread pool once per worker); training starts over. */
  private async remeasure(): Promise<void> {
    await this.pause();
    forgetAutoChoices(this.storage());
    this.comparison?.dispose();
    this.comparison = undefined;
    this.client.terminate();
    this.client = this.newClient();
    this.session = undefined;
    this.settings = { ...this.settings, backend: 'auto' };
    writeForm(this.el.form, this.settings);
    await this.switchBackend('auto', undefined);
    await this.rebuild();
  }

  private browserEnvironment(): { userAgent: string; cores: number; crossOriginIsolated: boolean } {
    const nav = this.doc.defaultView?.navigator;
    return { userAgent: nav?.userAgent ?? '', cores: nav?.hardwareConcurrency ?? 0, crossOriginIsolated: this.doc.defaultView?.crossOriginIsolated ?? false };
  }

  private storage(): AutoCacheStorage | undefined {
    try {
      return this.doc.defaultView?.localStorage ?? undefined;
    } catch {
      return undefined; // blocked storage throws on access
    }
  }

  /**
   * On a cross-origin-isolated page wasm computes on a thread pool, which
   * speeds large networks up but slows small ones down on a busy machine
   * (every kernel waits for every thread). tfjs sizes the pool once per
   * worker, so when `auto` timed wasm on several threads, a second worker
   * times it on one; the faster worker is kept and the other ended.
   *
   * @param report - the first worker's `auto` report.
   * @returns the report of the worker kept, with both wasm trials.
   */
  private async compareWasmThreads(report: BackendReport): Promise<BackendReport> {
    const pooled = report.trials.find((t) => t.backend === 'wasm' && t.stepsPerSecond !== undefined);
    if (!report.crossOriginIsolated || pooled === undefined || pooled.detail === '1 thread') return report;
    const single = this.newClient();
    let kept = false;
    try {
      const alone = await single.request({ kind: 'backend', choice: 'auto', only: ['wasm'], wasmThreads: 1, settings: this.settings });
      const one = alone.trials.find((t) => t.backend === 'wasm' && t.stepsPerSecond !== undefined);
      if (one === undefined) return report;
      const trials = [...report.trials, one];
      const best = trials.reduce((a, b) => ((b.stepsPerSecond ?? 0) > (a.stepsPerSecond ?? 0) ? b : a));
      if (best !== one) return { ...report, trials, reason: autoReason(best, trials) };
      this.client.terminate();
      this.client = single;
      kept = true;
      return { ...alone, trials, reason: autoReason(one, trials) };
    } catch {
      return report;
    } finally {
      if (!kept) single.terminate();
    }
  }

  private showBackend(report: BackendReport): void {
    if ((BACKEND_CHOICES as readonly string[]).includes(report.backend)) this.backendInUse = report.backend as BackendChoice;
    this.el.backend.textContent = report.label;
    const isolation =
      report.backend === 'wasm' && report.threads === 1 && !report.crossOriginIsolated ? 'one wasm thread: the page is not cross-origin isolated (COOP/COEP headers), which wasm threads need' : '';
    const note = [report.choice === 'auto' ? report.reason : '', isolation].filter((s) => s !== '').join('. ');
    const cached = this.autoFromCache;
    const how = report.choice !== 'auto' ? '' : cached === undefined ? ', measured on this setup' : `, measured on a setup of this size in this browser on ${cached.date.slice(0, 10)}`;
    this.el.backendNote.textContent = note === '' ? '' : `Backend: ${report.label}${how} — ${note}.`;
    this.el.remeasure.hidden = report.choice !== 'auto';
    this.doc.body.dataset['auto'] = report.choice !== 'auto' ? 'off' : cached === undefined ? 'measured' : 'stored';
    this.el.backend.title = note;
  }

  /** A fresh session with the current settings (Reset); keeps training if it was. */
  private async rebuild(): Promise<void> {
    this.session = undefined;
    this.viewData = undefined;
    this.coverage = [];
    const report = await this.client.request({ kind: 'build', settings: this.settings });
    // A fresh worker (auto's thread comparison, Measure again) starts at both networks, full speed: tell it the page's.
    await this.client.request({ kind: 'live', train: this.settings.train, speed: this.settings.speed });
    const session: PageSession = {
      ...report,
      distribution: playgroundDistribution(this.settings.distribution, this.settings.drawn),
      history: { step: [], discriminatorLoss: [], generatorLoss: [], penalty: [], wasserstein: [] },
      step: 0,
    };
    this.session = session;
    this.el.note.textContent = `${report.note} ${this.presetNote(report)}`;
    this.el.heatLabel.textContent = report.heatLabel;
    this.el.modesLegend.hidden = session.distribution.mixture === undefined;
    const drawing = this.settings.distribution === 'draw';
    this.el.drawNote.hidden = !drawing;
    this.el.samples.classList.toggle('drawable', drawing);
    const setup = buildLossSetup(this.settings.loss);
    this.el.explanation.textContent = setup.explanation;
    renderModelOverview(this.el.overview, modelSpec(this.settings, setup, session.distribution.label));
    this.updateStatus(undefined);
    await this.rebuildComparison();
    await this.refreshViews();
  }

  /** Starts, rebuilds or ends the compared run to match `cmp`; it trains if the page's run does. */
  private async rebuildComparison(): Promise<void> {
    const loss = this.settings.compare;
    if (loss === 'none') {
      this.comparison?.dispose();
      this.comparison = undefined;
      return;
    }
    if (this.comparison === undefined) {
      this.comparison = new Comparison(
        { section: this.el.comparePanel, title: this.el.compareTitle, canvas: this.el.compareSamples, readout: this.el.compareReadout },
        (err) => this.fail(err),
      );
      await this.comparison.start(this.backendInUse, this.settings);
      await this.comparison.live(this.settings.train, this.settings.speed);
    }
    await this.comparison.build(this.settings, loss);
    if (this.running) await this.comparison.run();
  }

  /** Where the setup's optimizer, learning rates, decay and critic steps come from. */
  private presetNote(report: SessionReport): string {
    const preset = GAN_PRESETS[report.preset];
    const optimizer = preset.optimizer === 'adam' ? `Adam (β = ${preset.betas?.join(', ')})` : 'RMSprop';
    const d = presetDefaults(this.settings.loss);
    const steps = `${d.criticSteps} critic step${d.criticSteps === 1 ? '' : 's'}`;
    const own = d.generatorLearningRate === preset.learningRate && d.discriminatorLearningRate === preset.learningRate && d.criticSteps === preset.criticSteps && d.decaySteps === 0;
    const rates = d.generatorLearningRate === d.discriminatorLearningRate ? `learning rate ${d.generatorLearningRate}` : `learning rates G ${d.generatorLearningRate}, D ${d.discriminatorLearningRate}`;
    const decay = d.decaySteps > 0 ? `, decaying linearly to 0 over steps ${d.decayStart.toLocaleString('en')}–${(d.decayStart + d.decaySteps).toLocaleString('en')}` : '';
    return own
      ? `Defaults from the '${preset.name}' preset: ${optimizer}, learning rate ${preset.learningRate}, ${steps} (${preset.paper}).`
      : `Defaults: ${optimizer}, ${rates}${decay}, ${steps}.`;
  }

  private updateStatus(status: StepReport | undefined): void {
    const session = this.session;
    if (status !== undefined && session !== undefined && status.session === session.session) session.step = status.step;
    this.el.stepCount.textContent = String(session?.step ?? 0);
    const rate = status?.rate;
    this.el.rate.textContent = this.running && rate !== undefined ? rate.toFixed(1) : '–';
    if (status !== undefined) this.el.tensors.textContent = String(status.tensors);
  }

  /** Reads the generator's samples and the discriminator's map back from the worker, scores mode coverage, redraws. */
  private async refreshViews(): Promise<void> {
    const session = this.session;
    if (session === undefined) return;
    const [data] = await Promise.all([
      this.client.request({ kind: 'view', arrows: this.el.showArrows.checked, manifold: this.el.showManifold.checked }),
      this.comparison?.refresh(),
    ]);
    if (session !== this.session || data.session !== session.session) return;
    this.viewData = data;
    this.el.tensors.textContent = String(data.tensors);
    const mixture = session.distribution.mixture;
    this.el.modesCovered.dataset['step'] = String(data.step);
    // What the last view showed, for anyone checking what a step changed (and the tests): the step, the worker's slow-motion frames, fingerprints of the data.
    const shown = this.el.samples.dataset;
    shown['step'] = String(data.step);
    shown['frame'] = String(data.frame);
    shown['fake'] = fingerprint(data.fake);
    this.el.heatmap.dataset['heat'] = fingerprint(data.heat);
    this.el.manifoldNote.textContent = data.manifoldUnavailable === undefined ? '' : `Latent manifold unavailable: ${data.manifoldUnavailable}.`;
    this.el.showManifold.disabled = data.manifoldUnavailable !== undefined;
    const state = viewCoverage(data.fake, mixture);
    if (typeof state === 'object') this.coverage.push(coveragePoint(data.step, state.coverage));
    if (mixture) writeCoverageDefinition(this.el.coverageDefinition, mixture, data.fake.length / 2);
    const readout = coverageReadout(data.step, state);
    this.el.modesCovered.textContent = readout.modes;
    this.el.highQuality.textContent = readout.highQuality;
    this.el.reverseKl.textContent = readout.reverseKl;
    this.el.coverageStatus.textContent = readout.status;
    this.draw();
  }

  /** Redraws every view from the last data read back. */
  private draw(): void {
    const session = this.session;
    if (session === undefined) return;
    const data = this.viewData;
    const manifold = this.el.showManifold.checked ? data?.manifold : undefined;
    const arrows = this.el.showArrows.checked ? data?.arrows : undefined;
    drawSamples(this.el.samples, session.distribution, session.real, data?.fake, {
      ...(manifold !== undefined && data !== undefined ? { manifold: { outputs: manifold, side: data.manifoldSide } } : {}),
      ...(arrows !== undefined ? { arrows } : {}),
    });
    // Which overlays the samples view shows now (for the tests, and anyone curious).
    this.el.samples.dataset['overlays'] = [manifold !== undefined ? 'manifold' : '', arrows !== undefined ? 'arrows' : ''].filter((o) => o !== '').join(' ');
    const range = drawHeatmap(this.el.heatmap, session.distribution, data?.heat, session.heatResolution, session.heat, data?.fake);
    if (range) {
      this.el.heatLo.textContent = `${format(range.lo, 2)} fake`;
      this.el.heatHi.textContent = `real ${format(range.hi, 2)}`;
    }
    const h = session.history;
    drawLineChart(
      this.el.losses,
      [
        { label: 'D loss', color: '#2166ac', xs: h.step, ys: h.discriminatorLoss },
        { label: 'G loss', color: '#d6604d', xs: h.step, ys: h.generatorLoss },
        ...(h.wasserstein.length > 0 ? [{ label: 'W estimate', color: '#111111', xs: h.step, ys: h.wasserstein }] : []),
      ],
      { yTitle: 'loss' },
    );
    const mixture = session.distribution.mixture;
    // The compared run's coverage on the same chart, dashed and named by its loss, so the two can be read against each other.
    const coverageSeries = (points: readonly CoveragePoint[], name: string, dash: readonly number[] | undefined, modeCount: number): Series[] => {
      const steps = points.map((p) => p.step);
      const style = dash === undefined ? {} : { dash };
      return [
        { label: `${name}modes covered %`, color: COLORS.real, xs: steps, ys: points.map((p) => (100 * p.modes) / modeCount), ...style },
        { label: `${name}high quality %`, color: COLORS.fake, xs: steps, ys: points.map((p) => p.highQuality), ...style },
      ];
    };
    const compared = this.comparison;
    drawLineChart(
      this.el.coverage,
      mixture
        ? [
            ...coverageSeries(this.coverage, compared?.loss === undefined ? '' : `${this.settings.loss}: `, undefined, mixture.centres.length),
            ...(compared?.loss === undefined ? [] : coverageSeries(compared.coverage, `${compared.loss}: `, [6, 4], mixture.centres.length)),
          ]
        : [],
      { yRange: [0, 100], yTitle: '%', ...(mixture ? {} : { yLabel: 'no true modes for this distribution' }) },
    );
  }
}
