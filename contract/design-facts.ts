/**
 * A frame's design as its code was made from it (codegen/design/design-diff.ts DesignFacts), as History keeps it with a
 * code result (contract/history.ts) and the engine's protocol carries it. Its own module: the panel's protocol takes
 * it without the rest of History's fields.
 */
import type { DesignFacts } from "../codegen/design/design-diff.js";
import { opaque } from "./fields.js";

/**
 * Checked as an object only: the main thread stores it as it came (it does not carry the diff), and the worker reads
 * it again in full (readDesignFacts) before comparing.
 */
export const designFactsField = opaque<DesignFacts>("design facts");
