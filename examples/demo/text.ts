/**
 * The text step of `npm run demo`: top hashtags and mentions, and a spike, from the airline tweets
 * (Twitter, English) and weibo2018 (Sina Weibo, Chinese).
 */
import { countKeywords, detectSpikes, type TimedText } from 'crmkit/text';
import { hasData, parseCsv, readDataText } from '../../scripts/lib/data.js';

/** Airline tweets with ISO timestamps (`2015-02-24 11:35:52 -0800` → `2015-02-24T11:35:52-08:00`). */
export function airlinePosts(): TimedText[] {
  const rows = parseCsv(readDataText('twitter-airline-sentiment', 'Tweets.csv.gz'));
  const h = rows[0]!;
  const text = h.indexOf('text');
  const created = h.indexOf('tweet_created');
  return rows.slice(1).map((r) => {
    const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}) ([+-]\d{2})(\d{2})$/.exec(r[created]!)!;
    return { text: r[text]!, createdAt: `${m[1]}T${m[2]}${m[3]}:${m[4]}` };
  });
}

/**
 * weibo2018 posts. The corpus has no dates, but a Weibo mid encodes its post time:
 * seconds = floor(mid / 2^22) + 515483463 (mids are below 2^53, so doubles hold them exactly).
 */
export function weiboPosts(): TimedText[] {
  const lines = readDataText('weibo2018', 'train.txt.gz').split('\n').filter((l) => l.length > 0);
  return lines.map((l) => {
    const a = l.indexOf(',');
    const b = l.indexOf(',', a + 1);
    const mid = Number(l.slice(0, a));
    return { text: l.slice(b + 1), createdAt: (Math.floor(mid / 4194304) + 515483463) * 1000 };
  });
}

export async function run(): Promise<void> {
  if (!hasData('twitter-airline-sentiment', 'Tweets.csv.gz') || !hasData('weibo2018', 'train.txt.gz')) {
    console.log('text demo skipped: shared data not found');
    return;
  }
  const air = airlinePosts();
  const tags = countKeywords(air, { entities: 'hashtags', top: 5, timeZone: 'America/New_York' });
  const mentions = countKeywords(air, { entities: 'mentions', top: 5, timeZone: 'America/New_York' });
  console.log(`Airline tweets (${air.length}, ${tags.labels[0]} … ${tags.labels[tags.labels.length - 1]}):`);
  console.log(`  top hashtags: ${tags.series.map((s) => `${s.keyword} ${s.total}`).join(', ')}`);
  console.log(`  top mentions: ${mentions.series.map((s) => `${s.keyword} ${s.total}`).join(', ')}`);
  const hourly = countKeywords(air, { keywords: ['cancelled'], match: 'prefix', by: 'hour', timeZone: 'America/New_York' });
  const spikes = detectSpikes(hourly.series[0]!.counts, { method: 'poisson', window: 24 });
  const top = [...spikes.spikes].sort((a, b) => b.score - a.score)[0];
  if (top) {
    console.log(`  spike: "cancelled*" in ${top.value} tweets in the hour ${hourly.labels[top.index]}:00 (New York), expected ${top.expected.toFixed(1)}, −log10 p = ${top.score.toFixed(1)}; ${spikes.spikes.length} flagged hours`);
  }

  const weibo = weiboPosts();
  const wtags = countKeywords(weibo, { entities: 'hashtags', top: 5, timeZone: 'Asia/Shanghai', from: '2018-04-01T00:00:00+08:00', to: '2018-05-31T00:00:00+08:00' });
  const wmentions = countKeywords(weibo, { entities: 'mentions', top: 3, timeZone: 'Asia/Shanghai', from: '2018-04-01T00:00:00+08:00', to: '2018-05-31T00:00:00+08:00' });
  console.log(`Weibo posts (${wtags.posts} of ${weibo.length} dated April–May 2018 from their mids):`);
  console.log(`  top topics: ${wtags.series.map((s) => `${s.keyword} ${s.total}`).join(', ')}`);
  console.log(`  top mentions: ${wmentions.series.map((s) => `${s.keyword} ${s.total}`).join(', ')}`);
  const daily = countKeywords(weibo, { keywords: ['开心'], timeZone: 'Asia/Shanghai', from: '2018-04-01T00:00:00+08:00', to: '2018-05-31T00:00:00+08:00' });
  const ws = detectSpikes(daily.series[0]!.counts, { method: 'poisson', window: 7 });
  const wtop = [...ws.spikes].sort((a, b) => b.score - a.score)[0];
  if (wtop) {
    console.log(`  spike: "开心" in ${wtop.value} posts on ${daily.labels[wtop.index]}, expected ${wtop.expected.toFixed(1)}, −log10 p = ${wtop.score.toFixed(1)}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
