import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface PackageJson {
  name: string;
  version: string;
  exports: Record<string, unknown>;
  dependencies?: Record<string, string>;
}
export const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as PackageJson;

/** Public subpaths other than './package.json', e.g. '.', './value'. */
export const SUBPATHS = Object.keys(pkg.exports).filter((k) => k !== './package.json');

/** Subpaths that must run in a browser: every one but the Node-only adapters (`…/node`). */
export const BROWSER_SUBPATHS = SUBPATHS.filter((s) => !s.endsWith('/node'));

/**
 * One callable smoke check per subpath, as source text evaluated against the imported module `m`.
 * Each must return a JSON-serializable value that the tests compare in Node and in the browser.
 * Modules replace their line with a real function as they land.
 */
export const SMOKE: Record<string, string> = {
  '.': '[m.createRandom(42).int(1000), m.normalQuantile(0.975), m.studentTCdf(2, 10)]',
  './value': "m.cashFlowClv({ revenue: [100, 120, 140, 160, 180], cost: [20, 22, 24, 26, 28] }, { discountRate: 0.05 })",
  './text': "[m.extractEntities('@United lost my bag #fail 😡').mentions[0].normalized, m.tokenize('我爱周杰伦 and @united')]",
  './text/sentiment': "[m.sentiment('The crew was GREAT!!').compound, m.sentiment('服务太差了[怒]').label]",
  './text/zh': "m.segmentChinese('我来到北京清华大学，周杰伦的新歌')",
  './graph': "({ ...m.betweennessCentrality(m.buildInteractionGraph([{ source: 'a', target: 'b', kind: 'reply' }, { source: 'b', target: 'c', kind: 'mention' }, { source: 'c', target: 'd', kind: 'reply' }], { directed: false })) })",
  './segment': "m.fitKMeans([[0, 0], [0, 1], [10, 10], [10, 11], [5, 5]], { k: 2, seed: 1 }).inertia",
  './classify': "[m.rocAucScore([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]), m.predictDecisionTree(m.fitDecisionTree([[1], [2], [8], [9]], ['no', 'no', 'yes', 'yes']), [[3], [7]])]",
  './experiment': "m.twoProportionZTest({ n: 21306, conversions: 122 }, { n: 21387, conversions: 189 }).statistic",
  './connectors': "new m.InvalidInputError('connectors/x', 'bad', 1).code",
  './connectors/node': "new m.ConnectorError('connectors/x', 'bad', new Error('host')).code",
};
