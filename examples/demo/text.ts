/**
 * The text step of `npm run demo`: posts → hashtags, mentions and keywords → a keyword's series with
 * its spikes, and sentiment over time with the days that turned negative, on the airline tweets
 * (English) and weibo2018 (Chinese), or the synthetic posts.
 */
import { countKeywords, detectSpikes, extractKeywords, keywordSeriesChart } from 'crmkit/text';
import { sentimentSeries, sentimentSeriesChart } from 'crmkit/text/sentiment';
import { rankedBarChart } from './charts.js';
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
    section.charts.push({ spec: keywordSeriesChart(series, { spikes, title: `"${s.keyword}" per ${s.by}: ${s.name}` }), caption: `Posts containing "${s.keyword}" per ${s.by}; dashed: the rolling baseline; red: ${s.by}s flagged as spikes (Poisson test against the previous ${s.window} ${s.by}s).` });
    // Sentiment over time: did mentions turn negative, and when?
    const mood = sentimentSeries(s.posts, { by: s.by, timeZone: s.timeZone, lang: 'auto', domain: 'customer-service' });
    const negSpikes = detectSpikes(mood.negative, { method: 'poisson', window: s.window });
    const worst = topBy(negSpikes.spikes, (x) => x.score, 1)[0];
    const negTotal = mood.negative.reduce((a, b) => a + b, 0);
    const moodLine = `${((100 * negTotal) / Math.max(1, mood.posts)).toFixed(0)}% of posts read negative` +
      (worst ? `; negative posts jump to ${worst.value} in the ${s.by} ${mood.labels[worst.index]} against ${worst.expected.toFixed(1)} expected` : '; no bucket turns unusually negative');
    console.log(`  sentiment: ${moodLine}`);
    section.story.push(`${s.name} sentiment: ${moodLine}.`);
    section.charts.push({ spec: sentimentSeriesChart(mood, { title: `Sentiment per ${s.by}: ${s.name}` }), caption: 'Bars: posts per bucket; red line: the share scored negative (VADER rules in English, the Weibo lexicon in Chinese, no training).' });
    section.charts.push({ spec: rankedBarChart(tags.series.map((x) => ({ label: x.keyword, value: x.total })), `Top hashtags: ${s.name}`, 'posts'), caption: 'Hashtags (and Weibo #topics#) by number of posts.' });
  }
  return section;
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
