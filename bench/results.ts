/**
 * Turns the tables the benchmarks print (`printTable` in lib.ts) into bench/results.md: every row
 * with crmkit's time beside each peer's from the same run, a ratio per peer row, and the machine,
 * Node version, load average and command the numbers came from.
 */

/** One table printed by a benchmark file. */
export interface BenchTable {
  file: string;
  title: string;
  rows: { case: string; impl: string; ms: number | null; heapMB: number | null; note: string }[];
}

/** Where and how the numbers were measured. */
export interface BenchRun {
  command: string;
  date: string;
  commit: string;
  machine: string;
  node: string;
  loadBefore: number[];
  loadAfter: number[];
  files: { file: string; ok: boolean; seconds: number }[];
}

const num = (s: string): number | null => (s === 'n/a' || s === '' ? null : Number(s));

/** Parses the `## title` + `case | implementation | ms (median) | heap Δ MB | note` tables in one file's output. */
export function parseBenchOutput(file: string, text: string): BenchTable[] {
  const tables: BenchTable[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const m = /^## (.+)$/.exec(lines[i]!);
    if (!m) continue;
    // The header follows after a blank line, then a dashed rule.
    let j = i + 1;
    while (j < lines.length && lines[j]!.trim() === '') j++;
    if (!/^case\s*\|\s*implementation\s*\|/.test(lines[j] ?? '')) continue;
    const table: BenchTable = { file, title: m[1]!.trim(), rows: [] };
    for (j += 2; j < lines.length && lines[j]!.includes(' | '); j++) {
      const cells = lines[j]!.split(' | ').map((c) => c.trim());
      if (cells.length < 4) break;
      // A note may itself contain " | ": join the rest.
      table.rows.push({ case: cells[0]!, impl: cells[1]!, ms: num(cells[2]!), heapMB: num(cells[3]!), note: cells.slice(4).join(' | ') });
    }
    tables.push(table);
    i = j - 1;
  }
  return tables;
}

const isOurs = (impl: string): boolean => /^crmkit\b/i.test(impl);
const cell = (s: string): string => s.replace(/\|/g, '\\|');
const ms = (x: number | null): string => (x === null ? 'n/a' : x < 10 ? x.toFixed(2) : x < 1000 ? x.toFixed(1) : x.toFixed(0));

/** Parenthesized qualifiers of an implementation name: `'scipy (analytic ∇)'` → `['analytic ∇']`. */
const qualifiers = (impl: string): string[] => [...impl.matchAll(/\(([^)]*)\)/g)].map((m) => m[1]!.trim());

/**
 * The crmkit row a row compares with: crmkit's row of the same case sharing a parenthesized
 * qualifier (`… (analytic ∇)` with `… (analytic ∇)`), else crmkit's first row of the case.
 */
export function baselineRow(table: BenchTable, row: BenchTable['rows'][number]): BenchTable['rows'][number] | undefined {
  const ours = table.rows.filter((r) => r.case === row.case && isOurs(r.impl));
  const q = qualifiers(row.impl);
  return ours.find((r) => qualifiers(r.impl).some((x) => q.includes(x))) ?? ours[0];
}

/** The ratio column: the row's time over its crmkit baseline's (> 1: crmkit is faster). */
function ratio(table: BenchTable, row: BenchTable['rows'][number]): string {
  const ours = baselineRow(table, row);
  if (!ours || ours.ms === null || row.ms === null || ours === row) return '';
  const q = row.ms / ours.ms;
  return `${q >= 10 ? q.toFixed(0) : q.toFixed(2)}×`;
}

/** bench/results.md. */
export function resultsMarkdown(run: BenchRun, tables: BenchTable[]): string {
  const out: string[] = [];
  out.push('# Benchmark results', '');
  out.push(`Written by \`${run.command}\` (bench/run.ts); do not edit by hand. Times are medians of repeated runs in a warm process`);
  out.push('(see bench/lib.ts). The ratio is the row\'s time over crmkit\'s time for the same case from the same run: above 1×');
  out.push('crmkit is faster. Load from other processes inflates every figure, so compare rows of one run, not runs.', '');
  out.push('| | |', '|---|---|');
  out.push(`| date | ${run.date} |`);
  out.push(`| commit | ${run.commit} |`);
  out.push(`| machine | ${cell(run.machine)} |`);
  out.push(`| Node | ${run.node} |`);
  out.push(`| load average (1, 5, 15 min) | before ${run.loadBefore.map((x) => x.toFixed(2)).join(', ')}; after ${run.loadAfter.map((x) => x.toFixed(2)).join(', ')} |`);
  out.push(`| command | \`${run.command}\` |`);
  out.push(`| files | ${run.files.map((f) => `${f.file} (${f.seconds.toFixed(0)} s${f.ok ? '' : ', FAILED'})`).join(', ')} |`, '');
  const headline = tables.flatMap((t) =>
    [...new Set(t.rows.map((r) => r.case))].flatMap((c) => {
      const peers = t.rows.filter((r) => r.case === c && !isOurs(r.impl) && r.ms !== null);
      return peers.flatMap((p) => {
        const ours = baselineRow(t, p);
        if (!ours || ours.ms === null) return [];
        return [`| ${cell(t.title)} | ${cell(c)} | ${cell(ours.impl)} | ${ms(ours.ms)} | ${cell(p.impl)} | ${ms(p.ms)} | ${ratio(t, p)} |`];
      });
    }),
  );
  if (headline.length > 0) {
    out.push('## crmkit beside each peer', '');
    out.push('| benchmark | case | crmkit | crmkit ms | peer | peer ms | peer / crmkit |', '|---|---|---|---:|---|---:|---:|', ...headline, '');
  }
  let file = '';
  for (const t of tables) {
    if (t.file !== file) {
      file = t.file;
      out.push(`## ${file}`, '');
    }
    out.push(`### ${t.title}`, '');
    out.push('| case | implementation | ms (median) | vs crmkit | heap Δ MB | note |', '|---|---|---:|---:|---:|---|');
    for (const r of t.rows) out.push(`| ${cell(r.case)} | ${cell(r.impl)} | ${ms(r.ms)} | ${ratio(t, r)} | ${r.heapMB === null ? 'n/a' : r.heapMB.toFixed(1)} | ${cell(r.note)} |`);
    out.push('');
  }
  return `${out.join('\n')}\n`;
}
