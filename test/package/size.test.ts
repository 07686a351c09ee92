import { describe, expect, it } from 'vitest';
import { formatSizes, measureSizes } from '../../scripts/size.js';
import { BROWSER_SUBPATHS } from '../helpers/package.js';

describe('bundle budget (min+gzip per browser subpath, dependencies included)', () => {
  it('every subpath is within its budget', async () => {
    const rows = await measureSizes(BROWSER_SUBPATHS);
    console.log(`\n${formatSizes(rows)}\n`);
    for (const r of rows) expect(r.gzipKB, `${r.subpath} min+gzip KB`).toBeLessThanOrEqual(r.budgetKB);
  });
});
