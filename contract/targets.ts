/**
 * What the panel shows of each code target (codegen/targets.ts TARGETS): its name in the Target menu and the worker
 * part that holds its own compiler for the preview (ui/engine/code-parts/), sent only when that target is chosen. A
 * target without an entry still appears (its name title-cased) and previews with the React preview's part.
 */
import type { CodePart } from "./messages.js";
import { TARGETS, type Target } from "./words.js";

interface TargetEntry {
  /** Its name in the Target menu. */
  label: string;
  /** The code part that compiles and previews its files, beside `code-preview` (absent: React's runtime serves). */
  previewPart?: CodePart;
  /** The Styling menu's name for its own stylesheets (default "CSS modules"; HTML has only one stylesheet). */
  ownStyles?: string;
}

const ENTRIES: Partial<Record<Target, TargetEntry>> = {
  react: { label: "React" },
  html: { label: "HTML" },
  vue: { label: "Vue", previewPart: "code-vue", ownStyles: "Scoped CSS" },
  svelte: { label: "Svelte", previewPart: "code-svelte", ownStyles: "Scoped CSS" },
};

/** "react-native" → "React Native": the name of a target that has no entry yet. */
const titled = (target: string): string =>
  target
    .split("-")
    .map((word) => `${word.charAt(0).toUpperCase()}${word.slice(1)}`)
    .join(" ");

export function targetLabel(target: Target): string {
  return ENTRIES[target]?.label ?? titled(target);
}

/** The code part holding the target's compiler for its preview, or undefined when the React preview's part does. */
export function targetPreviewPart(target: Target): CodePart | undefined {
  return ENTRIES[target]?.previewPart;
}

/** The Styling menu's name for the target's own stylesheets (`css-modules` in the settings). */
export function ownStylesLabel(target: Target): string {
  return ENTRIES[target]?.ownStyles ?? "CSS modules";
}

/** The Target menu: every target, in TARGETS' order. */
export const TARGET_MENU: { value: Target; label: string }[] = TARGETS.map((value) => ({
  value,
  label: targetLabel(value),
}));
