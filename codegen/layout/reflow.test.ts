import { describe, expect, it } from "vitest";
import type { DesignNode, FlexLayout } from "../design/types.js";
import { inferLayout } from "./index.js";
import { markReflow, READABLE, reflows } from "./reflow.js";
import { xyCut, type Cut } from "./xy-cut.js";

const layout = (dir: "row" | "column", gap: number, extra: Partial<FlexLayout> = {}): FlexLayout => ({
  dir,
  gap,
  padding: [0, 0, 0, 0],
  justify: "start",
  align: "start",
  ...extra,
});
const text = (
  id: string,
  w: number,
  h: number,
  chars = "A soft and radiant arrangement of peach and blush roses",
  resize: "height" | "width" = "height",
): DesignNode => ({
  id,
  name: id,
  kind: "text",
  w,
  h,
  sizeH: resize === "width" ? "hug" : "fill",
  sizeV: "hug",
  text: {
    chars,
    style: { family: "Roboto", size: 16, weight: 400, lineHeight: 24 },
    resize,
    alignH: "left",
    alignV: "top",
  },
});
const image = (id: string, w: number, h: number): DesignNode => ({
  id,
  name: id,
  kind: "rect",
  w,
  h,
  sizeH: "fill",
  sizeV: "fixed",
  fills: [{ kind: "image", asset: "a.png", fit: "cover" }],
});
/** A product card: picture, name, description (an auto layout column). */
const card = (id: string, w = 296, sizeH: DesignNode["sizeH"] = "fill"): DesignNode => ({
  id,
  name: "Product",
  kind: "frame",
  w,
  h: 440,
  sizeH,
  sizeV: "hug",
  layout: layout("column", 16),
  children: [image(`${id}i`, w, 296), text(`${id}t`, w, 27, "Peach Meadow"), text(`${id}p`, w, 63)],
});
const row = (
  id: string,
  children: DesignNode[],
  w = 1280,
  extra: Partial<FlexLayout> = {},
  name = "Row",
): DesignNode => ({
  id,
  name,
  kind: "frame",
  w,
  h: 440,
  sizeH: "fill",
  sizeV: "hug",
  layout: layout("row", 32, extra),
  children,
});
const page = (children: DesignNode[], name = "Home"): DesignNode => ({
  id: "1:1",
  name,
  kind: "frame",
  w: 1440,
  h: 2000,
  layout: { ...layout("column", 0), padding: [0, 80, 0, 80] },
  children,
});

describe("the designer's rows of cards reflow", () => {
  it("a row of four cards (auto layout, fill) wraps to fewer per line, each at least the readable width", () => {
    const grid = row("2:1", [card("a"), card("b"), card("c"), card("d")]);
    expect(reflows(grid)).toBe(true);
    const out = markReflow(page([grid]), 1440);
    expect(out.children![0]!.layout!.reflow).toBe(READABLE);
    // One line from the design width up (as drawn), wrapping below it.
    expect(out.children![0]!.layout!.wrapBelow).toBe(1440);
  });

  it(
    "a row of fixed cards that runs past its side (a carousel " +
      "the frame clips) keeps one line down to the design width",
    () => {
      const quotes = row(
        "2:1",
        ["a", "b", "c", "d", "e", "f"].map((id) => card(id, 405, "fixed")),
      );
      const out = markReflow(page([quotes]), 1440).children![0]!;
      expect(out.layout!.reflow).toBe(READABLE);
      expect(out.layout!.wrapBelow).toBe(1440);
    },
  );

  it(
    "a text beside a picture reflows; a button's row, icons, " +
      "a navigation's links and a row the designer wraps do not",
    () => {
      expect(reflows(row("2:1", [text("t", 600, 330), image("i", 600, 428)]))).toBe(true);
      const button: DesignNode = {
        ...row("2:2", [image("icon", 24, 24), text("label", 126, 24, "Explore Bouquets", "width")], 166),
        h: 40,
      };
      expect(reflows(button)).toBe(false);
      expect(reflows(row("2:3", [card("a"), card("b")], 1280, { wrap: true }))).toBe(false);
      const links = ["About Us", "Bestsellers", "Bouquets", "Feedback", "Contacts"].map((c, i) =>
        text(`l${i}`, 70, 24, c, "width"),
      );
      // A line of five links longer than a phone wraps ...
      expect(reflows(row("2:4", links, 475))).toBe(true);
      // ... unless it is a navigation's (by its name or an ancestor's) or spread apart.
      expect(
        markReflow(page([row("2:5", links, 475, {}, "Nav links")]), 1440).children![0]!.layout!.reflow,
      ).toBeUndefined();
      const navbar = page(
        [{ ...row("2:6", [card("a"), card("b")]), name: "Container" }].map((r) => ({ ...r })),
        "Home",
      );
      const inHeader: DesignNode = {
        ...navbar,
        children: [
          {
            id: "3:1",
            name: "Navbar ",
            kind: "frame",
            w: 1440,
            h: 72,
            layout: layout("column", 0),
            children: navbar.children,
          },
        ],
      };
      expect(markReflow(inHeader, 1440).children![0]!.children![0]!.layout!.reflow).toBeUndefined();
      expect(reflows(row("2:7", links, 900, { justify: "space-between" }))).toBe(false);
    },
  );

  it("a line of icons longer than a phone wraps; a short one (a few social links) stays", () => {
    const icons = (n: number) =>
      Array.from(
        { length: n },
        (_, i): DesignNode => ({
          id: `i${i}`,
          name: "Icon",
          kind: "vector",
          w: 24,
          h: 24,
          sizeH: "fixed",
          sizeV: "fixed",
        }),
      );
    expect(reflows({ ...row("2:1", icons(10), 600, { gap: 40 }), sizeH: "hug", h: 24 })).toBe(true);
    expect(reflows({ ...row("2:2", icons(4), 216, { gap: 40 }), sizeH: "hug", h: 24 })).toBe(false);
    // Links each beside an icon alike.
    const links = ["Link", "Link", "Link", "Link"].map((c, i) => text(`l${i}`, 30, 24, c, "width"));
    expect(
      reflows({
        ...row(
          "2:4",
          links.flatMap((l, i) => [l, icons(4)[i]!]),
          496,
          { gap: 40 },
        ),
        sizeH: "hug",
        h: 24,
      }),
    ).toBe(true);
    // Pictures are no icons: a row of 120-px logos is a row of blocks without text.
    expect(reflows(row("2:3", [image("a", 120, 120), image("b", 120, 120), image("c", 120, 120)], 600))).toBe(false);
  });

  it("is idempotent and leaves an inferred layout to the inference", () => {
    const once = markReflow(page([row("2:1", [card("a"), card("b"), card("c"), card("d")])]), 1440);
    expect(markReflow(once, 1440)).toBe(once);
    const inferred = row("2:2", [card("a"), card("b")], 1280, { inferred: { within: 1440 } });
    expect(reflows(inferred)).toBe(false);
  });

  it("inferLayout marks a wide screen's rows, never a phone's", () => {
    const wide = inferLayout({ frames: [page([row("2:1", [card("a"), card("b"), card("c"), card("d")])])], assets: {} })
      .frames[0]!;
    expect(wide.children![0]!.layout!.reflow).toBe(READABLE);
    const phone: DesignNode = { ...page([row("2:1", [card("a", 160), card("b", 160)], 343)]), w: 375 };
    expect(inferLayout({ frames: [phone], assets: {} }).frames[0]!.children![0]!.layout!.reflow).toBeUndefined();
  });
});

describe("an inferred grid beside a heading keeps each card whole", () => {
  const item = (index: number, x: number, y: number, w: number, h: number) => ({ index, box: { x, y, w, h } });
  /** Leaves of a cut in flow order, by index. */
  const leaves = (cut: Cut): number[][] => {
    if (cut.kind === "item") return [[cut.item.index]];
    if (cut.kind === "flow") return cut.parts.flatMap(leaves);
    return [];
  };
  /** The groups a cut's flows end in: each innermost flow's items. */
  const groups = (cut: Cut): number[][] => {
    if (cut.kind !== "flow") return [];
    if (cut.parts.every((p) => p.kind === "item"))
      return [cut.parts.map((p) => (p as Extract<Cut, { kind: "item" }>).item.index)];
    return cut.parts.flatMap(groups);
  };

  it(
    "a heading beside a 2×2 grid (Start Bootstrap modern-business): " +
      "heading, then each card's icon, title and text together",
    () => {
      // Heading 0; cards: icon, title, text at (532, 687) and (956, 687), then (532, 903) and (956, 903).
      const cardAt = (base: number, x: number, y: number) => [
        item(base, x, y, 48, 48),
        item(base + 1, x, y + 64, 136, 24),
        item(base + 2, x, y + 97, 376, 72),
      ];
      // Between the page's hero (13) and its next section (14), both across the page.
      const cut = xyCut([
        item(13, 0, 0, 1440, 591),
        item(0, 108, 687, 376, 77),
        ...cardAt(1, 532, 687),
        ...cardAt(4, 956, 687),
        ...cardAt(7, 532, 903),
        ...cardAt(10, 956, 903),
        item(14, 0, 1167, 1440, 384),
      ]);
      expect(cut.kind === "flow" && cut.dir).toBe("column");
      const block = cut.kind === "flow" ? cut.parts[1]! : cut;
      expect(block.kind === "flow" && block.dir).toBe("row");
      expect(groups(block)).toEqual([
        [1, 2, 3],
        [4, 5, 6],
        [7, 8, 9],
        [10, 11, 12],
      ]);
      expect(leaves(cut).flat()).toEqual([13, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14]);
    },
  );

  it("a row of cards over the next row of cards (a carousel, a grid) is not a side column", () => {
    const cards = [0, 1, 2].map((i) => item(i, 80 + i * 440, 100, 400, 289));
    const next = [0, 1, 2].map((i) => item(3 + i, 80 + i * 440, 430, 400, 289));
    const cut = xyCut([...cards, ...next]);
    expect(cut.kind === "flow" && cut.dir).toBe("column");
  });
});

describe("the designer's other auto layouts fit narrower screens (fitBelow)", () => {
  it(
    "marks every auto layout of the designer's but a navigation bar's (and its header's), " +
      "an inferred one's and those in a layer placed absolutely",
    () => {
      const column: DesignNode = {
        id: "2:1",
        name: "About",
        kind: "frame",
        w: 1296,
        h: 1370,
        sizeH: "hug",
        sizeV: "hug",
        layout: layout("column", 150),
        children: [text("t", 1193, 509)],
      };
      const nav: DesignNode = {
        ...row("2:2", [text("l1", 70, 24, "Home", "width"), text("l2", 70, 24, "Book", "width")], 400),
        name: "Navbar",
      };
      const layer: DesignNode = {
        ...row("2:3", [text("l3", 70, 24, "Home", "width")], 400),
        absolute: true,
        children: [{ ...row("2:4", [text("l4", 70, 24, "Home", "width")], 300) }],
      };
      const bar: DesignNode = { ...nav, id: "2:5", nav: { below: 600, from: 0, to: 1, up: 0 } };
      const header: DesignNode = { ...row("2:6", [bar], 1440), name: "Header" };
      const out = markReflow(page([column, bar, layer, header, nav]), 1440);
      expect(out.layout!.fitBelow).toBe(1440);
      expect(out.children![0]!.layout!.fitBelow).toBe(1440);
      // A bar nav.ts found is the menu's to rearrange, and so is the header that holds one ...
      expect(out.children![1]!.layout!.fitBelow).toBeUndefined();
      expect(out.children![3]!.layout!.fitBelow).toBeUndefined();
      expect(out.children![3]!.children![0]!.layout!.fitBelow).toBeUndefined();
      // ... a "Navbar" that is none (two links: Vaya's header of two icon buttons and "Book your stay") fits.
      expect(out.children![4]!.layout!.fitBelow).toBe(1440);
      expect(out.children![2]!.layout!.fitBelow).toBeUndefined();
      expect(out.children![2]!.children![0]!.layout!.fitBelow).toBeUndefined();
      expect(markReflow(out, 1440)).toBe(out);
      const inferred = { ...column, layout: layout("column", 0, { inferred: { within: 1440 } }) };
      expect(markReflow(inferred, 1440).layout!.fitBelow).toBeUndefined();
    },
  );

  it(
    "a large text of the designer's own layout scales with the " +
      "screen (exact at the design width), but not in a navigation bar",
    () => {
      const heading: DesignNode = {
        ...text("h", 870, 96, "Подключите бесплатно — пользуйтесь, когда понадобятся"),
        text: {
          ...text("h", 870, 96).text!,
          chars: "Подключите бесплатно — пользуйтесь, когда понадобятся",
          style: { family: "Inter", size: 42, weight: 600, lineHeight: 48 },
          maxLines: 4,
        },
      };
      const column: DesignNode = {
        id: "2:1",
        name: "Title",
        kind: "frame",
        w: 870,
        h: 160,
        sizeH: "fixed",
        sizeV: "hug",
        layout: layout("column", 0),
        children: [heading, text("p", 870, 24)],
      };
      const out = markReflow(page([column]), 1440).children![0]!;
      expect(out.children![0]!.text!.fluid).toEqual([25, 2.92]);
      expect(out.children![1]!.text!.fluid).toBeUndefined();
      const bar = { ...column, name: "Navbar", nav: { below: 600, from: 0, to: 1, up: 0 } };
      expect(markReflow(page([bar]), 1440).children![0]!.children![0]!.text!.fluid).toBeUndefined();
      const again = markReflow(page([column]), 1440);
      expect(markReflow(again, 1440)).toBe(again);
    },
  );

  it("a row of blocks that reflows is marked both ways", () => {
    const out = markReflow(page([row("2:1", [card("a"), card("b")])]), 1440).children![0]!;
    expect(out.layout).toMatchObject({ reflow: READABLE, wrapBelow: 1440, fitBelow: 1440 });
  });
});
