/**
 * The messages between the page and the training worker (src/worker.ts).
 *
 * The page sends {@link RequestMessage}s, each with an id; the worker answers
 * each with one {@link Reply} carrying that id, in the order it handles them
 * (between training steps), and meanwhile sends {@link ProgressEvent}s while
 * it trains and a {@link StoppedEvent} when it stops on its own. Large arrays
 * (generated points, heat-map values, loss columns) travel as transferred
 * `Float32Array`s, never copied.
 *
 * Only types live here, so importing it costs the page nothing at run time.
 */
import type { GanPresetName } from '@gankit/trainers';
import type { BackendName } from './backend.js';
import type { BackendChoice, Settings } from './settings.js';
import type { HeatScale } from './setups.js';
import type { Speed } from './speed.js';
import type { TrainMode } from './trainFocus.js';

/** One backend tried by the `auto` choice: its measured speed on the setup, or why it was not timed. */
export interface BackendTrial {
  /** The tfjs backend name. */
  readonly backend: string;
  /** e.g. `SwiftShader, software`: what the probe found out about it. */
  readonly detail?: string;
  /** Training steps per second of the setup, after a warm-up. */
  readonly stepsPerSecond?: number;
  /** When it was not timed to the end: why (e.g. `no WebGPU adapter`). */
  readonly skipped?: string;
}

/** The backend the worker trains on, and how it was chosen. */
export interface BackendReport {
  /** What was asked for. */
  readonly choice: BackendChoice;
  /** The tfjs backend in use. */
  readonly backend: string;
  /** One line naming it, e.g. `wasm (SIMD, 2 threads)`. */
  readonly label: string;
  /** One line on why it runs: the `auto` measurement, or why another backend is missing. Empty when there is nothing to say. */
  readonly reason: string;
  /** Whether wasm runs its SIMD build (false for other backends). */
  readonly simd: boolean;
  /** Threads the backend computes with (wasm: XNNPACK's pool; 1 for others). */
  readonly threads: number;
  /** Whether the worker is cross-origin isolated (SharedArrayBuffer, so wasm threads, need it). */
  readonly crossOriginIsolated: boolean;
  /** Every backend `auto` looked at, in the order it tried them (empty for a forced choice). */
  readonly trials: readonly BackendTrial[];
}

/** A new session's description, for the page's notes and views. */
export interface SessionReport {
  /** Counts the worker's sessions, so a late message of an old one can be told apart. */
  readonly session: number;
  readonly note: string;
  readonly preset: GanPresetName;
  readonly heat: HeatScale;
  readonly heatLabel: string;
  /** Cells per side of the heat map. */
  readonly heatResolution: number;
  /** Real points for the samples view: x0, y0, x1, y1, … */
  readonly real: Float32Array;
}

/** What the views draw, read back in the worker in one go. */
export interface ViewReport {
  readonly session: number;
  /** The step the view shows. */
  readonly step: number;
  /** Generated points (fixed latent codes): x0, y0, x1, y1, … */
  readonly fake: Float32Array;
  /** The discriminator's raw output on the heat-map grid, row 0 at the top. */
  readonly heat: Float32Array;
  /** −∂L_G/∂x at each generated point, x, y each: where the generator's loss pushes it (when asked for). */
  readonly arrows?: Float32Array;
  /** G's outputs on `latentGrid(manifoldSide)` (x, y each), when asked for and the latent is 2-D noise. */
  readonly manifold?: Float32Array;
  /** Latent codes per side of the manifold's grid. */
  readonly manifoldSide: number;
  /** Why there is no manifold (e.g. the latent size is not 2); undefined when there is one. */
  readonly manifoldUnavailable?: string;
  /** Animation frames the worker has waited between steps (slow motion) in this session. */
  readonly frame: number;
  /** `tf.memory().numTensors` in the worker. */
  readonly tensors: number;
}

/** The logged values of consecutive steps, one column each. */
export interface LogColumns {
  readonly step: Float32Array;
  readonly discriminatorLoss: Float32Array;
  readonly generatorLoss: Float32Array;
  readonly penalty: Float32Array;
  /** Empty for losses without a Wasserstein estimate. */
  readonly wasserstein: Float32Array;
}

/** Where training stands after a step, a pause or a batch of steps. */
export interface StepReport {
  readonly session: number;
  /** Steps completed. */
  readonly step: number;
  /** `tf.memory().numTensors` in the worker. */
  readonly tensors: number;
  /** Steps per second over the last few seconds of running, if known. */
  readonly rate: number | undefined;
}

/** What the page can ask the worker. */
export type Request =
  /**
   * Start or switch the backend; `auto` measures the available ones on `settings` (only those in `only`, if given).
   * `wasmThreads` sizes wasm's thread pool if wasm has not started in this worker yet. Running training continues on it.
   */
  | { readonly kind: 'backend'; readonly choice: BackendChoice; readonly settings: Settings; readonly only?: readonly BackendName[]; readonly wasmThreads?: number }
  /** A fresh session (Reset, or new settings): the old one is freed. Training keeps running if it was. */
  | { readonly kind: 'build'; readonly settings: Settings }
  /** One training step (while paused). */
  | { readonly kind: 'step' }
  /** Train continuously; replied to at once. */
  | { readonly kind: 'run' }
  /** Stop training; replied to once the step in flight has landed. */
  | { readonly kind: 'pause' }
  /** Generated points and the heat map now; the generator-gradient arrows and the latent manifold too when asked. */
  | { readonly kind: 'view'; readonly arrows?: boolean; readonly manifold?: boolean }
  /** What the next steps train (both networks, D only, G only) and how fast the run loop goes; the session is kept. */
  | { readonly kind: 'live'; readonly train: TrainMode; readonly speed: Speed };

/** What the worker answers to each kind of request. */
export interface Responses {
  readonly backend: BackendReport;
  readonly build: SessionReport;
  readonly step: StepReport;
  readonly run: StepReport;
  readonly pause: StepReport;
  readonly view: ViewReport;
  readonly live: StepReport;
}

/** A request on the wire. */
export type RequestMessage = Request & { readonly id: number };

/** The answer to the request with the same id. */
export type Reply = { readonly type: 'reply'; readonly id: number; readonly ok: true; readonly value: Responses[Request['kind']] } | { readonly type: 'reply'; readonly id: number; readonly ok: false; readonly error: string };

/** Sent while training: the steps since the last progress event. */
export interface ProgressEvent extends StepReport {
  readonly type: 'progress';
  readonly logs: LogColumns;
}

/** The worker stopped training on its own: a loss diverged or a step failed. */
export interface StoppedEvent extends StepReport {
  readonly type: 'stopped';
  /** One line for the page's message box. */
  readonly message: string;
}

/** Progress of the `auto` measurement, for the backend status while it runs. */
export interface MeasuringEvent {
  readonly type: 'measuring';
  /** e.g. `measuring webgl…` */
  readonly text: string;
}

/** Anything the worker sends. */
export type WorkerMessage = Reply | ProgressEvent | StoppedEvent | MeasuringEvent;
