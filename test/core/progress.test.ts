import { describe, expect, it } from 'vitest';
import { AbortError, InvalidOptionError, taskControl, type Progress } from 'crmkit';

describe('taskControl(fn, options)', () => {
  it('throws AbortError at once when the signal already fired, keeping the reason', () => {
    const ac = new AbortController();
    ac.abort('stop');
    try {
      taskControl('m/f', { signal: ac.signal });
      expect.fail('should throw');
    } catch (e) {
      expect(e).toBeInstanceOf(AbortError);
      expect((e as AbortError).cause).toBe('stop');
    }
  });

  it('throws at the next checkpoint after an abort', () => {
    const ac = new AbortController();
    const task = taskControl('m/f', { signal: ac.signal });
    task.checkpoint(1, 10);
    ac.abort();
    expect(() => task.checkpoint(2, 10)).toThrow(AbortError);
  });

  it('throttles reports but always sends the final one', () => {
    const seen: Progress[] = [];
    const task = taskControl('m/f', { onProgress: (p) => seen.push(p) }, { intervalMs: 60_000 });
    for (let i = 1; i <= 100; i++) task.checkpoint(i, 100, 'loop');
    expect(seen.map((p) => p.completed)).toEqual([1, 100]);
    expect(seen[1]).toEqual({ fn: 'm/f', completed: 100, total: 100, stage: 'loop' });
  });

  it('validates its options', () => {
    expect(() => taskControl('m/f', { signal: {} as AbortSignal })).toThrow(InvalidOptionError);
    expect(() => taskControl('m/f', { onProgress: 3 as unknown as () => void })).toThrow(InvalidOptionError);
  });
});
