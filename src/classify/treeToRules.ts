import { InvalidInputError } from '../core/errors.js';
import * as v from '../core/validate.js';
import type { Label } from './_common.js';
import { checkTreeModel } from './_models.js';
import type { DecisionTreeModel } from './fitDecisionTree.js';
import type { RegressionTreeModel } from './fitRegressionTree.js';

/** One condition of a rule, after merging repeated tests of the same feature. */
export interface RuleCondition {
  feature: number;
  name: string;
  /** Lower bound (exclusive): value > greaterThan; `null` when unbounded. */
  greaterThan: number | null;
  /** Upper bound (inclusive): value <= atMost; `null` when unbounded. */
  atMost: number | null;
  /** For a feature listed in `options.categories`: the category names whose code satisfies the bounds. */
  levels?: string[];
}

/** One leaf as an if/then rule. */
export interface TreeRule {
  /** Leaf node id in `model.tree`. */
  leaf: number;
  conditions: RuleCondition[];
  /** Predicted class (classification) or mean value (regression). */
  prediction: Label;
  /** Training rows in the leaf. */
  support: number;
  /** Share of the training weight in the leaf. */
  supportShare: number;
  /** Weighted class shares in the leaf, in `model.classes` order (empty for regression). */
  classShares: number[];
  /** Human-readable rule. */
  text: string;
}

/** Options of {@link treeToRules}. */
export interface TreeToRulesOptions {
  /** Names of the columns; overrides the model's `featureNames`. @defaultValue model names or `x0`, `x1`, … */
  featureNames?: readonly string[];
  /** Decimals printed for thresholds and shares in `text`. @defaultValue 2 */
  decimals?: number;
  /**
   * Ordinal-coded categorical features: feature name → category names in code order (code i =
   * `names[i]`). Their conditions are printed as `name in {a, b}` instead of code intervals.
   * @defaultValue none
   */
  categories?: Readonly<Record<string, readonly string[]>>;
}

function names(fn: string, model: { nFeatures: number; featureNames: string[] | null }, given: unknown): string[] {
  if (given !== undefined) {
    const arr = v.arrayLike<unknown>(fn, 'options.featureNames', given);
    if (arr.length !== model.nFeatures) throw new InvalidInputError(fn, `options.featureNames must name the model's ${model.nFeatures} features`, arr.length);
    return Array.from(arr, (s, i) => v.string(fn, `options.featureNames[${i}]`, s));
  }
  return model.featureNames ?? Array.from({ length: model.nFeatures }, (_, i) => `x${i}`);
}

/** @internal */
export function _fmt(x: number, d: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(d);
}

/**
 * Turns every leaf into a readable if/then rule with its support and class shares, the form a
 * marketer can check ("if poutcome > 1.5 and age <= 60.5 then yes — 4.1% of customers, 64% yes").
 *
 * @remarks Conditions on the same feature along the path are merged into one interval
 * (`a < x <= b`); with `categories`, ordinal-coded features print as sets of category names. Rules come in the tree's node order (left before right). O(nodes · depth).
 * @see scikit-learn `export_text` (same tree, one line per node instead of one rule per leaf)
 * @throws {@link InvalidInputError} when `featureNames` does not match the model
 * @example
 * ```ts
 * import { fitDecisionTree, treeToRules } from 'crmkit/classify';
 * const model = fitDecisionTree([[1], [2], [8], [9]], ['no', 'no', 'yes', 'yes'], { featureNames: ['visits'] });
 * treeToRules(model).map((r) => r.text);
 * // => ['if visits <= 5 then no (support 2 = 50.00%; no 100.00%, yes 0.00%)', 'if visits > 5 then yes (support 2 = 50.00%; no 0.00%, yes 100.00%)']
 * const byChannel = fitDecisionTree([[0], [1], [2], [2]], [0, 0, 1, 1], { featureNames: ['channel'] });
 * treeToRules(byChannel, { categories: { channel: ['email', 'phone', 'visit'] }, decimals: 0 })[0]!.text;
 * // => 'if channel in {email, phone} then 0 (support 2 = 50%; 0 100%, 1 0%)'
 * ```
 * @category Trees
 */
export function treeToRules(model: DecisionTreeModel | RegressionTreeModel, options?: TreeToRulesOptions): TreeRule[] {
  const fn = 'classify/treeToRules';
  checkTreeModel(fn, model);
  const o = v.options(fn, options, ['featureNames', 'decimals', 'categories']);
  const nm = names(fn, model, o.featureNames);
  const cats = new Map<number, readonly string[]>();
  if (o.categories !== undefined) {
    if (typeof o.categories !== 'object' || o.categories === null) throw new InvalidInputError(fn, 'options.categories must map feature names to arrays of category names', o.categories);
    for (const key of Object.keys(o.categories)) {
      const f = nm.indexOf(key);
      if (f < 0) throw new InvalidInputError(fn, 'options.categories names a feature the model does not have', key);
      const levels = v.arrayLike<unknown>(fn, `options.categories.${key}`, o.categories[key], 1);
      cats.set(f, Array.from(levels, (l, i) => v.string(fn, `options.categories.${key}[${i}]`, l)));
    }
  }
  const d = o.decimals === undefined ? 2 : v.integerInRange(fn, 'options.decimals', o.decimals, { min: 0, max: 12 });
  const t = model.tree;
  const total = t.weightedNSamples[0]!;
  const rules: TreeRule[] = [];
  const walk = (node: number, lo: Map<number, number>, hi: Map<number, number>): void => {
    if (t.left[node]! < 0) {
      const feats = [...new Set([...lo.keys(), ...hi.keys()])].sort((a, b) => a - b);
      const conditions: RuleCondition[] = feats.map((f) => {
        const c: RuleCondition = { feature: f, name: nm[f]!, greaterThan: lo.get(f) ?? null, atMost: hi.get(f) ?? null };
        const levels = cats.get(f);
        if (levels) c.levels = levels.filter((_, code) => (c.greaterThan === null || code > c.greaterThan) && (c.atMost === null || code <= c.atMost));
        return c;
      });
      const condText = conditions
        .map((c) =>
          c.levels
            ? `${c.name} in {${c.levels.join(', ')}}`
            : c.greaterThan !== null && c.atMost !== null
            ? `${_fmt(c.greaterThan, d)} < ${c.name} <= ${_fmt(c.atMost, d)}`
            : c.greaterThan !== null
              ? `${c.name} > ${_fmt(c.greaterThan, d)}`
              : `${c.name} <= ${_fmt(c.atMost!, d)}`,
        )
        .join(' and ');
      const val = t.value[node]!;
      const support = t.nSamples[node]!;
      const share = t.weightedNSamples[node]! / total;
      let prediction: Label;
      let classShares: number[] = [];
      let tail: string;
      if (model.kind === 'decisionTree') {
        const s = val.reduce((a, b) => a + b, 0);
        classShares = val.map((c) => (s > 0 ? c / s : 0));
        let best = 0;
        for (let c = 1; c < classShares.length; c++) if (classShares[c]! > classShares[best]!) best = c;
        prediction = model.classes[best]!;
        tail = model.classes.map((c, i) => `${String(c)} ${(100 * classShares[i]!).toFixed(d)}%`).join(', ');
      } else {
        prediction = val[0]!;
        tail = `mean ${_fmt(val[0]!, d)}`;
      }
      const text = `if ${condText === '' ? 'always' : condText} then ${String(model.kind === 'decisionTree' ? prediction : _fmt(prediction as number, d))} (support ${support} = ${(100 * share).toFixed(d)}%; ${tail})`;
      rules.push({ leaf: node, conditions, prediction, support, supportShare: share, classShares, text });
      return;
    }
    const f = t.feature[node]!;
    const thr = t.threshold[node]!;
    const hiL = new Map(hi);
    hiL.set(f, Math.min(hi.get(f) ?? Infinity, thr));
    walk(t.left[node]!, lo, hiL);
    const loR = new Map(lo);
    loR.set(f, Math.max(lo.get(f) ?? -Infinity, thr));
    walk(t.right[node]!, loR, hi);
  };
  walk(0, new Map(), new Map());
  return rules;
}
