/**
 * Error relabelling shared by the value module's fits and predictions.
 * @internal
 * @module
 */
import { AbortError, CrmkitError } from '../core/errors.js';

/**
 * Runs `body`, re-labelling errors thrown by core kernels (`core/hyp2f1: …`) with the user's function,
 * so a message names what the user called; the kernel's message is kept after it.
 */
export function coreErrorsAs<T>(fn: string, body: () => T): T {
  try {
    return body();
  } catch (e) {
    throw relabel(fn, e);
  }
}

/** The error to throw in place of `e`: a core error renamed to `fn`, anything else unchanged. */
export function relabel(fn: string, e: unknown): unknown {
  if (!(e instanceof CrmkitError) || e.fn === fn) return e;
  const core = e.fn.startsWith('core/');
  // a value function called inside another (periodTransactions → probabilityOfPurchases) names the outer one
  if (!core && !e.fn.startsWith('value/')) return e;
  if (e instanceof AbortError) return new AbortError(fn, e.cause);
  const Ctor = e.constructor as new (fn: string, message: string, value: unknown) => CrmkitError;
  const x = e as { iterations?: unknown; received?: unknown };
  return new Ctor(fn, core ? `a special function failed (${e.message})` : `(in ${e.message})`, 'iterations' in x ? x.iterations : x.received);
}

/** True for an error a core kernel throws on arguments out of its range (overflow at an extreme trial point). */
export function isCoreKernelError(e: unknown): boolean {
  return e instanceof CrmkitError && e.fn.startsWith('core/') && !(e instanceof AbortError);
}
