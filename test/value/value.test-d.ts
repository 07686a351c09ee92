import { describe, expectTypeOf, it } from 'vitest';
import {
  customerLifetimeValue, fitBetaGeo, fitBetaGeoBetaBinom, probabilityAlive, summarizeTransactions,
  type BetaGeoModel, type BetaGeoParams, type CustomerSummary, type SummarizeTransactionsResult,
} from 'crmkit/value';

describe('crmkit/value types', () => {
  it('fits return their model types and predictions accept {kind, params}', () => {
    expectTypeOf(fitBetaGeo).returns.toEqualTypeOf<BetaGeoModel>();
    expectTypeOf<BetaGeoModel['params']>().toEqualTypeOf<BetaGeoParams>();
    expectTypeOf<BetaGeoModel['kind']>().toEqualTypeOf<'betaGeo'>();
    expectTypeOf(probabilityAlive).toBeCallableWith({ kind: 'betaGeo', params: { r: 1, alpha: 1, a: 1, b: 1 } }, [{ frequency: 0, recency: 0, T: 1 }]);
    expectTypeOf(probabilityAlive).toBeCallableWith(fitBetaGeoBetaBinom([{ frequency: 0, recency: 0, periods: 6 }]), [{ frequency: 0, recency: 0, periods: 6 }]);
    expectTypeOf(customerLifetimeValue).returns.toEqualTypeOf<number[]>();
  });
  it('summaries are typed rows with an optional holdout', () => {
    expectTypeOf(summarizeTransactions<{ id: string; at: string }>).returns.toEqualTypeOf<SummarizeTransactionsResult>();
    expectTypeOf<SummarizeTransactionsResult['rows']>().toEqualTypeOf<CustomerSummary[]>();
    expectTypeOf<CustomerSummary['monetaryValue']>().toEqualTypeOf<number | undefined>();
  });
});
