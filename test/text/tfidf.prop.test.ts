import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { fitTfidf, transformTfidf } from 'crmkit/text';

const WORDS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', 'a', 'b', '中文', '😀'];
const docArb = fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 8 });
const corpusArb = fc.array(docArb, { minLength: 1, maxLength: 12 }).filter((c) => c.some((d) => d.length > 0));

describe('TF-IDF properties', () => {
  test.prop([corpusArb])('object-prototype names are ordinary terms: df and idf match a brute-force count', (corpus) => {
    const m = fitTfidf(corpus);
    const n = corpus.length;
    const expected = WORDS.filter((w) => corpus.some((d) => d.includes(w)));
    expect([...m.vocabulary].sort()).toEqual([...expected].sort());
    m.vocabulary.forEach((w, j) => {
      const df = corpus.filter((d) => d.includes(w)).length;
      expect(m.idf[j]).toBe(Math.log((n + 1) / (df + 1)) + 1);
    });
  });

  test.prop([corpusArb])('rows have unit L2 norm, or are empty when a document has no term', (corpus) => {
    const X = transformTfidf(fitTfidf(corpus), corpus);
    for (let i = 0; i < X.rows; i++) {
      let s = 0;
      for (let k = X.indptr[i]!; k < X.indptr[i + 1]!; k++) s += X.data[k]! ** 2;
      if (corpus[i]!.length === 0) expect(X.indptr[i + 1]! - X.indptr[i]!).toBe(0);
      else expect(Math.abs(Math.sqrt(s) - 1)).toBeLessThan(1e-12);
    }
  });
});
