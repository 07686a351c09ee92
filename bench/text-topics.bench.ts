/**
 * crmkit fitLda beside scikit-learn 1.2.1 LatentDirichletAllocation (scripts/reference/text_lda.py
 * --bench), 10 topics, default settings (10 passes; online: batches of 128), on the airline tweets'
 * count matrix. The vocabularies differ slightly (crmkit's tokenizer keeps @mentions and #hashtags
 * whole; scikit-learn's CountVectorizer drops one-letter tokens), so each row states its term count.
 *
 * Run: npm run bench -- text-topics   (part of npm run bench -- text)
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fitLda, fitTfidf, transformTfidf } from '../src/text/index.js';
import { parseCsv } from '../src/connectors/index.js';
import { hasData, readDataText } from '../scripts/lib/data.js';
import { measure, printTable, type Row } from './lib.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

async function main(): Promise<void> {
  if (!hasData('twitter-airline-sentiment', 'Tweets.csv.gz')) {
    console.log('text-topics bench skipped: shared data not found');
    return;
  }
  const rows = parseCsv(readDataText('twitter-airline-sentiment', 'Tweets.csv.gz'), { header: false }).rows as string[][];
  const ti = rows[0]!.indexOf('text');
  const texts = rows.slice(1).map((r) => r[ti]!);
  const counter = fitTfidf(texts, { useIdf: false, norm: null });
  const X = transformTfidf(counter, texts);
  const out: Row[] = [];
  const kase = `LDA 10 topics, ${texts.length} airline tweets`;
  for (const learningMethod of ['batch', 'online'] as const) {
    let perplexity = 0;
    const m = await measure(() => (perplexity = fitLda(X, { nTopics: 10, learningMethod, seed: 0 }).perplexity), { minRuns: 1, maxRuns: 1 });
    out.push({ case: kase, impl: `crmkit fitLda (${learningMethod})`, ms: m.ms, heapMB: m.heapMB, note: `${X.cols} terms; perplexity ${perplexity.toFixed(1)}` });
  }
  const r = spawnSync('/usr/bin/python3', [join(root, 'scripts', 'reference', 'text_lda.py'), '--bench'], { encoding: 'utf8', timeout: 900_000 });
  let sk: Record<string, number> | null = null;
  try {
    sk = JSON.parse(r.stdout.trim().split('\n').pop()!) as Record<string, number>;
  } catch {
    sk = null;
  }
  for (const method of ['batch', 'online']) {
    out.push({
      case: kase,
      impl: `scikit-learn 1.2.1 (${method})`,
      ms: sk ? sk[`${method}Seconds`]! * 1000 : null,
      note: sk ? `${sk['terms']} terms; perplexity ${sk[`${method}Perplexity`]!.toFixed(1)}` : 'python reference failed',
    });
  }
  printTable('crmkit/text topics', out);
}

await main();
