import { describe, expect, it } from "vitest";
import type { Asset, DesignDocument, DesignNode, ImagePaint, Paint } from "../design/types";
import { generateCode } from "../index";
import { maskDecls, maskPlan, maskRanges, svgOutline, translatePath, unpaintedMask } from "./mask";

const urls = { cssUrl: (key: string) => `assets/${key}` };
const photo = (id: string, x = -10, y = -10): DesignNode => ({
  id,
  name: "Photo",
  kind: "rect",
  x,
  y,
  w: 120,
  h: 120,
  fills: [{ kind: "image", asset: "photo.png", fit: "cover" }],
});
const group = (children: DesignNode[], extra: Partial<DesignNode> = {}): DesignNode => ({
  id: "1:1",
  name: "Avatar",
  kind: "group",
  x: 20,
  y: 30,
  w: 100,
  h: 100,
  children,
  ...extra,
});
const ellipse: DesignNode = {
  id: "1:2",
  name: "Circle",
  kind: "ellipse",
  x: 0,
  y: 0,
  w: 100,
  h: 100,
  mask: true,
  fills: [{ kind: "solid", color: "#000000" }],
};
const STAR_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40" viewBox="0 0 40 40" fill="none" ' +
  'overflow="visible"><path d="M20 0L40 40H0Z" fill="#000000" fill-rule="evenodd"/></svg>';
const assets: Record<string, Asset> = {
  "star.svg": { kind: "svg", name: "star.svg", svg: STAR_SVG },
  "photo.png": { kind: "image", name: "photo.png", imageRef: "p" },
  "fade.png": { kind: "image", name: "fade.png", imageRef: "f", width: 200, height: 100, bytes: new Uint8Array(8) },
  "brush.png": { kind: "image", name: "brush.png", imageRef: "b", bytes: new Uint8Array(8) },
  "missing.png": { kind: "image", name: "missing.png", imageRef: "m", width: 40, height: 40 },
};
const star: DesignNode = {
  id: "1:5",
  name: "Star",
  kind: "vector",
  x: 30,
  y: 10,
  w: 40,
  h: 40,
  mask: true,
  asset: "star.svg",
  fills: [{ kind: "solid", color: "#000000" }],
};

describe("translatePath", () => {
  it("moves absolute coordinates, keeps relative ones (but a path's first m), and the arc's radii and flags", () => {
    expect(translatePath("M0 0L10 10H20V5C1 2 3 4 5 6Z", 5, 7)).toBe("M 5 7 L 15 17 H 25 V 12 C 6 9 8 11 10 13 Z");
    expect(translatePath("m1 1 2 2l3 3z", 10, 10)).toBe("m 11 11 2 2 l 3 3 z");
    expect(translatePath("M0,0A5,5,0,0,1,10,0", 1, 2)).toBe("M 1 2 A 5 5 0 0 1 11 2");
    expect(translatePath("M0 0L1", 0, 0)).toBeUndefined();
    expect(translatePath("M0 0 X 1", 0, 0)).toBeUndefined();
  });
});

describe("svgOutline", () => {
  it("reads the paths of an SVG drawn in a viewBox of its own size, and nothing placed otherwise", () => {
    expect(svgOutline(STAR_SVG, 40, 40)).toEqual({ d: "M20 0L40 40H0Z", rule: "evenodd" });
    expect(svgOutline(STAR_SVG, 80, 40)).toBeUndefined();
    expect(svgOutline(STAR_SVG.replace("<path ", '<path transform="rotate(4)" '), 40, 40)).toBeUndefined();
    expect(svgOutline(STAR_SVG.replace("<path ", '<ellipse cx="1"/><path '), 40, 40)).toBeUndefined();
  });
});

describe("maskRanges", () => {
  it("a mask masks the siblings above it, up to the next mask or the end", () => {
    const second = { ...ellipse, id: "1:4" };
    const parent = group([photo("1:0"), ellipse, photo("1:3"), second, photo("1:6"), photo("1:7")]);
    expect(maskRanges(parent).map((r) => [r.mask.id, r.at, r.to])).toEqual([
      ["1:2", 1, 3],
      ["1:4", 3, 6],
    ]);
  });
});

describe("maskDecls", () => {
  it("an ellipse, a rounded rectangle and a vector's outline clip at the mask's place in its parent", () => {
    expect(maskDecls(group([ellipse]), ellipse, urls, assets)?.decls).toEqual([
      ["clip-path", "ellipse(50% 50% at 50% 50%)"],
    ]);
    const rect: DesignNode = { ...ellipse, kind: "rect", x: 10, w: 80, radius: [8, 8, 0, 0] };
    expect(maskDecls(group([rect]), rect, urls, assets)?.decls).toEqual([
      ["clip-path", "inset(0 10% 0 10% round 8px 8px 0 0)"],
    ]);
    expect(maskDecls(group([star]), star, urls, assets)).toEqual({
      decls: [["clip-path", 'path(evenodd, "M 50 10 L 70 50 H 30 Z")']],
      exact: true,
    });
  });

  it("a vector whose outline is not known clips as its box, said not exact", () => {
    const blob: DesignNode = { ...star, asset: undefined as unknown as string };
    delete (blob as { asset?: string }).asset;
    expect(maskDecls(group([blob]), blob, urls, assets)).toEqual({
      decls: [["clip-path", "inset(10% 30% 50% 30%)"]],
      exact: false,
    });
  });

  it("an image, a gradient or a see-through colour masks by its alpha; a luminance mask by its brightness", () => {
    const faded: DesignNode = {
      ...ellipse,
      kind: "rect",
      x: 0,
      y: 0,
      w: 100,
      h: 50,
      fills: [{ kind: "image", asset: "fade.png", fit: "cover" }],
    };
    const fadeLayer = "url(assets/fade.png) 0 0 / 100px 50px no-repeat";
    expect(maskDecls(group([faded]), faded, urls, assets)?.decls).toEqual([
      ["clip-path", "inset(0 0 50% 0)"],
      ["-webkit-mask", fadeLayer],
      ["mask", fadeLayer],
    ]);
    const gradient: DesignNode = {
      ...faded,
      fills: [{ kind: "gradient", css: "linear-gradient(180deg, #000000 0%, rgba(0, 0, 0, 0) 100%)" }],
      opacity: 0.5,
    };
    const gradientLayer = "linear-gradient(180deg, #000000 0%, rgba(0, 0, 0, 0) 100%) 0 0 / 100px 50px no-repeat";
    expect(maskDecls(group([gradient]), gradient, urls, assets)?.decls).toEqual([
      ["clip-path", "inset(0 0 50% 0)"],
      ["-webkit-mask", gradientLayer],
      ["mask", gradientLayer],
      ["opacity", "0.5"],
    ]);
    const luminance: DesignNode = { ...faded, maskType: "luminance", fills: [{ kind: "solid", color: "#808080" }] };
    const greyLayer = "linear-gradient(#808080, #808080) 0 0 / 100px 50px no-repeat";
    expect(maskDecls(group([luminance]), luminance, urls, assets)?.decls).toEqual([
      ["clip-path", "inset(0 0 50% 0)"],
      ["-webkit-mask", greyLayer],
      ["mask", `${greyLayer} luminance`],
    ]);
    // By its outline: the image does not count.
    expect(maskDecls(group([faded]), { ...faded, maskType: "vector" }, urls, assets)?.decls).toEqual([
      ["clip-path", "inset(0 0 50% 0)"],
    ]);
  });

  it("a picture mask over its whole group is placed by its scale mode, as the picture is (no size needed)", () => {
    const brush = (fill: Paint, maskType?: DesignNode["maskType"]): DesignNode => ({
      id: "1:2",
      name: "Brush",
      kind: "rect",
      x: 0,
      y: 0,
      w: 100,
      h: 100,
      mask: true,
      fills: [fill],
      ...(maskType ? { maskType } : {}),
    });
    const layerOf = (fill: Paint, maskType?: DesignNode["maskType"]): string | undefined => {
      const mask = brush(fill, maskType);
      const decls = maskDecls(group([mask]), mask, urls, assets)?.decls ?? [];
      const layer = decls.find(([p]) => p === "-webkit-mask")?.[1];
      expect(decls.find(([p]) => p === "mask")?.[1]).toBe(layer);
      return layer;
    };
    const image = (fit: ImagePaint["fit"], more: Partial<ImagePaint> = {}): ImagePaint => ({
      kind: "image",
      asset: "brush.png",
      fit,
      ...more,
    });
    expect(layerOf(image("cover"))).toBe("url(assets/brush.png) center / cover no-repeat");
    expect(layerOf(image("contain"))).toBe("url(assets/brush.png) center / contain no-repeat");
    expect(layerOf(image("fill"))).toBe("url(assets/brush.png) center / 100% 100% no-repeat");
    expect(layerOf(image("tile", { tileSize: [20, 10] }))).toBe("url(assets/brush.png) left top / 20px 10px repeat");
    expect(layerOf(image("crop", { crop: [0.25, 0, 0.5, 1] }))).toBe(
      "url(assets/brush.png) 50% 0 / 200% 100% no-repeat",
    );
    expect(layerOf({ kind: "gradient", css: "linear-gradient(#000, #0000)" })).toBe("linear-gradient(#000, #0000)");
    const mask = brush(image("cover"), "luminance");
    expect(maskDecls(group([mask]), mask, urls, assets)?.decls).toEqual([
      ["clip-path", "inset(0 0 0 0)"],
      ["-webkit-mask", "url(assets/brush.png) center / cover no-repeat"],
      ["mask", "url(assets/brush.png) center / cover no-repeat luminance"],
    ]);
  });

  it("a picture without its bytes masks as the mask's outline, and says so", async () => {
    const placeholder: DesignNode = {
      ...ellipse,
      kind: "rect",
      radius: 12,
      fills: [{ kind: "image", asset: "missing.png", fit: "cover" }],
    };
    expect(maskDecls(group([placeholder]), placeholder, urls, assets)).toEqual({
      decls: [["clip-path", "inset(0 0 0 0 round 12px)"]],
      exact: true,
      pictureMissing: true,
    });
    const parent = group([placeholder, photo("1:3")]);
    expect(maskPlan(parent, urls, assets, false).lost.map((l) => [l.mask.id, l.why])).toEqual([["1:2", "picture"]]);
    const screen: DesignNode = { id: "1:0", name: "Screen", kind: "frame", w: 300, h: 300, children: [parent] };
    const { problems } = await generateCode(
      { frames: [screen], assets },
      { target: "html", styling: "css-modules", nodeIds: false },
    );
    expect(problems.filter((p) => p.code === "mask")).toEqual([
      {
        severity: "info",
        code: "mask",
        message: 'mask "Circle" masks as its outline, not with its picture: the picture has no bytes (a placeholder)',
        nodeId: "1:2",
      },
    ]);
  });

  it("a mask the first item of an auto layout sits where the layout puts it; a rotated mask is not placed", () => {
    const flowMask: DesignNode = { id: "2:2", name: "Mask", kind: "ellipse", w: 24, h: 24, mask: true };
    const row: DesignNode = {
      id: "2:1",
      name: "Content",
      kind: "frame",
      w: 40,
      h: 40,
      layout: { dir: "row", gap: 0, padding: [4, 4, 4, 4], justify: "start", align: "center" },
      children: [flowMask, { ...photo("2:3", 0, 0), absolute: true }],
    };
    expect(maskDecls(row, flowMask, urls, assets)?.decls).toEqual([["clip-path", "ellipse(30% 30% at 40% 50%)"]]);
    expect(maskDecls(group([ellipse]), { ...ellipse, rotation: 30 }, urls, assets)).toBeUndefined();
  });
});

describe("maskPlan", () => {
  it("a group whose first layer is its only mask carries it; a mask above other layers wraps what it masks", () => {
    expect(maskPlan(group([ellipse, photo("1:3")]), urls, assets, false)).toEqual({
      own: [["clip-path", "ellipse(50% 50% at 50% 50%)"]],
      wrapped: [],
      lost: [],
    });
    const middle = maskPlan(group([photo("1:0"), ellipse, photo("1:3")]), urls, assets, false);
    expect(middle.own).toEqual([]);
    expect(middle.wrapped.map((w) => [w.range.at, w.range.to, w.decls])).toEqual([
      [
        1,
        3,
        [
          ["position", "absolute"],
          ["left", "0"],
          ["top", "0"],
          ["width", "100%"],
          ["height", "100%"],
          ["clip-path", "ellipse(50% 50% at 50% 50%)"],
        ],
      ],
    ]);
    // A frame's own fill is not masked: the mask's layers are wrapped.
    expect(
      maskPlan(
        group([ellipse, photo("1:3")], { kind: "frame", fills: [{ kind: "solid", color: "#ffffff" }] }),
        urls,
        assets,
        false,
      ).wrapped,
    ).toHaveLength(1);
  });

  it("layers in an auto layout's flow are not wrapped: the mask is reported lost", () => {
    const row: DesignNode = {
      id: "2:1",
      name: "Row",
      kind: "frame",
      w: 200,
      h: 40,
      layout: { dir: "row", gap: 0, padding: [0, 0, 0, 0], justify: "start", align: "start" },
      children: [photo("2:0"), { ...ellipse, absolute: true }, { ...photo("2:3"), x: undefined as unknown as number }],
    };
    expect(maskPlan(row, urls, assets, false).lost.map((l) => [l.mask.id, l.why])).toEqual([["1:2", "placed"]]);
  });
});

describe("unpaintedMask", () => {
  it("keeps the box and drops paint, outline SVG and text", () => {
    expect(unpaintedMask({ ...star, stroke: { color: "#000000", weight: 1, align: "inside" } })).toEqual({
      id: "1:5",
      name: "Star",
      kind: "rect",
      x: 30,
      y: 10,
      w: 40,
      h: 40,
      mask: true,
    });
  });
});

/** A screen with a photo under an ellipse mask in a group, and a photo half-covered by a star mask above a backdrop. */
function maskedScreen(): DesignDocument {
  const backdrop: DesignNode = {
    id: "3:1",
    name: "Backdrop",
    kind: "rect",
    x: 0,
    y: 0,
    w: 200,
    h: 200,
    fills: [{ kind: "solid", color: "#eeeeee" }],
  };
  const stars: DesignNode = {
    id: "3:2",
    name: "Stars",
    kind: "group",
    x: 0,
    y: 120,
    w: 200,
    h: 80,
    children: [backdrop, star, photo("3:3", 0, 0)],
  };
  const screen: DesignNode = {
    id: "1:0",
    name: "Screen",
    kind: "frame",
    w: 300,
    h: 300,
    children: [group([ellipse, photo("1:3")]), stars],
  };
  return { frames: [screen], assets };
}

describe("masks in each target", () => {
  const cases = [
    { target: "html", styling: "css-modules", sheet: "styles.css", markup: "index.html" },
    { target: "react", styling: "css-modules", sheet: "Screen.module.css", markup: "Screen.tsx" },
    { target: "react", styling: "tailwind", sheet: undefined, markup: "Screen.tsx" },
  ] as const;
  it.each(cases)(
    "$target + $styling: the group is clipped, the star's layers wrapped in its path, no mask painted",
    async ({ target, styling, sheet, markup }) => {
      const { files, problems } = await generateCode(maskedScreen(), { target, styling, nodeIds: true });
      const text = (end: string) => files.find((f) => f.path.endsWith(end))?.content ?? "";
      const all = files.map((f) => f.content).join("\n");
      expect(problems.filter((p) => p.code === "mask")).toEqual([]);
      if (sheet) {
        expect(text(sheet)).toContain("clip-path: ellipse(50% 50% at 50% 50%);");
        expect(text(sheet)).toContain('clip-path: path(evenodd, "M 50 10 L 70 50 H 30 Z");');
      } else {
        expect(text(markup)).toContain("[clip-path:ellipse(50%_50%_at_50%_50%)]");
        expect(text(markup)).toMatch(/\[clip-path:path\(evenodd,_?["']M_50_10_L_70_50_H_30_Z["']\)\]/);
      }
      // The star is not drawn as an SVG: the mask is never painted; the backdrop below it stays outside the wrapper.
      expect(all).not.toContain("M20 0L40 40H0Z");
      const page = text(markup);
      expect(page.indexOf('data-node-id="3:1"')).toBeLessThan(page.indexOf('data-node-id="1:5"'));
      // The empty mask, then the wrapper of what it masks.
      expect(page).toMatch(/data-node-id="1:5"[^>]*(?:\/>|><\/div>)\s*<div class(?:Name)?=/);
    },
  );
});
