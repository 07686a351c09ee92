import type { BetaGeoModel } from './fitBetaGeo.js';

/**
 * Any purchase-count model the prediction functions accept: a fitted model, or just its `kind` and
 * `params` (for example published parameters).
 */
export type PurchaseModel = Pick<BetaGeoModel, 'kind' | 'params'>;
