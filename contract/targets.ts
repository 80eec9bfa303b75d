/**
 * What the panel shows of each code target (codegen/targets.ts TARGETS): its name in the Target menu and the worker
 * part that holds its own compiler for the preview (ui/engine/code-parts/), sent only when that target is chosen. A
 * target appears as its word capitalised, and previews with the React preview's part unless it names its own. Terse:
 * ui.html carries it, within its 80 KB.
 */
import { TARGETS, type Target } from "./words.js";

/** The targets whose own compiler (or renderer) compiles their files for the preview, in the part `code-<target>`. */
const PREVIEWED = ["vue", "svelte", "angular", "react-native"] as const;

/** The part holding a target's own compiler for its preview (`code-angular`: ngtsc). */
export type TargetPreviewPart = `code-${(typeof PREVIEWED)[number]}`;

/** A target's name in the menu: its words capitalised ("Vue", "React Native": the hyphen a space), HTML in capitals. */
export const targetLabel = (target: Target): string =>
  target === "html" ? "HTML" : target.replace(/\b./g, (c) => (c === "-" ? " " : c.toUpperCase()));

/** The code part holding the target's compiler for its preview, or none when the React preview's part does. */
export const targetPreviewParts = (target: Target | undefined): readonly TargetPreviewPart[] =>
  PREVIEWED.some((t) => t === target) ? [`code-${target}` as TargetPreviewPart] : [];

/** The Target menu: every target, each previewed in the panel by its own compiler (or React's, or the HTML itself). */
export const TARGET_MENU = TARGETS.map((value) => ({ value, label: targetLabel(value) }));
