/**
 * TEMPORARY stand-ins for core/special (branch `special`), replaced by re-exports at merge.
 * @internal
 * @module
 */
const LANCZOS = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  x -= 1;
  let a = LANCZOS[0]!;
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i]! / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}
export function digamma(x: number): number {
  let r = 0;
  while (x < 12) {
    r -= 1 / x;
    x += 1;
  }
  const f = 1 / (x * x);
  return r + Math.log(x) - 0.5 / x - f * (1 / 12 - f * (1 / 120 - f * (1 / 252 - f * (1 / 240 - f / 132))));
}
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let s = 1;
  for (let k = 0; k < 100000; k++) {
    term *= ((a + k) * (b + k)) / ((c + k) * (k + 1)) * z;
    s += term;
    if (Math.abs(term) < 1e-17 * Math.abs(s)) break;
  }
  return s;
}
