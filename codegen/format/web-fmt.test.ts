/**
 * The wasm formatters against prettier on every fixture frame's emitter output (test/helpers/emitted-frames.ts):
 * .ts and .tsx byte for byte; .css and .html the same once the formatting choices docs/output.md lists are set
 * aside. A change of formatter, of its options or of the emitters that drifts from prettier's output fails here.
 */
import { describe, expect, it } from "vitest";
import { emittedFrames } from "../../test/helpers/emitted-frames.js";
import type { SourceFile } from "../types";
import { formatFiles } from "./index";

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

describe("the emitters' files: wasm formatters vs prettier", () => {
  it("agree on every fixture frame but for the listed choices", async () => {
    // Each distinct file once: frames and outputs share many (a component's CSS, the fonts' stylesheet).
    const files = new Map<string, SourceFile & { label: string }>();
    for (const { label, files: emitted } of emittedFrames()) {
      for (const file of emitted) if (!file.bytes) files.set(`${file.path}\0${file.content}`, { ...file, label });
    }
    const inputs = [...files.values()];
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
});
