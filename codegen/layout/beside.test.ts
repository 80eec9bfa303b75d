import { describe, expect, it } from "vitest";
import type { DesignNode } from "../design/types.js";
import { belowDecls } from "../emit/responsive.js";
import { markBeside } from "./beside.js";
import { find, picture, rect, text } from "../../test/helpers/layout-nodes.js";

/** A designer's split hero (a row): texts on the left in the flow, a picture placed absolutely in `layer`. */
function hero(layer: DesignNode, texts: DesignNode[] = [text("heading", 80, 200, 600, 60)], left = 80): DesignNode {
  const content: DesignNode = {
    id: "content",
    name: "content",
    kind: "frame",
    w: left + 680,
    h: 669,
    layout: { dir: "column", gap: 24, padding: [200, 80, 200, left], justify: "start", align: "start" },
    children: texts.map((t) => ({ ...t, x: undefined, y: undefined })),
  };
  return {
    id: "1:1",
    name: "Page",
    kind: "frame",
    w: 1440,
    h: 669,
    layout: { dir: "row", gap: 0, padding: [0, 0, 0, 0], justify: "start", align: "center" },
    children: [layer, content],
  };
}

/** A background component across the section with its photo on the right half. */
const background = (photo: DesignNode): DesignNode => ({
  ...rect("bg", 0, 0, 1440, 669, { kind: "instance", fills: [{ kind: "solid", color: "#ffffff" }] }),
  absolute: true,
  children: [{ ...photo, constraintH: "scale", constraintV: "center" }],
});

describe("a picture beside a section's texts joins the flow below the design width (issue 69)", () => {
  it("marks the layer holding it (after the texts: drawn on their right) and the picture to fill it", () => {
    const out = markBeside(hero(background(picture("photo", 777, 0, 663, 669))), 1440);
    expect(find(out, "bg")!.beside).toEqual({ below: 1440, first: false, w: 663, h: 669 });
    expect(find(out, "photo")!.fillBelow).toBe(1440);
    const decls = (n: DesignNode, parent?: DesignNode) =>
      Object.fromEntries(belowDecls(n, "all", parent).flatMap(([, d]) => d));
    expect(decls(find(out, "bg")!, out)).toMatchObject({ position: "relative", order: "99", width: "100%" });
    expect(decls(find(out, "bg")!, out)["aspect-ratio"]).toBe("663 / 669");
    expect(decls(find(out, "photo")!, find(out, "bg"))).toMatchObject({ width: "100%", height: "100%" });
    expect(decls(out)).toMatchObject({ "flex-wrap": "wrap" });
  });

  it("a picture drawn on the texts' left comes before them; one placed by itself is marked itself", () => {
    const out = markBeside(
      hero({ ...picture("photo", 0, 0, 600, 669), absolute: true }, [text("heading", 700, 200, 600, 60)], 700),
      1440,
    );
    expect(find(out, "photo")!.beside).toMatchObject({ first: true });
    expect(find(out, "photo")!.fillBelow).toBeUndefined();
  });

  it("leaves a picture under the texts (a backdrop), a small one (an icon) and one above them alone", () => {
    const under = markBeside(hero(background(picture("photo", 0, 0, 1440, 669))), 1440);
    const small = markBeside(hero(background(picture("photo", 1300, 300, 100, 100))), 1440);
    const above = markBeside(
      hero(background(picture("photo", 800, 0, 600, 150)), [text("heading", 80, 300, 600, 60)]),
      1440,
    );
    for (const out of [under, small, above]) expect(find(out, "bg")!.beside).toBeUndefined();
  });
});
