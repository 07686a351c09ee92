/**
 * bench/results.ts: the tables `printTable` prints are read back exactly, and results.md puts each
 * peer beside the matching crmkit row with the right ratio and the run's provenance.
 */
import { describe, expect, it } from 'vitest';
import { printTable } from '../../bench/lib.js';
import { parseBenchOutput, resultsMarkdown } from '../../bench/results.js';

function captured(fn: () => void): string {
  const lines: string[] = [];
  const log = console.log;
  console.log = (...a: unknown[]) => void lines.push(a.join(' '));
  try {
    fn();
  } finally {
    console.log = log;
  }
  return lines.join('\n');
}

const OUT = captured(() => {
  console.log('some progress line');
  printTable('fit, 10 × 2', [
    { case: 'small', impl: 'crmkit fit (numeric ∇)', ms: 4, heapMB: 0.5, note: 'max |x − 1| = 1e-8' },
    { case: 'small', impl: 'crmkit fit (analytic ∇)', ms: 2, heapMB: 0.5 },
    { case: 'small', impl: 'scipy (analytic ∇)', ms: 10, note: 'python' },
    { case: 'small', impl: 'other peer', ms: null, note: 'not installed' },
    { case: 'large', impl: 'crmkit', ms: 300, heapMB: 12 },
    { case: 'large', impl: 'ml-thing', ms: 150, heapMB: 3 },
  ]);
});

describe('bench results', () => {
  it('parses printTable output back to its rows', () => {
    const [t, ...rest] = parseBenchOutput('x.bench.ts', OUT);
    expect(rest).toEqual([]);
    expect(t!.title).toBe('fit, 10 × 2');
    expect(t!.rows).toEqual([
      { case: 'small', impl: 'crmkit fit (numeric ∇)', ms: 4, heapMB: 0.5, note: 'max |x − 1| = 1e-8' },
      { case: 'small', impl: 'crmkit fit (analytic ∇)', ms: 2, heapMB: 0.5, note: '' },
      { case: 'small', impl: 'scipy (analytic ∇)', ms: 10, heapMB: null, note: 'python' },
      { case: 'small', impl: 'other peer', ms: null, heapMB: null, note: 'not installed' },
      { case: 'large', impl: 'crmkit', ms: 300, heapMB: 12, note: '' },
      { case: 'large', impl: 'ml-thing', ms: 150, heapMB: 3, note: '' },
    ]);
  });

  it('writes each peer beside the matching crmkit row, with the run', () => {
    const md = resultsMarkdown(
      { command: 'npm run bench -- x', date: '2026-01-01T00:00:00Z', commit: 'abc1234', machine: '2 × CPU', node: 'v20.0.0', loadBefore: [1, 2, 3], loadAfter: [1.5, 2, 3], files: [{ file: 'x.bench.ts', ok: true, seconds: 3 }] },
      parseBenchOutput('x.bench.ts', OUT),
    );
    expect(md).toContain('| load average (1, 5, 15 min) | before 1.00, 2.00, 3.00; after 1.50, 2.00, 3.00 |');
    expect(md).toContain('| Node | v20.0.0 |');
    expect(md).toContain('| command | `npm run bench -- x` |');
    // scipy (analytic ∇) is compared with crmkit's analytic-gradient row: 10 / 2.
    expect(md).toContain('| fit, 10 × 2 | small | crmkit fit (analytic ∇) | 2.00 | scipy (analytic ∇) | 10.0 | 5.00× |');
    expect(md).toContain('| fit, 10 × 2 | large | crmkit | 300.0 | ml-thing | 150.0 | 0.50× |');
    // A peer with no time is listed in its table but not in the side-by-side summary.
    expect(md.split('## x.bench.ts')[0]).not.toContain('other peer');
    expect(md.split('## x.bench.ts')[1]).toContain('| small | other peer | n/a |  | n/a | not installed |');
    expect(md).toContain('| small | crmkit fit (numeric ∇) | 4.00 |  | 0.5 | max \\|x − 1\\| = 1e-8 |');
  });
});
