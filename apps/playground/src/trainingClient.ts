import type { MeasuringEvent, ProgressEvent, Request, RequestMessage, Responses, StoppedEvent, WorkerMessage } from './protocol.js';

/** What the worker sends without being asked. */
export type WorkerEvent = ProgressEvent | StoppedEvent | MeasuringEvent;

/**
 * The page's end of the training worker (src/worker.ts): starts it as a
 * module worker, turns each request into a promise of its reply, and hands
 * everything else the worker sends to `onEvent`.
 *
 * @example
 * ```ts
 * const client = new TrainingClient((event) => console.log(event.type));
 * const backend = await client.request({ kind: 'backend', choice: 'auto', settings });
 * await client.request({ kind: 'build', settings });
 * await client.request({ kind: 'run' });
 * ```
 */
export class TrainingClient {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(err: Error): void }>();

  /**
   * @param onEvent - receives progress, measuring and stopped events.
   * @param onCrash - called once if the worker itself fails (its script cannot load, or it throws outside a request).
   */
  constructor(onEvent: (event: WorkerEvent) => void, onCrash: (err: Error) => void = () => {}) {
    this.worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'gankit-training' });
    this.worker.onmessage = (e: MessageEvent<WorkerMessage>) => {
      const msg = e.data;
      if (msg.type !== 'reply') return onEvent(msg);
      const waiter = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      if (msg.ok) waiter?.resolve(msg.value);
      else waiter?.reject(new Error(msg.error));
    };
    this.worker.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      const err = new Error(`the training worker failed: ${e.message || 'its script did not load'}`);
      for (const waiter of this.pending.values()) waiter.reject(err);
      this.pending.clear();
      onCrash(err);
    };
  }

  /**
   * Sends a request and waits for its reply.
   *
   * @param request - what to ask (see protocol.ts).
   * @returns the worker's answer.
   * @throws with the worker's message when the request failed there.
   */
  request<K extends Request['kind']>(request: Extract<Request, { kind: K }>): Promise<Responses[K]> {
    const id = this.nextId++;
    return new Promise<Responses[K]>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ ...request, id } satisfies RequestMessage);
    });
  }

  /** Stops the worker (its tensors go with it). */
  terminate(): void {
    this.worker.terminate();
  }
}
