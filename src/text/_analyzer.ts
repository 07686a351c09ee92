/**
 * Turns documents into term lists for TF-IDF: tokenization (or pre-tokenized input), stop words,
 * word n-grams joined by a space (scikit-learn's `_word_ngrams`).
 *
 * @internal
 * @module
 */
import { InvalidInputError } from '../core/errors.js';
import { arrayLike } from '../core/validate.js';
import { type TokenizerConfig, tokenizeWith } from './tokenize.js';

/** A document: a string (tokenized with `tokenize`) or a pre-tokenized list of tokens. */
export type Document = string | readonly string[];

export interface AnalyzerConfig {
  tokenizer: TokenizerConfig;
  stopWords: ReadonlySet<string> | null;
  minN: number;
  maxN: number;
}

/** Validates the corpus shape: an array of strings or string arrays. Returns it typed. */
export function checkDocs(fn: string, docs: unknown, minLength: number): readonly Document[] {
  const arr = arrayLike<unknown>(fn, 'docs', docs, minLength);
  if (!Array.isArray(arr)) throw new InvalidInputError(fn, 'docs must be an array', docs);
  for (let i = 0; i < arr.length; i++) {
    const d: unknown = arr[i];
    if (typeof d === 'string') continue;
    if (!Array.isArray(d)) throw new InvalidInputError(fn, `docs[${i}] must be a string or an array of token strings`, d);
    for (let j = 0; j < d.length; j++) {
      if (typeof d[j] !== 'string') throw new InvalidInputError(fn, `docs[${i}][${j}] must be a string`, d[j]);
    }
  }
  return arr as readonly Document[];
}

/** The terms of one document, in order (n-grams after the unigrams of each length, as scikit-learn). */
export function analyze(fn: string, doc: Document, cfg: AnalyzerConfig, tokensBuf: string[]): readonly string[] {
  let tokens: readonly string[];
  if (typeof doc === 'string') {
    tokensBuf.length = 0;
    tokens = tokenizeWith(fn, doc, cfg.tokenizer, tokensBuf);
  } else {
    tokens = doc;
  }
  const stop = cfg.stopWords;
  if (stop !== null) {
    const kept: string[] = [];
    for (const t of tokens) if (!stop.has(t)) kept.push(t);
    tokens = kept;
  }
  if (cfg.maxN === 1) return tokens;
  const out: string[] = cfg.minN === 1 ? tokens.slice() : [];
  const n = tokens.length;
  for (let k = Math.max(cfg.minN, 2); k <= Math.min(cfg.maxN, n); k++) {
    for (let i = 0; i + k <= n; i++) {
      let g = tokens[i]!;
      for (let j = 1; j < k; j++) g += ' ' + tokens[i + j]!;
      out.push(g);
    }
  }
  return out;
}
