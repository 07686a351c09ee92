/** Test data for the linear models, encoded exactly as scripts/reference/classify_linear.py. */
import type { CsrMatrix } from '../../src/core/sparse.js';
export { loadBankOneHot, loadShoppersMulticlass } from '../../examples/classify-linear-data.js';
import { loadFixture } from '../helpers/fixtures.js';

/** Training rows i % 10 >= 3, test rows i % 10 < 3. */
export function split<T>(X: T[], y: number[]): { Xtr: T[]; ytr: number[]; Xte: T[]; yte: number[] } {
  const o = { Xtr: [] as T[], ytr: [] as number[], Xte: [] as T[], yte: [] as number[] };
  X.forEach((r, i) => {
    if (i % 10 < 3) {
      o.Xte.push(r);
      o.yte.push(y[i]!);
    } else {
      o.Xtr.push(r);
      o.ytr.push(y[i]!);
    }
  });
  return o;
}

export interface RefLr {
  coef: number[][];
  intercept: number[];
  nIter: number[];
  testProba: number[][];
  testPredict: number[];
}

export function toCsr(x: { rows: number; cols: number; indptr: number[]; indices: number[]; data: number[] }): CsrMatrix {
  return { rows: x.rows, cols: x.cols, indptr: Int32Array.from(x.indptr), indices: Int32Array.from(x.indices), data: Float64Array.from(x.data) };
}

let cached: any;
export function linearFixture(): any {
  cached ??= loadFixture('classify_linear');
  return cached;
}
