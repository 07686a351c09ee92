/**
 * Similar posts: TF-IDF over the airline tweets, then the 3 tweets most similar to a new complaint.
 * Run: npx tsx examples/text-similar.ts
 */
import { extractKeywords, fitTfidf, tokenize, topKSimilar } from 'crmkit/text';
import { readCsv } from 'crmkit/connectors/node';
import { dataPath, hasData } from '../scripts/lib/data.js';

if (!hasData('twitter-airline-sentiment', 'Tweets.csv.gz')) {
  console.log('skipped: shared data not found');
} else {
  const tweets: string[] = [];
  for await (const batch of readCsv(dataPath('twitter-airline-sentiment', 'Tweets.csv.gz'))) for (const r of batch) tweets.push(r.text as string);
  const tokens = tweets.map((t) => tokenize(t));
  const model = fitTfidf(tokens, { minDf: 2, stopWords: 'english' });
  console.log(`vocabulary: ${model.vocabulary.length} terms from ${tweets.length} tweets`);
  const query = 'my bag was lost on the connecting flight and nobody at the desk can help';
  const [hits] = topKSimilar(model, [tokenize(query)], tokens, { k: 3 });
  console.log(`most similar to: "${query}"`);
  hits!.indices.forEach((i, r) => console.log(`  ${hits!.scores[r]!.toFixed(3)}  ${tweets[i]!.replace(/\s+/g, ' ')}`));
  const kw = extractKeywords(tokens.slice(0, 2000), { topK: 8 });
  console.log(`corpus keywords (first 2,000 tweets): ${kw.corpus.map((k) => k.term).join(', ')}`);
}
