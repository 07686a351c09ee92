/**
 * Record types shared across modules. Analytics functions take plain arrays of these (or of the
 * caller's own shapes through accessor options); connectors produce them.
 *
 * @module
 */

/** A timestamp: a `Date`, an ISO-8601 string, or epoch milliseconds. */
export type Timestamp = Date | string | number;

/** A customer of the CRM. `attributes` holds whatever else the host keeps (city, gender, …). */
export interface Customer {
  id: string;
  createdAt?: Timestamp;
  email?: string;
  name?: string;
  attributes?: Record<string, string | number | boolean | null>;
}

/** One purchase (or return, with a negative amount) by a customer. */
export interface Transaction {
  id?: string;
  customerId: string;
  at: Timestamp;
  amount: number;
  currency?: string;
}

/** A social-media post. */
export interface Post {
  id: string;
  /** Author's account id or handle. */
  author: string;
  text: string;
  createdAt: Timestamp;
  /** Id of the post this one replies to. */
  replyTo?: string;
  /** Id of the post this one reposts (retweet, 转发). */
  repostOf?: string;
  /** BCP-47 language tag if the platform reports one (`'en'`, `'zh'`). */
  lang?: string;
}

/** The kinds of interaction between two accounts. */
export type InteractionKind = 'reply' | 'mention' | 'repost' | 'follow' | 'message' | 'like';

/** A directed interaction from `source` to `target` (who replied to / mentioned / followed whom). */
export interface Interaction {
  source: string;
  target: string;
  kind: InteractionKind;
  /** Strength of the interaction; 1 when omitted. */
  weight?: number;
  at?: Timestamp;
}
