/** fitNaiveBayes against scikit-learn 1.2.1 (scripts/reference/classify_nb.py): closed form, 1e-9. */
import { describe, expect, it } from 'vitest';
import { fitNaiveBayes, parseNaiveBayesModel, predictLogProbaNaiveBayes, predictNaiveBayes, type FitNaiveBayesOptions } from '../../src/classify/index.js';
import { InvalidInputError, ModelFormatError } from '../../src/core/errors.js';
import { expectAllClose } from '../helpers/close.js';
import { loadFixture } from '../helpers/fixtures.js';
import { linearFixture, toCsr } from './_linearData.js';

const ref: any = loadFixture('classify_nb');
const s = linearFixture().sparse;
const X = toCsr(s.X);
const y: number[] = s.y;
const trainRows = y.map((_, i) => i).filter((i) => i % 4 !== 0);

function rowsOf(rows: number[]) {
  const indptr = [0];
  const indices: number[] = [];
  const data: number[] = [];
  for (const i of rows) {
    for (let t = X.indptr[i]!; t < X.indptr[i + 1]!; t++) {
      indices.push(X.indices[t]!);
      data.push(X.data[t]!);
    }
    indptr.push(indices.length);
  }
  return toCsr({ rows: rows.length, cols: X.cols, indptr, indices, data });
}

describe('fitNaiveBayes(CsrMatrix) = scikit-learn', () => {
  const Xtr = rowsOf(trainRows);
  const ytr = trainRows.map((i) => y[i]!);
  const cases: [string, FitNaiveBayesOptions][] = [
    ['multinomial', {}],
    ['multinomialAlpha', { alpha: 0.3, fitPrior: false }],
    ['complement', { variant: 'complement', alpha: 0.5 }],
    ['bernoulli', { variant: 'bernoulli' }],
    ['multinomialWeighted', { sampleWeight: ytr.map((_, i) => 1 + (i % 2)) }],
  ];
  for (const [name, opts] of cases) {
    it(name, () => {
      const r = ref[name];
      const m = fitNaiveBayes(Xtr, ytr, opts);
      expectAllClose(m.classLogPrior, r.classLogPrior, { rel: 1e-9, abs: 1e-12 }, `${name} prior`);
      m.featureLogProb.forEach((row, c) => expectAllClose(row, r.featureLogProb[c], { rel: 1e-9, abs: 1e-12 }, `${name} flp[${c}]`));
      const lp = predictLogProbaNaiveBayes(m, X);
      lp.forEach((row, i) => expectAllClose(row, r.logProba[i], { rel: 1e-9, abs: 1e-9 }, `${name} logProba[${i}]`));
      expect(predictNaiveBayes(m, X)).toEqual(r.predict);
      const back = parseNaiveBayesModel(JSON.parse(JSON.stringify(m)));
      expect(predictLogProbaNaiveBayes(back, X)).toEqual(lp);
    });
  }
  it('rejects negative counts and malformed models', () => {
    expect(() => fitNaiveBayes([[1, -1], [0, 1]], [0, 1])).toThrow(InvalidInputError);
    expect(() => fitNaiveBayes([[1, -1], [0, 1]], [0, 1], { variant: 'bernoulli' })).not.toThrow();
    expect(() => predictNaiveBayes({ kind: 'naiveBayes' } as never, [[1, 0]])).toThrow(ModelFormatError);
  });
});
