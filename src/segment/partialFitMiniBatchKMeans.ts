import { InvalidInputError, InvalidOptionError } from '../core/errors.js';
import { createRandom, createRandomFromState } from '../core/random.js';
import { integerInRange, numberInRange, options as checkOptions, seed as checkSeed } from '../core/validate.js';
import { assignLabels, kmeansPlusPlus } from './_kmeans.js';
import { expectCols, toFlat, toRows } from './_matrix.js';
import { _checkK, _weights } from './fitKMeans.js';
import { _miniBatchStep, type MiniBatchKMeansModel } from './fitMiniBatchKMeans.js';
import type { MatrixInput } from './types.js';
import { checkedModel } from './_model.js';
import { _checkKMeansModel } from './parseKMeansModel.js';

/** Options of {@link partialFitMiniBatchKMeans}. */
export interface PartialFitMiniBatchKMeansOptions {
  /** Number of clusters; only for the first call (no model yet). @defaultValue 8 */
  k?: number;
  /** Seed; only for the first call. @defaultValue 0 */
  seed?: number;
  /** Reassignment ratio; only for the first call. @defaultValue 0.01 */
  reassignmentRatio?: number;
  /** Non-negative weight per row of the batch. @defaultValue every row weighs 1 */
  sampleWeight?: ArrayLike<number>;
}

const FN = 'segment/partialFitMiniBatchKMeans';

/**
 * One mini-batch step on a new batch, as a pure function: returns a new model and leaves `model`
 * untouched. Pass `undefined` for the first batch: centres are then seeded with k-means++ on it
 * (it needs at least k distinct rows). Stream batches that do not fit in memory together, or that
 * arrive over time.
 *
 * @remarks O(b·k·d) for a batch of b rows. The model carries the random-generator state and the
 * per-centre counts, so a sequence of partial fits is deterministic and can be saved as JSON
 * between batches. `labels` and `inertia` of the result describe this batch (before the update for
 * inertia, after it for labels).
 * @see scikit-learn `MiniBatchKMeans.partial_fit`
 * @throws {@link InvalidInputError} on NaN, ±Infinity, holes, an empty batch, or a model that is
 * not a mini-batch k-means model
 * @throws {@link DimensionMismatchError} on ragged rows or a column count other than the model's
 * @throws {@link InvalidOptionError} on k/seed/reassignmentRatio given together with a model, k
 * larger than the first batch's distinct rows, or bad weights
 * @example
 * ```ts
 * import { partialFitMiniBatchKMeans } from 'crmkit/segment';
 * let model = partialFitMiniBatchKMeans(undefined, [[0, 0], [10, 10], [0, 1]], { k: 2 });
 * model = partialFitMiniBatchKMeans(model, [[10, 11], [1, 0]]);
 * model.samplesSeen; // => 5
 * model.labels[0] !== model.labels[1]; // => true
 * ```
 * @category Clustering
 */
export function partialFitMiniBatchKMeans(model: MiniBatchKMeansModel | undefined, batch: MatrixInput, options?: PartialFitMiniBatchKMeansOptions): MiniBatchKMeansModel {
  const o = checkOptions(FN, options, ['k', 'seed', 'reassignmentRatio', 'sampleWeight']);
  const m = toFlat(FN, 'batch', batch);
  const { rows: b, cols: d } = m;
  const w = _weights(FN, o.sampleWeight, b) ?? new Float64Array(b).fill(1);
  let k: number;
  let centers: Float64Array;
  let counts: Float64Array;
  let rng;
  let params: MiniBatchKMeansModel['params'];
  let steps = 0;
  let seen = 0;
  let sinceReassign = 0;
  if (model === undefined) {
    k = _checkK(FN, o.k === undefined ? 8 : o.k, m);
    const seed = checkSeed(FN, o.seed);
    const ratio = o.reassignmentRatio === undefined ? 0.01 : numberInRange(FN, 'options.reassignmentRatio', o.reassignmentRatio, { min: 0, max: 1 });
    rng = createRandom(seed);
    centers = kmeansPlusPlus(m.data, b, d, k, w, rng);
    counts = new Float64Array(k);
    params = { k, batchSize: b, reassignmentRatio: ratio, seed };
  } else {
    if (typeof model !== 'object' || model === null || model.kind !== 'miniBatchKMeans') {
      throw new InvalidInputError(FN, "model must be a mini-batch k-means model (kind 'miniBatchKMeans') or undefined", (model as { kind?: unknown } | null)?.kind);
    }
    checkedModel(FN, model, 'kmeans', _checkKMeansModel);
    for (const key of ['k', 'seed', 'reassignmentRatio'] as const) {
      if (o[key] !== undefined) throw new InvalidOptionError(FN, `options.${key} is taken from the model; pass it only on the first call`, o[key]);
    }
    expectCols(FN, 'batch', m, model.nFeatures);
    k = integerInRange(FN, 'model.params.k', model.params.k, { min: 1 });
    centers = new Float64Array(k * d);
    model.centroids.forEach((c, j) => centers.set(c, j * d));
    counts = Float64Array.from(model.counts);
    rng = createRandomFromState(model.randomState);
    params = model.params;
    steps = model.steps;
    seen = model.samplesSeen;
    sinceReassign = model.sinceReassign;
  }
  sinceReassign += b;
  let reassign = false;
  if (counts.some((c) => c === 0) || sinceReassign >= 10 * k) {
    reassign = true;
    sinceReassign = 0;
  }
  const labels = new Int32Array(b);
  const { inertia } = _miniBatchStep(m.data, null, b, d, k, w, centers, counts, reassign, params.reassignmentRatio, rng, labels);
  assignLabels(m.data, b, d, centers, k, null, labels);
  const st = rng.state();
  return {
    kind: 'miniBatchKMeans',
    formatVersion: 1,
    params,
    nFeatures: d,
    centroids: toRows(centers, k, d),
    counts: Array.from(counts),
    steps: steps + 1,
    samplesSeen: seen + b,
    labels: Array.from(labels),
    inertia,
    converged: true,
    randomState: [st[0], st[1], st[2], st[3]],
    sinceReassign,
  };
}
