/**
 * crmkit/segment: customers who belong together. Scale numbers and encode categories
 * (JSON models with pure transforms), cluster with k-means (k-means++, restarts, Lloyd/Elkan,
 * mini-batch), choose k (silhouette, Calinski–Harabasz, Davies–Bouldin, elbow) and describe each
 * segment in words a marketer can use.
 *
 * @module
 */
export * from '../errors-export.js';
export type { Category, FlatMatrix, MatrixInput } from './types.js';
export type { ClusterLabel } from './_labels.js';
export { fitStandardScaler, type FitStandardScalerOptions, type StandardScalerModel } from './fitStandardScaler.js';
export { fitMinMaxScaler, type FitMinMaxScalerOptions, type MinMaxScalerModel } from './fitMinMaxScaler.js';
export { fitRobustScaler, type FitRobustScalerOptions, type RobustScalerModel } from './fitRobustScaler.js';
export { transformScaler, type ScalerModel } from './transformScaler.js';
export { inverseTransformScaler } from './inverseTransformScaler.js';
export { parseScalerModel } from './parseScalerModel.js';
export { log1p, type Log1pOptions } from './log1p.js';
export { expm1 } from './expm1.js';
export { fitOneHotEncoder, type FitOneHotEncoderOptions, type OneHotHandleUnknown, type OneHotEncoderModel } from './fitOneHotEncoder.js';
export { transformOneHotEncoder } from './transformOneHotEncoder.js';
export { inverseTransformOneHotEncoder } from './inverseTransformOneHotEncoder.js';
export { fitOrdinalEncoder, type FitOrdinalEncoderOptions, type OrdinalEncoderModel } from './fitOrdinalEncoder.js';
export { transformOrdinalEncoder } from './transformOrdinalEncoder.js';
export { inverseTransformOrdinalEncoder } from './inverseTransformOrdinalEncoder.js';
export { parseEncoderModel, type EncoderModel } from './parseEncoderModel.js';
export {
  fitPreprocessor,
  type CategoricalColumnSpec,
  type ColumnSpec,
  type DataRecord,
  type FitPreprocessorOptions,
  type FitPreprocessorResult,
  type NumericColumnSpec,
  type PreprocessorModel,
  type PreprocessorStep,
} from './fitPreprocessor.js';
export { transformPreprocessor } from './transformPreprocessor.js';
export { inverseTransformPreprocessor } from './inverseTransformPreprocessor.js';
export { parsePreprocessorModel } from './parsePreprocessorModel.js';
export { fitKMeans, type FitKMeansOptions, type KMeansModel } from './fitKMeans.js';
export { predictKMeans } from './predictKMeans.js';
export { parseKMeansModel } from './parseKMeansModel.js';
export { fitMiniBatchKMeans, type FitMiniBatchKMeansOptions, type MiniBatchKMeansModel } from './fitMiniBatchKMeans.js';
export { partialFitMiniBatchKMeans, type PartialFitMiniBatchKMeansOptions } from './partialFitMiniBatchKMeans.js';
export { silhouetteSamples } from './silhouetteSamples.js';
export { silhouetteScore, type SilhouetteScoreOptions } from './silhouetteScore.js';
export { calinskiHarabaszScore } from './calinskiHarabaszScore.js';
export { daviesBouldinScore } from './daviesBouldinScore.js';
export { findKnee, type FindKneeResult } from './findKnee.js';
export { elbow, type ElbowOptions, type ElbowResult } from './elbow.js';
export { chooseK, type ChooseKOptions, type ChooseKResult, type ChooseKRow } from './chooseK.js';
export {
  describeSegments,
  type CategoryLift,
  type DescribeSegmentsOptions,
  type DescribeSegmentsResult,
  type NumericProfile,
  type ProfileColumn,
  type SegmentProfile,
} from './describeSegments.js';
export { chooseKChart, type ChooseKChartOptions } from './chooseKChart.js';
export { segmentProfileChart, type SegmentProfileCell } from './segmentProfileChart.js';
export { silhouetteChart } from './silhouetteChart.js';
export { fitKMeansAsync } from './fitKMeans.js';
export { fitMiniBatchKMeansAsync } from './fitMiniBatchKMeans.js';
export { elbowAsync } from './elbow.js';
export { chooseKAsync } from './chooseK.js';
