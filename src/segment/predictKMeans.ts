import { InvalidInputError } from '../core/errors.js';
import { assignLabels } from './_kmeans.js';
import { expectCols, toFlat } from './_matrix.js';
import type { KMeansModel } from './fitKMeans.js';
import type { MiniBatchKMeansModel } from './fitMiniBatchKMeans.js';
import type { MatrixInput } from './types.js';

/**
 * Assigns each row to its nearest centroid (squared Euclidean distance; the lower index on ties).
 * Pure; works for models from {@link fitKMeans} and {@link fitMiniBatchKMeans}.
 *
 * @remarks O(n·k·d).
 * @see scikit-learn `KMeans.predict`
 * @throws {@link InvalidInputError} on NaN, ±Infinity, holes, an empty X, or a model without centroids
 * @throws {@link DimensionMismatchError} on ragged rows or a column count other than the model's
 * @example
 * ```ts
 * import { fitKMeans, predictKMeans } from 'crmkit/segment';
 * const model = fitKMeans([[0], [1], [10], [11]], { init: [[0], [10]] , k: 2 });
 * predictKMeans(model, [[2], [9]]); // => [0, 1]
 * ```
 * @category Clustering
 */
export function predictKMeans(model: KMeansModel | MiniBatchKMeansModel, X: MatrixInput): number[] {
  const fn = 'segment/predictKMeans';
  if (typeof model !== 'object' || model === null || !Array.isArray(model.centroids) || model.centroids.length === 0) {
    throw new InvalidInputError(fn, 'model must be a k-means model (load JSON with parseKMeansModel)', model);
  }
  const m = toFlat(fn, 'X', X);
  expectCols(fn, 'X', m, model.nFeatures);
  const k = model.centroids.length;
  const centers = new Float64Array(k * m.cols);
  for (let j = 0; j < k; j++) centers.set(model.centroids[j]!, j * m.cols);
  const labels = new Int32Array(m.rows);
  assignLabels(m.data, m.rows, m.cols, centers, k, null, labels);
  return Array.from(labels);
}
