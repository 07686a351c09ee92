/**
 * The parts both scorers share: the unit of text a rule acts on, and VADER's aggregation of unit
 * valences into the compound score and the positive / negative / neutral shares.
 *
 * @internal
 * @module
 */
import { normalizeScore } from './_lexicon.js';

/** One token that moved the score. */
export interface SentimentToken {
  /** The word, emoticon, emoji or Chinese n-gram. */
  token: string;
  /** Its lexicon valence (VADER's −4…4 scale). */
  base: number;
  /** Its valence after negation, intensifiers, capitals and contrast. */
  valence: number;
}

/** The shared result shape. */
export interface Scored {
  compound: number;
  positive: number;
  negative: number;
  neutral: number;
  tokens: SentimentToken[];
}

/** The units of a text as parallel arrays (both scorers' allocation-light form): unit k is `token[k]`, `base[k]`, `valence[k]`. */
export interface UnitArrays {
  n: number;
  token: readonly string[];
  base: Float64Array;
  valence: Float64Array;
}

/**
 * VADER's aggregation: the sum of unit valences plus punctuation emphasis (0.292 per `!`, at most 4;
 * two or more `?` add 0.18 each, at most 0.96), normalized by x / √(x² + 15). Shares: each positive
 * unit adds valence + 1 to the positive mass, each negative one valence − 1, each neutral unit 1 to
 * the neutral mass; the punctuation emphasis goes to the larger of the two polar masses.
 */
export function aggregateArrays(u: UnitArrays, exclamations: number, questions: number): Scored {
  let sum = 0;
  let pos = 0;
  let neg = 0;
  let neu = 0;
  const tokens: SentimentToken[] = [];
  const val = u.valence;
  for (let k = 0; k < u.n; k++) {
    const v = val[k]!;
    if (v > 0) {
      sum += v;
      pos += v + 1;
    } else if (v < 0) {
      sum += v;
      neg += v - 1;
    } else {
      neu += 1;
      continue;
    }
    tokens.push({ token: u.token[k]!, base: u.base[k]!, valence: round4(v) });
  }
  return finish(sum, pos, neg, neu, tokens, exclamations, questions);
}

function finish(sum: number, pos: number, neg: number, neu: number, tokens: SentimentToken[], exclamations: number, questions: number): Scored {
  let punct = Math.min(exclamations, 4) * 0.292;
  if (questions > 1) punct += questions <= 3 ? questions * 0.18 : 0.96;
  if (sum > 0) sum += punct;
  else if (sum < 0) sum -= punct;
  if (pos > -neg) pos += punct;
  else if (pos < -neg) neg -= punct;
  const total = pos - neg + neu;
  const compound = sum === 0 ? 0 : normalizeScore(sum);
  return {
    compound: round4(compound),
    positive: total === 0 ? 0 : round4(pos / total),
    negative: total === 0 ? 0 : round4(Math.abs(neg) / total),
    neutral: total === 0 ? 1 : round4(neu / total),
    tokens,
  };
}

function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
