/** The engine's code options: the document's mapping read again, its notes as problems that name where they point. */
import { describe, expect, it } from "vitest";
import type { ComponentMap } from "../../../codegen/components-map/model.js";
import { codeJobs, codeOptions } from "./code.js";

const BASE = { target: "react", styling: "css-modules", nodeIds: false } as const;
const GOOD = { figma: { nodeId: "1:2" }, import: { module: "@acme/ui", name: "Button" }, props: {} };

describe("codeOptions", () => {
  it("a bad entry of the stored mapping is a problem naming the mapping as its file; the good entry is used", () => {
    const stored = {
      components: [GOOD, { figma: {}, import: { module: "@acme/ui", name: "Card" } }],
    } as unknown as ComponentMap;
    const { options, problems } = codeOptions({ ...BASE, components: stored });
    expect(options.components?.components).toEqual([{ ...GOOD, source: "this file's mapping#/components/0" }]);
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems)
      expect(problem).toMatchObject({ code: "component-mapping", file: "this file's mapping" });
  });

  it("HTML and an empty mapping take no mapping and no problems", () => {
    expect(codeOptions({ ...BASE, target: "html", components: { components: [GOOD] } })).toEqual({
      options: { ...BASE, target: "html" },
      problems: [],
    });
    expect(codeOptions({ ...BASE, components: { components: [] } })).toEqual({ options: BASE, problems: [] });
  });
});

describe("the worker's pages drawn at several widths", () => {
  const text = (id: string, chars: string) => ({
    id,
    type: "TEXT",
    name: chars,
    characters: chars,
    absoluteBoundingBox: { x: 0, y: 0, width: 200, height: 20 },
    style: { fontFamily: "Inter", fontSize: 16, fontWeight: 400 },
  });
  const frame = (id: string, name: string, width: number) => ({
    id,
    json: {
      document: {
        id,
        type: "FRAME",
        name,
        absoluteBoundingBox: { x: 0, y: 0, width, height: 400 },
        children: [text(`${id}-1`, "Fresh flowers every day"), text(`${id}-2`, "Order by noon")],
      },
    },
  });
  const exports = [frame("1:1", "Home", 1440), frame("1:2", "Home – Mobile", 390)];
  const ctx = { signal: new AbortController().signal, emit: () => undefined };

  it("page-groups finds the selection's groups", async () => {
    const { groups } = await codeJobs["page-groups"]({ id: "1", kind: "page-groups", exports }, ctx);
    expect(groups.map((g) => g.frames.map((f) => `${f.label} ${f.width}`))).toEqual([["Desktop 1440", "Phone 390"]]);
  });

  it("generate makes the pages it is given one page each, with a note", async () => {
    const { result } = await codeJobs.generate(
      { id: "2", kind: "generate", exports, options: { ...BASE, target: "html" }, pages: [["1:1", "1:2"]] },
      ctx,
    );
    expect(result.files.filter((f) => f.path.endsWith(".html")).map((f) => f.path)).toEqual(["index.html"]);
    expect(result.problems.find((p) => p.code === "breakpoints")?.message).toBe(
      '“Home” and “Home – Mobile”: 2 frames → one responsive page: Desktop 1440, Phone 390 ("Generate separately" ' +
        "keeps them apart)",
    );
  });
});
