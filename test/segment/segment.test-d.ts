import { describe, expectTypeOf, it } from 'vitest';
import {
  describeSegments,
  fitKMeans,
  fitPreprocessor,
  parseKMeansModel,
  predictKMeans,
  type DescribeSegmentsResult,
  type FitPreprocessorResult,
  type KMeansModel,
  type MiniBatchKMeansModel,
} from 'crmkit/segment';

interface Customer {
  spend: number;
  city: string;
}

describe('crmkit/segment public types', () => {
  it('fitKMeans returns a KMeansModel; predictKMeans returns labels', () => {
    const model = fitKMeans([[1], [2]], { k: 1 });
    expectTypeOf(model).toEqualTypeOf<KMeansModel>();
    expectTypeOf(predictKMeans(model, [[1]])).toEqualTypeOf<number[]>();
    expectTypeOf(parseKMeansModel).returns.toEqualTypeOf<KMeansModel | MiniBatchKMeansModel>();
  });
  it('records typed by an interface are accepted', () => {
    const rows: Customer[] = [{ spend: 1, city: 'a' }];
    expectTypeOf(fitPreprocessor(rows, { columns: [{ name: 'spend', type: 'numeric' }] })).toEqualTypeOf<FitPreprocessorResult>();
    expectTypeOf(describeSegments(rows, [0])).toEqualTypeOf<DescribeSegmentsResult>();
  });
  it('rejects unknown init strings at compile time', () => {
    // @ts-expect-error 'kmeans++' is ml-kmeans's spelling, not crmkit's
    fitKMeans([[1]], { init: 'kmeans++' });
  });
});
