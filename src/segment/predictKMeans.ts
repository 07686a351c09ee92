import { assignLabels } from './_kmeans.js';
import { expectCols, toFlat } from './_matrix.js';
import type { KMeansModel } from './fitKMeans.js';
import type { MiniBatchKMeansModel } from './fitMiniBatchKMeans.js';
import type { MatrixInput } from './types.js';
import { _checkKMeansModel } from './parseKMeansModel.js';
import { checkedModel } from './_model.js';

/**
 * Assigns each row to its nearest centroid (squared Euclidean distance; the lower index on ties).
 * Pure; works for models from {@link fitKMeans} and {@link fitMiniBatchKMeans}.
 *
 * @remarks O(n·k·d).
 * @see scikit-learn `KMeans.predict`
 * @throws {@link InvalidInputError} on NaN, ±Infinity, holes or an empty X
 * @throws {@link ModelFormatError} on a malformed model (the checks of {@link parseKMeansModel}, run once per model object)
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
  checkedModel(fn, model, 'kmeans', _checkKMeansModel);
  const m = toFlat(fn, 'X', X);
  expectCols(fn, 'X', m, model.nFeatures);
  const k = model.centroids.length;
  const centers = new Float64Array(k * m.cols);
  for (let j = 0; j < k; j++) centers.set(model.centroids[j]!, j * m.cols);
  const labels = new Int32Array(m.rows);
  assignLabels(m.data, m.rows, m.cols, centers, k, null, labels);
  return Array.from(labels);
}
