import { describe, expect, it } from 'vitest';
import { AbortError, taskControl } from 'crmkit';
import { runSteps, runStepsAsync, yieldToEventLoop, type Steps } from '../../src/core/_steps.js';
import { expectStopsOnTimer, withEverySlice } from '../helpers/longWork.js';

function* count(n: number, log: string[]): Steps<number> {
  let s = 0;
  try {
    for (let i = 0; i < n; i++) {
      yield;
      s += i;
    }
  } finally {
    log.push('closed');
  }
  return s;
}

/** Busy work in checkpoints of about `stepMs`, for `totalMs` in all. */
function* spin(fn: string, totalMs: number, stepMs: number, signal?: AbortSignal): Steps<string> {
  const task = taskControl(fn, signal === undefined ? {} : { signal });
  const end = performance.now() + totalMs;
  while (performance.now() < end) {
    const stop = performance.now() + stepMs;
    while (performance.now() < stop);
    task.checkpoint(0);
    yield;
  }
  return 'done';
}

describe('runSteps / runStepsAsync (core/_steps)', () => {
  it('runSteps(gen) runs a kernel to its return value, synchronously', () => {
    const log: string[] = [];
    expect(runSteps(count(5, log))).toBe(10);
    expect(log).toEqual(['closed']);
  });

  it('runStepsAsync gives the same value, also when it yields at every checkpoint', async () => {
    const log: string[] = [];
    expect(await runStepsAsync('m/f', count(1000, log), {})).toBe(499500);
    expect(await withEverySlice(() => runStepsAsync('m/f', count(1000, log), {}))).toBe(499500);
  });

  it('reaches the event loop between slices: a timer fires while the kernel runs', async () => {
    const fired: number[] = [];
    setTimeout(() => fired.push(1), 0);
    const r = await runStepsAsync('m/f', spin('m/f', 200, 2), {});
    expect(r).toBe('done');
    expect(fired).toEqual([1]);
  });

  it('a setTimeout abort stops it within 100 ms, with the event loop reached every < 50 ms of CPU', async () => {
    const r = await expectStopsOnTimer('m/fAsync', (signal) => runStepsAsync('m/fAsync', spin('m/fAsync', 5000, 2), { signal }));
    expect(r.ticks).toBeGreaterThan(0);
  });

  it('an abort between checkpoints is seen by the driver even if the kernel never checks, and the kernel is closed', async () => {
    const log: string[] = [];
    const ac = new AbortController();
    const p = withEverySlice(() => runStepsAsync('m/fAsync', count(1e9, log), { signal: ac.signal }));
    await yieldToEventLoop();
    ac.abort('why');
    await expect(p).rejects.toBeInstanceOf(AbortError);
    await expect(p).rejects.toMatchObject({ fn: 'm/fAsync', cause: 'why' });
    expect(log).toEqual(['closed']);
  });

  it('errors thrown before the first checkpoint reject the promise (never throw synchronously)', async () => {
    function* bad(): Steps<number> {
      throw new RangeError('x');
    }
    const p = runStepsAsync('m/f', bad(), {});
    await expect(p).rejects.toThrow('x');
  });

  it('ignores a signal it cannot read (the kernel validates options)', async () => {
    const log: string[] = [];
    expect(await runStepsAsync('m/f', count(3, log), new Map([['signal', 1]]))).toBe(3);
    expect(await runStepsAsync('m/f', count(3, log), { get signal() { throw new Error('no'); } })).toBe(3);
  });
});
