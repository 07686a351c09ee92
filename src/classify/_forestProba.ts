/**
 * Internal forest probability kernel shared by the forest predictions and the uplift models.
 *
 * @internal
 * @module
 */
import { applyTree } from './_tree.js';
import type { RandomForestModel } from './fitRandomForest.js';

/** @internal Mean leaf class shares over the trees (row-major n × k); the model must be checked. */
export function _forestProba(model: RandomForestModel, x: Float64Array, nRows: number): Float64Array {
  const k = model.classes.length;
  const out = new Float64Array(nRows * k);
  for (const tree of model.trees) {
    const leaf = applyTree(tree, x, nRows, model.nFeatures);
    for (let i = 0; i < nRows; i++) {
      const val = tree.value[leaf[i]!]!;
      let s = 0;
      for (let c = 0; c < k; c++) s += val[c]!;
      if (s > 0) for (let c = 0; c < k; c++) out[i * k + c] = out[i * k + c]! + val[c]! / s;
    }
  }
  const T = model.trees.length;
  for (let j = 0; j < out.length; j++) out[j] = out[j]! / T;
  return out;
}
