import { describe, expectTypeOf, it } from 'vitest';
import {
  createRandom,
  CrmkitError,
  type CrmkitErrorCode,
  meanVariance,
  type MeanVarianceResult,
  type Post,
  type Random,
  type RandomState,
  taskControl,
  type TaskControl,
} from 'crmkit';
import type { CrmkitErrorCode as ValueCode } from 'crmkit/value';

describe('core public types', () => {
  it('createRandom returns a Random whose state is a 4-tuple', () => {
    expectTypeOf(createRandom).parameter(0).toEqualTypeOf<number | undefined>();
    expectTypeOf(createRandom(1)).toEqualTypeOf<Random>();
    expectTypeOf(createRandom(1).state()).toEqualTypeOf<RandomState>();
    expectTypeOf(createRandom(1).shuffle(['a'])).toEqualTypeOf<string[]>();
  });

  it('error codes are a closed union, the same from every subpath', () => {
    expectTypeOf<CrmkitErrorCode>().toEqualTypeOf<'INVALID_INPUT' | 'INVALID_OPTION' | 'DIMENSION_MISMATCH' | 'MODEL_FORMAT' | 'NOT_CONVERGED' | 'CONNECTOR' | 'ABORTED'>();
    expectTypeOf<ValueCode>().toEqualTypeOf<CrmkitErrorCode>();
    expectTypeOf<CrmkitError['code']>().toEqualTypeOf<CrmkitErrorCode>();
  });

  it('results are plain typed objects', () => {
    expectTypeOf(meanVariance([1])).toEqualTypeOf<MeanVarianceResult>();
    expectTypeOf(taskControl('m/f')).toEqualTypeOf<TaskControl>();
  });

  it('Post requires id, author, text and createdAt; reply/repost/lang are optional', () => {
    expectTypeOf<Pick<Post, 'id' | 'author' | 'text'>>().toEqualTypeOf<{ id: string; author: string; text: string }>();
    // @ts-expect-error text is required
    const bad: Post = { id: '1', author: 'a', createdAt: 0 };
    void bad;
  });
});
