/**
 * Shared checks of the prediction functions.
 * @internal
 * @module
 */
import { InvalidInputError, ModelFormatError } from '../core/errors.js';
import { arrayLike, numberInRange } from '../core/validate.js';
import { checkCustomer, type BtydCustomer } from './_btyd.js';
import type { PurchaseModel } from './models.js';
import { toDiscrete, type DiscreteData } from './fitBetaGeoBetaBinom.js';

const KINDS = ['betaGeo', 'modifiedBetaGeo', 'paretoNbd', 'betaGeoBetaBinom'] as const;
const PARAM_NAMES: Record<(typeof KINDS)[number], readonly string[]> = {
  betaGeo: ['r', 'alpha', 'a', 'b'],
  modifiedBetaGeo: ['r', 'alpha', 'a', 'b'],
  paretoNbd: ['r', 'alpha', 's', 'beta'],
  betaGeoBetaBinom: ['alpha', 'beta', 'gamma', 'delta'],
};

/** Checks that `model` is a purchase model this version can predict with. */
export function purchaseModel(fn: string, model: unknown): PurchaseModel {
  if (model === null || typeof model !== 'object') throw new ModelFormatError(fn, 'model must be a fitted purchase model object', model);
  const kind = (model as { kind?: unknown }).kind;
  if (!(KINDS as readonly unknown[]).includes(kind)) throw new ModelFormatError(fn, `model.kind must be one of ${KINDS.map((k) => `'${k}'`).join(', ')}`, kind);
  const params = (model as { params?: unknown }).params;
  if (params === null || typeof params !== 'object' || Array.isArray(params) || params instanceof Map) throw new ModelFormatError(fn, 'model.params must be a plain object of named parameters', params);
  const p = params as Record<string, unknown>;
  for (const k of PARAM_NAMES[kind as (typeof KINDS)[number]]) {
    const v = Object.hasOwn(p, k) ? p[k] : undefined;
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) throw new ModelFormatError(fn, `model.params.${k} must be a finite number > 0`, v);
  }
  return model as PurchaseModel;
}

/** Validated customers as columns. */
export function customerColumns(fn: string, customers: unknown): { x: Float64Array; tx: Float64Array; T: Float64Array } {
  const arr = arrayLike<BtydCustomer>(fn, 'customers', customers);
  const x = new Float64Array(arr.length);
  const tx = new Float64Array(arr.length);
  const T = new Float64Array(arr.length);
  for (let i = 0; i < arr.length; i++) {
    checkCustomer(fn, 'customers', i, arr[i]);
    x[i] = arr[i]!.frequency;
    tx[i] = arr[i]!.recency;
    T[i] = arr[i]!.T;
  }
  return { x, tx, T };
}

/** A time horizon t ≥ 0. */
export function horizon(fn: string, name: string, t: unknown): number {
  return numberInRange(fn, name, t, { min: 0 });
}

/** Throws when a prediction is not finite (never return NaN). */
export function finiteResult(fn: string, v: number, what: string): number {
  if (!Number.isFinite(v)) throw new InvalidInputError(fn, `${what} is not finite for these parameters (e.g. a ≤ 1 gives an infinite expectation)`, v);
  return v;
}

/** Validated discrete (BG/BB) customers. */
export function discreteColumns(fn: string, customers: unknown): DiscreteData {
  const arr = arrayLike(fn, 'customers', customers);
  if (arr.length === 0) return { x: new Int32Array(0), tx: new Int32Array(0), n: new Int32Array(0), w: new Float64Array(0), totalWeight: 0, nMax: 0 };
  return toDiscrete(fn, customers);
}

export { coreErrorsAs } from './_errors.js';
