/**
 * Sync posts from a platform into the CRM, losing nothing and keeping personal data out: a source
 * that pages, rate-limits once and returns a malformed record; the sync resumes from its saved
 * state; authors are pseudonymized (keyed HMAC) and phone numbers / e-mails redacted before the
 * posts are stored; the daily mention series is charted.
 * Run: npx tsx examples/sync-privacy.ts
 */
import { countKeywords, keywordSeriesChart } from 'crmkit/text';
import { createInMemorySink, createInMemoryPostSource, pseudonymizeId, redactPii, syncPosts, type PostSource, type SyncState } from 'crmkit/connectors';
import type { Post } from 'crmkit';
import { saveChart } from './demo/save-chart.js';

// The platform: 500 posts over ten days, one without an author, and a rate limit on the third page.
const raw = Array.from({ length: 500 }, (_, i) => ({
  id: `p${i}`,
  author: i === 137 ? '' : `user${i % 60}`,
  text: i % 25 === 0 ? `@acme call me on +44 20 7946 0${String(i).padStart(3, '0')} about my order` : i % 7 === 0 ? '@acme my order is late again' : '@acme thanks, it arrived',
  createdAt: Date.UTC(2024, 2, 1 + Math.floor(i / 50), i % 24),
}));
const inner = createInMemoryPostSource(raw);
let calls = 0;
const platform: PostSource<(typeof raw)[number]> = {
  async fetch(req) {
    calls++;
    if (calls === 3) throw Object.assign(new Error('429 Too Many Requests'), { retryAfter: 10 });
    return inner.fetch({ ...req, limit: 100 });
  },
};

const key = 'the pseudonymization key from your vault';
const sink = createInMemorySink<Post>();
let state: SyncState | undefined;
const failures = [];
for (let run = 1; ; run++) {
  // Privacy first: posts are mapped before they reach the sink (the sync's map validates them).
  const pseudonyms = new Map<string, string>();
  for (const r of raw) if (r.author !== '' && !pseudonyms.has(r.author)) pseudonyms.set(r.author, await pseudonymizeId(r.author, key));
  const result = await syncPosts(platform, sink, {
    ...(state ? { state } : {}),
    batchSize: 100,
    retry: { maxAttempts: 1, seed: 1 },
    map: (r) => (r.author === '' ? 'missing author' : { id: r.id, author: pseudonyms.get(r.author)!, text: redactPii(r.text).text, createdAt: r.createdAt }),
  });
  failures.push(...result.failures);
  console.log(`run ${run}: ${result.status}, ${result.written} posts written, ${result.failures.length} failed`);
  state = result.state; // persist between runs
  if (result.status === 'complete') break;
  await new Promise((r) => setTimeout(r, result.retryAfterMs ?? 10));
}
const stored = [...sink.records.values()];
console.log(`stored ${stored.length} of ${raw.length} posts; failed and reported: ${failures.map((f) => `${f.key ?? '?'} (${f.reason})`).join(', ')}`);
if (stored.length + failures.length !== raw.length) throw new Error('a post was lost');
if (stored.some((p) => /\+44|user\d/.test(p.text + p.author))) throw new Error('personal data reached the CRM');
console.log(`e.g. ${JSON.stringify(stored.find((p) => p.text.includes('[PHONE]')))}`);

const daily = countKeywords(stored, { keywords: ['late'], by: 'day', timeZone: 'UTC' });
console.log(`chart: ${await saveChart(keywordSeriesChart(daily, { title: '"late" per day, synced posts' }), 'sync-privacy')}`);
