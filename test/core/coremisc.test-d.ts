import { describe, expectTypeOf, it } from 'vitest';
import {
  bucketLabel,
  bucketRange,
  bucketStart,
  csrFromTriplets,
  csrMultiplyVector,
  csrRow,
  csrRowNorms,
  csrToDense,
  csrTranspose,
  invertSymmetric,
  minimize,
  numericGradient,
  numericHessian,
  rollingMean,
  rollingSum,
  type BucketOptions,
  type CsrMatrix,
  type MinimizeOptions,
  type MinimizeReason,
  type MinimizeResult,
  type RollingResult,
  type TimeUnit,
} from 'crmkit';

describe('public types of optimize, sparse and time (as in the core contract)', () => {
  it('minimize', () => {
    expectTypeOf(minimize).parameters.toEqualTypeOf<[(x: Float64Array) => number, ArrayLike<number>, MinimizeOptions?]>();
    expectTypeOf(minimize).returns.toEqualTypeOf<MinimizeResult>();
    expectTypeOf<MinimizeResult['x']>().toEqualTypeOf<number[]>();
    expectTypeOf<MinimizeResult['reason']>().toEqualTypeOf<MinimizeReason>();
    expectTypeOf<MinimizeReason>().toMatchTypeOf<string>();
    expectTypeOf<MinimizeOptions['gradient']>().toEqualTypeOf<((x: Float64Array, out: Float64Array) => void) | undefined>();
    expectTypeOf<MinimizeOptions>().toHaveProperty('signal');
    expectTypeOf<MinimizeOptions>().toHaveProperty('onProgress');
    expectTypeOf(numericGradient).returns.toEqualTypeOf<number[]>();
    expectTypeOf(numericHessian).returns.toEqualTypeOf<number[][]>();
    expectTypeOf(invertSymmetric).parameters.toEqualTypeOf<[number[][]]>();
  });
  it('sparse', () => {
    expectTypeOf(csrFromTriplets).returns.toEqualTypeOf<CsrMatrix>();
    expectTypeOf<CsrMatrix['indptr']>().toEqualTypeOf<Int32Array>();
    expectTypeOf<CsrMatrix['data']>().toEqualTypeOf<Float64Array>();
    expectTypeOf(csrRow).returns.toEqualTypeOf<{ indices: Int32Array; data: Float64Array }>();
    expectTypeOf(csrTranspose).returns.toEqualTypeOf<CsrMatrix>();
    expectTypeOf(csrMultiplyVector).returns.toEqualTypeOf<Float64Array>();
    expectTypeOf(csrToDense).returns.toEqualTypeOf<number[][]>();
    expectTypeOf(csrRowNorms).returns.toEqualTypeOf<Float64Array>();
  });
  it('time', () => {
    expectTypeOf<TimeUnit>().toEqualTypeOf<'hour' | 'day' | 'week' | 'month'>();
    expectTypeOf(bucketStart).returns.toEqualTypeOf<number>();
    expectTypeOf(bucketLabel).returns.toEqualTypeOf<string>();
    expectTypeOf(bucketRange).returns.toEqualTypeOf<number[]>();
    expectTypeOf<BucketOptions['weekStartsOn']>().toEqualTypeOf<0 | 1 | undefined>();
    expectTypeOf(rollingMean).returns.toEqualTypeOf<RollingResult>();
    expectTypeOf(rollingSum).returns.toEqualTypeOf<RollingResult>();
    expectTypeOf<RollingResult>().toEqualTypeOf<{ values: Float64Array; counts: Int32Array; firstValid: number }>();
    // @ts-expect-error unit is required
    bucketStart(0, {});
  });
});
