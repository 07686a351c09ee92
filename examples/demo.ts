/**
 * `npm run demo`: the end-to-end tour of crmkit on the real shared datasets (../shared/data).
 * Each module adds its step here as it lands.
 */
import { hasData, DATA_DIR } from '../scripts/lib/data.js';

const steps: [string, () => Promise<{ run: () => Promise<void> }>][] = [
  ['core: numerics and seeded random on the CDNOW log', () => import('./demo/core.js')],
];

if (!hasData()) {
  console.error(`The demo reads the shared datasets at ${DATA_DIR}; none found. Set CRMKIT_DATA_DIR to their folder.`);
  process.exit(1);
}
for (const [title, load] of steps) {
  console.log(`\n=== ${title}`);
  const t0 = performance.now();
  await (await load()).run();
  console.log(`(${(performance.now() - t0).toFixed(0)} ms)`);
}
