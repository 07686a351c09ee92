import { describe, expect, it } from 'vitest';
import {
  fitLogisticRegression,
  parseLogisticRegressionModel,
  predictLogisticRegression,
  predictProbaLogisticRegression,
} from '../../src/classify/index.js';
import { AbortError, DimensionMismatchError, InvalidInputError, InvalidOptionError, ModelFormatError, NotConvergedError } from '../../src/core/errors.js';
import { csrFromTriplets } from '../../src/core/sparse.js';

const X = [[0, 1], [1, 0], [2, 2], [3, 1], [1, 3], [0, 0], [2, 1], [3, 3]];
const y = [0, 0, 1, 1, 0, 0, 1, 1];

describe('fitLogisticRegression(X, y, options)', () => {
  it('survives JSON and predicts the same', () => {
    const m = fitLogisticRegression(X, y);
    const back = parseLogisticRegressionModel(JSON.parse(JSON.stringify(m)));
    expect(predictProbaLogisticRegression(back, X)).toEqual(predictProbaLogisticRegression(m, X));
  });

  it('does not mutate its inputs', () => {
    const Xf = Object.freeze(X.map((r) => Object.freeze(r.slice())));
    const yf = Object.freeze(y.slice());
    expect(() => fitLogisticRegression(Xf, yf)).not.toThrow();
  });

  it('reports separable data without a penalty as not converged, and throws under strict', () => {
    const Xs = [[0], [1], [2], [3]];
    const ys = [0, 0, 1, 1];
    const m = fitLogisticRegression(Xs, ys, { penalty: 'none' });
    expect(m.converged).toBe(false);
    expect(m.reason).toBe('separable');
    expect(() => fitLogisticRegression(Xs, ys, { penalty: 'none', strict: true })).toThrow(NotConvergedError);
    expect(fitLogisticRegression(Xs, ys).converged).toBe(true); // an L2 penalty keeps the optimum finite
  });

  it('rejects one class, mismatched y, bad options', () => {
    expect(() => fitLogisticRegression(X, y.map(() => 1))).toThrow(InvalidInputError);
    expect(() => fitLogisticRegression(X, y.slice(1))).toThrow(DimensionMismatchError);
    expect(() => fitLogisticRegression(X, y, { C: 0 })).toThrow(InvalidOptionError);
    expect(() => fitLogisticRegression(X, y, { penalty: 'elasticnet' })).toThrow(/l1Ratio is required/);
    expect(() => fitLogisticRegression(X, y, { l1Ratio: 0.5 })).toThrow(InvalidOptionError);
    expect(() => fitLogisticRegression(X, y, { penalty: 'l3' as 'l1' })).toThrow(InvalidOptionError);
    expect(() => fitLogisticRegression([[NaN, 1]], [0])).toThrow(InvalidInputError);
  });

  it('rejects malformed sparse input and a column count that differs from the model', () => {
    const bad = { rows: 2, cols: 2, indptr: Int32Array.from([0, 1, 2]), indices: Int32Array.from([1, 0]), data: Float64Array.from([1, NaN]) };
    expect(() => fitLogisticRegression(bad, [0, 1])).toThrow(/data\[1\]/);
    const unsorted = { ...bad, indptr: Int32Array.from([0, 2, 2]), indices: Int32Array.from([1, 0]), data: Float64Array.from([1, 1]) };
    expect(() => fitLogisticRegression(unsorted, [0, 1])).toThrow(/increasing/);
    const m = fitLogisticRegression(X, y);
    expect(() => predictLogisticRegression(m, csrFromTriplets(1, 3, [0], [2], [1]))).toThrow(DimensionMismatchError);
    expect(() => predictLogisticRegression(m, [[1, 2, 3]])).toThrow(DimensionMismatchError);
  });

  it('predicts the same from a CsrMatrix as from dense rows', () => {
    const m = fitLogisticRegression(X, y, { C: 0.5 });
    const r: number[] = [];
    const c: number[] = [];
    const v: number[] = [];
    X.forEach((row, i) => row.forEach((x, j) => { if (x !== 0) { r.push(i); c.push(j); v.push(x); } }));
    const csr = csrFromTriplets(X.length, 2, r, c, v);
    expect(predictProbaLogisticRegression(m, csr)).toEqual(predictProbaLogisticRegression(m, X));
    const ms = fitLogisticRegression(csr, y, { C: 0.5 });
    ms.coefficients[0]!.forEach((w, j) => expect(Math.abs(w - m.coefficients[0]![j]!)).toBeLessThan(1e-12));
  });

  it('throws a ModelFormatError (not a TypeError) on a malformed model', () => {
    const m = fitLogisticRegression(X, y);
    expect(() => predictLogisticRegression({ ...m, coefficients: [[1]] }, X)).toThrow(ModelFormatError);
    expect(() => predictLogisticRegression({} as never, X)).toThrow(ModelFormatError);
    expect(() => parseLogisticRegressionModel({ ...m, kind: 'decisionTree' })).toThrow(ModelFormatError);
  });

  it('stops when the signal fires, naming the function', () => {
    const ac = new AbortController();
    ac.abort();
    expect(() => fitLogisticRegression(X, y, { signal: ac.signal })).toThrow(AbortError);
    const ac2 = new AbortController();
    let calls = 0;
    const big = Array.from({ length: 200 }, (_, i) => [Math.sin(i), Math.cos(i * 1.3), (i % 7) / 7]);
    const yb = big.map((r) => (r[0]! + r[1]! > 0.2 ? 1 : 0));
    let thrown: unknown = null;
    try {
      fitLogisticRegression(big, yb, { signal: ac2.signal, tolerance: 0, maxIterations: 1000, onProgress: () => { if (++calls === 1) ac2.abort(); } });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(AbortError);
    expect((thrown as AbortError).fn).toBe('classify/fitLogisticRegression');
  });

  it('multiclass probabilities sum to 1 (multinomial and ovr) and labels come back as given', () => {
    const y3 = ['a', 'b', 'c', 'c', 'b', 'a', 'c', 'b'];
    for (const multiClass of ['multinomial', 'ovr'] as const) {
      const m = fitLogisticRegression(X, y3, { multiClass });
      expect(m.coefficients.length).toBe(3);
      for (const row of predictProbaLogisticRegression(m, X)) expect(row.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
      for (const lab of predictLogisticRegression(m, X)) expect(['a', 'b', 'c']).toContain(lab);
    }
  });
});

describe('fitLinearRegression / summarizeLogisticRegression errors', () => {
  it('names the collinear column', async () => {
    const { fitLinearRegression } = await import('../../src/classify/index.js');
    const Xc = [[1, 2, 3], [2, 4, 1], [3, 6, 0], [4, 8, 2], [5, 10, 7]];
    expect(() => fitLinearRegression(Xc, [1, 2, 3, 4, 6], { featureNames: ['visits', 'visitsTwice', 'age'] })).toThrow(/column 'visitsTwice' is a linear combination of earlier columns \('intercept', 'visits'\)/);
  });
  it('refuses penalized, separable or multiclass models', async () => {
    const { summarizeLogisticRegression } = await import('../../src/classify/index.js');
    expect(() => summarizeLogisticRegression(fitLogisticRegression(X, y), X, y)).toThrow(/penalty 'none'/);
    const Xs = [[0], [1], [2], [3]];
    expect(() => summarizeLogisticRegression(fitLogisticRegression(Xs, [0, 0, 1, 1], { penalty: 'none' }), Xs, [0, 0, 1, 1])).toThrow(/did not converge \(separable\)/);
    expect(() => summarizeLogisticRegression(fitLogisticRegression(X, [0, 1, 2, 0, 1, 2, 0, 1], { penalty: 'none' }), X, [0, 1, 2, 0, 1, 2, 0, 1])).toThrow(InvalidInputError);
  });
});
