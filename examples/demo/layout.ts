/**
 * A seeded force-directed layout (Fruchterman & Reingold, 1991) for the report's network drawing.
 * Small graphs only (O(n²) per iteration; the demo draws at most a few hundred nodes).
 */
import { createRandom } from 'crmkit';

/** Positions in [0, 1]² for nodes 0…n−1 joined by the given edges. */
export function forceLayout(n: number, edges: readonly [number, number][], options: { seed?: number; iterations?: number } = {}): { x: Float64Array; y: Float64Array } {
  const rng = createRandom(options.seed ?? 1);
  const iterations = options.iterations ?? 300;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = rng.uniform();
    y[i] = rng.uniform();
  }
  const k = Math.sqrt(1 / Math.max(n, 1));
  const dx = new Float64Array(n);
  const dy = new Float64Array(n);
  let temp = 0.1;
  for (let it = 0; it < iterations; it++) {
    dx.fill(0);
    dy.fill(0);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const ex = x[i]! - x[j]!;
        const ey = y[i]! - y[j]!;
        const d2 = Math.max(ex * ex + ey * ey, 1e-9);
        const f = (k * k) / d2; // repulsion k²/d, along the unit vector (ex, ey)/d
        dx[i]! += ex * f;
        dy[i]! += ey * f;
        dx[j]! -= ex * f;
        dy[j]! -= ey * f;
      }
    }
    for (const [a, b] of edges) {
      const ex = x[a]! - x[b]!;
      const ey = y[a]! - y[b]!;
      const d = Math.max(Math.sqrt(ex * ex + ey * ey), 1e-9);
      const f = d / k; // attraction d²/k
      dx[a]! -= ex * f;
      dy[a]! -= ey * f;
      dx[b]! += ex * f;
      dy[b]! += ey * f;
    }
    for (let i = 0; i < n; i++) {
      // Gravity towards the centre keeps disconnected parts in the frame.
      dx[i]! -= (x[i]! - 0.5) * 0.5 * n * k;
      dy[i]! -= (y[i]! - 0.5) * 0.5 * n * k;
      const d = Math.max(Math.sqrt(dx[i]! ** 2 + dy[i]! ** 2), 1e-9);
      const step = Math.min(d, temp);
      x[i]! += (dx[i]! / d) * step;
      y[i]! += (dy[i]! / d) * step;
    }
    temp = Math.max(0.1 * (1 - it / iterations), 0.002);
  }
  return { x, y };
}
