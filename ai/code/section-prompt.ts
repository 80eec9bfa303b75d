/**
 * What a section's request says beyond the one-frame prompt (prompt.ts): which part of the page it is, its pictures'
 * places, the files it writes (one component the page renders) and the sections already answered, so the parts fit.
 * Imports nothing of prompt.ts (which imports this).
 */
import type { Target } from "../../codegen/targets.js";
import { pagePaths, sectionFiles, sectionShape } from "./sections/targets.js";

/** One picture of a section's band: a PNG data URL and its place in the frame, in design px. */
export interface SectionTile {
  url: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A section answered before this one was sent: the component the page renders and its props' interface. */
export interface AnsweredSection {
  component: string;
  /** Its props' type as written (empty: none). */
  props: string;
}

export interface SectionInput {
  /** 0-based, in drawn order; `count` sections in all. */
  index: number;
  count: number;
  /** The component this request writes (src/sections/<component>.tsx, .vue, .svelte or .html). */
  component: string;
  /** Every section's component, in drawn order (the page renders them so). */
  components: readonly string[];
  frame: { name: string; w: number; h: number };
  /** The band of the frame this section covers, design px. */
  band: { y: number; h: number };
  tiles: readonly SectionTile[];
  answered: readonly AnsweredSection[];
}

const px = (n: number): number => Math.round(n);

/**
 * The section's root element: a `<section>`, the page holding the one `<main>` around the sections (a second, or one
 * inside it, breaks the page's landmarks). None for React Native, which draws no HTML elements.
 */
export function sectionRootRule(target: Target): string {
  if (target === "react-native") return "";
  return (
    "The section's root element is a <section> (not a <main>: the page wraps every section in its one <main>; no " +
    "<main> anywhere in this section)."
  );
}

/** The system rule for a section: write this section only, as one exported component. */
export function sectionRule(section: SectionInput, target: Target = "react"): string {
  const files = sectionFiles(section.component, target);
  const page = pagePaths(target).join(" nor ");
  return [
    `The frame “${section.frame.name}” (${px(section.frame.w)} × ${px(section.frame.h)} px) is too large for one ` +
      `request, so it is built section by section; this request is section ${section.index + 1} of ` +
      `${section.count}: the band from y ${px(section.band.y)} to ${px(section.band.y + section.band.h)} px.`,
    `Write only this section: ${sectionShape(section.component, target)}, drawing the section's layers at the ` +
      `frame's full width, and any component of its own under ${files.folder}. Do not write ${page} nor another ` +
      `section: the page renders the sections in drawn order (${section.components.join(", ")}), one below the other.`,
    sectionRootRule(target),
  ]
    .filter(Boolean)
    .join("\n");
}

/** The label before each of a section's pictures. */
export function tileLabel(section: SectionInput, k: number): string {
  const t = section.tiles[k]!;
  return (
    `Picture ${k + 1} of ${section.tiles.length} of this section, at full resolution: the frame from x ${px(t.x)} ` +
    `to ${px(t.x + t.w)}, y ${px(t.y)} to ${px(t.y + t.h)} px.`
  );
}

/** The sections already written, as data the model fits its section to (their names and props). */
export function answeredText(section: SectionInput): string {
  if (section.answered.length === 0) return "";
  return [
    "Sections already written for this page (do not write them again; reuse their look where this section repeats " +
      "it):",
    ...section.answered.map((a) => `- ${a.component}${a.props ? `: props ${a.props}` : " (no props)"}`),
  ].join("\n");
}
