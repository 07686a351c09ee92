import { describe, expect, it } from 'vitest';
import {
  cohortRetention, fitBetaGeo, fitGammaGamma, fitModifiedBetaGeo, fitParetoNbd, likertSummary, parseBetaGeoModel, parseGammaGammaModel,
  probabilityAlive, probabilityOfPurchases, conditionalProbabilityOfPurchases, satisfactionSummary, summarizeTransactions,
  InvalidInputError, InvalidOptionError, ModelFormatError,
} from 'crmkit/value';
import { logPoch, pochSums } from '../../src/value/_poch.js';
import { describeWithData, readDataCsv } from '../helpers/data.js';

const bg = { kind: 'betaGeo', params: { r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259 } } as const;
const pareto = { kind: 'paretoNbd', params: { r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67 } } as const;
const small = [
  { frequency: 0, recency: 0, T: 38, weight: 60 }, { frequency: 0, recency: 0, T: 30, weight: 50 },
  { frequency: 1, recency: 10, T: 38, weight: 15 }, { frequency: 1, recency: 30, T: 32, weight: 12 },
  { frequency: 2, recency: 25, T: 36, weight: 8 }, { frequency: 3, recency: 5, T: 35, weight: 4 },
  { frequency: 4, recency: 33, T: 37, weight: 5 }, { frequency: 7, recency: 30, T: 38, weight: 3 },
];

describe('hostile input (issue #20)', () => {
  it("summarizeTransactions(rows, { customerId: 'constructor' }) reads own fields only, never Object.prototype's", () => {
    // before: every row "had" the inherited Object function as its id, and all rows became one customer
    const rows = [{ id: 'a', d: '2024-01-01' }, { id: 'b', d: '2024-01-02' }];
    expect(() => summarizeTransactions(rows, { customerId: 'constructor' as 'id', date: 'd', observationEnd: '2024-02-01' })).toThrow(/transactions\[0\] has no customer id/);
    const own = [{ constructor: 'a', d: '2024-01-01' }, { constructor: 'b', d: '2024-01-02' }, { constructor: 'a', d: '2024-01-05' }];
    const s = summarizeTransactions(own, { customerId: 'constructor', date: 'd', observationEnd: '2024-02-01' });
    expect(s.rows.map((r) => [r.customerId, r.frequency])).toEqual([['a', 1], ['b', 0]]);
    for (const key of ['toString', 'hasOwnProperty', 'valueOf']) {
      expect(() => summarizeTransactions(rows, { customerId: key as 'id', date: 'd', observationEnd: '2024-02-01' })).toThrow(InvalidInputError);
    }
  });

  it('probabilityOfPurchases(model, 10, 1e308) and conditionalProbabilityOfPurchases(..., 1e308) are typed errors, not hangs', () => {
    expect(() => probabilityOfPurchases(bg, 10, 1e308)).toThrow(/value\/probabilityOfPurchases: n must be an integer in \[0, 2147483647\]/);
    expect(() => probabilityOfPurchases(pareto, 10, 2 ** 53)).toThrow(InvalidInputError);
    expect(() => conditionalProbabilityOfPurchases(bg, [{ frequency: 2, recency: 30, T: 38 }], 39, 1e308)).toThrow(InvalidInputError);
    expect(() => probabilityOfPurchases({ kind: 'betaGeoBetaBinom', params: { alpha: 1, beta: 1, gamma: 1, delta: 1 } }, 1e308, 1)).toThrow(/t must be an integer in \[0, 100000\]/);
  });

  it('large n uses log-gamma differences that agree with the running sum (the O(1) path past 1,024 terms)', () => {
    for (const v of [0.2426, 3.5, 250]) {
      let s = 0;
      for (let j = 0; j < 5000; j++) s += Math.log(v + j);
      expect(Math.abs(logPoch(v, 5000) - s)).toBeLessThan(1e-11 * Math.abs(s));
      const out = new Float64Array(3);
      const dout = new Float64Array(3);
      pochSums(v, [3, 2000, 5000], out, dout);
      expect(Math.abs(out[2]! - s)).toBeLessThan(1e-11 * Math.abs(s));
      let d = 0;
      for (let j = 0; j < 5000; j++) d += 1 / (v + j);
      expect(Math.abs(dout[2]! - d)).toBeLessThan(1e-11 * d);
    }
    // P(n) at n past the threshold is a probability, summing with the rest to 1 (BG/NBD at t = 5000 weeks)
    let total = 0;
    for (let n = 0; n <= 3000; n++) total += probabilityOfPurchases(bg, 5000, n);
    expect(total).toBeGreaterThan(0.99);
    expect(total).toBeLessThanOrEqual(1 + 1e-9);
  });

  it('a customer with frequency 1e7 is fitted (two log-gamma calls per evaluation, not 1e7 logs); 2^31 and more are typed errors', () => {
    const rows = [...small, { frequency: 10_000_000, recency: 37, T: 38 }];
    for (const fit of [fitBetaGeo, fitModifiedBetaGeo, fitParetoNbd]) {
      const m = fit(rows);
      expect(Object.values(m.params).every((v) => Number.isFinite(v) && v > 0)).toBe(true);
      expect(() => fit([...small, { frequency: 2 ** 31, recency: 37, T: 38 }])).toThrow(/frequency must be an integer in \[0, 2147483647\]/);
      expect(() => fit([...small, { frequency: 1, recency: 3, T: 38, weight: 1e308 }])).toThrow(/weights of customers must sum to at most 2\^53/);
    }
    expect(() => fitGammaGamma([{ frequency: 1e308, monetaryValue: 10 }, { frequency: 1, monetaryValue: 12 }])).toThrow(InvalidInputError);
  });

  it('size options are bounded: satisfactionSummary/likertSummary scale [1, 1e9], cohortRetention over millennia', () => {
    expect(() => satisfactionSummary([1, 2], { scale: [1, 1e9] })).toThrow(/options.scale must span at most 10000 points/);
    expect(() => likertSummary([1, 2], { scale: [-1e308, 5] })).toThrow(InvalidOptionError);
    expect(() => likertSummary([1, 2], { scale: null as unknown as [number, number], compareWith: [1] })).toThrow(InvalidOptionError);
    expect(satisfactionSummary([0, 10000], { scale: [0, 10000] }).distribution).toHaveLength(10001);
    const rows = [{ id: 'a', at: '1024-01-01' }, { id: 'b', at: '2024-01-01' }];
    expect(() => cohortRetention(rows, { customerId: 'id', date: 'at', period: 'day' })).toThrow(/the log spans \d+ days; at most 10000/);
    expect(() => cohortRetention([{ id: 'a', at: 1e308 }, { id: 'b', at: 0 }], { customerId: 'id', date: 'at' })).toThrow(InvalidInputError);
  });

  it('parse*Model rejects tampered optional fields (NaN counts, options, diagnostics, standard errors)', () => {
    const m = JSON.parse(JSON.stringify(fitBetaGeo(small))) as Record<string, unknown>;
    expect(parseBetaGeoModel(m).nCustomers).toBe(157);
    for (const [k, v] of [['nCustomers', 'NaN'], ['nCustomers', [NaN]], ['options', NaN], ['options', { penalizer: NaN }], ['options', { penalizerScaling: 'x' }],
      ['diagnostics', NaN], ['diagnostics', { ok: true }], ['standardErrors', { r: NaN }], ['iterations', 1.5]] as const) {
      expect(() => parseBetaGeoModel({ ...m, [k]: v }), `${k}`).toThrow(ModelFormatError);
    }
    const g = JSON.parse(JSON.stringify(fitGammaGamma([{ frequency: 1, monetaryValue: 12, weight: 30 }, { frequency: 2, monetaryValue: 30, weight: 20 }, { frequency: 4, monetaryValue: 18, weight: 5 }]))) as Record<string, unknown>;
    expect(() => parseGammaGammaModel({ ...g, skippedNoRepeat: NaN })).toThrow(ModelFormatError);
    expect(() => parseGammaGammaModel({ ...g, frequencyMonetaryCorrelation: 2 })).toThrow(ModelFormatError);
  });

  it('predictions validate the parameters their model kind needs (params: [] or a Map is a typed error, not NaN)', () => {
    for (const params of [[], new Map(), {}]) {
      expect(() => probabilityAlive({ kind: 'betaGeo', params } as never, [{ frequency: 1, recency: 1, T: 2 }])).toThrow(ModelFormatError);
    }
  });

  it('a Pareto/NBD fit whose likelihood is out of reach at the start values is a typed error, fast (the term budget)', () => {
    const rows = [{ frequency: 0, recency: 0, T: 1e308, weight: 60 }, ...small.slice(1)];
    expect(() => fitParetoNbd(rows)).toThrow(/value\/fitParetoNbd: the likelihood cannot be evaluated at the start values/);
  });
});

describe('fits do not depend on the order of the customers (canonical pattern order)', () => {
  const shuffle = <T>(a: readonly T[], seed: number): T[] => {
    const out = [...a];
    let s = seed;
    for (let i = out.length - 1; i > 0; i--) {
      s = (s * 1103515245 + 12345) % 2147483648;
      const j = s % (i + 1);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };
  it('shuffled and reversed rows give bit-identical BG/NBD, MBG/NBD and Pareto/NBD fits', () => {
    const rows = small.flatMap((r) => Array.from({ length: r.weight }, (_, k) => ({ frequency: r.frequency, recency: r.recency, T: r.T + (k % 3) })));
    for (const fit of [fitBetaGeo, fitModifiedBetaGeo, fitParetoNbd]) {
      const a = fit(rows);
      expect(fit([...rows].reverse()).params).toEqual(a.params);
      expect(fit(shuffle(rows, 7)).params).toEqual(a.params);
    }
  });
});

describeWithData('UCI Online Retail: BG/NBD from summaries in different customer orders (the flat b of #18)', [['uci-online-retail', 'online_retail.csv.gz']], () => {
  it('first-appearance order (memory), id order (SQL) and reversed give the same parameters to the last bit', () => {
    const retail = readDataCsv(['uci-online-retail', 'online_retail.csv.gz']);
    const s = summarizeTransactions(retail, {
      customerId: 'CustomerID', date: 'InvoiceDate', amount: (r) => Number(r.Quantity) * Number(r.UnitPrice), timeZone: 'UTC',
      observationEnd: '2011-12-09', missingCustomerId: 'drop', negativeAmount: 'drop', zeroAmount: 'drop',
    });
    const byId = [...s.rows].sort((x, y) => (String(x.customerId) < String(y.customerId) ? -1 : 1));
    const a = fitBetaGeo(s.rows);
    expect(fitBetaGeo(byId).params).toEqual(a.params);
    expect(fitBetaGeo([...s.rows].reverse()).params).toEqual(a.params);
  });
});
