import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fitUplift,
  parseUpliftModel,
  predictUplift,
  qiniChart,
  qiniCoefficient,
  qiniCurve,
  rankByUplift,
  upliftAtK,
  upliftAuc,
  upliftByDecile,
  upliftCurve,
  DimensionMismatchError,
  InvalidInputError,
  InvalidOptionError,
  ModelFormatError,
  type UpliftModel,
} from 'crmkit/classify';
import { VEGA_LITE_SCHEMA } from 'crmkit';

// Customers with x = 1 respond to the e-mail (treated rate 0.75 vs control 0.25); x = 0 do not care (0.5 vs 0.5).
const X = [[0], [0], [0], [0], [1], [1], [1], [1], [0], [0], [0], [0], [1], [1], [1], [1]];
const y = [1, 0, 1, 0, 1, 1, 1, 0, 1, 0, 1, 0, 1, 0, 0, 0];
const t = [1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0];

describe('fitUplift(X, y, treatment, options) / predictUplift(model, X)', () => {
  it('two-model trees recover the group rates: uplift 0 for x = 0 and 0.5 for x = 1', () => {
    const model = fitUplift(X, y, t, { learner: 'decisionTree' });
    expect(predictUplift(model, [[0], [1]])).toEqual([0, 0.5]);
    expect(model.arms.map((a) => [a.arm, a.nTreated, a.nControl])).toEqual([[1, 8, 8]]);
  });
  it('solo model: the treatment column is appended; trees find the same uplift', () => {
    const model = fitUplift(X, y, t, { method: 'soloModel', learner: 'decisionTree' });
    expect(predictUplift(model, [[0], [1]])).toEqual([0, 0.5]);
  });
  it('class transformation: 2 P(z = 1 | x) − 1 equals the uplift on a 50/50 test', () => {
    const model = fitUplift(X, y, t, { method: 'classTransformation', learner: 'decisionTree' });
    expect(predictUplift(model, [[0], [1]])).toEqual([0, 0.5]);
  });
  it('booleans and string outcomes with posLabel', () => {
    const yes = y.map((v) => (v ? 'yes' : 'no'));
    const model = fitUplift(X, yes, t.map((v) => v === 1), { learner: 'decisionTree', posLabel: 'yes' });
    expect(predictUplift(model, [[1]])).toEqual([0.5]);
  });
  it('multi-arm: one model per arm against the control, predicted per arm', () => {
    const arms = t.map((v, i) => (v === 0 ? 'none' : i < 4 ? 'womens' : 'mens'));
    const model = fitUplift(X, y, arms, { control: 'none', learner: 'decisionTree' });
    expect(model.arms.map((a) => a.arm)).toEqual(['mens', 'womens']);
    expect(() => predictUplift(model, [[1]])).toThrow(InvalidOptionError);
    expect(predictUplift(model, [[1]], { arm: 'womens' })).toHaveLength(1);
    expect(() => predictUplift(model, [[1]], { arm: 'kids' })).toThrow(InvalidOptionError);
  });
  it('every learner gives finite uplift in [-1, 1], and JSON round trips predict the same', () => {
    for (const learner of ['logisticRegression', 'decisionTree', 'randomForest', 'naiveBayes'] as const) {
      for (const method of ['twoModel', 'soloModel', 'classTransformation'] as const) {
        const model = fitUplift(X, y, t, { learner, method, ...(learner === 'randomForest' ? { learnerOptions: { nEstimators: 5, seed: 3 } } : {}) });
        const u = predictUplift(model, X);
        for (const v of u) expect(Math.abs(v)).toBeLessThanOrEqual(1);
        expect(predictUplift(parseUpliftModel(JSON.parse(JSON.stringify(model))), X)).toEqual(u);
      }
    }
  });
  it('rankByUplift: keyed by id, best first, with both probabilities', () => {
    const model = fitUplift(X, y, t, { learner: 'decisionTree' });
    const rows = rankByUplift(model, [[0], [1], [1]], ['ann', 'bob', 'cy'], { top: 2 });
    expect(rows).toEqual([
      { id: 'bob', rank: 1, uplift: 0.5, probabilityTreated: 0.75, probabilityControl: 0.25 },
      { id: 'cy', rank: 2, uplift: 0.5, probabilityTreated: 0.75, probabilityControl: 0.25 },
    ]);
    expect(() => rankByUplift(model, [[0], [1]], ['a', 'a'])).toThrow(InvalidInputError);
    expect(() => rankByUplift(model, [[0], [1]], ['a'])).toThrow(DimensionMismatchError);
  });
  it('forwards the abort signal and reports progress per base model', () => {
    const seen: number[] = [];
    fitUplift(X, y, t, { learner: 'decisionTree', onProgress: (p) => seen.push(p.completed) });
    expect(seen.at(-1)).toBe(2);
    const ac = new AbortController();
    ac.abort();
    expect(() => fitUplift(X, y, t, { signal: ac.signal })).toThrow(/aborted/);
  });
});

describe('fitUplift bad input: typed errors naming classify/fitUplift', () => {
  const named = (f: () => unknown, Err: new (...a: never[]) => Error, text?: RegExp): void => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(Err);
      expect((e as { fn: string }).fn).toBe('classify/fitUplift');
      if (text) expect((e as Error).message).toMatch(text);
      return;
    }
    throw new Error('did not throw');
  };
  it('treatment indicators that are not 0/1', () => named(() => fitUplift(X, y, t.map((v) => v * 2), { learner: 'decisionTree' }), InvalidInputError, /treatment\[0\] must be 1 \(treated\) or 0/));
  it('no control rows', () => named(() => fitUplift(X, y, t.map(() => 1)), InvalidInputError, /no control/));
  it('a group with one outcome only', () => named(() => fitUplift(X, t.map((v) => (v ? 1 : 0)), t), InvalidInputError, /only (non-)?responders/));
  it('more than two outcome labels', () => named(() => fitUplift(X, y.map((v, i) => v + (i % 3)), t), InvalidInputError, /binary/));
  it('treatment of another length', () => named(() => fitUplift(X, y, t.slice(1)), DimensionMismatchError));
  it('learner options the base fit rejects are reported as fitUplift options', () => named(() => fitUplift(X, y, t, { learner: 'decisionTree', learnerOptions: { maxDepth: 0 } }), InvalidOptionError, /control model: options.maxDepth/));
  it('unknown method and learner', () => {
    named(() => fitUplift(X, y, t, { method: 'bogus' as never }), InvalidOptionError);
    named(() => fitUplift(X, y, t, { learner: 'svm' as never }), InvalidOptionError);
  });
});

describe('parseUpliftModel and model checks in predictUplift', () => {
  const model = fitUplift(X, y, t, { learner: 'decisionTree' });
  it('rejects other kinds, missing base models and base models of the wrong learner', () => {
    expect(() => parseUpliftModel({ ...model, kind: 'decisionTree' })).toThrow(ModelFormatError);
    expect(() => parseUpliftModel({ ...model, controlModel: null })).toThrow(ModelFormatError);
    const wrong = fitUplift(X, y, t, { learner: 'naiveBayes' });
    expect(() => parseUpliftModel({ ...model, controlModel: wrong.controlModel })).toThrow(/controlModel must be a decisionTree/);
  });
  it('an edited base tree with a cycle is rejected by predictUplift instead of looping', () => {
    const edited = JSON.parse(JSON.stringify(model)) as UpliftModel;
    const tree = (edited.controlModel as { tree: { left: number[] } }).tree;
    tree.left[0] = 0;
    expect(() => predictUplift(edited, [[1]])).toThrow(ModelFormatError);
  });
});

describe('uplift metrics', () => {
  const yy = [1, 0, 1, 0];
  const s = [0.9, 0.5, 0.3, 0.1];
  const tt = [1, 1, 0, 0] as const;
  it('hand-computed Qini and uplift curves (Y_T − Y_C·N_T/N_C and (Y_T/N_T − Y_C/N_C)·N)', () => {
    expect(qiniCurve(yy, s, [...tt])).toEqual({ nTargeted: [0, 1, 2, 3, 4], value: [0, 1, 1, -1, 0] });
    expect(upliftCurve(yy, s, [...tt])).toEqual({ nTargeted: [0, 1, 2, 3, 4], value: [0, 1, 1, -1.5, 0] });
  });
  it('a perfect ranking scores 1 and its reverse scores below 0', () => {
    const perfect = yy.map((v, i) => (tt[i] ? v : -v));
    expect(qiniCoefficient(yy, perfect, [...tt])).toBe(1);
    expect(qiniCoefficient(yy, perfect.map((v) => -v), [...tt])).toBeLessThan(0);
  });
  it('tied scores form one point: the curves do not depend on row order within ties (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 1 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 1 })), { minLength: 4, maxLength: 40 }),
        fc.integer(),
        (rows, seed) => {
          const withBoth = [[1, 0, 1], [0, 1, 0], ...rows] as [number, number, number][];
          const shuffled = [...withBoth].sort((a, b) => ((a[0] * 7 + a[1] * 3 + a[2] + seed) % 5) - ((b[0] * 7 + b[1] * 3 + b[2] + seed) % 5));
          const run = (r: [number, number, number][]) => qiniCurve(r.map((x) => x[0]), r.map((x) => x[1]), r.map((x) => x[2] as 0 | 1));
          const a = run(withBoth);
          const b = run(shuffled);
          expect(b.nTargeted).toEqual(a.nTargeted);
          b.value.forEach((v, k) => expect(v).toBeCloseTo(a.value[k]!, 9));
        },
      ),
      { numRuns: 100 },
    );
  });
  it('upliftByDecile splits like numpy.array_split and reports null for a band without control rows', () => {
    const bands = upliftByDecile([1, 0, 1, 0, 0], [5, 4, 3, 2, 1], [1, 1, 0, 0, 1], { bins: 2 });
    expect(bands.map((b) => [b.n, b.nTreated, b.nControl])).toEqual([[3, 2, 1], [2, 1, 1]]);
    const none = upliftByDecile([1, 0, 1, 0], [4, 3, 2, 1], [1, 1, 0, 0], { bins: 2 });
    expect(none[0]!.responseRateControl).toBeNull();
    expect(none[0]!.uplift).toBeNull();
  });
  it('bad input: typed errors', () => {
    expect(() => qiniCurve(yy, [0.9, NaN, 0.3, 0.1], [...tt])).toThrow(InvalidInputError);
    expect(() => qiniCurve(yy, s, [1, 2, 0, 0] as never)).toThrow(/treatment\[1\]/);
    expect(() => qiniCurve(yy, s, [1, 1, 1, 1])).toThrow(/both treated/);
    expect(() => qiniCurve([0, 2, 2, 0], s, [...tt])).toThrow(/posLabel/);
    expect(() => qiniCoefficient([0, 0, 0, 0], s, [...tt])).toThrow(InvalidInputError);
    expect(() => upliftAtK(yy, s, [...tt], { k: 1 })).toThrow(InvalidOptionError);
    expect(() => upliftAtK(yy, s, [...tt], { k: 0.25 })).toThrow(/no control row/);
    expect(() => upliftByDecile(yy, s, [...tt], { bins: 5 })).toThrow(InvalidOptionError);
    expect(() => upliftAuc(yy, s.slice(1), [...tt])).toThrow(DimensionMismatchError);
  });
  it('qiniChart: a Vega-Lite layer with each model, the random line and the perfect curve', () => {
    const spec = qiniChart(yy, { tree: s, reversed: s.map((v) => -v) }, [...tt], { width: 300 });
    expect(spec.$schema).toBe(VEGA_LITE_SCHEMA);
    expect(spec.width).toBe(300);
    const models = new Set(spec.data!.values.map((r) => r.model));
    expect([...models]).toEqual(['tree (Qini 0.333)', 'reversed (Qini -0.167)', 'random', 'perfect']);
    expect(() => qiniChart(yy, {}, [...tt])).toThrow(InvalidInputError);
  });
});
