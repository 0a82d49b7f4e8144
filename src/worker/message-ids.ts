/**
 * The ids that match worker replies to requests, as branded numbers: a request id is only ever minted
 * by a counter here, a run id is the id of a `train` (or helper `run`) request, and the two id spaces
 * (page ↔ lab worker, lab worker ↔ helper) cannot be mixed up, which bare numbers would allow.
 */
declare const brand: unique symbol;

/** Identifies one request to the lab worker; every reply and event for it echoes it. */
export type RequestId = number & { readonly [brand]: 'lab-request' };
/** The id of a training run: the id of its `train` request, which `cancel` names. */
export type RunId = RequestId & { readonly run: true };

/** Identifies one request from the lab worker to a training helper. */
export type HelperRequestId = number & { readonly [brand]: 'helper-request' };
/** A helper's training run: the id of its `run` request. */
export type HelperRunId = HelperRequestId & { readonly run: true };

/** A counter of fresh ids, 1, 2, 3, … (one per client, so ids never repeat within a worker's life). */
export function idCounter<Id extends number>(): () => Id {
  let next = 1;
  return () => next++ as Id;
}

/** The run id of a training request: only the request that started the run has one. */
export const runIdOf = <Id extends RequestId | HelperRequestId>(id: Id): Id & { readonly run: true } =>
  id as Id & { readonly run: true };
