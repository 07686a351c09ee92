/**
 * crmkit/classify: who will buy, churn or respond. Decision trees (classification and
 * regression, cost-complexity pruning), random forests, honest validation (splits, k-fold,
 * cross-validation, grid search) and the metrics marketers read (ROC/AUC, precision/recall,
 * lift and gains, calibration). Functions take numeric matrices; encode categories first (in apps,
 * with crmkit/segment's encoders).
 *
 * @module
 */
export * from '../errors-export.js';
export type { ClassificationCriterion, Label, Matrix, MaxFeatures } from './_common.js';
export type { TreeNodes } from './_tree.js';
export { fitDecisionTree } from './fitDecisionTree.js';
export type { FitDecisionTreeOptions, DecisionTreeParams, DecisionTreeModel } from './fitDecisionTree.js';
export { fitRegressionTree } from './fitRegressionTree.js';
export type { FitRegressionTreeOptions, RegressionTreeParams, RegressionTreeModel } from './fitRegressionTree.js';
export { predictDecisionTree, predictProbaDecisionTree } from './predictDecisionTree.js';
export type { PredictTreeOptions } from './predictDecisionTree.js';
export * from './predictRegressionTree.js';
export * from './parseDecisionTreeModel.js';
export * from './parseRegressionTreeModel.js';
export * from './costComplexityPruningPath.js';
export * from './featureImportances.js';
export { treeToRules } from './treeToRules.js';
export type { RuleCondition, TreeRule, TreeToRulesOptions } from './treeToRules.js';
export * from './treeToText.js';
export * from './accuracyScore.js';
export * from './confusionMatrix.js';
export * from './precisionRecallFscore.js';
export { rocCurve } from './rocCurve.js';
export type { RocCurveOptions, RocCurveResult } from './rocCurve.js';
export * from './rocAucScore.js';
export { precisionRecallCurve } from './precisionRecallCurve.js';
export type { PrecisionRecallCurveOptions, PrecisionRecallCurveResult } from './precisionRecallCurve.js';
export * from './averagePrecision.js';
export * from './logLoss.js';
export * from './brierScore.js';
export * from './calibrationCurve.js';
export * from './liftTable.js';
export * from './fitRandomForest.js';
export * from './predictRandomForest.js';
export * from './parseRandomForestModel.js';
export * from './trainTestSplit.js';
export { kFold } from './kFold.js';
export type { Fold, KFoldOptions } from './kFold.js';
export * from './stratifiedKFold.js';
export { crossValidate } from './crossValidate.js';
export type { ScorerName, Scorer, CrossValidateOptions, CrossValidateResult } from './crossValidate.js';
export * from './gridSearch.js';
export { fitLogisticRegression } from './fitLogisticRegression.js';
export type {
  FitLogisticRegressionOptions,
  LinearFeatures,
  LogisticPenalty,
  LogisticRegressionModel,
  LogisticRegressionParams,
  LogisticStopReason,
} from './fitLogisticRegression.js';
export { predictLogisticRegression, predictProbaLogisticRegression } from './predictLogisticRegression.js';
export { parseLogisticRegressionModel } from './parseLogisticRegressionModel.js';
export { fitLinearRegression, predictLinearRegression, parseLinearRegressionModel } from './fitLinearRegression.js';
export type { CoefficientRow, FitLinearRegressionOptions, LinearRegressionModel, LinearRegressionSummary } from './fitLinearRegression.js';
export { summarizeLogisticRegression } from './summarizeLogisticRegression.js';
export type { LogisticRegressionSummary, SummarizeLogisticRegressionOptions } from './summarizeLogisticRegression.js';
export { fitNaiveBayes, predictNaiveBayes, predictLogProbaNaiveBayes, parseNaiveBayesModel } from './fitNaiveBayes.js';
export type { FitNaiveBayesOptions, NaiveBayesModel, NaiveBayesVariant } from './fitNaiveBayes.js';
export { rocCurveChart, type RocCurveChartOptions } from './rocCurveChart.js';
export { liftChart } from './liftChart.js';
export { calibrationChart } from './calibrationChart.js';
export { fitLogisticRegressionAsync } from './fitLogisticRegression.js';
export { crossValidateAsync } from './crossValidate.js';
export { fitUplift, predictUplift, rankByUplift, parseUpliftModel } from './fitUplift.js';
export type {
  FitUpliftOptions,
  PredictUpliftOptions,
  RankByUpliftOptions,
  UpliftArm,
  UpliftBaseModel,
  UpliftLearner,
  UpliftMethod,
  UpliftModel,
  UpliftParams,
  UpliftScoreRow,
} from './fitUplift.js';
export { upliftCurve, qiniCurve, qiniCoefficient, upliftAuc, upliftAtK, upliftByDecile, qiniChart } from './upliftCurve.js';
export type { QiniChartOptions, UpliftAtKOptions, UpliftBandRow, UpliftByDecileOptions, UpliftCurveResult, UpliftMetricOptions } from './upliftCurve.js';
export { permutationImportance } from './permutationImportance.js';
export type { PermutationImportanceOptions, PermutationImportanceResult, PermutationImportanceRow, PermutationScoring } from './permutationImportance.js';
export { partialDependence } from './partialDependence.js';
export type { PartialDependenceOptions, PartialDependenceResult } from './partialDependence.js';
export type { FittedModel } from './_modelPredict.js';
export { calibrateClassifier, predictProbaCalibrated, parseCalibratedClassifierModel } from './calibrateClassifier.js';
export type { CalibrateClassifierOptions, CalibratedClassifierModel } from './calibrateClassifier.js';
