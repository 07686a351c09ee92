/**
 * Internal: one design for the synchronous and the awaitable form of long work.
 *
 * A long-running kernel is written once, as a generator function that `yield`s (nothing) at its
 * outer-loop checkpoints (an iteration, a restart, a tree, a simulation batch, a resample batch)
 * and `return`s its result. The synchronous form runs the generator to the end with
 * {@link runSteps}; the awaitable form `xAsync` drives the same generator with
 * {@link runStepsAsync}, which hands control back to the event loop (a macrotask, so timers, I/O
 * and clicks run) whenever a slice of {@link SLICE_MS} has elapsed, and stops with an
 * `AbortError` as soon as the signal has fired. Both forms run the same code in the same order,
 * so their results are identical.
 *
 * Conventions for a kernel:
 * - yield only at outer-loop checkpoints (never per element): each yield costs one generator
 *   resumption (tens of nanoseconds) in the sync form and one `performance.now()` in the async form;
 * - keep the work between two yields well under {@link SLICE_MS} for the sizes the function is
 *   documented for, so the event loop is reached at least every 50 ms;
 * - take the public function's name as a parameter (errors and progress name the form the user
 *   called: `segment/fitKMeans` or `segment/fitKMeansAsync`).
 */
import { AbortError } from './errors.js';

/** A long computation: yields at checkpoints, returns its result. */
export type Steps<T> = Generator<void, T, void>;

/** Time the awaitable form runs before it yields to the event loop (ms). */
export const SLICE_MS = 20;

let sliceOverride: number | undefined;

/** Tests only: yield to the event loop after every `ms` (0: at every checkpoint); `undefined` restores {@link SLICE_MS}. */
export function _setSliceMs(ms: number | undefined): void {
  sliceOverride = ms;
}

/** Runs a kernel to completion, synchronously. */
export function runSteps<T>(steps: Steps<T>): T {
  let r = steps.next();
  while (r.done !== true) r = steps.next();
  return r.value;
}

const now: () => number = typeof performance !== 'undefined' && typeof performance.now === 'function' ? () => performance.now() : () => Date.now();

/** A fresh macrotask: `setImmediate` (Node), else a `MessageChannel` message (browsers: no 4 ms timer clamp), else `setTimeout(0)`. */
const macrotask: () => Promise<void> = (() => {
  const g = globalThis as { setImmediate?: (cb: () => void) => unknown; MessageChannel?: typeof MessageChannel };
  if (typeof g.setImmediate === 'function') {
    const si = g.setImmediate;
    return () => new Promise<void>((resolve) => void si(resolve));
  }
  if (typeof g.MessageChannel === 'function') {
    const MC = g.MessageChannel;
    let channel: MessageChannel | null = null;
    const waiting: (() => void)[] = [];
    return () =>
      new Promise<void>((resolve) => {
        if (channel === null) {
          channel = new MC();
          channel.port1.onmessage = () => waiting.shift()?.();
        }
        waiting.push(resolve);
        channel.port2.postMessage(null);
      });
  }
  return () => new Promise<void>((resolve) => void setTimeout(resolve, 0));
})();

/** Hands control to the event loop once (a macrotask). */
export function yieldToEventLoop(): Promise<void> {
  return macrotask();
}

/** The `signal` of an options object when it is an AbortSignal (the kernel validates it). */
function signalOf(options: unknown): AbortSignal | undefined {
  if (typeof options !== 'object' || options === null || options instanceof Map) return undefined;
  let s: unknown;
  try {
    s = (options as { signal?: unknown }).signal;
  } catch {
    return undefined;
  }
  return typeof s === 'object' && s !== null && 'aborted' in s ? (s as AbortSignal) : undefined;
}

/**
 * Drives a kernel in slices of about {@link SLICE_MS}, yielding to the event loop between slices,
 * and rejects with `AbortError` (named `fn`) when `options.signal` has fired by the end of a slice. The
 * first slice starts at once, so invalid arguments reject without waiting. Abandoned kernels are
 * closed (`return()`), running their `finally` blocks.
 */
export async function runStepsAsync<T>(fn: string, steps: Steps<T>, options: unknown, sliceMs: number = sliceOverride ?? SLICE_MS): Promise<T> {
  const sig = signalOf(options);
  let done = false;
  try {
    let sliceStart = now();
    for (;;) {
      const r = steps.next();
      if (r.done === true) {
        done = true;
        return r.value;
      }
      if (now() - sliceStart >= sliceMs) {
        await macrotask();
        if (sig?.aborted) throw new AbortError(fn, sig.reason);
        sliceStart = now();
      }
    }
  } finally {
    if (!done) steps.return(undefined as never);
  }
}
