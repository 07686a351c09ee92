/**
 * From the UCI wholesale customers to named segments, with a scatter plot.
 *
 *   npx tsx examples/segment-wholesale.ts
 *
 * Writes an SVG (log Fresh vs log Grocery, one colour per segment) to the system temp folder and
 * prints its path.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chooseK, describeSegments, fitKMeans, fitPreprocessor, inverseTransformPreprocessor } from 'crmkit/segment';
import { readCsv } from 'crmkit/connectors/node';
import { dataPath } from '../scripts/lib/data.js';

const SPEND = ['Fresh', 'Milk', 'Grocery', 'Frozen', 'Detergents_Paper', 'Delicassen'] as const;

// 1. records as a CRM export would give them: numbers for spend, words for categories
const rows = [];
for await (const batch of readCsv(dataPath('uci-wholesale-customers', 'wholesale_customers_data.csv'), { columns: Object.fromEntries(SPEND.map((c) => [c, { type: 'number', required: true }] as const)) })) rows.push(...batch);
const customers = rows.map((r) => ({
  Channel: r.Channel === '1' ? 'Horeca' : 'Retail',
  Region: r.Region === '1' ? 'Lisbon' : r.Region === '2' ? 'Oporto' : 'Other',
  ...Object.fromEntries(SPEND.map((c) => [c, r[c] as number])),
})) as Record<string, string | number>[];

// 2. log1p + standardize the skewed spend (categories are kept for the profiles, not the clustering)
const { model: prep, X } = fitPreprocessor(customers, {
  columns: SPEND.map((name) => ({ name, type: 'numeric' as const, log1p: true })),
});

// 3. choose k between 2 and 8 by silhouette, and show the whole table
const choice = chooseK(X, { kRange: [2, 8], criterion: 'silhouette', seed: 42 });
console.table(choice.table.map((r) => ({ k: r.k, inertia: +r.inertia.toFixed(1), silhouette: +r.silhouette.toFixed(3), CH: +r.calinskiHarabasz.toFixed(1), DB: +r.daviesBouldin.toFixed(3) })));
// silhouette favours k = 2 here; a marketer usually wants a few more groups, so take the best of 3..6
const k = choice.table.filter((r) => r.k >= 3 && r.k <= 6).sort((a, b) => b.silhouette - a.silhouette)[0]!.k;
console.log(`silhouette pick: k = ${choice.k}; using k = ${k} (best silhouette between 3 and 6)`);

// 4. cluster, then describe each segment in the original units
const model = fitKMeans(X, { k, nInit: 10, seed: 42 });
console.log(`k-means: inertia ${model.inertia.toFixed(1)}, ${model.iterations} iterations, converged ${model.converged}`);
const typical = inverseTransformPreprocessor(prep, model.centroids);
const profile = describeSegments(customers, model.labels, { columns: [...SPEND.map((name) => ({ name, type: 'numeric' as const })), { name: 'Channel', type: 'categorical' }, { name: 'Region', type: 'categorical' }] });
for (const s of profile.segments) {
  const t = typical[s.label as number]!;
  console.log(`segment ${s.label}: ${s.description}`);
  console.log(`   typical annual spend: ${SPEND.map((c) => `${c} ${Math.round(t[c] as number)}`).join(', ')}`);
}

// 5. scatter plot: log(1 + Fresh) against log(1 + Grocery), coloured by segment
const colours = ['#1b9e77', '#d95f02', '#7570b3', '#e7298a', '#66a61e', '#e6ab02', '#a6761d', '#666666'];
const W = 640;
const H = 480;
const pad = 50;
const xs = customers.map((c) => Math.log1p(c.Fresh as number));
const ys = customers.map((c) => Math.log1p(c.Grocery as number));
const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
const px = (v: number): number => pad + ((v - x0) / (x1 - x0)) * (W - 2 * pad);
const py = (v: number): number => H - pad - ((v - y0) / (y1 - y0)) * (H - 2 * pad);
const dots = xs.map((x, i) => `<circle cx="${px(x).toFixed(1)}" cy="${py(ys[i]!).toFixed(1)}" r="3" fill="${colours[model.labels[i]! % 8]}" fill-opacity="0.75"/>`);
const legend = profile.segments.map((s, i) => `<text x="${pad}" y="${18 + 14 * i}" font-size="11" fill="${colours[(s.label as number) % 8]}">● ${s.label}: ${s.description}</text>`);
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H + 14 * k}" viewBox="0 -${14 * k} ${W} ${H + 14 * k}" font-family="sans-serif">
<g transform="translate(0, -${14 * k - 4})">${legend.join('')}</g>
<rect x="${pad}" y="${pad}" width="${W - 2 * pad}" height="${H - 2 * pad}" fill="none" stroke="#ccc"/>
${dots.join('\n')}
<text x="${W / 2}" y="${H - 12}" text-anchor="middle" font-size="12">log(1 + Fresh spend)</text>
<text x="14" y="${H / 2}" text-anchor="middle" font-size="12" transform="rotate(-90 14 ${H / 2})">log(1 + Grocery spend)</text>
</svg>\n`;
const dir = join(tmpdir(), 'crmkit-examples');
mkdirSync(dir, { recursive: true });
const file = join(dir, 'segment-wholesale.svg');
writeFileSync(file, svg);
console.log(`scatter plot written to ${file}`);
