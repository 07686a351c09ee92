/**
 * Globally adaptive Gauss–Kronrod (7/15-point) quadrature, QUADPACK QAG-style: the panel with the
 * largest error estimate is bisected until the summed estimate falls under the tolerance.
 *
 * The error reported is the plain sum over panels of |K15 − G7| (no QUADPACK shrink factor), which
 * over-estimates the true error of the K15 result for smooth integrands.
 *
 * @internal
 * @module
 */

// Kronrod nodes (positive half, descending) and weights; Gauss weights for the 7-point rule.
const XGK = [
  0.991455371120812639206854697526329, 0.949107912342758524526189684047851, 0.864864423359769072789712788640926,
  0.741531185599394439863864773280788, 0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
  0.207784955007898467600689403773245, 0.0,
];
const WGK = [
  0.022935322010529224963732008058970, 0.063092092629978553290700663189204, 0.104790010322250183839876322541518,
  0.140653259715525918745189590510238, 0.169004726639267902826583426598550, 0.190350578064785409913256402421014,
  0.204432940075298892414161999234649, 0.209482141084727828012999174891714,
];
const WG = [0.129484966168869693270611432679082, 0.279705391489276667901467771423780, 0.381830050505118944950369775488975, 0.417959183673469387755102040816327];

export interface QuadResult {
  value: number;
  /** Sum of |K15 − G7| over the final panels. */
  error: number;
  panels: number;
}

function gk15(f: (x: number) => number, a: number, b: number): { value: number; error: number } {
  const c = 0.5 * (a + b);
  const h = 0.5 * (b - a);
  const fc = f(c);
  let k = fc * WGK[7]!;
  let g = fc * WG[3]!;
  for (let j = 0; j < 7; j++) {
    const dx = h * XGK[j]!;
    const s = f(c - dx) + f(c + dx);
    k += WGK[j]! * s;
    if (j % 2 === 1) g += WG[(j - 1) / 2]! * s;
  }
  return { value: k * h, error: Math.abs((k - g) * h) };
}

/**
 * ∫ f over [a, b], starting from `initialPanels` equal panels; stops when the summed error is at
 * most max(absTol, relTol·|value|) or after `maxPanels` panels.
 */
export function integrate(
  f: (x: number) => number,
  a: number,
  b: number,
  opts: { relTol: number; absTol: number; initialPanels: number; maxPanels: number; breaks?: readonly number[] },
): QuadResult {
  const lo: number[] = [];
  const hi: number[] = [];
  const val: number[] = [];
  const err: number[] = [];
  // Breakpoints (where the integrand has a narrow feature, e.g. the steep cdf of a much narrower
  // posterior) start panels of their own, so no feature can hide between the nodes of a wide panel.
  const cuts = [a, ...(opts.breaks ?? []).filter((x) => x > a && x < b).sort((x, y) => x - y), b];
  for (let s = 0; s + 1 < cuts.length; s++) {
    const sa = cuts[s]!;
    const sb = cuts[s + 1]!;
    if (!(sb > sa)) continue;
    const w = (sb - sa) / opts.initialPanels;
    for (let i = 0; i < opts.initialPanels; i++) {
      const x0 = sa + i * w;
      const x1 = i === opts.initialPanels - 1 ? sb : sa + (i + 1) * w;
      const r = gk15(f, x0, x1);
      lo.push(x0);
      hi.push(x1);
      val.push(r.value);
      err.push(r.error);
    }
  }
  for (;;) {
    let total = 0;
    let totalErr = 0;
    let worst = 0;
    for (let i = 0; i < val.length; i++) {
      total += val[i]!;
      totalErr += err[i]!;
      if (err[i]! > err[worst]!) worst = i;
    }
    if (totalErr <= Math.max(opts.absTol, opts.relTol * Math.abs(total)) || val.length >= opts.maxPanels) {
      return { value: total, error: totalErr, panels: val.length };
    }
    const m = 0.5 * (lo[worst]! + hi[worst]!);
    if (!(m > lo[worst]! && m < hi[worst]!)) {
      return { value: total, error: totalErr, panels: val.length }; // panel cannot be split further
    }
    const left = gk15(f, lo[worst]!, m);
    const right = gk15(f, m, hi[worst]!);
    lo.push(m);
    hi.push(hi[worst]!);
    val.push(right.value);
    err.push(right.error);
    hi[worst] = m;
    val[worst] = left.value;
    err[worst] = left.error;
  }
}

/**
 * Where a unimodal log-concave log-density drops `depth` below its value at `mode`: bracketing by
 * doubling steps, then bisection. Returns [left, right].
 */
export function logConcaveRange(logf: (x: number) => number, mode: number, step: number, depth: number): [number, number] {
  const top = logf(mode);
  const edge = (dir: 1 | -1): number => {
    let lo = mode;
    let w = step;
    let hi = mode + dir * w;
    let guard = 0;
    while (logf(hi) > top - depth && guard++ < 200) {
      lo = hi;
      w *= 2;
      hi = mode + dir * w;
    }
    for (let i = 0; i < 80; i++) {
      const mid = 0.5 * (lo + hi);
      if (mid === lo || mid === hi) break;
      if (logf(mid) > top - depth) lo = mid;
      else hi = mid;
    }
    return hi;
  };
  return [edge(-1), edge(1)];
}
