/**
 * Adapter calls with a timeout, retries with exponential backoff and seeded jitter, and rate-limit
 * detection, shared by the syncs.
 *
 * @internal
 * @module
 */
import { AbortError, ConnectorError, InvalidOptionError } from '../core/errors.js';
import { createRandom, type Random } from '../core/random.js';

/** Retry settings of the syncs. */
export interface RetryOptions {
  /**
   * Attempts per adapter call, the first included.
   * @defaultValue 5
   */
  maxAttempts?: number;
  /**
   * Delay before the first retry; doubled each time.
   * @defaultValue 500
   */
  baseDelayMs?: number;
  /**
   * Cap on one delay.
   * @defaultValue 30000
   */
  maxDelayMs?: number;
  /**
   * Seed of the jitter (each delay is drawn uniformly in [delay/2, delay]).
   * @defaultValue 0
   */
  seed?: number;
}

export interface Retrier {
  retries: number;
  /** Runs `call`; returns `{ rateLimited }` instead of throwing when the adapter asked to wait. */
  run<T>(what: string, call: (signal: AbortSignal) => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; retryAfterMs: number }>;
}

class TimeoutError extends Error {
  readonly retryable = true;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (ms <= 0) return resolve();
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(t);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function retrier(fn: string, retry: RetryOptions | undefined, timeoutMs: number | undefined, signal: AbortSignal | undefined): Retrier {
  const r = retry ?? {};
  if (r === null || typeof r !== 'object') throw new InvalidOptionError(fn, 'options.retry must be an object', r);
  const maxAttempts = r.maxAttempts ?? 5;
  const base = r.baseDelayMs ?? 500;
  const cap = r.maxDelayMs ?? 30_000;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new InvalidOptionError(fn, 'options.retry.maxAttempts must be an integer >= 1', maxAttempts);
  if (!(base >= 0) || !(cap >= 0) || !Number.isFinite(base) || !Number.isFinite(cap)) throw new InvalidOptionError(fn, 'options.retry delays must be finite numbers >= 0', base);
  if (timeoutMs !== undefined && !(typeof timeoutMs === 'number' && timeoutMs > 0)) throw new InvalidOptionError(fn, 'options.timeoutMs must be a number > 0', timeoutMs);
  const rng: Random = createRandom(r.seed ?? 0);
  const state: Retrier = {
    retries: 0,
    async run(what, call) {
      for (let attempt = 1; ; attempt++) {
        if (signal?.aborted) throw new AbortError(fn, signal.reason);
        const ac = new AbortController();
        const onOuter = (): void => ac.abort(signal!.reason);
        signal?.addEventListener('abort', onOuter, { once: true });
        let timer: ReturnType<typeof setTimeout> | undefined;
        try {
          const p = call(ac.signal);
          const value =
            timeoutMs === undefined
              ? await p
              : await Promise.race([
                  p,
                  new Promise<never>((_, reject) => {
                    timer = setTimeout(() => {
                      const e = new TimeoutError(`${what} timed out after ${timeoutMs} ms`);
                      ac.abort(e);
                      reject(e);
                    }, timeoutMs);
                  }),
                ]);
          return { ok: true, value };
        } catch (e) {
          if (signal?.aborted) throw new AbortError(fn, signal.reason);
          const err = e as { retryAfter?: unknown; retryable?: unknown };
          if (err !== null && typeof err === 'object' && typeof err.retryAfter === 'number' && err.retryAfter >= 0) {
            return { ok: false, retryAfterMs: err.retryAfter * 1000 };
          }
          const retryable = err !== null && typeof err === 'object' && err.retryable === true;
          if (!retryable) throw new ConnectorError(fn, `${what} failed`, e);
          if (attempt >= maxAttempts) throw new ConnectorError(fn, `${what} failed after ${attempt} attempts`, e);
          const delay = Math.min(cap, base * 2 ** (attempt - 1));
          state.retries++;
          await sleep(delay / 2 + (delay / 2) * rng.uniform(), signal).catch(() => {
            throw new AbortError(fn, signal?.reason);
          });
        } finally {
          if (timer !== undefined) clearTimeout(timer);
          signal?.removeEventListener('abort', onOuter);
        }
      }
    },
  };
  return state;
}
