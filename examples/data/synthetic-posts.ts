/**
 * A seeded synthetic social-post stream for the demo on a clone without the shared data: no
 * licensable real posts exist (the airline tweets are CC BY-NC-SA with Twitter's terms; weibo2018 has
 * no licence), so the demo generates its own. English and Chinese posts from fictional accounts, with
 * @mentions, #hashtags (and Weibo-style #话题#), replies, a daily rhythm, communities around each
 * airline, a few hub accounts, and two planted spikes:
 * - an outage at @bluefin_air on day 17: a burst of "cancelled" posts tagged #bluefinoutage;
 * - a sale at @云途航空 on day 9: a burst of happy (开心) posts tagged #云途大促#.
 *
 * Same seed, same posts. `npx tsx examples/data/synthetic-posts.ts` prints a few.
 */
import { createRandom, type Post, type Random } from 'crmkit';

/** Options of {@link syntheticPosts}. */
export interface SyntheticPostsOptions {
  /** Seed of the generator. @defaultValue 2026 */
  seed?: number;
  /** Ordinary posts per day (the spikes come on top). @defaultValue 140 */
  perDay?: number;
  /** Days covered, from 2025-03-01 (UTC). @defaultValue 28 */
  days?: number;
}

/** The planted spikes, for tests and the report's annotations. */
export const PLANTED_SPIKES = [
  { day: '2025-03-17', keyword: 'cancelled', tag: '#bluefinoutage', lang: 'en' },
  { day: '2025-03-09', keyword: '开心', tag: '#云途大促#', lang: 'zh' },
] as const;

const START = Date.UTC(2025, 2, 1);
const DAY = 86_400_000;

interface Community {
  brand: string;
  lang: 'en' | 'zh';
  users: string[];
  hubs: string[];
}

const EN_BRANDS = ['skylark_air', 'bluefin_air', 'coastal_air'];
const EN_HUBS = [['travel_dana', 'pointsguy_lee'], ['flyer_omar', 'jetsetjo'], ['wanderkat', 'milesmike']];
const EN_FIRST = ['alex', 'sam', 'jo', 'kim', 'lee', 'max', 'ana', 'ravi', 'mei', 'tom', 'eva', 'noah', 'liv', 'ben', 'ida', 'raj'];
const ZH_CHARS = ['小雨', '阿杰', '晓明', '思思', '大鹏', '安安', '乐乐', '子涵', '一凡', '欣怡'];

const EN_GOOD = ['great crew on my flight today', 'smooth boarding and an early landing', 'thanks for the upgrade', 'lovely service, will fly again', 'the new seats are comfy'];
const EN_BAD = ['flight delayed again', 'still waiting for my refund', 'lost my bag, nobody answers', 'two hours on hold', 'flight cancelled with no notice'];
const EN_TAGS = ['#travel', '#delayed', '#customerservice', '#refund', '#avgeek'];
const ZH_GOOD = ['今天的航班很准时，开心', '空乘服务很好，开心', '升舱成功，太开心了', '餐食不错，点赞'];
const ZH_BAD = ['航班又延误了，太失望', '行李丢了，客服不回复', '退票好难', '排队两个小时'];
const ZH_TAGS = ['#航班延误#', '#旅行#', '#客服#'];

function pick<T>(rng: Random, xs: readonly T[]): T {
  return xs[rng.int(xs.length)]!;
}

/** Hour of day with a daytime peak (more posts 8:00–22:00). */
function hourOfDay(rng: Random): number {
  for (;;) {
    const h = rng.int(24);
    const w = h >= 8 && h <= 22 ? 1 : 0.25;
    if (rng.uniform() < w) return h;
  }
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/**
 * Generates the synthetic post stream, sorted by time. Every post has an id, author, text,
 * createdAt (ISO, UTC) and lang; replies carry `replyTo`.
 */
export function syntheticPosts(options: SyntheticPostsOptions = {}): Post[] {
  const seed = options.seed ?? 2026;
  const perDay = options.perDay ?? 140;
  const days = options.days ?? 28;
  const rng = createRandom(seed);
  const communities: Community[] = EN_BRANDS.map((brand, c) => ({
    brand,
    lang: 'en',
    hubs: EN_HUBS[c]!,
    users: Array.from({ length: 160 }, (_, i) => `${EN_FIRST[(i * 7 + c) % EN_FIRST.length]}_${c}${String(i).padStart(3, '0')}`),
  }));
  communities.push({
    brand: '云途航空',
    lang: 'zh',
    hubs: ['旅行达人阿杰', '航空观察'],
    users: Array.from({ length: 140 }, (_, i) => `${ZH_CHARS[i % ZH_CHARS.length]}${String(i).padStart(3, '0')}`),
  });
  const posts: Post[] = [];
  const recent: Post[][] = communities.map(() => []);
  let n = 0;
  const emit = (c: number, at: number, text: string, author: string, replyTo?: Post): void => {
    const comm = communities[c]!;
    const p: Post = { id: `p${String(++n).padStart(6, '0')}`, author, text, createdAt: iso(at), lang: comm.lang };
    if (replyTo) p.replyTo = replyTo.id;
    posts.push(p);
    const r = recent[c]!;
    r.push(p);
    if (r.length > 60) r.shift();
  };
  const ordinary = (c: number, at: number): void => {
    const comm = communities[c]!;
    const hubPost = rng.uniform() < 0.08;
    const author = hubPost ? pick(rng, comm.hubs) : pick(rng, comm.users);
    const r = recent[c]!;
    // A reply to a recent post of the same community (often a hub's).
    if (r.length > 0 && rng.uniform() < 0.25) {
      const hubs = r.filter((q) => comm.hubs.includes(q.author));
      const target = hubs.length > 0 && rng.uniform() < 0.6 ? pick(rng, hubs) : pick(rng, r);
      const body = comm.lang === 'en' ? pick(rng, ['same here', 'this!', 'so true', 'good to know, thanks', 'any update?']) : pick(rng, ['同感', '说得对', '谢谢分享', '有后续吗？']);
      emit(c, at, `@${target.author} ${body}`, author, target);
      return;
    }
    const good = rng.uniform() < 0.45;
    const parts: string[] = [];
    if (rng.uniform() < 0.85) parts.push(`@${comm.brand}`);
    if (comm.lang === 'en') {
      parts.push(pick(rng, good ? EN_GOOD : EN_BAD));
      if (rng.uniform() < 0.15) parts.push(`cc @${pick(rng, comm.hubs)}`);
      if (rng.uniform() < 0.03) parts.push(`@${pick(rng, EN_BRANDS)}`); // a cross-brand comparison
      if (rng.uniform() < 0.4) parts.push(pick(rng, EN_TAGS));
    } else {
      parts.push(pick(rng, good ? ZH_GOOD : ZH_BAD));
      if (rng.uniform() < 0.15) parts.push(`@${pick(rng, comm.hubs)}`);
      if (rng.uniform() < 0.4) parts.push(pick(rng, ZH_TAGS));
    }
    emit(c, at, parts.join(' '), author);
  };
  const shares = [0.27, 0.27, 0.2, 0.26];
  for (let d = 0; d < days; d++) {
    // The day's times first, in order, so a reply always comes after the post it answers.
    const times = Array.from({ length: perDay }, () => START + d * DAY + hourOfDay(rng) * 3_600_000 + rng.int(3600) * 1000).sort((a, b) => a - b);
    for (const at of times) {
      let u = rng.uniform();
      let c = 0;
      while (c < shares.length - 1 && u >= shares[c]!) u -= shares[c++]!;
      ordinary(c, at);
    }
  }
  // Planted spikes.
  const outage = START + 16 * DAY + 13 * 3_600_000;
  for (let i = 0; i < 160; i++) {
    const at = outage + rng.int(6 * 3600) * 1000;
    const text = `@bluefin_air ${pick(rng, ['flight cancelled', 'my flight just got cancelled', 'cancelled AGAIN', 'everything is cancelled'])} #bluefinoutage`;
    emit(1, at, rng.uniform() < 0.2 ? `${text} cc @${pick(rng, communities[1]!.hubs)}` : text, pick(rng, communities[1]!.users));
  }
  const sale = START + 8 * DAY + 10 * 3_600_000;
  for (let i = 0; i < 90; i++) {
    const at = sale + rng.int(8 * 3600) * 1000;
    emit(3, at, `@云途航空 ${pick(rng, ['抢到特价机票，太开心了', '大促买到了票，开心', '开心！五折去三亚'])} #云途大促#`, pick(rng, communities[3]!.users));
  }
  posts.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1));
  return posts;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const posts = syntheticPosts();
  console.log(`${posts.length} synthetic posts, ${posts[0]!.createdAt} … ${posts[posts.length - 1]!.createdAt}`);
  for (const p of posts.slice(0, 8)) console.log(JSON.stringify(p));
}
