import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { DesignNode } from "../design/types.js";
import { loadDesign } from "../load.js";
import { REPO_ROOT } from "../../test/helpers/fixtures.js";
import { inferFrame, inferLayout } from "./index.js";
import { linkLike, linksIn, markNavs, navCandidates } from "./nav.js";

const fixture = (dir: string, file: string, id: string): DesignNode => {
  const json = JSON.parse(readFileSync(join(REPO_ROOT, "test", "fixtures", dir, file), "utf8")) as unknown;
  return inferLayout(loadDesign(json, [id]).document).frames[0]!;
};
const strip = (n: DesignNode): unknown =>
  JSON.parse(JSON.stringify(n, (k, v: unknown) => (k === "nav" ? undefined : v)));
const chars = (n: DesignNode): string[] => (n.text ? [n.text.chars] : (n.children ?? []).flatMap(chars));

const text = (id: string, chars: string, w: number, size = 16, extra: Partial<DesignNode> = {}): DesignNode => ({
  id,
  name: id,
  kind: "text",
  w,
  h: 24,
  sizeH: "hug",
  sizeV: "hug",
  text: {
    chars,
    style: { family: "Inter", size, weight: 400, lineHeight: 24 },
    resize: "width",
    alignH: "left",
    alignV: "top",
  },
  ...extra,
});
const row = (
  id: string,
  children: DesignNode[],
  w: number,
  h: number,
  extra: Partial<DesignNode> = {},
): DesignNode => ({
  id,
  name: id,
  kind: "frame",
  w,
  h,
  sizeH: "hug",
  sizeV: "hug",
  layout: { dir: "row", gap: 32, padding: [0, 0, 0, 0], justify: "start", align: "center" },
  children,
  ...extra,
});
const logo = (): DesignNode => ({
  id: "logo",
  name: "Logo",
  kind: "vector",
  w: 84,
  h: 36,
  sizeH: "fixed",
  sizeV: "fixed",
});
/** A page drawn with auto layout: a bar (padding 80) holding a logo, five links and a button, over a section. */
function page(bar: DesignNode, below: DesignNode[] = []): DesignNode {
  return {
    id: "1:1",
    name: "Home",
    kind: "frame",
    w: 1440,
    h: 900,
    layout: { dir: "column", gap: 0, padding: [0, 0, 0, 0], justify: "start", align: "start" },
    children: [bar, ...below],
  };
}
const links = (): DesignNode =>
  row(
    "links",
    ["About Us", "Bestsellers", "Bouquets", "Feedback", "Contacts"].map((c, i) =>
      text(`l${i}`, c, [66, 79, 68, 69, 65][i]!),
    ),
    475,
    24,
  );
const cta = (): DesignNode => ({
  ...row("cta", [text("cta-label", "Explore Bouquets", 126)], 166, 40, {
    fills: [{ kind: "solid", color: "#c0f000" }],
  }),
  layout: { dir: "row", gap: 8, padding: [8, 20, 8, 20], justify: "center", align: "center" },
});
function bar(): DesignNode {
  const inner = row(
    "bar-row",
    [
      { ...row("brand", [logo()], 371, 36), sizeH: "fill" },
      links(),
      { ...row("actions", [cta()], 371, 40), sizeH: "fill" },
    ],
    1280,
    40,
    { sizeH: "fill" },
  );
  return {
    id: "bar",
    name: "Header",
    kind: "frame",
    w: 1440,
    h: 72,
    sizeH: "fill",
    sizeV: "fixed",
    layout: { dir: "column", gap: 0, padding: [0, 80, 0, 80], justify: "center", align: "center" },
    children: [inner],
  };
}

describe("navigation bars: what is one", () => {
  it("a link is a short one-line text, or a small box around one (with icons or a marker beside it)", () => {
    expect(linkLike(text("a", "About us", 66))).toBe(true);
    expect(linkLike(text("a", "A sentence far too long to be a link in a bar", 300))).toBe(false);
    expect(linkLike(text("a", "Two\nlines", 66))).toBe(false);
    expect(linkLike(text("a", "Huge", 80, 48))).toBe(false);
    const withIcon = row(
      "item",
      [{ id: "i", name: "icon", kind: "vector", w: 20, h: 20 }, text("t", "Search", 47)],
      75,
      20,
    );
    expect(linkLike(withIcon)).toBe(true);
    const card = row("card", [text("t1", "Title", 100), text("t2", "Body", 100)], 240, 90);
    expect(linkLike(card)).toBe(false);
    // A component set's variants side by side are not links.
    expect(linkLike({ ...withIcon, kind: "component" })).toBe(false);
  });

  it(
    "marks a bar drawn with auto layout: its row, the run " + "of links and what follows them, the bar's box above it",
    () => {
      const [nav] = navCandidates(page(bar()));
      expect(nav?.row.id).toBe("bar-row");
      expect(nav?.bar.id).toBe("bar");
      expect(nav?.mark).toMatchObject({ from: 1, to: 3, up: 1 });
      // The width the bar needs: padding 160 + logo 84 + links 475 + button 166 + two gaps of 32 = 949, with room to
      // spare.
      expect(nav?.mark.below).toBe(Math.ceil(949 * 1.04 + 8));
    },
  );

  it(
    "is not a row of cards, a pair of buttons, a strip of " + "tabs narrower than the page, nor a row low on the page",
    () => {
      const card = (i: number): DesignNode => ({
        ...row(
          `card${i}`,
          [text(`h${i}`, "Card title", 200, 24), text(`p${i}`, "A line of text under it", 200)],
          300,
          90,
        ),
        layout: { dir: "column", gap: 8, padding: [16, 16, 16, 16], justify: "start", align: "start" },
      });
      expect(navCandidates(page(row("cards", [card(1), card(2), card(3), card(4)], 1400, 90)))).toEqual([]);
      const button = (i: number): DesignNode => ({ ...cta(), id: `b${i}` });
      expect(navCandidates(page(row("buttons", [logo(), button(1), button(2)], 1400, 72)))).toEqual([]);
      const tabs = row(
        "tabs",
        ["01", "02", "03", "04", "05"].map((c, i) => text(`t${i}`, c, 42)),
        354,
        24,
      );
      expect(navCandidates(page(row("strip", [tabs], 400, 24)))).toEqual([]);
      const above = [1, 2, 3, 4, 5].map((i) => text(`p${i}`, `Paragraph ${i}`, 200));
      expect(navCandidates({ ...page(bar()), children: [...above, bar()] })).toEqual([]);
    },
  );

  it("leaves the tree as it was but for the marks, and marks it again the same way", () => {
    const frame = page(bar());
    const marked = markNavs(frame);
    expect(strip(marked)).toEqual(strip(frame));
    expect(marked.children![0]!.children![0]!.nav).toBeDefined();
    expect(frame.children![0]!.children![0]!.nav).toBeUndefined();
    expect(markNavs(marked)).toEqual(marked);
    // Inference keeps the bar's marks — the page's wide padding giving way on narrower screens (gutters.ts) lets the
    // links fit a little narrower — and is idempotent (it adds the designer's layouts' fitBelow: reflow.ts).
    const inferred = inferFrame(marked);
    const [nav, drawn] = [inferred.children![0]!.children![0]!.nav!, marked.children![0]!.children![0]!.nav!];
    expect({ ...nav, below: 0 }).toEqual({ ...drawn, below: 0 });
    expect(nav.below).toBeLessThanOrEqual(drawn.below);
    expect(inferFrame(inferred)).toEqual(inferred);
  });
});

describe("navigation bars in the real files and the corpus", () => {
  it("Flora (auto layout): the links and the button go into the menu below about 1000 px; the logo stays", () => {
    const [nav] = navCandidates(fixture("real", "flora.file.json", "8203:59903"));
    expect(nav?.row.name).toBe("Container");
    expect(nav?.bar.name.trim()).toBe("Navbar");
    expect(nav!.row.children!.slice(nav!.mark.from, nav!.mark.to).map((c) => c.name)).toEqual(["Column", "Actions"]);
    expect(nav?.mark.below).toBeGreaterThan(768);
    expect(nav?.mark.below).toBeLessThan(1100);
  });

  it("Psykolog Jenny (absolute): the inferred row of five links, with the picture after them kept in the bar", () => {
    const [nav] = navCandidates(fixture("real", "psykolog-jenny.file.json", "35:34"));
    const run = nav!.row.children!.slice(nav!.mark.from, nav!.mark.to);
    expect(run.flatMap(chars)).toEqual(["Hem", "Blogg", "Videor", "Tjänster", "Om mig"]);
    expect(nav!.row.children!.slice(nav!.mark.to).map((c) => c.name)).toEqual(["image"]);
    expect(nav?.mark.below).toBeGreaterThan(768);
  });

  it("TnT (a row of link instances beside a logo): one bar per page, the copy drawn under it left alone", () => {
    for (const id of ["40:110", "67:73", "111:121"]) {
      const found = navCandidates(fixture("real", "tnt-website.file.json", id));
      expect(found, id).toHaveLength(1);
      expect(
        found[0]!.row.children!.slice(found[0]!.mark.from, found[0]!.mark.to).flatMap(linksIn).length,
        id,
      ).toBeGreaterThanOrEqual(4);
    }
  });

  it("the corpus pages' navs: a text logo stays, the links go", () => {
    const nav = navCandidates(fixture("corpus", "sb-modern-business.nodes.json", "110:0"))[0]!;
    expect(nav.row.children!.slice(0, nav.mark.from).flatMap(chars)).toEqual(["Start Bootstrap"]);
    expect(nav.row.children!.slice(nav.mark.from, nav.mark.to).flatMap(chars)).toEqual([
      "Home",
      "About",
      "Contact",
      "Pricing",
      "FAQ",
      "Blog",
      "Portfolio",
    ]);
    // It fits a tablet: the menu only on phones.
    expect(nav.mark.below).toBeGreaterThan(390);
    expect(nav.mark.below).toBeLessThan(768);
  });

  it("none in a phone frame, a component set of markers, token swatches, or a slideshow's tabs", () => {
    expect(navCandidates(fixture("real", "flora.file.json", "8238:18962"))).toEqual([]);
    expect(navCandidates(fixture("real", "tixup-marker.nodes.json", "37552:6706"))).toEqual([]);
    expect(navCandidates(fixture("figma", "figmagic-design-system.file.json", "3214:734"))).toEqual([]);
    expect(navCandidates(fixture("corpus", "flat-vincegx-home-slideshow.nodes.json", "124:21142"))).toEqual([]);
  });
});
