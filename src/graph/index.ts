/**
 * crmkit/graph: social graphs from interactions — build, centrality, network summary, communities.
 *
 * Every metric takes a graphology `Graph` and compiles it once into typed-array CSR form.
 *
 * @module
 */
export * from '../errors-export.js';
export type { EdgeWeight } from './_compile.js';
export { degreeCentrality, type DegreeCentralityOptions, type DegreeCentralityAssignOptions } from './degreeCentrality.js';
export {
  betweennessCentrality,
  type BetweennessCentralityOptions,
  type BetweennessCentralityAssignOptions,
} from './betweennessCentrality.js';
export { closenessCentrality, type ClosenessCentralityOptions, type ClosenessCentralityAssignOptions } from './closenessCentrality.js';
export { harmonicCentrality, type HarmonicCentralityOptions, type HarmonicCentralityAssignOptions } from './harmonicCentrality.js';
export { pagerank, type PagerankOptions, type PagerankAssignOptions, type IterativeCentralityResult } from './pagerank.js';
export {
  eigenvectorCentrality,
  type EigenvectorCentralityOptions,
  type EigenvectorCentralityAssignOptions,
} from './eigenvectorCentrality.js';
export { katzCentrality, type KatzCentralityOptions, type KatzCentralityAssignOptions } from './katzCentrality.js';
export { graphSummary, type GraphSummaryOptions, type GraphSummaryResult, type PathLengthInfo } from './graphSummary.js';
export { clustering, type ClusteringAssignOptions } from './clustering.js';
export type { CommunitiesResult, CommunityOptions } from './_partition.js';
export { louvain, type LouvainOptions } from './louvain.js';
export { leiden, type LeidenOptions } from './leiden.js';
export { modularity, type ModularityOptions, type Partition } from './modularity.js';
export { labelPropagation, type LabelPropagationOptions, type LabelPropagationResult } from './labelPropagation.js';
export { buildInteractionGraph, type BuildInteractionGraphOptions, type WeightAggregation } from './buildInteractionGraph.js';
export {
  simulateIndependentCascade,
  type SimulateIndependentCascadeOptions,
  type CascadeProbability,
  type SimulationOptions,
  type SpreadSimulationResult,
} from './simulateIndependentCascade.js';
export { simulateLinearThreshold, type SimulateLinearThresholdOptions } from './simulateLinearThreshold.js';
export { exactSpread, type ExactSpreadOptions, type ExactSpreadResult } from './exactSpread.js';
export { selectInfluencers, type SelectInfluencersOptions, type SelectInfluencersResult } from './selectInfluencers.js';
export { connectedComponents, type ConnectedComponentsOptions, type ConnectedComponentsResult } from './connectedComponents.js';
export { coreNumber } from './coreNumber.js';
export { bridges } from './bridges.js';
export { articulationPoints } from './articulationPoints.js';
export { hits, type HitsOptions, type HitsResult } from './hits.js';
export { shortestPath, shortestPathLengths, type ShortestPathOptions, type ShortestPathResult } from './shortestPath.js';
export { egoGraph, type EgoGraphOptions } from './egoGraph.js';
export { linkPrediction, type LinkPredictionOptions, type LinkScore } from './linkPrediction.js';
export { structuralHoles, type StructuralHolesOptions, type StructuralHolesResult } from './structuralHoles.js';
export { edgeBetweennessCentrality, type EdgeBetweennessCentralityOptions, type EdgeScore } from './edgeBetweennessCentrality.js';
export { influenceSpreadChart, type InfluenceSpreadRow } from './influenceSpreadChart.js';
export {
  temporalSnapshots,
  type TemporalSnapshotsOptions,
  type TemporalSnapshotsResult,
  type TemporalWindow,
  type AccountTimeline,
  type SlidingWindow,
} from './temporalSnapshots.js';
export { simulateIndependentCascadeAsync } from './simulateIndependentCascade.js';
export { simulateLinearThresholdAsync } from './simulateLinearThreshold.js';
export { louvainAsync } from './louvain.js';
export { leidenAsync } from './leiden.js';
export { selectInfluencersAsync } from './selectInfluencers.js';
