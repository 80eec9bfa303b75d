/** Fidelity of rendered code to its design: the design side, the in-page probes, and the figures (issue 25). */
export * from "./types.js";
export * from "./design-nodes.js";
export * from "./probe.js";
export * from "./box-score.js";
export * from "./responsive.js";
export * from "./score.js";
export * from "./summary.js";
