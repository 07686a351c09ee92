/**
 * What a demo step receives: the data source (full or sample). Each step prints its short text
 * summary and returns its section of the report.
 */
import { demoData, type DemoData } from './data.js';
import type { ReportSection } from './render.js';

export interface DemoContext {
  data: DemoData;
}

/** A step run on its own (`npx tsx examples/demo/<step>.ts`) picks its data the same way. */
export function defaultContext(): DemoContext {
  return { data: demoData() };
}

export type { ReportSection };

/** Keeps the `n` largest by `score`, largest first. */
export function topBy<T>(xs: readonly T[], score: (x: T) => number, n: number): T[] {
  return [...xs].sort((a, b) => score(b) - score(a)).slice(0, n);
}
