/**
 * Whether the model can build the monotone response path (P(correct) non-decreasing in the outcome-history
 * features by construction), asked for by a recipe's `monotoneResponse: on` through the architecture's
 * `monotoneResponse` flag. Until the path exists, recipes asking for it are refused with a clear message
 * rather than trained without it. Pure: no tfjs.
 */
export const MONOTONE_RESPONSE_AVAILABLE = false;
