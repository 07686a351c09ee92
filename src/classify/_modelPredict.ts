/**
 * Internal: predictions of any fitted crmkit model on a validated row-major matrix, for the
 * model-agnostic inspection functions (permutation importance, partial dependence).
 *
 * @internal
 * @module
 */
import { ModelFormatError } from '../core/errors.js';
import { isObj, type Label } from './_common.js';
import { _forestProba } from './_forestProba.js';
import { checkDecisionTreeModel, checkRandomForestModel, checkRegressionTreeModel } from './_models.js';
import { applyTree } from './_tree.js';
import type { DecisionTreeModel } from './fitDecisionTree.js';
import { _checkLinearModel, type LinearRegressionModel } from './fitLinearRegression.js';
import type { LogisticRegressionModel } from './fitLogisticRegression.js';
import { _checkNaiveBayesModel, _naiveBayesProba, type NaiveBayesModel } from './fitNaiveBayes.js';
import type { RandomForestModel } from './fitRandomForest.js';
import type { RegressionTreeModel } from './fitRegressionTree.js';
import { _treeProba } from './predictDecisionTree.js';
import { _checkLogisticModel, _logisticProba } from './predictLogisticRegression.js';

/** Any fitted crmkit classifier or regressor. */
export type FittedModel = DecisionTreeModel | RandomForestModel | LogisticRegressionModel | NaiveBayesModel | RegressionTreeModel | LinearRegressionModel;

export type Checked =
  | { type: 'classifier'; nFeatures: number; featureNames: string[] | null; classes: Label[]; proba: (x: Float64Array, rows: number) => Float64Array }
  | { type: 'regressor'; nFeatures: number; featureNames: string[] | null; predict: (x: Float64Array, rows: number) => Float64Array };

function rowsOf(x: Float64Array, rows: number, cols: number): Float64Array[] {
  return Array.from({ length: rows }, (_, i) => x.subarray(i * cols, (i + 1) * cols));
}

/** Checks the model (once per object) and returns its prediction kernel. */
export function checkFittedModel(fn: string, model: unknown): Checked {
  const kind = isObj(model) ? model.kind : undefined;
  switch (kind) {
    case 'decisionTree': {
      const m = checkDecisionTreeModel(fn, model);
      return { type: 'classifier', nFeatures: m.nFeatures, featureNames: m.featureNames, classes: m.classes, proba: (x, rows) => _treeProba(m, x, rows) };
    }
    case 'randomForest': {
      const m = checkRandomForestModel(fn, model);
      return { type: 'classifier', nFeatures: m.nFeatures, featureNames: m.featureNames, classes: m.classes, proba: (x, rows) => _forestProba(m, x, rows) };
    }
    case 'logisticRegression': {
      const m = _checkLogisticModel(fn, model);
      return { type: 'classifier', nFeatures: m.nFeatures, featureNames: m.featureNames, classes: m.classes, proba: (x, rows) => _logisticProba(m, rowsOf(x, rows, m.nFeatures), fn).proba };
    }
    case 'naiveBayes': {
      const m = _checkNaiveBayesModel(fn, model);
      return { type: 'classifier', nFeatures: m.nFeatures, featureNames: null, classes: m.classes, proba: (x, rows) => _naiveBayesProba(fn, m, rowsOf(x, rows, m.nFeatures)) };
    }
    case 'regressionTree': {
      const m = checkRegressionTreeModel(fn, model);
      return { type: 'regressor', nFeatures: m.nFeatures, featureNames: m.featureNames, predict: (x, rows) => Float64Array.from(applyTree(m.tree, x, rows, m.nFeatures), (l) => m.tree.value[l]![0]!) };
    }
    case 'linearRegression': {
      const m = _checkLinearModel(fn, model);
      return {
        type: 'regressor',
        nFeatures: m.nFeatures,
        featureNames: m.featureNames,
        predict: (x, rows) => {
          const p = m.nFeatures;
          const out = new Float64Array(rows);
          for (let i = 0; i < rows; i++) {
            let s = m.intercept;
            for (let j = 0; j < p; j++) s += m.coefficients[j]! * x[i * p + j]!;
            out[i] = s;
          }
          return out;
        },
      };
    }
    default:
      throw new ModelFormatError(fn, "model must be a fitted crmkit model (kind 'decisionTree', 'randomForest', 'logisticRegression', 'naiveBayes', 'regressionTree' or 'linearRegression')", kind ?? model);
  }
}

/** Argmax labels (first class on ties) from row-major probabilities. */
export function argmax(classes: readonly Label[], proba: Float64Array, rows: number): Label[] {
  const k = classes.length;
  const out = new Array<Label>(rows);
  for (let i = 0; i < rows; i++) {
    let best = 0;
    for (let c = 1; c < k; c++) if (proba[i * k + c]! > proba[i * k + best]!) best = c;
    out[i] = classes[best]!;
  }
  return out;
}
