import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatFiles } from "../../format/index.js";
import { emitFiles, loadDesign } from "../../index.js";
import { frame, picture, rect, text } from "../../../test/helpers/layout-nodes.js";
import { withDrawings } from "../../design/drawings.js";
import type { DesignDocument, DesignNode } from "../../design/types.js";
import { emitHtml } from "../html/emit.js";
import { pageFacts } from "./page.js";

const flex = (id: string, dir: "row" | "column", children: DesignNode[], w: number): DesignNode => ({
  id,
  name: id,
  kind: "frame",
  w,
  h: 400,
  layout: { dir, gap: 16, padding: [0, 0, 0, 0], justify: "start", align: "start" },
  children,
});

/** A hero drawn at 1440 (texts beside the photo, in a row) and at 375 (a column, a menu button above). */
function page(): DesignDocument {
  const desktop = frame(
    1440,
    400,
    [
      flex(
        "d-row",
        "row",
        [
          flex("d-texts", "column", [text("d-title", 0, 0, 600, 60, "Fresh flowers")], 600),
          picture("d-photo", 0, 0, 600, 400),
        ],
        1440,
      ),
    ],
    { layout: { dir: "column", gap: 0, padding: [0, 0, 0, 0], justify: "start", align: "start" } },
  );
  const phone = frame(
    375,
    800,
    [
      rect("p-menu", 0, 0, 24, 24, { name: "Menu" }),
      text("p-title", 0, 0, 343, 80, "Fresh flowers"),
      picture("p-photo", 0, 0, 375, 300),
    ],
    {
      id: "2:2",
      name: "Page Mobile",
      layout: { dir: "column", gap: 24, padding: [16, 16, 16, 16], justify: "start", align: "start" },
    },
  );
  return withDrawings({ frames: [phone, desktop], assets: {} }, [["1:1", "2:2"]]);
}

const ruleOf = (css: string, cls: string, media?: string): string => {
  const scope = media ? css.slice(css.indexOf(`@media ${media} {`)) : css;
  const at = scope.indexOf(`.${cls} {`);
  return at < 0 ? "" : scope.slice(at, scope.indexOf("}", at));
};

describe("one page from its drawings at several widths (issue 70)", () => {
  const doc = page();
  const emitted = emitHtml(doc, { nodeIds: true });
  const files = emitted.files;
  const html = files.find((f) => f.path === "index.html")!.content;
  const css = files.find((f) => f.path === "styles.css")!.content;
  const classOf = (id: string): string => {
    const m = new RegExp(`class="([^"]+)"[^>]*data-node-id="${id}"`).exec(html);
    if (!m) throw new Error(`no element for ${id}`);
    return m[1]!;
  };

  it("is one page: the widest frame's, with the other drawing's layers in it once", () => {
    expect(doc.frames.map((f) => f.id)).toEqual(["1:1"]);
    expect(files.filter((f) => f.path.endsWith(".html")).map((f) => f.path)).toEqual(["index.html"]);
    expect(html.match(/Fresh flowers/g)).toHaveLength(1);
    expect(html).toContain('data-node-ids="d-title p-title"');
    expect(html).toContain('data-node-ids="d-photo p-photo"');
    expect(pageFacts.get(doc.frames[0]!)).toEqual({ widths: [1440, 375], perDrawing: 0 });
    expect(emitted.problems.filter((p) => p.code === "responsive-page").map((p) => p.message)).toEqual([
      "one responsive page from 2 frames: Desktop 1440 (“Page”), Phone 375 (“Page Mobile”); mobile-first, its " +
        "rules switch at 1440 px (@media (min-width: …)); every layer drawn in more than one frame is one element",
    ]);
  });

  it("is mobile-first: the phone's rules, the desktop's from its drawn width up", () => {
    expect(css).toContain("@media (min-width: 1440px) {");
    expect(css).not.toContain("@media (min-width: 375px)");
    // The phone's menu button is not drawn on the desktop; the desktop's row is no box on the phone.
    expect(ruleOf(css, classOf("p-menu"), "(min-width: 1440px)")).toContain("display: none");
    expect(ruleOf(css, classOf("d-row"))).toContain("display: contents");
    expect(ruleOf(css, classOf("d-row"), "(min-width: 1440px)")).toContain("display: flex");
  });

  it("writes no layer ids in the page users keep", () => {
    const plain = emitHtml(doc, { nodeIds: false }).files.find((f) => f.path === "index.html")!.content;
    expect(plain).not.toContain("data-node-id");
    expect(plain.match(/Fresh flowers/g)).toHaveLength(1);
  });
});

describe("layers drawn in another order at another width", () => {
  it("are one element each, placed by flex order where the drawing's order is not the DOM's", () => {
    const desktop = frame(
      1440,
      400,
      [text("d-title", 0, 0, 600, 60, "Fresh flowers"), picture("d-photo", 0, 0, 600, 400)],
      {
        layout: { dir: "row", gap: 0, padding: [0, 0, 0, 0], justify: "start", align: "start" },
      },
    );
    const phone = frame(
      375,
      800,
      [picture("p-photo", 0, 0, 375, 300), text("p-title", 0, 0, 343, 80, "Fresh flowers")],
      {
        id: "2:2",
        layout: { dir: "column", gap: 24, padding: [16, 16, 16, 16], justify: "start", align: "start" },
      },
    );
    const doc = withDrawings({ frames: [desktop, phone], assets: {} }, [["1:1", "2:2"]]);
    const out = emitHtml(doc, { nodeIds: true }).files;
    const html = out.find((f) => f.path === "index.html")!.content;
    const css = out.find((f) => f.path === "styles.css")!.content;
    expect(html.match(/Fresh flowers/g)).toHaveLength(1);
    expect(html.match(/<img/g)).toHaveLength(1);
    // The desktop's order in the DOM; the phone's by `order`, undone from the desktop's width up.
    expect(html.indexOf("Fresh flowers")).toBeLessThan(html.indexOf("<img"));
    const photo = /class="([^"]+)"[^>]*data-node-id="d-photo"/.exec(html)![1]!;
    expect(ruleOf(css, photo)).toContain("order: 0");
    expect(ruleOf(css, photo, "(min-width: 1440px)")).toContain("order: revert");
    expect(pageFacts.get(doc.frames[0]!)!.perDrawing).toBe(0);
  });
});

describe("a real page drawn at three widths (flora's Home)", () => {
  it("prints its stylesheet as the format pass would (generateCode then skips it)", async () => {
    const json = JSON.parse(
      readFileSync(new URL("../../../test/fixtures/real/flora.file.json", import.meta.url), "utf8"),
    );
    const ids = ["8203:59903", "8238:1241", "8238:18962"];
    const doc = withDrawings(loadDesign(json, ids).document, [ids]);
    const emitted = emitFiles(doc, { target: "html", styling: "css-modules", nodeIds: false });
    const css = emitted.files.find((f) => f.path === "styles.css")!;
    expect(css.content).toContain("@media (min-width: 768px) {");
    expect(emitted.printed.get("styles.css")).toBe(css.content);
    expect((await formatFiles([css], "emitters")).files[0]!.content).toBe(css.content);
  });

  it("writes every picture its drawings use, the phone's own too", () => {
    const json = JSON.parse(
      readFileSync(new URL("../../../test/fixtures/real/fitma-shop.file.json", import.meta.url), "utf8"),
    );
    const ids = ["0:456", "0:710"];
    const doc = withDrawings(loadDesign(json, ids).document, [ids]);
    const files = emitFiles(doc, { target: "html", styling: "css-modules", nodeIds: false }).files;
    const written = new Set(files.map((f) => f.path));
    const text = files
      .filter((f) => !f.bytes)
      .map((f) => f.content)
      .join("\n");
    const used = new Set([...text.matchAll(/assets\/[\w.-]+/g)].map((m) => m[0]));
    expect(used.size).toBeGreaterThan(5);
    expect([...used].filter((path) => !written.has(path))).toEqual([]);
  });
});
