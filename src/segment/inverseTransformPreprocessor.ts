import { expectCols, toFlat } from './_matrix.js';
import type { PreprocessorModel } from './fitPreprocessor.js';
import { inverseTransformOneHotEncoder } from './inverseTransformOneHotEncoder.js';
import { _scaleFlat } from './transformScaler.js';
import type { Category, MatrixInput } from './types.js';
import { _checkPreprocessorModel } from './parsePreprocessorModel.js';
import { checkedModel } from './_model.js';

/**
 * Maps feature rows (for example k-means centroids) back to records in the original units: scaling
 * undone, log1p undone with expm1, one-hot groups turned back into their category. Use it to read
 * centroids as "typical customers".
 *
 * @remarks O(n·p). A one-hot group must hold a single 1 (exact rows); for centroids, whose one-hot
 * parts are shares, the category with the largest share is returned.
 * @throws {@link InvalidInputError} on NaN, ±Infinity or holes
 * @throws {@link DimensionMismatchError} on a width other than the model's feature count
 * @example
 * ```ts
 * import { fitPreprocessor, inverseTransformPreprocessor } from 'crmkit/segment';
 * const { model } = fitPreprocessor([{ spend: 0, city: 'a' }, { spend: 10, city: 'b' }], {
 *   columns: [{ name: 'spend', type: 'numeric', scaler: 'minMax' }, { name: 'city', type: 'categorical' }],
 * });
 * inverseTransformPreprocessor(model, [[0.5, 0.2, 0.8]]); // => [{ spend: 5, city: 'b' }]
 * ```
 * @category Preprocessing
 */
export function inverseTransformPreprocessor(model: PreprocessorModel, X: MatrixInput): Record<string, number | Category>[] {
  const fn = 'segment/inverseTransformPreprocessor';
  checkedModel(fn, model, 'preprocessor', _checkPreprocessorModel);
  const m = toFlat(fn, 'X', X);
  expectCols(fn, 'X', m, model.featureNames.length);
  const out: Record<string, number | Category>[] = Array.from({ length: m.rows }, () => Object.create(null) as Record<string, number | Category>);
  let offset = 0;
  for (const step of model.steps) {
    if (step.type === 'numeric') {
      const col = new Float64Array(m.rows);
      for (let i = 0; i < m.rows; i++) col[i] = m.data[i * m.cols + offset]!;
      const un = step.scaler === null ? col : _scaleFlat(step.scaler, col, m.rows, 1, true);
      for (let i = 0; i < m.rows; i++) out[i]![step.name] = step.log1p ? Math.expm1(un[i]!) : un[i]!;
      offset += 1;
    } else {
      const enc = step.encoder;
      const w = enc.featureNamesOut.length;
      const drop = enc.dropFirst[0] ? 1 : 0;
      const hot: number[][] = [];
      for (let i = 0; i < m.rows; i++) {
        // the largest share wins; a dropped first category has share 1 − Σ others
        let best = -1;
        let bestV = -Infinity;
        let s = 0;
        for (let k = 0; k < w; k++) {
          const v = m.data[i * m.cols + offset + k]!;
          s += v;
          if (v > bestV) {
            bestV = v;
            best = k;
          }
        }
        if (drop === 1 && 1 - s > bestV) best = -1;
        const row = new Array<number>(w).fill(0);
        if (best >= 0) row[best] = 1;
        hot.push(row);
      }
      const cats = inverseTransformOneHotEncoder(enc, hot);
      for (let i = 0; i < m.rows; i++) out[i]![step.name] = cats[i]![0]!;
      offset += w;
    }
  }
  return out;
}
