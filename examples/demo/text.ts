/**
 * The text step of `npm run demo`: posts → hashtags, mentions and keywords → a keyword's series with
 * its spikes, on the airline tweets (English) and weibo2018 (Chinese), or the synthetic posts.
 */
import { countKeywords, detectSpikes, extractKeywords } from 'crmkit/text';
import { spikeSeriesChart, rankedBarChart } from './charts.js';
import { defaultContext, topBy, type DemoContext, type ReportSection } from './context.js';
import { airlineTweets, weiboPosts } from './data.js';

/** Airline tweets with ISO timestamps (kept for examples/text-monitoring.ts). */
export const airlinePosts = airlineTweets;
export { weiboPosts };

export async function run(ctx: DemoContext = defaultContext()): Promise<ReportSection> {
  const section: ReportSection = { id: 'text', title: 'Posts: what people say, and when it spikes', story: [], charts: [], tables: [] };
  for (const s of ctx.data.posts()) {
    const tags = countKeywords(s.posts, { entities: 'hashtags', top: 8, timeZone: s.timeZone });
    const mentions = countKeywords(s.posts, { entities: 'mentions', top: 8, timeZone: s.timeZone });
    console.log(`${s.name}: ${s.posts.length} posts, ${tags.labels[0]} … ${tags.labels[tags.labels.length - 1]}`);
    console.log(`  top hashtags: ${tags.series.slice(0, 5).map((x) => `${x.keyword} ${x.total}`).join(', ')}`);
    console.log(`  top mentions: ${mentions.series.slice(0, 5).map((x) => `${x.keyword} ${x.total}`).join(', ')}`);
    const series = countKeywords(s.posts, { keywords: [s.keyword], match: s.match, by: s.by, timeZone: s.timeZone });
    const counts = series.series[0]!.counts;
    const spikes = detectSpikes(counts, { method: 'poisson', window: s.window });
    const top = topBy(spikes.spikes, (x) => x.score, 1)[0];
    let spikeLine = `no ${s.by} stands out for "${s.keyword}"`;
    if (top) {
      const bucket = series.labels[top.index]!;
      spikeLine = `"${s.keyword}" peaks in ${top.value} posts in the ${s.by} ${bucket} (${s.timeZone}), against ${top.expected.toFixed(1)} expected (−log10 p = ${top.score.toFixed(1)}); ${spikes.spikes.length} ${s.by}s flagged`;
      // What the spike is about: the keywords of the posts in that bucket.
      const inBucket = s.posts.filter((p) => {
        const t = typeof p.createdAt === 'number' ? p.createdAt : Date.parse(String(p.createdAt));
        return t >= series.buckets[top.index]! && (top.index + 1 >= series.buckets.length || t < series.buckets[top.index + 1]!);
      });
      if (inBucket.length > 0) {
        const kw = extractKeywords(inBucket.map((p) => p.text), { topK: 8 });
        spikeLine += `; its posts are about: ${kw.corpus.map((k) => k.term).join(', ')}`;
      }
    }
    console.log(`  spike: ${spikeLine}`);
    section.story.push(`${s.name}: ${s.posts.length} posts. Top hashtags ${tags.series.slice(0, 3).map((x) => `${x.keyword} (${x.total})`).join(', ')}; most mentioned ${mentions.series.slice(0, 3).map((x) => `${x.keyword} (${x.total})`).join(', ')}. Spike: ${spikeLine}.`);
    const rows = series.labels.map((bucket, i) => ({ bucket, count: counts[i]!, expected: spikes.expected[i] ?? counts[i]!, spike: spikes.flagged[i]! }));
    section.charts.push({ spec: spikeSeriesChart(rows, `"${s.keyword}" per ${s.by}: ${s.name}`), caption: `Posts containing "${s.keyword}" per ${s.by}; dashed: the rolling baseline; red: ${s.by}s flagged as spikes (Poisson test against the previous ${s.window} ${s.by}s).` });
    section.charts.push({ spec: rankedBarChart(tags.series.map((x) => ({ label: x.keyword, value: x.total })), `Top hashtags: ${s.name}`, 'posts'), caption: 'Hashtags (and Weibo #topics#) by number of posts.' });
  }
  return section;
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
