/**
 * The samples in examples/data: each is what examples/data/cut.ts cuts from the shared data (so the
 * README's "how it was cut" stays true), they stay small, and the synthetic generators are seeded.
 */
import { statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countKeywords, detectSpikes } from 'crmkit/text';
import { CUTS, cutContent, sampleContent } from '../../examples/data/cut.js';
import { PLANTED_SPIKES, syntheticPosts } from '../../examples/data/synthetic-posts.js';
import { syntheticCampaign } from '../../examples/data/synthetic-campaign.js';
import { describeWithData } from '../helpers/data.js';

const DIR = join(import.meta.dirname, '..', '..', 'examples', 'data');

describeWithData('examples/data samples equal a fresh cut of the shared data', CUTS.map((c) => c.from), () => {
  for (const c of CUTS) {
    it(c.file, () => {
      expect(sampleContent(c).equals(cutContent(c))).toBe(true);
    });
  }
});

describe('examples/data', () => {
  it('stays small (under 2 MB in all)', () => {
    const total = readdirSync(DIR).reduce((s, f) => s + statSync(join(DIR, f)).size, 0);
    expect(total).toBeLessThan(2_000_000);
  });

  it('synthetic posts: seeded, replies come after what they answer, both planted spikes are found', () => {
    const a = syntheticPosts();
    expect(syntheticPosts()).toEqual(a);
    expect(syntheticPosts({ seed: 1 })).not.toEqual(a);
    const byId = new Map(a.map((p) => [p.id, p]));
    for (const p of a) if (p.replyTo !== undefined) expect(byId.get(p.replyTo)!.createdAt <= p.createdAt).toBe(true);
    expect(new Set(a.map((p) => p.lang))).toEqual(new Set(['en', 'zh']));
    for (const s of PLANTED_SPIKES) {
      const daily = countKeywords(a, { keywords: [s.keyword], timeZone: 'UTC' });
      const spikes = detectSpikes(daily.series[0]!.counts, { method: 'poisson', window: 7 });
      const top = [...spikes.spikes].sort((x, y) => y.score - x.score)[0]!;
      expect(daily.labels[top.index]).toBe(s.day);
    }
  });

  it('synthetic campaign: seeded, three arms, men\'s mail lifts visits most', () => {
    const rows = syntheticCampaign();
    expect(syntheticCampaign()).toEqual(rows);
    const rate = (arm: string) => {
      const r = rows.filter((x) => x.segment === arm);
      return r.filter((x) => x.visit === '1').length / r.length;
    };
    expect(rate('Mens E-Mail')).toBeGreaterThan(rate('Womens E-Mail'));
    expect(rate('Womens E-Mail')).toBeGreaterThan(rate('No E-Mail'));
  });
});
