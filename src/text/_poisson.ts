/**
 * Log of the Poisson upper tail, ln P(X ≥ x) for X ~ Poisson(mu), for detectSpikes where core's
 * `poissonSf` underflows (p < 1e-290): a spike of 2,000 posts against 3 expected still gets a finite
 * score. Checked against mpmath in test/text/detectSpikes.ref.test.ts.
 *
 * @internal
 * @module
 */

const LOG_FACT: number[] = [0];
/** ln(n!) for a non-negative integer n: exact sums below 256, Stirling's series (error < 1e-16) above. */
export function logFactorial(n: number): number {
  if (n < 256) {
    for (let i = LOG_FACT.length; i <= n; i++) LOG_FACT.push(LOG_FACT[i - 1]! + Math.log(i));
    return LOG_FACT[n]!;
  }
  const x = n + 1;
  const inv = 1 / x;
  const inv2 = inv * inv;
  return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + inv * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 / 1680)));
}

function logPmf(k: number, mu: number): number {
  return k * Math.log(mu) - mu - logFactorial(k);
}

/**
 * ln P(X ≥ x) for integer x ≥ 0 and mu > 0. When x > mu: ln pmf(x) + ln Σ_i Π (mu/(x+j)) (terms
 * shrink geometrically; stop below 1e-17 of the sum), so the log tail stays finite far past double
 * underflow. When x ≤ mu the tail is at least about one half: ln(1 − P(X ≤ x−1)), the cdf summed
 * downward from x−1 (terms shrink by j/mu).
 */
export function poissonLogUpperTail(x: number, mu: number): number {
  if (x <= 0) return 0;
  if (x > mu) {
    let term = 1;
    let sum = 1;
    for (let j = x + 1; ; j++) {
      term *= mu / j;
      sum += term;
      if (term < sum * 1e-17) break;
    }
    return Math.min(0, logPmf(x, mu) + Math.log(sum));
  }
  let term = Math.exp(logPmf(x - 1, mu));
  let cdf = 0;
  for (let j = x - 1; j >= 0 && term > 0; j--) {
    cdf += term;
    if (term < cdf * 1e-17) break;
    term *= j / mu;
  }
  return Math.log1p(-Math.min(cdf, 1));
}
