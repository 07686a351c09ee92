/**
 * Cuts the small samples in examples/data from the team's shared datasets (../shared/data or
 * $CRMKIT_DATA_DIR). Deterministic: the same shared files give the same sample contents. Only data
 * whose licence allows redistribution is cut (see README.md); posts and the e-mail campaign are
 * synthetic instead (synthetic-posts.ts, synthetic-campaign.ts).
 *
 *   npx tsx examples/data/cut.ts          # rewrite the samples
 *   npx tsx examples/data/cut.ts --check  # exit 1 if a sample differs from a fresh cut
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { dataPath, DATA_DIR } from '../../scripts/lib/data.js';

const here = dirname(fileURLToPath(import.meta.url));

/** One sample: its file name here, the shared file it comes from, and how it is cut. */
export interface SampleCut {
  file: string;
  from: string[];
  /** Whole file (`copy`), or gzip -9 of the whole file (`gzip`). */
  how: 'copy' | 'gzip';
}

/** Every sample this script cuts (whole files: each source is already a published sample or small). */
export const CUTS: readonly SampleCut[] = [
  // lifetimes' 1/10 CDNOW sample (2,357 customers, 6,919 purchases), MIT via lifetimes.
  { file: 'cdnow_sample.txt.gz', from: ['cdnow', 'CDNOW_sample.txt'], how: 'gzip' },
  // UCI's own random 10% of bank-full (4,521 calls), CC BY 4.0.
  { file: 'bank.csv.gz', from: ['uci-bank-marketing', 'bank.csv'], how: 'gzip' },
  // All 440 wholesale customers, CC BY 4.0.
  { file: 'wholesale_customers_data.csv', from: ['uci-wholesale-customers', 'wholesale_customers_data.csv'], how: 'copy' },
  // networkx's Les Misérables co-occurrence graph (77 characters), BSD-3-Clause.
  { file: 'lesmis_edges.csv', from: ['les-miserables', 'lesmis_edges.csv'], how: 'copy' },
  // Zachary's karate club (34 members) with club labels, BSD-3-Clause via networkx.
  { file: 'karate_edges.csv', from: ['karate-club', 'karate_edges.csv'], how: 'copy' },
  { file: 'karate_nodes.csv', from: ['karate-club', 'karate_nodes.csv'], how: 'copy' },
];

/** The sample's content as the cut makes it (uncompressed bytes). */
export function cutContent(c: SampleCut): Buffer {
  return readFileSync(dataPath(...c.from));
}

/** The committed sample's content (uncompressed bytes). */
export function sampleContent(c: SampleCut): Buffer {
  const buf = readFileSync(join(here, c.file));
  return c.how === 'gzip' ? gunzipSync(buf) : buf;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const check = process.argv.includes('--check');
  const missing = CUTS.filter((c) => !existsSync(dataPath(...c.from)));
  if (missing.length > 0) {
    console.error(`cut: shared data not found at ${DATA_DIR}: ${missing.map((c) => c.from.join('/')).join(', ')}`);
    process.exit(1);
  }
  let differ = 0;
  for (const c of CUTS) {
    const content = cutContent(c);
    if (check) {
      const same = existsSync(join(here, c.file)) && sampleContent(c).equals(content);
      if (!same) differ++;
      console.log(`${same ? 'same   ' : 'DIFFERS'} ${c.file}`);
    } else {
      const out = c.how === 'gzip' ? gzipSync(content, { level: 9 }) : content;
      writeFileSync(join(here, c.file), out);
      console.log(`wrote ${c.file} (${out.length} bytes) from ${c.from.join('/')}`);
    }
  }
  if (differ > 0) process.exit(1);
}
