/**
 * Tests that read ../shared/data use `describeWithData`: when the files are absent the suite is
 * skipped with a clear message, except under CI=true, where absence is a failure.
 */
import { describe, it } from 'vitest';
import { dataPath, hasData } from '../../scripts/lib/data.js';

export { dataPath, hasData, readDataCsv, readDataText } from '../../scripts/lib/data.js';

export function describeWithData(name: string, files: string[][], body: () => void): void {
  const missing = files.filter((f) => !hasData(...f)).map((f) => dataPath(...f));
  if (missing.length === 0) {
    describe(name, body);
  } else if (process.env.CI === 'true') {
    describe(name, () => {
      it('has its shared data', () => {
        throw new Error(`shared data missing under CI=true: ${missing.join(', ')}`);
      });
    });
  } else {
    // The body is not run: describe.skip still calls it to collect tests, and bodies read their data
    // at collection time, which would throw on a clone without ../shared/data.
    describe(`${name} [skipped: shared data not found at ${missing.join(', ')}]`, () => {
      it.skip('needs the shared datasets', () => {});
    });
  }
}
