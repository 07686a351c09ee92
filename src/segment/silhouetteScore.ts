import { InvalidOptionError } from '../core/errors.js';
import { createRandom } from '../core/random.js';
import { integerInRange, options as checkOptions, seed as checkSeed } from '../core/validate.js';
import { encodeLabels, type ClusterLabel } from './_labels.js';
import { scaledForRatios, toFlat } from './_matrix.js';
import { _silhouette } from './silhouetteSamples.js';
import type { MatrixInput } from './types.js';

/** Options of {@link silhouetteScore}. */
export interface SilhouetteScoreOptions {
  /**
   * Score a random subset of this many rows (drawn without replacement with `seed`) instead of all n;
   * cost falls from O(n²) to O(sampleSize²).
   * @defaultValue all rows (exact)
   */
  sampleSize?: number;
  /**
   * Seed of the subset draw.
   * @defaultValue 0
   */
  seed?: number;
}

/**
 * Mean silhouette coefficient, from −1 (wrong clusters) through 0 (overlapping) to 1 (dense,
 * well-separated clusters). Higher is better; use it to compare k.
 *
 * @remarks Exact by default: O(n²·d) time, O(n·L) memory, no n × n matrix (see
 * {@link silhouetteSamples}). With `sampleSize`, the mean over a seeded random subset, as
 * scikit-learn's `sample_size` (same estimator, different random stream). Single-member clusters
 * contribute 0.
 * @see scikit-learn 1.2 `sklearn.metrics.silhouette_score`
 * @throws {@link InvalidInputError} on NaN, ±Infinity, holes, bad labels, or fewer than 2 or more than
 * n − 1 distinct labels (in the sample, when sampling)
 * @throws {@link DimensionMismatchError} on ragged rows or a labels length other than n
 * @throws {@link InvalidOptionError} when `sampleSize` is not an integer in [2, n]
 * @example
 * ```ts
 * import { silhouetteScore } from 'crmkit/segment';
 * silhouetteScore([[0], [1], [10], [11]], [0, 0, 1, 1]); // => 0.899749373433584
 * ```
 * @category Cluster quality
 */
export function silhouetteScore(X: MatrixInput, labels: ArrayLike<ClusterLabel>, options?: SilhouetteScoreOptions): number {
  const fn = 'segment/silhouetteScore';
  const o = checkOptions(fn, options, ['sampleSize', 'seed']);
  const m = scaledForRatios(toFlat(fn, 'X', X));
  let data = m.data;
  let n = m.rows;
  const d = m.cols;
  let lab: ArrayLike<ClusterLabel> = labels;
  if (o.sampleSize !== undefined) {
    const size = integerInRange(fn, 'options.sampleSize', o.sampleSize, { min: 2, max: n });
    if (o.seed !== undefined) checkSeed(fn, o.seed);
    encodeLabels(fn, labels, n, 1, n); // validates every label before sampling
    const idx = createRandom(checkSeed(fn, o.seed)).sample(n, size);
    const sub = new Float64Array(size * d);
    const subLabels: ClusterLabel[] = new Array(size);
    idx.forEach((r, i) => {
      sub.set(m.data.subarray(r * d, r * d + d), i * d);
      subLabels[i] = labels[r]!;
    });
    data = sub;
    n = size;
    lab = subLabels;
  } else if (o.seed !== undefined) {
    throw new InvalidOptionError(fn, 'options.seed needs options.sampleSize (the exact score draws nothing)', o.seed);
  }
  const enc = encodeLabels(fn, lab, n, 2, n - 1);
  const s = _silhouette(data, n, d, enc.codes, enc.count, enc.sizes);
  let t = 0;
  for (let i = 0; i < n; i++) t += s[i]!;
  return t / n;
}
