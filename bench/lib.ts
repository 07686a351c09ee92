/**
 * Tiny benchmark harness: wall-clock median over repeated runs, heap growth per run, and a table
 * printed with our time beside a peer's. Run through `npm run bench` (node --expose-gc).
 */
import { performance } from 'node:perf_hooks';

export interface Measurement {
  /** Median wall-clock milliseconds per run. */
  ms: number;
  /** Fastest run. */
  minMs: number;
  runs: number;
  /** Largest heap growth observed while a run's result was still alive, in MB. */
  heapMB: number;
}

const gc = (globalThis as { gc?: () => void }).gc;

/**
 * Runs `fn` at least `minRuns` times and for at least `minMs` (capped at `maxRuns`), timing each
 * run in a warm process with no forced collection between runs (a forced full GC before every run
 * would bill each run for re-growing the heap, which no caller of the library pays; the Python peers
 * are timed the same way, back to back). Heap growth is measured afterwards, in up to three extra
 * runs that each start from a forced collection (in the timed runs themselves when `maxRuns` ≤ 2).
 */
export async function measure<T>(fn: () => T | Promise<T>, opts: { minRuns?: number; minMs?: number; maxRuns?: number } = {}): Promise<Measurement> {
  const minRuns = opts.minRuns ?? 3;
  const minMs = opts.minMs ?? 500;
  const maxRuns = opts.maxRuns ?? 50;
  const times: number[] = [];
  let total = 0;
  let heap = 0;
  // Slow cases (one or two runs) are not run again for the heap: their timed runs start from a
  // forced collection instead, a cost that is negligible beside a run of seconds.
  const heapInline = maxRuns <= 2;
  while (times.length < maxRuns && (times.length < minRuns || total < minMs)) {
    if (heapInline) gc?.();
    const before = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    const result = await fn();
    const dt = performance.now() - t0;
    if (heapInline) heap = Math.max(heap, (process.memoryUsage().heapUsed - before) / 1048576);
    times.push(dt);
    total += dt;
    if (result === undefined) void 0; // keep `result` alive until the heap was read
  }
  const heapRuns = heapInline ? 0 : Math.min(3, times.length);
  for (let i = 0; i < heapRuns; i++) {
    gc?.();
    const before = process.memoryUsage().heapUsed;
    const result = await fn();
    const after = process.memoryUsage().heapUsed;
    heap = Math.max(heap, (after - before) / 1048576);
    if (result === undefined) void 0; // keep `result` alive until the heap was read
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)]!, minMs: times[0]!, runs: times.length, heapMB: heap };
}

export interface Row {
  case: string;
  impl: string;
  ms: number | null;
  heapMB?: number | null;
  note?: string;
}

/** Prints a fixed-width table; `ms: null` prints as "n/a" (peer missing or did not finish). */
export function printTable(title: string, rows: Row[]): void {
  const fmt = (x: number | null | undefined, d: number): string => (x === null || x === undefined ? 'n/a' : x.toFixed(d));
  const data = rows.map((r) => [r.case, r.impl, fmt(r.ms, 2), fmt(r.heapMB, 1), r.note ?? '']);
  const head = ['case', 'implementation', 'ms (median)', 'heap Δ MB', 'note'];
  const widths = head.map((h, i) => Math.max(h.length, ...data.map((d) => d[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i >= 2 && i <= 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ');
  console.log(`\n## ${title}\n`);
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const d of data) console.log(line(d));
  console.log(`\nprocess max RSS so far: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}
