/**
 * What every part of the Rows mode gets from the app: the same as the single-image session (kept apart from
 * rows-session.ts so the parts' hooks import no cycle).
 */
export type { ImageSessionDeps as RowsSessionDeps } from "../image-session.js";
