/** Fidelity of rendered code to its design: the design side, the in-page probes, and the figures (issues 25, 36). */
export * from "./types.js";
export * from "./design-nodes.js";
export * from "./design-text.js";
export * from "./probe.js";
export * from "./text-probe.js";
export * from "./box-score.js";
export * from "./classify.js";
export * from "./responsive.js";
export * from "./score.js";
export * from "./summary.js";
