/**
 * Cancellation and progress for long work (fits, simulations, syncs).
 *
 * @module
 */
import { AbortError, InvalidInputError, InvalidOptionError } from './errors.js';

/** A progress report passed to `onProgress`. */
export interface Progress {
  /** The `module/function` reporting. */
  fn: string;
  /** Units of work done so far (iterations, sources, records, …). */
  completed: number;
  /** Total units when known in advance (a cap for iterative fits). */
  total?: number;
  /** What is happening now, for display (for example `'restart 3 of 10'`). */
  stage?: string;
}

/** Options every long-running function accepts. */
export interface LongRunOptions {
  /** Cancels the work; the function throws {@link AbortError} at its next checkpoint. */
  signal?: AbortSignal;
  /** Called at checkpoints with the work done so far. Exceptions it throws propagate. */
  onProgress?: (progress: Progress) => void;
}

/** The checkpoint object a kernel calls from its loop. */
export interface TaskControl {
  /** Throws {@link AbortError} if the signal has fired. Cheap: call it freely. */
  throwIfAborted(): void;
  /** Checks the signal, then reports progress (at most every `intervalMs`, and always when done). */
  checkpoint(completed: number, total?: number, stage?: string): void;
}

/**
 * Builds the checkpoint helper for a long-running function from its `signal` / `onProgress`
 * options, validating both. Reports are throttled to one per `intervalMs` (default 50 ms), and the
 * final one (`completed === total`) is always sent.
 *
 * @throws {@link InvalidOptionError} when `signal` is not an AbortSignal or `onProgress` not a function
 * @throws {@link AbortError} right away if the signal has already fired
 * @example
 * ```ts
 * import { taskControl } from 'crmkit';
 * const seen: number[] = [];
 * const task = taskControl('demo/loop', { onProgress: (p) => seen.push(p.completed) }, { intervalMs: 0 });
 * for (let i = 1; i <= 3; i++) task.checkpoint(i, 3);
 * seen; // => [1, 2, 3]
 * ```
 * @category Long work
 */
export function taskControl(fn: string, options: LongRunOptions = {}, config: { intervalMs?: number } = {}): TaskControl {
  if (typeof fn !== 'string' || fn.length === 0 || fn.length > 100) throw new InvalidInputError('core/taskControl', "fn must name the calling function as 'module/function'", fn);
  if (typeof options !== 'object' || options === null) throw new InvalidOptionError(fn, 'options must be an object', options);
  if (typeof config !== 'object' || config === null) throw new InvalidInputError('core/taskControl', 'config must be an object', config);
  if (config.intervalMs !== undefined && !(typeof config.intervalMs === 'number' && config.intervalMs >= 0 && config.intervalMs <= 3.6e6)) {
    throw new InvalidInputError('core/taskControl', 'config.intervalMs must be a number of milliseconds in [0, 3600000]', config.intervalMs);
  }
  const { signal, onProgress } = options;
  if (signal !== undefined && !(typeof signal === 'object' && signal !== null && 'aborted' in signal)) {
    throw new InvalidOptionError(fn, 'options.signal must be an AbortSignal', signal);
  }
  if (onProgress !== undefined && typeof onProgress !== 'function') {
    throw new InvalidOptionError(fn, 'options.onProgress must be a function', onProgress);
  }
  const interval = config.intervalMs ?? 50;
  let last = -Infinity;
  const throwIfAborted = (): void => {
    if (signal?.aborted) throw new AbortError(fn, signal.reason);
  };
  throwIfAborted();
  return {
    throwIfAborted,
    checkpoint(completed, total, stage) {
      throwIfAborted();
      if (onProgress === undefined) return;
      const now = Date.now();
      const done = total !== undefined && completed >= total;
      if (!done && now - last < interval) return;
      last = now;
      const p: Progress = { fn, completed };
      if (total !== undefined) p.total = total;
      if (stage !== undefined) p.stage = stage;
      onProgress(p);
    },
  };
}
