import { describe, expect, it } from "vitest";
import { belowDecls } from "../emit/responsive.js";
import type { DesignNode } from "../design/types.js";
import { stackBelow } from "./fallback.js";
import { layerRoles } from "./roles.js";
import { find, frame, picture, rect, text } from "../../test/helpers/layout-nodes.js";

/** The wrapper fallback.ts made around the backdrop `id`. */
const wrapperOf = (node: DesignNode, id: string): DesignNode | undefined =>
  node.children?.some((c) => c.id === id) && node.backdrop
    ? node
    : (node.children ?? []).map((c) => wrapperOf(c, id)).find((c) => c !== undefined);

describe("a backdrop stays behind its content when the layers stack (issue 69)", () => {
  // A page drawn as layers: a hero photo with its heading, text and button on it, a paragraph below, a dark footer
  // band with its links.
  const page = () =>
    frame(1440, 1400, [
      text("logo", 40, 20, 120, 30),
      picture("photo", 0, 80, 1440, 700),
      text("heading", 120, 300, 700, 60),
      text("subtitle", 120, 380, 600, 40),
      rect("button", 120, 460, 200, 48, { fills: [{ kind: "solid", color: "#ffffff" }] }),
      text("paragraph", 120, 860, 900, 80),
      rect("footer", 0, 1100, 1440, 300),
      text("links", 120, 1200, 400, 24),
      text("copyright", 120, 1300, 300, 24),
    ]);

  it("wraps each backdrop with the layers drawn on it; the backdrop is the wrapper's background", () => {
    const out = stackBelow(page(), 1440);
    const hero = wrapperOf(out, "photo")!;
    expect(hero).toMatchObject({ backdrop: true, absolute: true, x: 0, y: 80, w: 1440, h: 700, stackBelow: 1440 });
    expect(hero.children!.map((c) => c.id)).toEqual(["photo", "heading", "subtitle", "button"]);
    expect(find(hero, "photo")!.stack!.role).toBe("background");
    expect(["heading", "subtitle", "button"].map((id) => find(hero, id)!.stack!.role)).toEqual([
      "item",
      "item",
      "item",
    ]);
    const footer = wrapperOf(out, "footer")!;
    expect(footer.children!.map((c) => c.id)).toEqual(["footer", "links", "copyright"]);
    // The paragraph below the photo, and the logo above it, are the page's.
    expect(out.children!.map((c) => c.id || c.name)).toEqual(["logo", "photo", "paragraph", "footer"]);
  });

  it("keeps every layer's drawn place at the design width (the wrapper at the backdrop's box)", () => {
    const out = stackBelow(page(), 1440);
    const hero = wrapperOf(out, "photo")!;
    expect(find(hero, "photo")).toMatchObject({ x: 0, y: 0, constraintH: "left-right", constraintV: "top-bottom" });
    expect(find(hero, "heading")).toMatchObject({ x: 120, y: 220 });
    expect(find(hero, "button")).toMatchObject({ x: 120, y: 380 });
  });

  it("reads the page in its drawn order: the hero's wrapper where the photo is, after the logo", () => {
    const out = stackBelow(page(), 1440);
    const order = (n: DesignNode) => n.stack!.order;
    const [logo, hero, paragraph, footer] = out.children!;
    expect(order(logo!)).toBeLessThan(order(hero!));
    expect(order(hero!)).toBeLessThan(order(paragraph!));
    expect(order(paragraph!)).toBeLessThan(order(footer!));
  });

  it("leaves a shape with nothing drawn on it, and a layer drawn before the box it lies in, as they were", () => {
    const out = stackBelow(
      frame(1440, 900, [
        text("caption", 140, 140, 300, 40),
        rect("box", 100, 100, 600, 300),
        rect("empty", 800, 100, 400, 300),
        text("beside", 800, 500, 300, 40),
      ]),
      1440,
    );
    expect(out.children!.map((c) => c.id)).toEqual(["caption", "box", "empty", "beside"]);
    expect(out.children!.some((c) => c.backdrop)).toBe(false);
  });

  it("nests: a card's shape on a band is a backdrop of its own inside the band's wrapper", () => {
    const out = stackBelow(
      frame(1440, 900, [
        rect("band", 0, 100, 1440, 600),
        rect("card", 100, 200, 500, 300, { fills: [{ kind: "solid", color: "#ffffff" }] }),
        text("card title", 140, 240, 300, 40),
        text("band title", 800, 200, 400, 40),
      ]),
      1440,
    );
    const band = wrapperOf(out, "band")!;
    const card = wrapperOf(band, "card")!;
    expect(card.children!.map((c) => c.id)).toEqual(["card", "card title"]);
    expect(find(card, "card")!.stack!.role).toBe("background");
    expect(band.children!.filter((c) => c.id === "band title")).toHaveLength(1);
  });
});

describe("a card's picture over most of it is no background of a label drawn below it (issue 69)", () => {
  it("stacks the picture and the label one after the other; a label on the picture keeps it behind", () => {
    const card = (labelY: number) =>
      stackBelow(frame(400, 454, [picture("image", 0, 0, 400, 400), text("label", 172, labelY, 57, 30)]), 400);
    expect(find(card(424), "image")!.stack!.role).toBe("item");
    expect(find(card(424), "label")!.stack!.order).toBeGreaterThan(find(card(424), "image")!.stack!.order);
    // Partly on it (its lower part past the picture's edge, as fitma's "Bottoms" is drawn): on it.
    expect(find(card(380), "image")!.stack!.role).toBe("background");
  });
});

describe("a text tilted a few degrees flows with the rest (the stacking property's fitma Order Summary)", () => {
  it("is an item of the flow; a text turned further, or a shape, keeps its place", () => {
    const own = { x: 0, y: 0, w: 1440, h: 900 };
    const roles = layerRoles(
      [
        { ...text("tilted", 100, 100, 300, 40), rotation: -1 },
        { ...text("turned", 100, 300, 300, 40), rotation: 30 },
        { ...rect("shape", 600, 100, 300, 300), rotation: 2 },
        { ...text("upside down", 100, 500, 300, 40), rotation: 179 },
      ],
      own,
    );
    expect([0, 1, 2, 3].map((i) => roles.get(i))).toEqual([undefined, "rotated", "rotated", undefined]);
  });
});

describe("labels keep their place in reading order when layers stack (issue 69)", () => {
  it("a label drawn beside its paragraph, though lower, precedes it; rows still go top to bottom", () => {
    const out = stackBelow(
      frame(1440, 900, [
        text("paragraph", 600, 100, 700, 300),
        text("Our Story", 100, 200, 300, 40),
        text("below", 100, 600, 600, 40),
      ]),
      1440,
    );
    const order = (id: string) => find(out, id)!.stack!.order;
    expect(order("Our Story")).toBeLessThan(order("paragraph"));
    expect(order("paragraph")).toBeLessThan(order("below"));
  });
});

describe("a backdrop's wrapper below the design width (emit/responsive.ts)", () => {
  it("keeps its drawn proportion as a least height, takes gutters, its photo covering it", () => {
    const out = stackBelow(
      frame(1440, 1000, [
        picture("photo", 0, 0, 1440, 720),
        text("heading", 120, 300, 700, 60),
        text("x", 0, 900, 10, 10),
      ]),
      1440,
    );
    const hero = wrapperOf(out, "photo")!;
    const below = (n: DesignNode, parent?: DesignNode) =>
      Object.fromEntries(belowDecls(n, "all", parent).flatMap(([, d]) => d));
    expect(below(hero, out)).toMatchObject({ "min-height": "50vw", padding: "24px 16px", position: "relative" });
    expect(below(find(hero, "photo")!, hero)).toMatchObject({
      "background-size": "cover",
      "background-position": "center",
      height: "100%",
    });
  });
});
