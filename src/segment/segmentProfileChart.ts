import { chartSpec, type ChartOptions, type VegaLiteSpec } from '../core/chart.js';
import { InvalidInputError } from '../core/errors.js';
import type { DescribeSegmentsResult } from './describeSegments.js';

/** One cell of {@link segmentProfileChart}: a segment's standing on one numeric column. */
export interface SegmentProfileCell {
  /** The segment label, as text. */
  segment: string;
  /** The segment's size and share, for the axis: `'0 (33%)'`. */
  segmentLabel: string;
  column: string;
  mean: number;
  median: number;
  ratioToOverall: number | null;
  standardizedDifference: number;
}

/**
 * The segment profiles of {@link describeSegments} as a heatmap: one row per segment, one column per
 * numeric column, coloured by the standardized difference from the overall mean (blue below, red
 * above), each cell labelled with the ratio to the overall mean. `data.values` are the profiles'
 * numeric entries, one per (segment, column), in the result's order.
 *
 * @throws {@link InvalidInputError} when `result` is not a describeSegments result; {@link InvalidOptionError} on bad options
 * @example
 * ```ts
 * import { describeSegments, segmentProfileChart } from 'crmkit/segment';
 * const rows = [{ spend: 10, visits: 1 }, { spend: 12, visits: 2 }, { spend: 90, visits: 9 }, { spend: 95, visits: 8 }];
 * const spec = segmentProfileChart(describeSegments(rows, [0, 0, 1, 1]));
 * spec.data?.values.map((c) => [c.segment, c.column]); // => [['0', 'spend'], ['0', 'visits'], ['1', 'spend'], ['1', 'visits']]
 * ```
 * @category Charts
 */
export function segmentProfileChart(result: DescribeSegmentsResult, options?: ChartOptions): VegaLiteSpec {
  const fn = 'segment/segmentProfileChart';
  if (result === null || typeof result !== 'object' || !Array.isArray(result.segments)) throw new InvalidInputError(fn, 'result must be a describeSegments result', result);
  const cells: SegmentProfileCell[] = [];
  result.segments.forEach((s, i) => {
    if (s === null || typeof s !== 'object' || !Array.isArray(s.numeric) || typeof s.share !== 'number') throw new InvalidInputError(fn, `result.segments[${i}] must be a segment profile`, s);
    const segment = String(s.label);
    const segmentLabel = `${segment} (${Math.round(s.share * 100)}%)`;
    for (const p of s.numeric) {
      if (p === null || typeof p !== 'object' || !Number.isFinite(p.standardizedDifference)) throw new InvalidInputError(fn, `result.segments[${i}].numeric has an entry without a finite standardizedDifference`, p);
      cells.push({ segment, segmentLabel, column: p.column, mean: p.mean, median: p.median, ratioToOverall: p.ratioToOverall, standardizedDifference: p.standardizedDifference });
    }
  });
  if (cells.length === 0) throw new InvalidInputError(fn, 'result has no numeric column to draw', result);
  const columns = [...new Set(cells.map((c) => c.column))];
  const limit = Math.max(1, ...cells.map((c) => Math.abs(c.standardizedDifference)));
  return chartSpec(fn, {
    data: { values: cells },
    encoding: {
      x: { field: 'column', type: 'nominal', sort: columns, title: null, axis: { labelAngle: -30 } },
      y: { field: 'segmentLabel', type: 'nominal', title: 'segment (share)' },
    },
    layer: [
      {
        mark: { type: 'rect' },
        encoding: {
          color: { field: 'standardizedDifference', type: 'quantitative', title: 'vs overall (SD)', scale: { scheme: 'redblue', reverse: true, domain: [-limit, limit] } },
          tooltip: [{ field: 'segment' }, { field: 'column' }, { field: 'mean', type: 'quantitative', format: ',.4g' }, { field: 'median', type: 'quantitative', format: ',.4g' }, { field: 'ratioToOverall', type: 'quantitative', format: '.2f' }],
        },
      },
      { transform: [{ filter: 'datum.ratioToOverall != null' }], mark: { type: 'text', fontSize: 11 }, encoding: { text: { field: 'ratioToOverall', type: 'quantitative', format: '.2f' } } },
    ],
  }, { title: 'Segment profiles: each segment against the overall mean', width: Math.max(240, 70 * columns.length), height: Math.max(80, 34 * result.segments.length) }, options);
}
