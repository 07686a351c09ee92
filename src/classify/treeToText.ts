import * as v from '../core/validate.js';
import { InvalidInputError } from '../core/errors.js';
import { checkTreeModel } from './_models.js';
import type { DecisionTreeModel } from './fitDecisionTree.js';
import type { RegressionTreeModel } from './fitRegressionTree.js';

/** Options of {@link treeToText}. */
export interface TreeToTextOptions {
  /** Column names; overrides the model's. @defaultValue model names or `x0`, `x1`, … */
  featureNames?: readonly string[];
  /** Decimals of thresholds and values. @defaultValue 2 */
  decimals?: number;
}

/**
 * Prints the tree as indented text, one line per branch, in the layout of scikit-learn's
 * `export_text` (`|--- age <= 60.50`, leaves as `|--- class: yes`).
 *
 * @remarks O(nodes).
 * @see scikit-learn `sklearn.tree.export_text`
 * @throws {@link InvalidInputError} when `featureNames` does not match the model
 * @example
 * ```ts
 * import { fitDecisionTree, treeToText } from 'crmkit/classify';
 * const model = fitDecisionTree([[1], [2], [8], [9]], ['no', 'no', 'yes', 'yes'], { featureNames: ['visits'] });
 * treeToText(model); // => '|--- visits <= 5.00\n|   |--- class: no\n|--- visits >  5.00\n|   |--- class: yes\n'
 * ```
 * @category Trees
 */
export function treeToText(model: DecisionTreeModel | RegressionTreeModel, options?: TreeToTextOptions): string {
  const fn = 'classify/treeToText';
  checkTreeModel(fn, model);
  const o = v.options(fn, options, ['featureNames', 'decimals']);
  const d = o.decimals === undefined ? 2 : v.integerInRange(fn, 'options.decimals', o.decimals, { min: 0, max: 12 });
  let nm: string[];
  if (o.featureNames !== undefined) {
    const arr = v.arrayLike<unknown>(fn, 'options.featureNames', o.featureNames);
    if (arr.length !== model.nFeatures) throw new InvalidInputError(fn, `options.featureNames must name the model's ${model.nFeatures} features`, arr.length);
    nm = Array.from(arr, (s, i) => v.string(fn, `options.featureNames[${i}]`, s));
  } else nm = model.featureNames ?? Array.from({ length: model.nFeatures }, (_, i) => `x${i}`);
  const t = model.tree;
  let out = '';
  const leafText = (node: number): string => {
    const val = t.value[node]!;
    if (model.kind === 'regressionTree') return `value: [${val[0]!.toFixed(d)}]`;
    let best = 0;
    for (let c = 1; c < val.length; c++) if (val[c]! > val[best]!) best = c;
    return `class: ${String(model.classes[best])}`;
  };
  const walk = (node: number, depth: number): void => {
    const indent = '|   '.repeat(depth);
    if (t.left[node]! < 0) {
      out += `${indent}|--- ${leafText(node)}\n`;
      return;
    }
    const name = nm[t.feature[node]!]!;
    const thr = t.threshold[node]!.toFixed(d);
    out += `${indent}|--- ${name} <= ${thr}\n`;
    walk(t.left[node]!, depth + 1);
    out += `${indent}|--- ${name} >  ${thr}\n`;
    walk(t.right[node]!, depth + 1);
  };
  if (t.left[0]! < 0) out = `|--- ${leafText(0)}\n`;
  else walk(0, 0);
  return out;
}
