/**
 * What the panel shows of each code target (codegen/targets.ts TARGETS): its name in the Target menu and the worker
 * part that holds its own compiler for the preview (ui/engine/code-parts/), sent only when that target is chosen. A
 * target appears as its word capitalised, and previews with the React preview's part unless it names its own. Terse:
 * ui.html carries it, within its 80 KB.
 */
import type { CodePart } from "./messages.js";
import { TARGETS, type Target } from "./words.js";

/** The code part that compiles a target's files for its preview (none: the React preview's part serves). */
const PREVIEW_PARTS: Partial<Record<Target, [CodePart]>> = {
  vue: ["code-vue"],
  svelte: ["code-svelte"],
  "react-native": ["code-react-native"],
};

/** A target's name in the menu: its words capitalised ("Vue", "React Native"), HTML in capitals. */
export const targetLabel = (target: Target): string =>
  target === "html" ? "HTML" : target.replace(/\b\w/g, (c) => c.toUpperCase()).replace("-", " ");

/** The code part holding the target's compiler for its preview, or none when the React preview's part does. */
export const targetPreviewParts = (target: Target | undefined): readonly CodePart[] =>
  (target && PREVIEW_PARTS[target]) || [];

/**
 * The Target menu: the targets the panel previews (React, HTML, Vue, Svelte, React Native). Angular's compiler (ngtsc)
 * runs in the CLI and Dev Mode only, so far.
 */
export const TARGET_MENU = TARGETS.filter((t) => t !== "angular").map((value) => ({
  value,
  label: targetLabel(value),
}));
