/** The structural diff of two design trees: real frames, a changed version, matching by id then by name. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { DesignNode } from "../../codegen/design/types.js";
import { loadDesign } from "../../codegen/load.js";
import { describeDiff, diffDesigns } from "./diff.js";

const read = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../test/fixtures/figma/${name}`, import.meta.url), "utf8"));
const login = (): DesignNode => loadDesign(read("figmasharp-login.file.json"), ["101:3"]).document.frames[0]!;

function find(node: DesignNode, test: (n: DesignNode) => boolean): DesignNode | undefined {
  if (test(node)) return node;
  for (const child of node.children ?? []) {
    const hit = find(child, test);
    if (hit) return hit;
  }
  return undefined;
}

describe("diffDesigns", () => {
  it("a frame against itself has no differences", () => {
    expect(diffDesigns(login(), login())).toEqual([]);
    expect(describeDiff([])).toMatch(/^No structural differences/);
  });

  it("a new version: changed text and size, a removed layer and an added one, each with both ids", () => {
    const a = login();
    const b = login();
    const text = find(b, (n) => n.kind === "text")!;
    const before = text.text!.chars;
    text.text!.chars = "Welcome back";
    text.w += 20;
    const parent = find(b, (n) => (n.children?.length ?? 0) > 1)!;
    const removed = parent.children!.pop()!;
    parent.children!.push({
      id: "9:9",
      name: "Promo banner",
      kind: "rect",
      w: 100,
      h: 40,
      fills: [{ kind: "solid", color: "#ff0000" }],
    });
    const entries = diffDesigns(a, b);
    const changed = entries.find((e) => e.change === "changed" && e.idB === text.id)!;
    expect(changed.details).toContain(`text “${before.replace(/\s+/g, " ")}” → “Welcome back”`);
    expect(changed.details.some((d) => d.startsWith("size "))).toBe(true);
    expect(entries.find((e) => e.change === "removed")).toMatchObject({
      idA: removed.id,
      path: expect.stringContaining(removed.name) as string,
    });
    expect(entries.find((e) => e.change === "added")).toMatchObject({ idB: "9:9", details: ["rect 100×40"] });
    const text2 = describeDiff(entries);
    expect(text2.split("\n")[0]).toBe(
      `1 added, 1 removed, ${entries.filter((e) => e.change === "changed").length} ` +
        `changed (A → B; + added in B, - removed from A, ~ changed)`,
    );
    expect(text2).toContain("+ ");
    expect(text2).toContain("- ");
  });

  it("two different frames of a file are matched by kind and name", () => {
    const read2 = (a: string, b: string) =>
      loadDesign(read("figmagic-design-system.file.json"), [a, b]).document.frames;
    // Delays and Durations hold layers of the same kinds and names: only the frame's name differs.
    const [delays, durations] = read2("3214:734", "3097:652");
    expect(diffDesigns(delays!, durations!)).toEqual([
      {
        change: "changed",
        path: "Durations",
        idA: "3214:734",
        idB: "3097:652",
        details: ["renamed “Delays” → “Durations”"],
      },
    ]);
    // Opacities is a picture (its swatches one SVG, vector.ts isShapePicture): a vector to Durations' frame of texts.
    const [opacities] = read2("3091:653", "3097:652");
    const entries = diffDesigns(opacities!, durations!);
    expect(entries[0]?.details).toEqual(["renamed “Opacities” → “Durations”", "kind vector → frame"]);
    expect(entries.filter((e) => e.change === "removed")).toEqual([]);
    expect(entries.find((e) => e.change === "added" && e.idB === "3097:656")).toMatchObject({
      path: "Durations / Medium",
      details: ["text 40×19 “0.25s”"],
    });
    expect(describeDiff(entries, 3).split("\n")).toEqual(
      expect.arrayContaining([
        "4 added, 0 removed, 1 changed (A → B; + added in B, - removed from A, ~ changed)",
        "(… 2 more differences not listed)",
      ]),
    );
  });
});
