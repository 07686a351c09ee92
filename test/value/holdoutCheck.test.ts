import { describe, expect, it } from 'vitest';
import {
  fitBetaGeo, fitBetaGeoBetaBinom, fitGammaGamma, fitModifiedBetaGeo, fitParetoNbd, holdoutComparison, parseBetaGeoModel, summarizeTransactions,
  InvalidOptionError, NotConvergedError,
} from 'crmkit/value';
import { describeWithData, readDataText } from '../helpers/data.js';

const cal = [
  { customerId: 'a', frequency: 0, recency: 0, T: 38 }, { customerId: 'b', frequency: 2, recency: 30, T: 38 },
  { customerId: 'c', frequency: 9, recency: 37, T: 38 }, { customerId: 'd', frequency: 1, recency: 5, T: 30 },
  { customerId: 'e', frequency: 0, recency: 0, T: 20 }, { customerId: 'f', frequency: 3, recency: 20, T: 36 },
  { customerId: 'g', frequency: 1, recency: 30, T: 33 }, { customerId: 'h', frequency: 0, recency: 0, T: 37 },
];
const hold = [
  { customerId: 'h', frequency: 0, duration: 39 }, { customerId: 'a', frequency: 0, duration: 39 }, { customerId: 'b', frequency: 1, duration: 39 },
  { customerId: 'c', frequency: 7, duration: 39 }, { customerId: 'd', frequency: 0, duration: 39 }, { customerId: 'e', frequency: 1, duration: 39 },
  { customerId: 'f', frequency: 2, duration: 39 }, { customerId: 'g', frequency: 1, duration: 39 },
];

describe('fit*(customers, { holdout }): the holdout check in diagnostics', () => {
  it('totals and rmse are holdoutComparison\'s (rows matched by customerId, in any order)', () => {
    for (const fit of [fitBetaGeo, fitModifiedBetaGeo, fitParetoNbd]) {
      const m = fit(cal, { holdout: hold });
      const h = m.diagnostics!.holdout!;
      const c = holdoutComparison(m, cal, hold);
      expect(h.measure).toBe('purchases');
      expect([h.customers, h.duration, h.actual]).toEqual([8, 39, 12]);
      expect(Math.abs(h.expected - c.totalExpected)).toBeLessThanOrEqual(1e-9 * c.totalExpected);
      expect(Math.abs(h.rmse - c.rmse)).toBeLessThanOrEqual(1e-9 * c.rmse);
      expect(h.relativeError).toBeCloseTo((h.expected - 12) / 12, 12);
      expect(fit(cal, { holdout: [...hold].reverse() }).diagnostics!.holdout).toEqual(h);
      if (m.kind === 'betaGeo') expect(parseBetaGeoModel(JSON.parse(JSON.stringify(m))).diagnostics!.holdout).toEqual(h);
    }
  });

  it('a holdout the model misses by far fails the check: ok false, a warning, and a typed error under strict', () => {
    const busy = hold.map((h) => ({ ...h, frequency: h.frequency * 4 + 3 }));
    const m = fitBetaGeo(cal, { holdout: busy });
    expect(m.diagnostics!.holdout!.ok).toBe(false);
    expect(m.diagnostics!.ok).toBe(false);
    expect(m.diagnostics!.warnings.at(-1)).toMatch(/the holdout check fails \(holdout purchases: the model expects .*, the customers made 72/);
    expect(() => fitBetaGeo(cal, { holdout: busy, strict: true })).toThrow(NotConvergedError);
    // the same fit without the holdout is not flagged
    expect(fitBetaGeo(cal).diagnostics!.ok).toBe(fitBetaGeo(cal).diagnostics!.warnings.length === 0);
  });

  it('Gamma-Gamma compares expected and actual spend per holdout purchase', () => {
    const spend = [
      { customerId: 'a', frequency: 2, monetaryValue: 20 }, { customerId: 'b', frequency: 1, monetaryValue: 35 },
      { customerId: 'c', frequency: 4, monetaryValue: 12 }, { customerId: 'd', frequency: 0, monetaryValue: 0 },
      { customerId: 'e', frequency: 3, monetaryValue: 50 }, { customerId: 'f', frequency: 1, monetaryValue: 18 },
    ];
    const h = [
      { customerId: 'a', frequency: 1, monetaryValue: 22 }, { customerId: 'b', frequency: 2, monetaryValue: 30 },
      { customerId: 'c', frequency: 0, monetaryValue: 0 }, { customerId: 'd', frequency: 1, monetaryValue: 40 },
      { customerId: 'e', frequency: 1, monetaryValue: 45 }, { customerId: 'f', frequency: 2, monetaryValue: 20 },
    ];
    const d = fitGammaGamma(spend, { holdout: h }).diagnostics!.holdout!;
    expect(d.measure).toBe('spend');
    expect(d.customers).toBe(4); // c has no holdout purchase, d no calibration repeat purchase
    expect(d.actual).toBe(22 + 2 * 30 + 45 + 2 * 20);
  });

  it('bad holdout options are typed errors', () => {
    expect(() => fitBetaGeo(cal, { holdout: hold.slice(1) })).toThrow(InvalidOptionError);
    expect(() => fitBetaGeo(cal, { holdout: hold.map((r) => ({ ...r, duration: 0 })) })).toThrow(/options.holdout\[\d+\].duration must be a finite number > 0/);
    expect(() => fitBetaGeo(cal.map((c) => ({ ...c, weight: 2 })), { holdout: hold })).toThrow(/cannot be checked against weighted customers/);
    expect(() => fitBetaGeoBetaBinom([{ frequency: 1, recency: 1, periods: 6 }, { frequency: 0, recency: 0, periods: 6 }], { holdout: [] })).toThrow(/not available for BG\/BB/);
  });
});

describeWithData('the holdout check on CDNOW (calibration to 1997-09-30, holdout 39 weeks)', [['cdnow', 'CDNOW_sample.txt']], () => {
  it('BG/NBD at the published parameters passes the check: 1,653 expected vs 1,882 actual holdout purchases (−12%, within 10% + 2√E)', () => {
    const rows = readDataText('cdnow', 'CDNOW_sample.txt').split(/\r?\n/).flatMap((line) => {
      const f = line.trim().split(/\s+/);
      // CDNOW_sample.txt: master id, sample id, yyyymmdd, CDs, dollars
      return f.length >= 5 && /^\d+$/.test(f[0]!) ? [{ id: f[0]!, date: f[2]!, v: Number(f[4]) }] : [];
    });
    const s = summarizeTransactions(rows, { customerId: 'id', date: 'date', amount: 'v', dateFormat: 'yyyymmdd', zeroAmount: 'keep', periodsPerUnit: 7, observationEnd: '1998-06-30', calibrationEnd: '1997-09-30' });
    const m = fitBetaGeo(s.rows, { holdout: s.holdout! });
    // Fader, Hardie & Lee (2005): r 0.2426, α 4.4136, a 0.7929, b 2.4259 on these 2,357 customers
    expect([m.params.r, m.params.alpha, m.params.a, m.params.b].map((v) => v.toFixed(4))).toEqual(['0.2426', '4.4136', '0.7929', '2.4259']);
    const h = m.diagnostics!.holdout!;
    const c = holdoutComparison(m, s.rows, s.holdout!);
    expect([h.customers, h.actual]).toEqual([2357, c.totalActual]);
    expect(Math.abs(h.expected - c.totalExpected)).toBeLessThanOrEqual(1e-9 * c.totalExpected);
    expect(h.ok).toBe(Math.abs(h.expected - h.actual) <= 0.1 * h.actual + 2 * Math.sqrt(h.expected));
    expect(h.ok).toBe(true);
    expect(m.diagnostics!.ok).toBe(true);
  });
});
