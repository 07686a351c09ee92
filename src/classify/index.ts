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
export * from './fitDecisionTree.js';
export * from './fitRegressionTree.js';
export * from './predictDecisionTree.js';
export * from './predictRegressionTree.js';
export * from './parseDecisionTreeModel.js';
export * from './parseRegressionTreeModel.js';
export * from './costComplexityPruningPath.js';
export * from './featureImportances.js';
export * from './treeToRules.js';
export * from './treeToText.js';
export * from './accuracyScore.js';
export * from './confusionMatrix.js';
export * from './precisionRecallFscore.js';
export * from './rocCurve.js';
export * from './rocAucScore.js';
export * from './precisionRecallCurve.js';
export * from './averagePrecision.js';
export * from './logLoss.js';
export * from './brierScore.js';
export * from './calibrationCurve.js';
export * from './liftTable.js';
export * from './fitRandomForest.js';
export * from './predictRandomForest.js';
export * from './parseRandomForestModel.js';
export * from './trainTestSplit.js';
export * from './kFold.js';
export * from './stratifiedKFold.js';
export * from './crossValidate.js';
export * from './gridSearch.js';
