/**
 * Which subpaths the fuzz suites (exports.fuzz and mutations.fuzz) cover: subpath → the module name
 * its errors carry (and its source folder). A subpath joins HARDENED once it passes with 0 failures;
 * `CRMKIT_FUZZ_ALL=1 npx vitest run test/fuzz` also explores the rest.
 */
export const HARDENED: Record<string, string> = {
  '.': 'core',
  './segment': 'segment',
  './value': 'value',
  './experiment': 'experiment',
  './graph': 'graph',
  './connectors': 'connectors',
  './connectors/node': 'connectors',
  './text': 'text',
  './text/sentiment': 'text',
  './classify': 'classify',
};
/** Every subpath, for an exploratory run of the not-yet-hardened ones. */
export const ALL: Record<string, string> = { ...HARDENED, './text/zh': 'text' };
export const TARGETS = process.env.CRMKIT_FUZZ_ALL === '1' ? ALL : HARDENED;
