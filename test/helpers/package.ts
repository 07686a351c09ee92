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

/** Subpaths that must run in a browser (everything; the Node adapters of connectors live under a separate path). */
export const BROWSER_SUBPATHS = SUBPATHS;

/**
 * One callable smoke check per subpath, as source text evaluated against the imported module `m`.
 * Each must return a JSON-serializable value that the tests compare in Node and in the browser.
 * Modules replace their line with a real function as they land.
 */
export const SMOKE: Record<string, string> = {
  '.': 'm.createRandom(42).int(1000)',
  './value': "new m.InvalidInputError('value/x', 'bad', 1).code",
  './text': "new m.InvalidInputError('text/x', 'bad', 1).code",
  './graph': "new m.InvalidInputError('graph/x', 'bad', 1).code",
  './segment': "new m.InvalidInputError('segment/x', 'bad', 1).code",
  './classify': "new m.InvalidInputError('classify/x', 'bad', 1).code",
  './experiment': "new m.InvalidInputError('experiment/x', 'bad', 1).code",
  './connectors': "new m.InvalidInputError('connectors/x', 'bad', 1).code",
};
