import { describe, expect, it } from "vitest";
import { tagsOnOneLine } from "../../test/helpers/html-tags.js";
import { emitFiles, generateCode, loadDesign } from "../../codegen/index.js";
import { exportRoot, planAssets } from "../../plugin/export/asset-plan.js";
import { fixtureImages } from "../../test/figma-sim/node.js";
import { createFigmaSim } from "../../test/figma-sim/sim.js";
import { readFixture } from "../../test/helpers/fixtures.js";
import { asNodesReply } from "../engine/protocol/index.js";
import { draftCode } from "./draft.js";

/** What the main thread sends for `ids`: each node's JSON_REST_V1 export, as the plugin gets it in Figma. */
async function exportsOf(fixture: string, ids: string[]) {
  const sim = createFigmaSim({ file: readFixture(fixture) });
  return Promise.all(ids.map(async (id) => ({ id, json: await sim.node(id).exportAsync({ format: "JSON_REST_V1" }) })));
}

const react = { target: "react", styling: "css-modules", nodeIds: false } as const;

describe("the draft made in the panel", () => {
  it("is the emitters' output, with the same paths the worker's checked and formatted files have", async () => {
    const exports = await exportsOf("figmasharp-login.file.json", ["101:3"]);
    const draft = draftCode(exports, react);
    const design = loadDesign(asNodesReply(exports));
    expect(draft.files).toEqual(emitFiles(design.document, react).files);
    expect(draft.files.map((f) => f.path)).toContain("src/screens/LogInPage.tsx");
    const final = await generateCode(design.document, react);
    expect(draft.files.map((f) => f.path).sort()).toEqual(final.files.map((f) => f.path).sort());
    // The emitters print the login's files in the format pass's form: the checked files read as the draft does.
    expect(draft.files.map((f) => final.files.find((g) => g.path === f.path)?.content === f.content)).not.toContain(
      false,
    );
  });

  it("renders React output's preview as HTML, and HTML output with layer ids previews itself", async () => {
    const exports = await exportsOf("figma-differ-selfie.nodes.json", ["33459:3746"]);
    const fromReact = draftCode(exports, react);
    expect(fromReact.preview.map((f) => f.path)).toEqual(expect.arrayContaining(["index.html", "styles.css"]));
    const page = fromReact.preview.find((f) => f.path === "index.html")?.content ?? "";
    expect(page).toContain("Place your face in the frame");
    // The preview always carries the layers' ids, whatever the code options say: the score measures it by them.
    expect(page).toContain('data-node-id="33459:3746"');
    expect(fromReact.files.some((f) => f.content.includes("data-node-id"))).toBe(false);
    const html = draftCode(exports, { target: "html", styling: "css-modules", nodeIds: false });
    expect(html.files.some((f) => f.content.includes("data-node-id"))).toBe(false);
    expect(html.preview.find((f) => f.path === "index.html")?.content).toBe(
      draftCode(exports, { target: "html", styling: "css-modules", nodeIds: true }).files.find(
        (f) => f.path === "index.html",
      )?.content,
    );
    const withIds = draftCode(exports, { target: "html", styling: "css-modules", nodeIds: true });
    expect(withIds.preview).toBe(withIds.files);
  });

  it(
    "uses the export's image bytes and SVGs: the real " + "photo file, the supplied icons, no placeholder problems",
    async () => {
      const images = fixtureImages("figmasharp-login.file.json");
      const sim = createFigmaSim({ file: readFixture("figmasharp-login.file.json"), images });
      const exports = [{ id: "101:3", json: await sim.node("101:3").exportAsync({ format: "JSON_REST_V1" }) }];
      const vectors = planAssets([exportRoot(exports[0]!.json)!]).vectors;
      const svgs = Object.fromEntries(
        await Promise.all(
          vectors.map(
            async (v) => [v.id, (await sim.node(v.id).exportAsync({ format: "SVG_STRING" })) as string] as const,
          ),
        ),
      );
      const without = draftCode(exports, react);
      const draft = draftCode(exports, react, { images, svgs });
      const photo = Object.values(images)[0]!;
      const written = draft.files.filter((f) => f.bytes);
      expect(written).toHaveLength(1);
      expect(Buffer.from(written[0]!.bytes!).equals(Buffer.from(photo))).toBe(true);
      expect(draft.preview.some((f) => f.bytes && Buffer.from(f.bytes).equals(Buffer.from(photo)))).toBe(true);
      const codes = (d: typeof draft) => d.problems.map((p) => p.code);
      expect(codes(without)).toContain("missing-image");
      expect(codes(draft)).not.toContain("missing-image");
      expect(codes(draft)).not.toContain("vector-placeholder");
      // Icons are inlined: the HTML holds each supplied SVG's drawing, as Figma exported it.
      const page = draftCode(exports, { ...react, target: "html" }, { images, svgs }).files.find(
        (f) => f.path === "index.html",
      )!.content;
      // Pages are printed as the format pass prints them: a tag read whole, its self-closing slash unspaced.
      const whole = (html: string) => tagsOnOneLine(html).replace(/\s*\/>/g, "/>");
      for (const svg of Object.values(svgs)) expect(whole(page)).toContain(whole(svg.split("\n")[1]!));
      expect(
        whole(draftCode(exports, { ...react, target: "html" }).files.find((f) => f.path === "index.html")!.content),
      ).not.toContain(whole(Object.values(svgs)[0]!.split("\n")[1]!));
    },
  );

  it("throws on unusable input, as loadDesign does (the worker's answer then says it in full)", () => {
    expect(() => draftCode([{ id: "1:1", json: { hello: "world" } }], react)).toThrow();
    expect(() => draftCode([], react)).toThrow();
  });

  it("times itself with the clock it is given", async () => {
    const exports = await exportsOf("figmasharp-login.file.json", ["101:3"]);
    let t = 0;
    expect(draftCode(exports, react, {}, () => (t += 7)).ms).toBe(7);
  });
});
