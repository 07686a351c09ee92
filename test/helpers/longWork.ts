/**
 * Checks for the awaitable forms of long work (core/_steps): a real `setTimeout` abort, and how
 * often the event loop is reached while the work runs.
 */
import { expect } from 'vitest';
import { AbortError } from 'crmkit';
import { _setSliceMs } from '../../src/core/_steps.js';

/** What {@link abortWithTimer} saw. */
export interface AbortRun {
  /** The error the promise rejected with. */
  error: unknown;
  /** Wall ms from the abort (inside the timer callback) to the rejection being observed. */
  settleMs: number;
  /** Process CPU ms from the abort to the rejection being observed. */
  settleCpuMs: number;
  /** Wall ms between the timer's due time and its callback. */
  timerLateMs: number;
  /** Process CPU time (ms) from the call to the ticker's first turn: argument validation and the first slice. */
  firstSliceCpuMs: number;
  /** Longest stretch without an event-loop turn: per gap, the smaller of its CPU and wall time. */
  maxCpuGapMs: number;
  /** Largest wall gap (ms) between two ticker turns. */
  maxWallGapMs: number;
  /** Ticker turns during the work. */
  ticks: number;
}

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/**
 * Starts `work(signal)`, fires `ac.abort()` from a real `setTimeout(…, afterMs)` armed at the first
 * turn of the event loop after the call (the call validates and prepares its input first), and measures how
 * fast the promise settles and how often a `setTimeout(0)` ticker ran meanwhile.
 */
export async function abortWithTimer(work: (signal: AbortSignal) => Promise<unknown>, afterMs = 150): Promise<AbortRun> {
  const ac = new AbortController();
  let abortedAt = 0;
  let abortedCpu = 0;
  let timerLateMs = 0;
  let due = NaN;
  const armAbort = (): void => {
    due = performance.now() + afterMs;
    setTimeout(() => {
      abortedAt = performance.now();
      abortedCpu = cpuMs();
      timerLateMs = abortedAt - due;
      ac.abort(new Error('user pressed stop'));
    }, afterMs);
  };
  let running = true;
  const startCpu = cpuMs();
  let lastCpu = NaN;
  let lastWall = NaN;
  let firstSliceCpuMs = NaN;
  let maxCpuGapMs = 0;
  let maxWallGapMs = 0;
  let ticks = 0;
  const tick = (): void => {
    if (!running) return;
    const c = cpuMs();
    const t = performance.now();
    if (ticks === 0) {
      firstSliceCpuMs = c - startCpu;
      armAbort(); // the abort timer starts once the call has returned and the event loop turned
    }
    else {
      // The work's own time between two turns of the event loop is at most the wall time elapsed and at
      // most the CPU time the process used: a loaded machine inflates the first, parallel GC/JIT threads
      // the second, so the smaller of the two bounds it.
      maxCpuGapMs = Math.max(maxCpuGapMs, Math.min(c - lastCpu, t - lastWall));
      maxWallGapMs = Math.max(maxWallGapMs, t - lastWall);
    }
    lastCpu = c;
    lastWall = t;
    ticks++;
    setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
  let error: unknown = null;
  try {
    await work(ac.signal);
  } catch (e) {
    error = e;
  }
  const settleMs = performance.now() - abortedAt;
  const settleCpuMs = cpuMs() - abortedCpu;
  running = false;
  return { error, settleMs, settleCpuMs, timerLateMs, firstSliceCpuMs, maxCpuGapMs, maxWallGapMs, ticks };
}

/**
 * The contract of an awaitable form: a timer abort rejects with AbortError naming `fn`, within
 * 100 ms (of CPU time) of the abort, and once the call has returned its promise the event loop runs at least every
 * 50 ms of CPU time (CPU time, not wall time, so a loaded machine does not fail it; wall figures are
 * in the benchmark). The call itself validates its arguments synchronously before the first slice
 * (O(input), like copying it).
 */
export async function expectStopsOnTimer(fn: string, work: (signal: AbortSignal) => Promise<unknown>, afterMs = 150): Promise<AbortRun> {
  await abortWithTimer(work, afterMs); // warm-up: the first run's JIT compilation runs on other threads, counted in process CPU time
  // On a quiet machine the work may finish before a late timer fires: abort sooner until the timer
  // lands while the work runs (the contract is about stopping running work, not about its length).
  let used = afterMs;
  let r = await abortWithTimer(work, used);
  for (const sooner of [30, 5, 1]) {
    if (r.error !== null || sooner >= afterMs) break;
    used = sooner;
    r = await abortWithTimer(work, used);
  }
  // A stop-the-world GC pause (100 ms and more on a large heap) can land in one run; a kernel that
  // does not yield fails every run. One more run separates the two.
  if (r.maxCpuGapMs >= 50) r = await abortWithTimer(work, used);
  if (process.env.CRMKIT_LONGWORK_LOG === '1') console.log(fn, JSON.stringify(r, (k, v) => (k === 'error' ? undefined : typeof v === 'number' ? Math.round(v * 10) / 10 : v)));
  expect(r.error, `${fn} should reject with AbortError`).toBeInstanceOf(AbortError);
  expect((r.error as AbortError).fn).toBe(fn);
  expect(((r.error as AbortError).cause as Error).message).toBe('user pressed stop');
  expect(r.settleCpuMs).toBeLessThan(100);
  expect(r.ticks, 'the event loop should have run during the work').toBeGreaterThan(1);
  expect(r.maxCpuGapMs, `${fn}: longest stretch without an event-loop turn`).toBeLessThan(50);
  return r;
}

/** Runs `body` with the async driver yielding to the event loop at every checkpoint. */
export async function withEverySlice<T>(body: () => Promise<T>): Promise<T> {
  _setSliceMs(0);
  try {
    return await body();
  } finally {
    _setSliceMs(undefined);
  }
}

/**
 * The awaitable form gives what the synchronous form gives (deep equality), or rejects with the
 * same error class and message (named after the async form), yielding at every checkpoint.
 */
export async function expectSameAsync<A extends unknown[], R>(sync: (...args: A) => R, asyncForm: (...args: A) => Promise<R>, ...args: A): Promise<void> {
  let expected: R;
  try {
    expected = sync(...args);
  } catch (e) {
    const err = e as Error & { fn?: string };
    let got: unknown = null;
    try {
      await withEverySlice(() => asyncForm(...args));
    } catch (e2) {
      got = e2;
    }
    expect(got, `the async form should reject like ${String(err.message)}`).toBeInstanceOf(err.constructor);
    // errors naming the called function name the async form; errors an inner helper names (a bug
    // the hardening fuzz tracks) carry the same text in both forms
    const renamed = err.fn !== undefined && (got as { fn?: string }).fn === `${err.fn}Async`;
    expect((got as Error).message).toBe(renamed ? err.message.replace(`${err.fn}:`, `${err.fn}Async:`) : err.message);
    return;
  }
  expect(await withEverySlice(() => asyncForm(...args))).toEqual(expected);
}
