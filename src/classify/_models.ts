/**
 * Structural checks of fitted tree and forest models, shared by the parse functions and every
 * function that takes a model (predict, rules, text, importances). A model object is checked once:
 * the first check walks it in O(nodes) and caches the object in a WeakSet, so later calls on the
 * same object cost one lookup. Child ids must point forward (preorder), so an edited tree with a
 * cycle is rejected before any walk and prediction always terminates.
 *
 * @internal
 * @module
 */
import { ModelFormatError } from '../core/errors.js';
import { checkClasses, checkFeatureNames, checkKind, checkNumberArray, checkTreeNodes, isObj } from './_common.js';
import type { DecisionTreeModel } from './fitDecisionTree.js';
import type { RandomForestModel } from './fitRandomForest.js';
import type { RegressionTreeModel } from './fitRegressionTree.js';

const checkedDecision = new WeakSet<object>();
const checkedRegression = new WeakSet<object>();
const checkedForest = new WeakSet<object>();

const CRITERIA = ['gini', 'entropy', 'logLoss'];

/** A classification tree model, checked once per object (`useCache: false` always checks, as parse does). */
export function checkDecisionTreeModel(fn: string, json: unknown, useCache = true): DecisionTreeModel {
  if (useCache && typeof json === 'object' && json !== null && checkedDecision.has(json)) return json as DecisionTreeModel;
  const o = checkKind(fn, json, 'decisionTree', 1);
  const nFeatures = o.nFeatures as number;
  const classes = checkClasses(fn, o.classes);
  checkFeatureNames(fn, o.featureNames, nFeatures);
  checkNumberArray(fn, 'classWeights', o.classWeights, classes.length);
  checkTreeNodes(fn, o.tree, nFeatures, classes.length, true);
  checkNumberArray(fn, 'featureImportances', o.featureImportances, nFeatures);
  const p = o.params as Record<string, unknown>;
  if (!CRITERIA.includes(p.criterion as string)) throw new ModelFormatError(fn, "params.criterion must be 'gini', 'entropy' or 'logLoss'", p.criterion);
  checkedDecision.add(o);
  return o as unknown as DecisionTreeModel;
}

/** A regression tree model, checked once per object. */
export function checkRegressionTreeModel(fn: string, json: unknown, useCache = true): RegressionTreeModel {
  if (useCache && typeof json === 'object' && json !== null && checkedRegression.has(json)) return json as RegressionTreeModel;
  const o = checkKind(fn, json, 'regressionTree', 1);
  const nFeatures = o.nFeatures as number;
  checkFeatureNames(fn, o.featureNames, nFeatures);
  checkTreeNodes(fn, o.tree, nFeatures, 1, false);
  checkNumberArray(fn, 'featureImportances', o.featureImportances, nFeatures);
  checkedRegression.add(o);
  return o as unknown as RegressionTreeModel;
}

/** A random forest model, checked once per object. */
export function checkRandomForestModel(fn: string, json: unknown, useCache = true): RandomForestModel {
  if (useCache && typeof json === 'object' && json !== null && checkedForest.has(json)) return json as RandomForestModel;
  const o = checkKind(fn, json, 'randomForest', 1);
  const nFeatures = o.nFeatures as number;
  const classes = checkClasses(fn, o.classes);
  checkFeatureNames(fn, o.featureNames, nFeatures);
  checkNumberArray(fn, 'classWeights', o.classWeights, classes.length);
  if (!Array.isArray(o.trees) || o.trees.length < 1) throw new ModelFormatError(fn, 'trees must be a non-empty array', o.trees);
  o.trees.forEach((t, i) => checkTreeNodes(fn, t, nFeatures, classes.length, true, `trees[${i}]`));
  checkNumberArray(fn, 'featureImportances', o.featureImportances, nFeatures);
  if (o.oobScore !== null && (typeof o.oobScore !== 'number' || !Number.isFinite(o.oobScore))) throw new ModelFormatError(fn, 'oobScore must be a finite number or null', o.oobScore);
  checkedForest.add(o);
  return o as unknown as RandomForestModel;
}

/** A single tree of either kind (classification or regression), checked once per object. */
export function checkTreeModel(fn: string, json: unknown): DecisionTreeModel | RegressionTreeModel {
  if (isObj(json) && json.kind === 'regressionTree') return checkRegressionTreeModel(fn, json);
  if (isObj(json) && json.kind !== 'decisionTree') throw new ModelFormatError(fn, "kind must be 'decisionTree' or 'regressionTree'", json.kind);
  return checkDecisionTreeModel(fn, json);
}

/** A tree or a forest (anything with impurity importances), checked once per object. */
export function checkImportanceModel(fn: string, json: unknown): DecisionTreeModel | RegressionTreeModel | RandomForestModel {
  if (isObj(json) && json.kind === 'randomForest') return checkRandomForestModel(fn, json);
  if (isObj(json) && json.kind !== 'decisionTree' && json.kind !== 'regressionTree') {
    throw new ModelFormatError(fn, "kind must be 'decisionTree', 'regressionTree' or 'randomForest'", json.kind);
  }
  return checkTreeModel(fn, json);
}
