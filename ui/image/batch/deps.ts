/**
 * What every part of the batch mode gets from the app: the same as the single-image session (kept apart from
 * batch-session.ts so the parts' hooks import no cycle).
 */
export type { ImageSessionDeps as BatchSessionDeps } from "../image-session.js";
