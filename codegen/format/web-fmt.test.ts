/**
 * The wasm formatters against prettier on every fixture frame's emitter output (test/helpers/emitted-frames.ts):
 * .ts and .tsx byte for byte; .css and .html the same once the formatting choices docs/output.md lists are set
 * aside. A change of formatter, of its options or of the emitters that drifts from prettier's output fails here.
 */
import { describe, expect, it } from "vitest";
import { emittedFrames } from "../../test/helpers/emitted-frames.js";
import type { CodeOptions } from "../index.js";
import type { SourceFile } from "../types";
import { formatFiles } from "./index";
import { splitStyles } from "./sfc-styles";

/**
 * The listed choices, as what they let differ (docs/output.md, "Formatting"):
 * - CSS: where a comma-separated declaration value breaks (malva: `src:` one source a line, a long `font-family`
 *   kept whole; prettier: every multi-word list such as two shadows one a line, a long list filled);
 * - HTML: where lines break and indent around inline elements and text (markup_fmt keeps a `<body>` or an `<a>`
 *   that fits on one line; prettier breaks before `>` to keep the text's whitespace); the whitespace that matters
 *   is the same: a run of spaces or newlines stays a run, and none comes or goes between two tags.
 */
const CHOICES: Record<string, (text: string) => string> = {
  css: (text) =>
    text
      .replace(/:[ \t]*\n[ \t]+/g, ": ")
      .replace(/,[ \t]*\n[ \t]+/g, ", ")
      .replace(/, {2,}/g, ", "),
  html: (text) => text.replace(/\s+/g, " ").replace(/ ?([<>]) ?/g, "$1"),
};

const extension = (path: string): string => path.slice(path.lastIndexOf(".") + 1);

/** Each distinct file of `frames` once (frames and outputs share many: a component's CSS, the fonts' stylesheet). */
function distinctFiles(frames: ReturnType<typeof emittedFrames>, keep: (path: string) => boolean) {
  const files = new Map<string, SourceFile & { label: string }>();
  for (const { label, files: emitted } of frames)
    for (const file of emitted)
      if (!file.bytes && keep(file.path)) files.set(`${file.path}\0${file.content}`, { ...file, label });
  return [...files.values()];
}

/** Vue's and Svelte's components (sfc-styles.ts): prettier prints all but their `<style>` blocks, malva those. */
const COMPONENT_OUTPUTS: readonly CodeOptions[] = [
  { target: "vue", styling: "css-modules", nodeIds: false },
  { target: "svelte", styling: "css-modules", nodeIds: false },
];

/** Same but for the CSS choices inside `<style>`: the rest byte for byte, each block under CHOICES.css. */
function sameComponent(ours: string, theirs: string): boolean {
  const [a, b] = [splitStyles(ours), splitStyles(theirs)];
  if (!a || !b) return ours === theirs;
  const css = CHOICES["css"]!;
  return (
    a.skeleton === b.skeleton &&
    a.styles.length === b.styles.length &&
    a.styles.every((style, i) => css(style) === css(b.styles[i]!))
  );
}

describe("the emitters' files: wasm formatters vs prettier", () => {
  it("agree on every fixture frame but for the listed choices", async () => {
    const inputs = distinctFiles(emittedFrames(), () => true);
    const [fast, reference] = await Promise.all([formatFiles(inputs, "emitters"), formatFiles(inputs, "model")]);
    expect(fast.problems).toEqual([]);
    expect(reference.problems).toEqual([]);
    const tally: Record<string, { identical: number; choices: number }> = {};
    const drifted: string[] = [];
    inputs.forEach((input, i) => {
      const ours = fast.files[i]!.content;
      const theirs = reference.files[i]!.content;
      const kind = extension(input.path);
      const counts = (tally[kind] ??= { identical: 0, choices: 0 });
      if (ours === theirs) counts.identical++;
      else if (CHOICES[kind] && CHOICES[kind](ours) === CHOICES[kind](theirs)) counts.choices++;
      else drifted.push(`${input.label}: ${input.path}`);
    });
    expect(drifted).toEqual([]);
    // Scripts never differ; the listed choices are the only differences, and most files have none.
    for (const kind of ["ts", "tsx"]) expect(tally[kind]?.choices).toBe(0);
    expect(tally["tsx"]!.identical).toBeGreaterThan(200);
    expect(tally["css"]!.identical).toBeGreaterThan(tally["css"]!.choices);
    expect(tally["html"]!.identical).toBeGreaterThan(tally["html"]!.choices);
  });

  it("Vue's and Svelte's components: prettier's but for the CSS choices in their styles", async () => {
    const inputs = distinctFiles(emittedFrames(COMPONENT_OUTPUTS), (path) => /\.(vue|svelte)$/.test(path));
    const [fast, reference] = await Promise.all([formatFiles(inputs, "emitters"), formatFiles(inputs, "model")]);
    expect(fast.problems).toEqual([]);
    expect(reference.problems).toEqual([]);
    let identical = 0;
    const drifted: string[] = [];
    inputs.forEach((input, i) => {
      const [ours, theirs] = [fast.files[i]!.content, reference.files[i]!.content];
      if (ours === theirs) identical++;
      else if (!sameComponent(ours, theirs)) drifted.push(`${input.label}: ${input.path}`);
    });
    expect(drifted).toEqual([]);
    // Every component has a style block; most print as prettier's to the byte.
    expect(inputs.every((input) => splitStyles(input.content) !== undefined)).toBe(true);
    expect(identical).toBeGreaterThan(inputs.length * 0.9);
  });
});
