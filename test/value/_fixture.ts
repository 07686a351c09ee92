/** Shape of test/fixtures/value.json (written by scripts/reference/value.py). */
export interface ModelFixture {
  atParams: number[];
  logLikelihood: number;
  gradient: number[];
  /** mpmath standard errors (Hessian of −ℓ in natural parameters) at scipy's unpenalized optimum. */
  standardErrorsAtFit?: number[];
  fits: Record<string, { params: number[]; logLikelihood: number; converged: boolean; evaluations: number }>;
}
export interface ValueFixture {
  models: Record<'betaGeo' | 'paretoNbd' | 'modifiedBetaGeo' | 'gammaGamma' | 'betaGeoBetaBinom', ModelFixture>;
  predictions: {
    customers: number[][];
    times: number[];
    betaGeo: { expected: number[]; conditional39: number[]; conditional1: number[]; alive: number[]; probabilityOfPurchases39: number[]; probabilityOfPurchases1: number[] };
    paretoNbd: { expected: number[]; conditional39: number[]; alive: number[]; probabilityOfPurchases39: number[]; probabilityOfPurchases1: number[]; probabilityOfPurchases78: number[] };
    modifiedBetaGeo: { expected: number[]; conditional39: number[]; alive: number[]; probabilityOfPurchases39: number[]; probabilityOfPurchases1: number[] };
    betaGeoBetaBinom: { patterns: number[][]; alive: number[]; expected: number[]; expectedPeriods: number[]; conditional5: number[]; probabilityOfPurchases5: number[]; probabilityOfPurchases1: number[]; probabilityOfPurchases30: number[] };
    gammaGamma: { customers: number[][]; expectedSpend: number[]; populationMean: number };
    clv: { customers: number[][]; months: number; discountRate: number; unitsPerMonth: number; values: number[] };
  };
}
