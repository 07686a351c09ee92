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
  /** Wall ms between the timer's due time and its callback. */
  timerLateMs: number;
  /** Largest process CPU time (ms) between two turns of a `setTimeout(0)` ticker while the work ran. */
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
 * Starts `work(signal)`, fires `ac.abort()` from a real `setTimeout(…, afterMs)`, and measures how
 * fast the promise settles and how often a `setTimeout(0)` ticker ran meanwhile.
 */
export async function abortWithTimer(work: (signal: AbortSignal) => Promise<unknown>, afterMs = 40): Promise<AbortRun> {
  const ac = new AbortController();
  let abortedAt = 0;
  let timerLateMs = 0;
  const due = performance.now() + afterMs;
  setTimeout(() => {
    abortedAt = performance.now();
    timerLateMs = abortedAt - due;
    ac.abort(new Error('user pressed stop'));
  }, afterMs);
  let running = true;
  let lastCpu = cpuMs();
  let lastWall = performance.now();
  let maxCpuGapMs = 0;
  let maxWallGapMs = 0;
  let ticks = 0;
  const tick = (): void => {
    if (!running) return;
    const c = cpuMs();
    const t = performance.now();
    maxCpuGapMs = Math.max(maxCpuGapMs, c - lastCpu);
    maxWallGapMs = Math.max(maxWallGapMs, t - lastWall);
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
  running = false;
  return { error, settleMs, timerLateMs, maxCpuGapMs, maxWallGapMs, ticks };
}

/**
 * The contract of an awaitable form: a timer abort rejects with AbortError naming `fn`, within
 * 100 ms of the abort, and the event loop ran at least every 50 ms of CPU time meanwhile (CPU time,
 * not wall time, so a loaded machine does not fail it; wall figures are in the benchmark).
 */
export async function expectStopsOnTimer(fn: string, work: (signal: AbortSignal) => Promise<unknown>, afterMs = 40): Promise<AbortRun> {
  const r = await abortWithTimer(work, afterMs);
  expect(r.error, `${fn} should reject with AbortError`).toBeInstanceOf(AbortError);
  expect((r.error as AbortError).fn).toBe(fn);
  expect(((r.error as AbortError).cause as Error).message).toBe('user pressed stop');
  expect(r.settleMs).toBeLessThan(100);
  expect(r.maxCpuGapMs).toBeLessThan(50);
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
