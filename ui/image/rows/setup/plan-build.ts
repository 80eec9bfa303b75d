/** The grid's default name and its plan from the computed items and the options. Pure. */
import type { ImageQuality, SizeChoice } from "../../../../ai/image/options.js";
import type { PlanItem, RowsPlan, StyleSpec } from "../plan.js";

const EDGE_WORDS = new Set(["a", "an", "the", "for", "of", "with", "in", "on", "and", "to", "at", "by"]);

/** "A {style} hero image for {audience}" → "Hero image grid": the template's own words, placeholders out. */
export function defaultGridName(template: string): string {
  const words = template
    .replace(/\{[^}]*\}/g, " ")
    .replace(/[^\p{L}\p{N}\s-]/gu, " ")
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 8);
  while (words.length && EDGE_WORDS.has(words[0]!.toLowerCase())) words.shift();
  const kept = words.slice(0, 4);
  while (kept.length && EDGE_WORDS.has(kept.at(-1)!.toLowerCase())) kept.pop();
  if (kept.length === 0) return "Image grid";
  const text = kept.join(" ");
  return `${text[0]!.toUpperCase()}${text.slice(1)} grid`;
}

export interface PlanOptions {
  name: string;
  size: SizeChoice;
  quality: ImageQuality;
  acceptFirst: boolean;
  reasonFirst: boolean;
}

/** The plan the run and the Batch API take: the computed items with the style and options they share. */
export function buildPlan(
  items: readonly PlanItem[],
  spec: StyleSpec,
  options: PlanOptions,
  template: string,
): RowsPlan {
  return {
    name: options.name.trim() || defaultGridName(template),
    items: [...items],
    style: spec,
    size: options.size,
    quality: options.quality,
    acceptFirst: options.acceptFirst,
    reasonFirst: options.reasonFirst,
  };
}
