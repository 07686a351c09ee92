/**
 * `npm run demo`: the end-to-end tour of crmkit on the real shared datasets (../shared/data).
 * Each module adds its step here as it lands.
 */
import { hasData, DATA_DIR } from '../scripts/lib/data.js';

const steps: [string, () => Promise<{ run: () => Promise<void> }>][] = [
  ['core: numerics and seeded random on the CDNOW log', () => import('./demo/core.js')],
  ['text: hashtags, mentions and spikes in airline tweets and Weibo posts', () => import('./demo/text.js')],
  ['graph: the mention graph of the airline tweets — central accounts and communities', () => import('./demo/graph.js')],
  ['value: RFM summary, BG/NBD + Gamma-Gamma and CLV on CDNOW', () => import('./demo/value.js')],
  ['segment: named segments of the wholesale customers', () => import('./demo/segment.js')],
  ['classify: who subscribes to a term deposit (bank marketing)', () => import('./demo/classify.js')],
  ['experiment: the Hillstrom e-mail test, end to end', () => import('./demo/experiment.js')],
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
