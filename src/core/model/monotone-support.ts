/**
 * Whether the model can build the monotone response path (P(correct) non-decreasing in the outcome-history
 * features by construction), asked for by a recipe's `monotoneResponse: on` through the architecture's
 * `monotoneResponse` flag: yes — model/monotone-path.ts, docs/monotone-response.md. Pure: no tfjs.
 */
export const MONOTONE_RESPONSE_AVAILABLE = true;
