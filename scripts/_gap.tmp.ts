import { fitKMeansSteps } from '../src/segment/fitKMeans.js';
import { createRandom } from '../src/core/random.js';
const r = createRandom(3);
const X = Array.from({ length: 60000 }, (_, i) => Array.from({ length: 8 }, () => (i % 5) * 3 + r.normal()));
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
for (let rep = 0; rep < 3; rep++) {
  const g = fitKMeansSteps('x', X, { k: 8, nInit: 50, seed: 1 });
  const gaps: [number, number][] = [];
  for (let i = 0; i < 40; i++) { const c = cpu(); const t = performance.now(); g.next(); gaps.push([+(cpu() - c).toFixed(1), +(performance.now() - t).toFixed(1)]); }
  console.log(JSON.stringify(gaps.slice(0, 14)));
}
