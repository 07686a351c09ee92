/**
 * crmkit/value: what each customer is worth. Closed-form metrics (discounted cash-flow CLV, churn,
 * acquisition cost, retention CLV), transaction-log summaries with explicit cleaning, RFM scores and
 * segments, and the buy-till-you-die models (BG/NBD, Pareto/NBD, MBG/NBD, BG/BB, Gamma-Gamma).
 *
 * @module
 */
export * from '../errors-export.js';
export * from './cashFlowClv.js';
export * from './customerPotential.js';
export * from './customerAcquisitionCost.js';
export * from './retentionClv.js';
export * from './churnRate.js';
export * from './summarizeTransactions.js';
export * from './summarizeTransactionStream.js';
export type { Accessor, DateFormat, Period } from './_rows.js';
export { rfmScores, RFM_SEGMENTS, type RfmInput, type RfmSegmentRule, type RfmScoresOptions, type RfmScore, type RfmScoresResult } from './rfmScores.js';
export * from './cohortRetention.js';
export { fitBetaGeo, parseBetaGeoModel, type BetaGeoModel, type BetaGeoParams } from './fitBetaGeo.js';
export type { BtydCustomer, BtydFitOptions, ContinuousFitOptions, FitDiagnostics, HoldoutDiagnostics, HoldoutRow } from './_btyd.js';
export { fitGammaGamma, parseGammaGammaModel, type GammaGammaModel, type GammaGammaParams, type SpendCustomer } from './fitGammaGamma.js';
export type { ContinuousPurchaseModel, DiscretePurchaseModel, PurchaseModel } from './models.js';
export * from './expectedPurchases.js';
export { conditionalExpectedPurchases } from './conditionalExpectedPurchases.js';
export { probabilityAlive } from './probabilityAlive.js';
export * from './probabilityOfPurchases.js';
export * from './conditionalProbabilityOfPurchases.js';
export { expectedAverageSpend, type SpendModel } from './expectedAverageSpend.js';
export { customerLifetimeValue, type ClvCustomer, type CustomerLifetimeValueOptions } from './customerLifetimeValue.js';
export * from './scoreCustomers.js';
export { fitModifiedBetaGeo, parseModifiedBetaGeoModel, type ModifiedBetaGeoModel } from './fitModifiedBetaGeo.js';
export { fitParetoNbd, parseParetoNbdModel, type ParetoNbdModel, type ParetoNbdParams } from './fitParetoNbd.js';
export { fitBetaGeoBetaBinom, parseBetaGeoBetaBinomModel, type BetaGeoBetaBinomModel, type BetaGeoBetaBinomParams, type DiscreteCustomer } from './fitBetaGeoBetaBinom.js';
export { conversionRate, type ConversionCounts, type ConversionRateOptions, type ConversionRateResult } from './conversionRate.js';
export * from './satisfactionSummary.js';
export * from './netPromoterScore.js';
export { likertSummary, type LikertSummaryOptions, type LikertSummaryResult, type MannWhitneyResult } from './likertSummary.js';
export * from './kanoClassify.js';
export * from './holdoutComparison.js';
export * from './expectedRepeatCurve.js';
export * from './frequencyRecencyChart.js';
export * from './periodTransactions.js';
