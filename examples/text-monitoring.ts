/**
 * Brand monitoring: a watch list over a stream of tweets in batches, with the state saved as JSON
 * between batches, then the daily series of one brand with its spikes.
 * Run: npx tsx examples/text-monitoring.ts
 */
import { countKeywords, createWatchList, detectSpikes, matchWatchList, type WatchListState } from 'crmkit/text';
import { hasData } from '../scripts/lib/data.js';
import { airlinePosts } from './demo/text.js';

if (!hasData('twitter-airline-sentiment', 'Tweets.csv.gz')) {
  console.log('skipped: shared data not found');
} else {
  const posts = airlinePosts();
  let saved = JSON.stringify(
    createWatchList([
      { id: 'united', variants: ['United', '@united', '美联航'] },
      { id: 'lost luggage', variants: ['lost luggage', 'lost bag', 'lost my bag'], match: 'phrase' },
      { id: 'refund', variants: ['refund'], match: 'prefix' },
    ]),
  );
  for (let i = 0; i < posts.length; i += 5000) {
    const state = JSON.parse(saved) as WatchListState; // e.g. read back from a database row
    const { state: next, matches } = matchWatchList(state, posts.slice(i, i + 5000));
    console.log(`batch ${i / 5000 + 1}: ${matches.length} matches`);
    saved = JSON.stringify(next);
  }
  const final = JSON.parse(saved) as WatchListState;
  for (const t of final.totals) console.log(`  ${t.id}: ${t.posts} posts, ${new Date(t.firstSeen!).toISOString()} … ${new Date(t.lastSeen!).toISOString()}`);
  const hourly = countKeywords(posts, { keywords: ['refund'], match: 'prefix', by: 'hour', timeZone: 'America/Chicago' });
  const s = detectSpikes(hourly.series[0]!.counts, { window: 24, method: 'poisson' });
  console.log(`refund*: ${hourly.series[0]!.total} tweets over ${hourly.labels.length} hours; ${s.spikes.length === 0 ? 'no hour flagged' : `spikes at ${s.spikes.map((x) => hourly.labels[x.index]).join(', ')}`}`);
}
