import { ModelFormatError } from '../core/errors.js';
import { checkClasses, checkFeatureNames, checkKind, checkNumberArray, checkTreeNodes } from './_common.js';
import type { RandomForestModel } from './fitRandomForest.js';

/**
 * Checks a stored random forest and returns it typed.
 *
 * @remarks O(total nodes).
 * @throws {@link ModelFormatError} when the kind, version or shape is wrong
 * @example
 * ```ts
 * import { fitRandomForest, parseRandomForestModel } from 'crmkit/classify';
 * const saved = JSON.parse(JSON.stringify(fitRandomForest([[0], [1]], [0, 1], { nEstimators: 2 })));
 * parseRandomForestModel(saved).trees.length; // => 2
 * ```
 * @category Forests
 */
export function parseRandomForestModel(json: unknown): RandomForestModel {
  const fn = 'classify/parseRandomForestModel';
  const o = checkKind(fn, json, 'randomForest', 1);
  const nFeatures = o.nFeatures as number;
  const classes = checkClasses(fn, o.classes);
  checkFeatureNames(fn, o.featureNames, nFeatures);
  checkNumberArray(fn, 'classWeights', o.classWeights, classes.length);
  if (!Array.isArray(o.trees) || o.trees.length < 1) throw new ModelFormatError(fn, 'trees must be a non-empty array', o.trees);
  o.trees.forEach((t) => checkTreeNodes(fn, t, nFeatures, classes.length));
  checkNumberArray(fn, 'featureImportances', o.featureImportances, nFeatures);
  if (o.oobScore !== null && typeof o.oobScore !== 'number') throw new ModelFormatError(fn, 'oobScore must be a number or null', o.oobScore);
  return o as unknown as RandomForestModel;
}
