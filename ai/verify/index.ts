/**
 * Verify rounds (issue 25): the measured differences of the model's code sent back as a refinement, an answer kept
 * only when it measures better. The loop and the request are pure; askModel (ask.ts) needs the pipeline.
 */
export { measurementBody, MEASUREMENT_TAG, verifyRequest } from "./request.js";
export type { RoundPictures, RoundRequest } from "./request.js";
export { MAX_ROUNDS, measuresBetter, scorePair, textVisible, verdict, verifyRounds } from "./rounds.js";
export type { Measured, RoundAnswer, RoundInput, RoundReport, VerifyOptions, VerifyResult } from "./rounds.js";
export { estimateRound, pngDataUrlSize } from "./estimate.js";
export type { RoundEstimateInput } from "./estimate.js";
