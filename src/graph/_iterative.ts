/**
 * Option helpers shared by the iterative centralities.
 *
 * @internal
 * @module
 */
import { InvalidOptionError, NotConvergedError } from '../core/errors.js';
import { boolean, integerInRange, numberInRange } from '../core/validate.js';
import type { CompiledGraph } from './_compile.js';

export interface IterativeSettings {
  maxIterations: number;
  tolerance: number;
  strict: boolean;
}

export function iterativeSettings(
  fn: string,
  o: { maxIterations?: unknown; tolerance?: unknown; strict?: unknown },
  defaults: { maxIterations: number; tolerance: number },
): IterativeSettings {
  return {
    maxIterations:
      o.maxIterations === undefined ? defaults.maxIterations : integerInRange(fn, 'options.maxIterations', o.maxIterations, { min: 1, max: 1e9 }),
    tolerance:
      o.tolerance === undefined ? defaults.tolerance : numberInRange(fn, 'options.tolerance', o.tolerance, { min: 0, minExclusive: true }),
    strict: o.strict === undefined ? false : boolean(fn, 'options.strict', o.strict),
  };
}

export function notConverged(fn: string, s: IterativeSettings): never {
  throw new NotConvergedError(fn, `did not converge within ${s.maxIterations} iterations (tolerance ${s.tolerance})`, s.maxIterations);
}

/**
 * Reads a node-keyed option (`Record<string, number>` or `Map<string, number>`) into a dense array;
 * missing nodes get `fill`. Unknown keys and values that are not finite numbers ≥ 0 (or any finite
 * number when `allowNegative`) throw.
 */
export function nodeVector(
  fn: string,
  name: string,
  g: CompiledGraph,
  value: unknown,
  fill: number,
  allowNegative = false,
): Float64Array {
  const out = new Float64Array(g.n).fill(fill);
  let entries: Iterable<[unknown, unknown]>;
  if (value instanceof Map) entries = value.entries() as Iterable<[unknown, unknown]>;
  else if (value !== null && typeof value === 'object' && !Array.isArray(value)) entries = Object.entries(value);
  else throw new InvalidOptionError(fn, `${name} must be an object or Map from node key to number`, value);
  for (const [key, v] of entries) {
    const k = typeof key === 'number' ? String(key) : key;
    const i = typeof k === 'string' ? g.index.get(k) : undefined;
    if (i === undefined) throw new InvalidOptionError(fn, `${name} has a key that is not a node of the graph`, key);
    if (typeof v !== 'number' || !Number.isFinite(v) || (!allowNegative && v < 0)) {
      throw new InvalidOptionError(fn, `${name}[${String(k)}] must be a finite number${allowNegative ? '' : ' >= 0'}`, v);
    }
    out[i] = v;
  }
  return out;
}
