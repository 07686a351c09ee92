/**
 * fitNmf / transformNmf / topicCoherence against scikit-learn 1.2.1 NMF and numpy formulas
 * (scripts/reference/text_nmf.py). "custom": the same starting W, H on both sides, so fits agree to
 * 1e-6 (cd, cd with L1/L2 regularization, mu Frobenius, mu Kullback–Leibler). "nndsvd": scikit-learn's
 * NNDSVD starts computed with an exact SVD (crmkit iterates its SVD to convergence), the starts and
 * the default fit from nndsvda. "coherence": UMass and NPMI of the fit's top-10 terms.
 */
import { describe, expect, it } from 'vitest';
import { fitNmf, topicCoherence, transformNmf, type CsrMatrix, type FitNmfOptions } from 'crmkit/text';
import { expectClose } from '../helpers/close.js';
import { loadFixture } from '../helpers/fixtures.js';

interface Csr { rows: number; cols: number; indptr: number[]; indices: number[]; data: number[] }
interface Fit { components: number[][]; iterations: number; reconstructionError: number; transform: number[][] }
interface Fx {
  counts: Csr;
  tfidf: Csr;
  custom: Record<string, Fit & { input: 'counts' | 'tfidf'; options: Record<string, string | number>; W: number[][]; H: number[][] }>;
  nndsvd: { nndsvd: { W: number[][]; H: number[][] }; nndsvda: { W: number[][]; H: number[][] }; fit: Fit; klFit: Fit; randomizedVsExactMaxAbs: number };
  coherence: { top: number[][]; umass: number[]; npmi: number[]; always: number[] };
}
const fx = loadFixture<Fx>('text-nmf');
const csr = (c: Csr): CsrMatrix => ({ rows: c.rows, cols: c.cols, indptr: Int32Array.from(c.indptr), indices: Int32Array.from(c.indices), data: Float64Array.from(c.data) });
const counts = csr(fx.counts);
const tfidf = csr(fx.tfidf);

function expectFit(name: string, model: ReturnType<typeof fitNmf>, X: CsrMatrix, ref: Fit): void {
  expect(model.iterations, `${name} iterations`).toBe(ref.iterations);
  ref.components.forEach((row, k) => row.forEach((x, v) => expectClose(model.components[k]![v]!, x, { abs: 1e-6, rel: 1e-6 }, `${name} components[${k}][${v}]`)));
  expectClose(model.reconstructionError, ref.reconstructionError, { rel: 1e-6 }, `${name} reconstructionError`);
  const W = transformNmf(model, X);
  ref.transform.forEach((row, d) => row.forEach((x, k) => expectClose(W[d]![k]!, x, { abs: 1e-6, rel: 1e-6 }, `${name} transform[${d}][${k}]`)));
}

const optionMap = (o: Record<string, string | number>): FitNmfOptions => ({
  solver: o.solver as 'cd' | 'mu',
  ...(o.beta_loss !== undefined ? { betaLoss: o.beta_loss as 'kullback-leibler' } : {}),
  ...(o.alpha_W !== undefined ? { alphaW: o.alpha_W as number } : {}),
  ...(o.l1_ratio !== undefined ? { l1Ratio: o.l1_ratio as number } : {}),
});

describe('fitNmf equals scikit-learn from the same start', () => {
  for (const [name, ref] of Object.entries(fx.custom)) {
    it(`${name}: components_, n_iter_, reconstruction_err_, transform`, () => {
      const X = ref.input === 'counts' ? counts : tfidf;
      const model = fitNmf(X, { nTopics: 3, init: { W: ref.W, H: ref.H }, ...optionMap(ref.options) });
      expect(model.params.init).toBe('custom');
      expectFit(name, model, X, ref);
    });
  }
});

describe('fitNmf NNDSVD starts equal scikit-learn with an exact SVD', () => {
  it('the nndsvd and nndsvda starts: three iterations from ours equal three from scikit-learn\'s', () => {
    // scikit-learn's randomized SVD start differs from the exact one by this much on this corpus:
    expect(fx.nndsvd.randomizedVsExactMaxAbs).toBeLessThan(1e-9);
    for (const init of ['nndsvd', 'nndsvda'] as const) {
      const ref = fx.nndsvd[init];
      const fromRef = fitNmf(tfidf, { nTopics: 3, init: { W: ref.W, H: ref.H }, maxIterations: 3, tolerance: 0 });
      const ours = fitNmf(tfidf, { nTopics: 3, init, maxIterations: 3, tolerance: 0 });
      fromRef.components.forEach((row, k) => row.forEach((x, v) => expectClose(ours.components[k]![v]!, x, { abs: 1e-6, rel: 1e-6 }, `${init} components[${k}][${v}]`)));
    }
  });
  it('the default fit (cd, nndsvda) and a KL fit from nndsvda', () => {
    expectFit('default', fitNmf(tfidf, { nTopics: 3 }), tfidf, fx.nndsvd.fit);
    expectFit('kl', fitNmf(counts, { nTopics: 3, solver: 'mu', betaLoss: 'kullback-leibler', maxIterations: 500 }), counts, fx.nndsvd.klFit);
  });
});

describe('topicCoherence equals the numpy formulas', () => {
  const vocabulary = Array.from({ length: counts.cols }, (_, v) => `t${v}`);
  const termTopics = fx.coherence.top.map((t) => t.map((v) => `t${v}`));
  for (const measure of ['umass', 'npmi'] as const) {
    it(`${measure}: from a model with CSR docs, from terms with CSR docs, from terms with token lists`, () => {
      const want = fx.coherence[measure];
      const fromModel = topicCoherence(fitNmf(tfidf, { nTopics: 3 }), counts, { measure });
      const fromTerms = topicCoherence(termTopics, counts, { measure, vocabulary });
      const tokens: string[][] = [];
      for (let d = 0; d < counts.rows; d++) tokens.push(Array.from(counts.indices.subarray(counts.indptr[d]!, counts.indptr[d + 1]!), (v) => `t${v}`));
      const fromTokens = topicCoherence(termTopics, tokens, { measure });
      for (const r of [fromModel, fromTerms, fromTokens]) {
        want.forEach((x, k) => expectClose(r.topics[k]!, x, { abs: 1e-12 }, `${measure} topic ${k}`));
        expectClose(r.mean, want.reduce((a, b) => a + b, 0) / want.length, { abs: 1e-12 }, `${measure} mean`);
      }
    });
  }
});
