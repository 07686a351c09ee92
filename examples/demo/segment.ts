/**
 * `npm run demo` step for crmkit/segment: k-means segments of the UCI wholesale customers on
 * log-spend, with plain-English profiles and a segment × category chart.
 */
import { describeSegments, fitKMeans, fitPreprocessor, silhouetteScore } from 'crmkit/segment';
import { heatmapChart } from './charts.js';
import { defaultContext, type DemoContext, type ReportSection } from './context.js';
import { progressBar } from './progress.js';

const SPEND = ['Fresh', 'Milk', 'Grocery', 'Frozen', 'Detergents_Paper', 'Delicassen'] as const;

export async function run(ctx: DemoContext = defaultContext()): Promise<ReportSection> {
  const customers = ctx.data.wholesale().map((r) => ({
    Channel: r.Channel === '1' ? 'Horeca' : 'Retail',
    Region: r.Region === '1' ? 'Lisbon' : r.Region === '2' ? 'Oporto' : 'Other',
    ...Object.fromEntries(SPEND.map((c) => [c, Number(r[c])])),
  })) as Record<string, string | number>[];
  const { X } = fitPreprocessor(customers, { columns: SPEND.map((name) => ({ name, type: 'numeric' as const, log1p: true })) });
  const bar = progressBar('k-means (10 starts)');
  const model = fitKMeans(X, { k: 4, nInit: 10, seed: 7, onProgress: bar.onProgress });
  bar.done();
  const { segments } = describeSegments(customers, model.labels, {
    columns: [...SPEND.map((name) => ({ name, type: 'numeric' as const })), { name: 'Channel', type: 'categorical' }, { name: 'Region', type: 'categorical' }],
  });
  const sil = silhouetteScore(X, model.labels);
  const bySize = [...segments].sort((a, b) => b.size - a.size);
  console.log(`${customers.length} wholesale customers, k-means k = 4 on log-spend (silhouette ${sil.toFixed(3)})`);
  for (const s of bySize) console.log(`  segment ${s.label} (${s.size}): ${s.description}`);
  const cells = bySize.flatMap((s) => s.numeric.map((n) => ({ segment: `segment ${s.label} (${s.size})`, category: n.column, difference: n.standardizedDifference })));
  return {
    id: 'segment',
    title: 'Segments: who the customers are',
    story: [`${customers.length} wholesale customers, clustered by k-means (k = 4, 10 seeded starts) on log annual spend per category; silhouette ${sil.toFixed(3)}.`],
    charts: [
      {
        spec: heatmapChart(cells, { x: 'category', y: 'segment', value: 'difference', xTitle: 'spend category', yTitle: null, valueTitle: 'vs average (sd)', xType: 'nominal', scheme: 'redblue', domainMid: 0 }, 'Segment profiles: spend against the average customer'),
        caption: 'Each segment’s mean spend per category minus the overall mean, in standard deviations (blue above average, red below).',
      },
    ],
    tables: [{ caption: 'Segments in plain English', header: ['segment', 'customers', 'profile'], rows: bySize.map((s) => [String(s.label), s.size, s.description]) }],
  };
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
