import { describe, expect, it } from 'vitest';
import { rfmScores, RFM_SEGMENTS, InvalidInputError, InvalidOptionError } from 'crmkit/value';

describe('rfmScores(customers, options?)', () => {
  const base = Array.from({ length: 10 }, (_, i) => Object.freeze({ customerId: `c${i}`, recency: i, frequency: i, monetary: 10 * i }));
  it('scores quintiles: smaller recency and larger F, M are better', () => {
    const r = rfmScores(base);
    // 10 distinct values → two per quintile; c0 has the smallest recency (best R) and smallest F, M
    expect(r.rows.map((x) => x.recency)).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
    expect(r.rows.map((x) => x.frequency)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(r.rows[9]!.code).toBe('155');
    expect(r.rows[9]!.segment).toBe("Can't lose them");
    expect(r.rows[0]!.segment).toBe('New customers');
  });
  it('ties share a score whatever the row order', () => {
    const tied = [0, 0, 0, 0, 0, 0, 1, 2, 3, 4].map((f, i) => ({ customerId: i, recency: 1, frequency: f, monetary: 1 }));
    const a = rfmScores(tied).rows.map((x) => x.frequency);
    expect(a.slice(0, 6)).toEqual([1, 1, 1, 1, 1, 1]);
    const b = rfmScores([...tied].reverse()).rows.map((x) => x.frequency).reverse();
    expect(b).toEqual(a);
    // all recencies tied → all get the same R score (1 + floor(5·0/10) = 1)
    expect(new Set(rfmScores(tied).rows.map((x) => x.recency))).toEqual(new Set([1]));
  });
  it('the default segments cover all 25 R×F cells exactly once', () => {
    for (let r = 1; r <= 5; r++) {
      for (let f = 1; f <= 5; f++) {
        const hits = RFM_SEGMENTS.filter((s) => r >= s.recency[0] && r <= s.recency[1] && f >= s.frequency[0] && f <= s.frequency[1]);
        expect(hits.length, `R=${r} F=${f}`).toBe(1);
      }
    }
  });
  it('counts customers per segment and accepts custom rules', () => {
    const r = rfmScores(base, { bins: 2, segments: [{ name: 'good', recency: [2, 2], frequency: [1, 2] }, { name: 'other', recency: [1, 2], frequency: [1, 2] }] });
    expect(r.segmentCounts).toEqual([{ segment: 'good', count: 5 }, { segment: 'other', count: 5 }]);
  });
  it('rejects bad input and incomplete rules', () => {
    expect(() => rfmScores([])).toThrow(InvalidInputError);
    expect(() => rfmScores([{ customerId: 1, recency: -1, frequency: 1, monetary: 1 }])).toThrow(/recency must be a finite number ≥ 0/);
    expect(() => rfmScores(base, { bins: 3 })).toThrow(InvalidOptionError);
    expect(() => rfmScores(base, { bins: 2, segments: [{ name: 'x', recency: [1, 1], frequency: [1, 2] }] })).toThrow(/R=2, F=1/);
  });
});
