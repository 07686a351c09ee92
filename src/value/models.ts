import type { BetaGeoModel } from './fitBetaGeo.js';
import type { BetaGeoBetaBinomModel } from './fitBetaGeoBetaBinom.js';
import type { ModifiedBetaGeoModel } from './fitModifiedBetaGeo.js';
import type { ParetoNbdModel } from './fitParetoNbd.js';

/** A continuous-time purchase model: a fitted model, or just its `kind` and `params` (e.g. published values). */
export type ContinuousPurchaseModel =
  | Pick<BetaGeoModel, 'kind' | 'params'>
  | Pick<ModifiedBetaGeoModel, 'kind' | 'params'>
  | Pick<ParetoNbdModel, 'kind' | 'params'>;

/** The discrete-time purchase model (BG/BB), or just its `kind` and `params`. */
export type DiscretePurchaseModel = Pick<BetaGeoBetaBinomModel, 'kind' | 'params'>;

/** Any purchase-count model the prediction functions accept. */
export type PurchaseModel = ContinuousPurchaseModel | DiscretePurchaseModel;
