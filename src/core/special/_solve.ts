/**
 * Safeguarded Newton iteration for inverting a monotone tail probability (internal).
 *
 * @internal
 * @module
 */

/**
 * Finds x in (lo, hi) with tail(x) = target, where tail is increasing (a cdf) or decreasing (an sf)
 * and density(x) = |d tail/dx|. Newton steps on log tail(x) (well scaled down to 1e-300) are kept
 * inside a bracket that shrinks every step; a step leaving it is replaced by bisection (geometric
 * when the bracket spans more than a factor 4). Stops when the step is below 2 ulp.
 */
export function solveTail(
  tail: (x: number) => number,
  density: (x: number) => number,
  target: number,
  increasing: boolean,
  x0: number,
  lo: number,
  hi: number,
): number {
  let x = x0;
  if (!(x > lo && x < hi)) x = bisect(lo, hi);
  const logT = Math.log(target);
  for (let it = 0; it < 400; it++) {
    const F = tail(x);
    if (F === target) return x;
    const below = F < target;
    if (below === increasing) lo = x;
    else hi = x;
    let xn = NaN;
    if (F > 0) {
      const f = density(x);
      if (f > 0 && Number.isFinite(f)) {
        const g = Math.log(F) - logT;
        const step = (g * F) / f;
        xn = increasing ? x - step : x + step;
      }
    }
    if (!(xn > lo && xn < hi)) xn = bisect(lo, hi);
    if (Math.abs(xn - x) <= 2e-16 * Math.abs(xn) || (hi < Infinity && hi - lo <= 2e-16 * hi)) return xn;
    x = xn;
  }
  return x;
}

function bisect(lo: number, hi: number): number {
  if (hi === Infinity) return lo > 0 ? lo * 4 : 1;
  if (lo > 0 && hi > 4 * lo) return Math.sqrt(lo) * Math.sqrt(hi);
  if (lo === 0 && hi > 1e-290) return hi * 1e-8;
  return 0.5 * (lo + hi);
}
