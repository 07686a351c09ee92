/**
 * `npm run demo` step for crmkit/segment: named segments of the UCI wholesale customers.
 */
import { describeSegments, fitKMeans, fitPreprocessor, silhouetteScore } from 'crmkit/segment';
import { readDataCsv } from '../../scripts/lib/data.js';

const SPEND = ['Fresh', 'Milk', 'Grocery', 'Frozen', 'Detergents_Paper', 'Delicassen'] as const;

export async function run(): Promise<void> {
  const customers = readDataCsv(['uci-wholesale-customers', 'wholesale_customers_data.csv']).map((r) => ({
    Channel: r.Channel === '1' ? 'Horeca' : 'Retail',
    Region: r.Region === '1' ? 'Lisbon' : r.Region === '2' ? 'Oporto' : 'Other',
    ...Object.fromEntries(SPEND.map((c) => [c, Number(r[c])])),
  })) as Record<string, string | number>[];
  const { X } = fitPreprocessor(customers, { columns: SPEND.map((name) => ({ name, type: 'numeric' as const, log1p: true })) });
  const model = fitKMeans(X, { k: 4, nInit: 10, seed: 7 });
  const { segments } = describeSegments(customers, model.labels, {
    columns: [...SPEND.map((name) => ({ name, type: 'numeric' as const })), { name: 'Channel', type: 'categorical' }, { name: 'Region', type: 'categorical' }],
  });
  console.log(`segment: ${customers.length} wholesale customers, k-means k = 4 on log-spend (silhouette ${silhouetteScore(X, model.labels).toFixed(3)})`);
  for (const s of [...segments].sort((a, b) => b.size - a.size)) console.log(`  segment ${s.label} (${s.size}): ${s.description}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
