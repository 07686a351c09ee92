/**
 * TF-IDF weights against scikit-learn 1.2.1 (scripts/reference/text.py → test/fixtures/text-tfidf.json).
 * Pre-tokenized input (the token lists are in the fixture), so tokenization is not the variable.
 * Tolerance: 1e-12 (closed form), absolute and relative, on every idf and every stored weight;
 * vocabulary, row pointers and column indices must be identical.
 */
import { describe, expect, it } from 'vitest';
import { fitTfidf, type FitTfidfOptions, transformTfidf } from 'crmkit/text';
import { expectClose } from '../helpers/close.js';
import { loadFixture } from '../helpers/fixtures.js';

interface Csr {
  indptr: number[];
  indices: number[];
  data: number[];
}
interface Case {
  name: string;
  options: Record<string, unknown>;
  vocabulary: string[];
  idf: number[];
  fit: Csr;
  transform?: Csr;
}
interface Fixture {
  docs: string[][];
  queries: string[][];
  cases: Case[];
}

const fx = loadFixture<Fixture>('text-tfidf');
const small = [...fx.docs.slice(0, 400), ...fx.docs.slice(1000, 1400)];
const TOL = { rel: 1e-12, abs: 1e-12 };

/** scikit-learn keyword arguments → crmkit options (ints are counts, floats proportions). */
function toOptions(o: Record<string, unknown>): FitTfidfOptions {
  const out: FitTfidfOptions = {};
  if (o.ngram_range !== undefined) out.ngramRange = o.ngram_range as [number, number];
  if (o.sublinear_tf !== undefined) out.sublinearTf = o.sublinear_tf as boolean;
  if (o.smooth_idf !== undefined) out.smoothIdf = o.smooth_idf as boolean;
  if (o.norm !== undefined) out.norm = o.norm as 'l1' | 'l2' | null;
  if (o.min_df !== undefined) out.minDf = o.min_df as number;
  if (o.max_df !== undefined) out.maxDf = { proportion: o.max_df as number };
  if (o.max_features !== undefined) out.maxFeatures = o.max_features as number;
  if (o.stop_words !== undefined) out.stopWords = o.stop_words as 'english';
  if (o.vocabulary !== undefined) out.vocabulary = o.vocabulary as string[];
  return out;
}

function docsFor(name: string): { docs: string[][]; queries: string[][] } {
  if (name === 'default') return { docs: fx.docs, queries: fx.queries };
  if (name === 'object-keys') return { docs: [['__proto__', 'constructor', 'toString', 'a'], ['constructor', 'hasOwnProperty', 'valueOf'], ['__proto__', '__proto__', 'b']], queries: [['__proto__', 'toString', 'zzz']] };
  return { docs: small, queries: fx.queries.slice(0, 20) };
}

function expectCsr(actual: { indptr: Int32Array; indices: Int32Array; data: Float64Array }, expected: Csr, label: string): void {
  expect(Array.from(actual.indptr), `${label} indptr`).toEqual(expected.indptr);
  expect(Array.from(actual.indices), `${label} indices`).toEqual(expected.indices);
  for (let k = 0; k < expected.data.length; k++) expectClose(actual.data[k]!, expected.data[k]!, TOL, `${label} data[${k}]`);
}

describe('fitTfidf / transformTfidf against scikit-learn TfidfVectorizer 1.2.1', () => {
  for (const c of fx.cases) {
    it(`${c.name}: vocabulary, idf and every weight`, () => {
      const { docs, queries } = docsFor(c.name);
      const model = fitTfidf(docs, toOptions(c.options));
      expect(model.vocabulary).toEqual(c.vocabulary);
      for (let j = 0; j < c.idf.length; j++) expectClose(model.idf[j]!, c.idf[j]!, TOL, `idf[${j}]`);
      expectCsr(transformTfidf(model, docs), c.fit, 'fit');
      if (c.transform) expectCsr(transformTfidf(model, queries), c.transform, 'transform');
    });
  }

  it('the JSON round-tripped model transforms identically', () => {
    const model = fitTfidf(fx.docs.slice(0, 300), { ngramRange: [1, 2], sublinearTf: true });
    const again = JSON.parse(JSON.stringify(model));
    const a = transformTfidf(model, fx.queries);
    const b = transformTfidf(again, fx.queries);
    expect(Array.from(b.indices)).toEqual(Array.from(a.indices));
    expect(Array.from(b.data)).toEqual(Array.from(a.data));
  });
});
