/**
 * A seeded synthetic three-arm e-mail campaign with the columns of Hillstrom's MineThatData test, for
 * the demo on a clone without the shared data (the real file has no licence, so it is not shipped).
 * Arm rates follow the published Hillstrom summaries (visit 10.6% / 15.1% / 18.3%, conversion
 * 0.57% / 0.88% / 1.25% for no / women's / men's e-mail), with effects that depend on what the
 * customer bought before (the men's e-mail works mostly on men's buyers), so uplift has something to
 * find. Same seed, same rows.
 */
import { createRandom } from 'crmkit';

/** Options of {@link syntheticCampaign}. */
export interface SyntheticCampaignOptions {
  /** Seed of the generator. @defaultValue 2008 */
  seed?: number;
  /** Customers (randomized to three arms with equal probability). @defaultValue 15000 */
  customers?: number;
}

const ARMS = ['Mens E-Mail', 'Womens E-Mail', 'No E-Mail'] as const;
const BUCKETS: [number, string][] = [
  [100, '1) $0 - $100'],
  [200, '2) $100 - $200'],
  [350, '3) $200 - $350'],
  [500, '4) $350 - $500'],
  [750, '5) $500 - $750'],
  [1000, '6) $750 - $1,000'],
  [Infinity, '7) $1,000 +'],
];

/** Rows as a CSV reader would give them (strings), columns as in hillstrom.csv. */
export function syntheticCampaign(options: SyntheticCampaignOptions = {}): Record<string, string>[] {
  const rng = createRandom(options.seed ?? 2008);
  const n = options.customers ?? 15000;
  const rows: Record<string, string>[] = [];
  for (let i = 0; i < n; i++) {
    const arm = ARMS[rng.int(3)]!;
    const recency = 1 + rng.int(12);
    const history = Math.round(Math.exp(5.0 + 0.9 * rng.normal()) * 100) / 100 + 29.99;
    const u = rng.uniform();
    const mens = u < 0.45 ? 1 : u < 0.55 ? 1 : 0;
    const womens = u >= 0.45 ? 1 : 0;
    const zip = ['Urban', 'Surburban', 'Rural'][rng.int(3)]!;
    const newbie = rng.uniform() < 0.5 ? 1 : 0;
    const channel = ['Phone', 'Web', 'Multichannel'][rng.uniform() < 0.44 ? 0 : rng.uniform() < 0.8 ? 1 : 2]!;
    // Visit: 10.6% base; the men's mail adds most for men's buyers, the women's mail for women's.
    const fresh = recency <= 4 ? 1.25 : recency >= 9 ? 0.8 : 1;
    let pVisit = 0.106 * fresh;
    if (arm === 'Mens E-Mail') pVisit += mens ? 0.11 : 0.03;
    if (arm === 'Womens E-Mail') pVisit += womens ? 0.06 : 0.01;
    const visit = rng.uniform() < pVisit ? 1 : 0;
    // Conversion among visitors: 5.4% base, higher after a mail.
    const pConv = arm === 'No E-Mail' ? 0.054 : arm === 'Womens E-Mail' ? 0.062 : 0.068;
    const conversion = visit && rng.uniform() < pConv ? 1 : 0;
    const spend = conversion ? Math.round((40 + rng.gamma(2) * 35) * 100) / 100 : 0;
    rows.push({
      recency: String(recency),
      history_segment: BUCKETS.find(([hi]) => history < hi)![1],
      history: history.toFixed(2),
      mens: String(mens),
      womens: String(womens),
      zip_code: zip,
      newbie: String(newbie),
      channel,
      segment: arm,
      visit: String(visit),
      conversion: String(conversion),
      spend: String(spend),
    });
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = syntheticCampaign();
  for (const arm of ARMS) {
    const r = rows.filter((x) => x.segment === arm);
    const rate = (k: string) => ((100 * r.filter((x) => x[k] === '1').length) / r.length).toFixed(2);
    console.log(`${arm}: ${r.length} customers, visit ${rate('visit')}%, conversion ${rate('conversion')}%`);
  }
}
