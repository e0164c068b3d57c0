/**
 * The training worker: owns tfjs, the backend and the {@link Session}, so the
 * page's main thread only draws. It answers the page's requests (see
 * protocol.ts) between training steps, in order, and while running sends the
 * new steps' logs every {@link PROGRESS_INTERVAL_MS}.
 */
// Registers the webgpu backend so it can be tried (it is asked for an adapter first).
import '@tensorflow/tfjs-backend-webgpu';
import * as tf from '@tensorflow/tfjs';
import { chooseFastestBackend } from './autoBackend.js';
import { describeBackend, setWasmThreads, startBackend } from './backend.js';
import type { BackendName } from './backend.js';
import type { BackendReport, LogColumns, Reply, Request, RequestMessage, Responses, SessionReport, StepReport, ViewReport, WorkerMessage } from './protocol.js';
import { RateMeter } from './rate.js';
import { HEAT_RESOLUTION, MANIFOLD_SIDE, Session } from './session.js';
import type { BackendChoice, Settings } from './settings.js';
import { framesPerStep } from './speed.js';
import type { Speed } from './speed.js';
import type { TrainMode } from './trainFocus.js';

/** Logs are sent at most this often while running. */
const PROGRESS_INTERVAL_MS = 100;

/** The worker's global scope, as far as this file uses it (the DOM and WebWorker type libraries cannot be combined). */
const scope = globalThis as unknown as {
  postMessage(message: WorkerMessage, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<RequestMessage>) => void) | null;
  crossOriginIsolated?: boolean;
  requestAnimationFrame?: (callback: () => void) => number;
};

/** Resolves at the browser's next animation frame (a worker has requestAnimationFrame in Chromium; elsewhere a 60 Hz timer stands in). */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    if (scope.requestAnimationFrame !== undefined) scope.requestAnimationFrame(() => resolve());
    else setTimeout(resolve, 1000 / 60);
  });
}

/** Resolves in a new task, after messages already queued have been handled (no 4 ms timer clamp). */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

class Trainer {
  private session: Session | undefined;
  private sessionId = 0;
  private running = false;
  private loopDone: Promise<void> = Promise.resolve();
  /** Every request but run and pause, and every step, in order: nothing overlaps a step. */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly rate = new RateMeter();
  /** How many history entries (steps, Wasserstein estimates) of the session were already sent to the page. */
  private sent = { steps: 0, wasserstein: 0 };
  private lastProgress = 0;
  private trainMode: TrainMode = 'both';
  private speed: Speed = 'max';
  /** Animation frames waited in slow motion, in this session. */
  private frames = 0;

  handle(msg: RequestMessage): void {
    const reply = (value: Responses[Request['kind']], transfer: Transferable[] = []): void => scope.postMessage({ type: 'reply', id: msg.id, ok: true, value }, transfer);
    const fail = (err: unknown): void => scope.postMessage({ type: 'reply', id: msg.id, ok: false, error: message(err) } satisfies Reply);
    if (msg.kind === 'run') {
      this.run();
      reply(this.status());
    } else if (msg.kind === 'pause') {
      this.running = false;
      this.loopDone.then(() => reply(this.status()), fail);
    } else {
      this.serial(async () => {
        if (msg.kind === 'backend') {
          if (msg.wasmThreads !== undefined) setWasmThreads(msg.wasmThreads);
          return reply(await this.backend(msg.choice, msg.settings, msg.only));
        }
        if (msg.kind === 'build') {
          const report = this.build(msg.settings);
          return reply(report, [report.real.buffer]);
        }
        if (msg.kind === 'live') {
          this.trainMode = msg.train;
          this.speed = msg.speed;
          if (this.session !== undefined) this.session.focus.mode = msg.train;
          return reply(this.status());
        }
        if (msg.kind === 'step') {
          await this.step();
          this.flush();
          return reply(this.status());
        }
        const view = await this.view(msg.arrows === true, msg.manifold === true);
        return reply(view, [view.fake.buffer, view.heat.buffer, ...(view.arrows ? [view.arrows.buffer] : []), ...(view.manifold ? [view.manifold.buffer] : [])]);
      }).catch(fail);
    }
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private status(): StepReport {
    return { session: this.sessionId, step: this.session?.step ?? 0, tensors: tf.memory().numTensors, rate: this.running ? this.rate.rate : undefined };
  }

  private async backend(choice: BackendChoice, settings: Settings, only: readonly BackendName[] | undefined): Promise<BackendReport> {
    const base = { choice, crossOriginIsolated: scope.crossOriginIsolated === true };
    this.rate.reset();
    if (choice === 'auto') {
      const auto = await chooseFastestBackend(settings, (text) => scope.postMessage({ type: 'measuring', text }), only);
      return { ...base, backend: auto.info.backend, label: describeBackend(auto.info), reason: auto.reason, simd: auto.info.simd, threads: auto.info.threads, trials: auto.trials };
    }
    const info = await startBackend(choice);
    return { ...base, backend: info.backend, label: describeBackend(info), reason: '', simd: info.simd, threads: info.threads, trials: [] };
  }

  private build(settings: Settings): SessionReport {
    this.session?.dispose();
    this.session = undefined;
    this.sent = { steps: 0, wasserstein: 0 };
    this.rate.reset();
    this.sessionId++;
    this.frames = 0;
    this.session = new Session(settings);
    this.session.focus.mode = this.trainMode;
    const { setup } = this.session;
    return { session: this.sessionId, note: setup.note, preset: setup.preset, heat: setup.heat, heatLabel: setup.heatLabel, heatResolution: HEAT_RESOLUTION, real: this.session.real.slice() };
  }

  private async step(): Promise<void> {
    const session = this.session;
    if (session === undefined) throw new Error('no session: build one first');
    const logs = await session.trainStep();
    this.rate.tick();
    if (!Number.isFinite(logs.discriminatorLoss) || !Number.isFinite(logs.generatorLoss)) {
      const loss = (v: number): string => (Number.isFinite(v) ? String(Number(v.toPrecision(3))) : String(v));
      throw new Error(`Training diverged at step ${logs.step} (a loss is ${loss(logs.discriminatorLoss)} / ${loss(logs.generatorLoss)}). Lower the learning rates or Reset.`);
    }
  }

  private run(): void {
    if (this.running) return;
    this.running = true;
    this.rate.reset();
    this.loopDone = this.loop();
  }

  private async loop(): Promise<void> {
    try {
      while (this.running) {
        await this.serial(() => this.step());
        if (performance.now() - this.lastProgress >= PROGRESS_INTERVAL_MS) this.flush();
        // Let the page's requests in between steps; in slow motion, wait some animation frames.
        await nextTask();
        for (let i = framesPerStep(this.speed); i > 0 && this.running; i--) {
          await nextFrame();
          this.frames++;
        }
      }
    } catch (err) {
      this.running = false;
      this.flush();
      scope.postMessage({ type: 'stopped', message: message(err), ...this.status() });
      return;
    }
    this.flush();
  }

  /** Sends the logs of the steps since the last progress event (the tail of the session's history). */
  private flush(): void {
    this.lastProgress = performance.now();
    const h = this.session?.history;
    if (h === undefined || h.step.length === this.sent.steps) return;
    const from = this.sent;
    this.sent = { steps: h.step.length, wasserstein: h.wasserstein.length };
    const logs: LogColumns = {
      step: Float32Array.from(h.step.slice(from.steps)),
      discriminatorLoss: Float32Array.from(h.discriminatorLoss.slice(from.steps)),
      generatorLoss: Float32Array.from(h.generatorLoss.slice(from.steps)),
      penalty: Float32Array.from(h.penalty.slice(from.steps)),
      wasserstein: Float32Array.from(h.wasserstein.slice(from.wasserstein)),
    };
    scope.postMessage({ type: 'progress', logs, ...this.status() }, Object.values(logs).map((c: Float32Array) => c.buffer));
  }

  private async view(arrows: boolean, manifold: boolean): Promise<ViewReport> {
    const session = this.session;
    if (session === undefined) throw new Error('no session: build one first');
    this.flush();
    const data = await session.view({ arrows, manifold });
    // Copies: a backend may hand out its own storage, and these buffers are transferred away.
    const fake = data.fake.slice();
    const heat = data.heat.slice();
    return {
      session: this.sessionId,
      step: session.step,
      fake,
      heat,
      ...(data.arrows !== undefined ? { arrows: data.arrows.slice() } : {}),
      ...(data.manifold !== undefined ? { manifold: data.manifold.slice() } : {}),
      manifoldSide: MANIFOLD_SIDE,
      ...(session.manifoldUnavailable !== undefined ? { manifoldUnavailable: session.manifoldUnavailable } : {}),
      frame: this.frames,
      tensors: tf.memory().numTensors,
    };
  }
}

const trainer = new Trainer();
scope.onmessage = (event) => trainer.handle(event.data);
