import { describe, expect, it } from "vitest";
import type { DesignNode } from "../design/types";
import { FIELD_BY_KEY, parseFieldToken, printField } from "./fields";
import { parseHint } from "./parse";
import { printHint } from "./print";
import { generateCode, loadDesign } from "../index";

const rect = (extra: Partial<DesignNode> = {}): DesignNode => ({
  id: "1:1",
  name: "",
  kind: "rect",
  w: 10,
  h: 10,
  ...extra,
});

function printed(node: DesignNode, key: string): string | undefined {
  return FIELD_BY_KEY.get(key)!.print(node);
}

describe("fields: print", () => {
  it("prints sides and corners as CSS shorthand", () => {
    const layout = { dir: "row" as const, gap: 0, justify: "start" as const, align: "start" as const };
    expect(printed(rect({ layout: { ...layout, padding: [8, 8, 8, 8] } }), "p")).toBe("8");
    expect(printed(rect({ layout: { ...layout, padding: [8, 16, 8, 16] } }), "p")).toBe("8,16");
    expect(printed(rect({ layout: { ...layout, padding: [1, 2, 3, 4] } }), "p")).toBe("1,2,3,4");
    expect(printed(rect({ layout: { ...layout, padding: [0, 0, 0, 0] } }), "p")).toBeUndefined();
    expect(printed(rect({ radius: [4, 4, 0, 0] }), "r")).toBe("4,4,0,0");
  });

  it("prints constraints as one token, defaults filled in", () => {
    expect(printed(rect({ constraintH: "right" }), "k")).toBe("rt");
    expect(printed(rect({ constraintV: "bottom" }), "k")).toBe("lb");
    expect(printed(rect({ constraintH: "left-right", constraintV: "top-bottom" }), "k")).toBe("lrtb");
    expect(printed(rect(), "k")).toBeUndefined();
  });

  it("prints paints, strokes and shadows", () => {
    const node = rect({
      fills: [
        { kind: "solid", color: "#ffffff" },
        { kind: "gradient", css: "linear-gradient(90deg, #ff0000 0%, #0000ff 100%)", blend: "multiply" },
        { kind: "image", asset: "a.png", fit: "contain", opacity: 0.5 },
      ],
      stroke: { color: "rgba(0, 0, 0, 0.5)", weight: [1, 0, 1, 0], align: "center", dashes: [4, 2] },
      effects: {
        shadows: [
          { kind: "drop", x: 0, y: 4, blur: 8, spread: 0, color: "#000000" },
          { kind: "inner", x: 1, y: 1, blur: 0, spread: 2, color: "#ffffff" },
        ],
      },
    });
    expect(printed(node, "f")).toBe(
      "#fff;linear-gradient(90deg, #ff0000 0%, #0000ff 100%)|multiply;img(a.png,contain,0.5)",
    );
    expect(printed(node, "s")).toBe("rgba(0,0,0,0.5),1/0/1/0,c,4/2");
    expect(printed(node, "sh")).toBe("0/4/8/0/#000;i1/1/0/2/#fff");
  });

  it("quotes values with spaces", () => {
    expect(printField(FIELD_BY_KEY.get("f")!, "linear-gradient(90deg, #f00 0%)")).toBe(
      'f:"linear-gradient(90deg, #f00 0%)"',
    );
    expect(printField(FIELD_BY_KEY.get("clip")!, "")).toBe("clip");
  });

  it("prints clip only where it is not the kind's default", () => {
    expect(printed(rect({ clip: true }), "clip")).toBe("");
    expect(printed({ ...rect(), kind: "frame", clip: true }, "clip")).toBeUndefined();
    expect(printed({ ...rect(), kind: "frame" }, "noclip")).toBe("");
  });
});

describe("fields: parse", () => {
  it("reads back what print wrote", () => {
    const node = rect();
    for (const token of [
      'f:"#fff;linear-gradient(90deg, #ff0000 0%, #0000ff 100%)|multiply;img(a.png,contain,0.5)"',
      "s:rgba(0,0,0,0.5),1/0/1/0,c,4/2",
      "sh:0/4/8/0/#000;i1/1/0/2/#fff",
      "k:rb",
      "r:4,8",
      "o:0.5",
    ]) {
      parseFieldToken(node, token);
    }
    expect(node).toEqual(
      rect({
        fills: [
          { kind: "solid", color: "#ffffff" },
          { kind: "gradient", css: "linear-gradient(90deg, #ff0000 0%, #0000ff 100%)", blend: "multiply" },
          { kind: "image", asset: "a.png", fit: "contain", opacity: 0.5 },
        ],
        stroke: { color: "rgba(0, 0, 0, 0.5)", weight: [1, 0, 1, 0], align: "center", dashes: [4, 2] },
        effects: {
          shadows: [
            { kind: "drop", x: 0, y: 4, blur: 8, spread: 0, color: "#000000" },
            { kind: "inner", x: 1, y: 1, blur: 0, spread: 2, color: "#ffffff" },
          ],
        },
        constraintH: "right",
        constraintV: "bottom",
        radius: [4, 8, 4, 8],
        opacity: 0.5,
      }),
    );
  });

  it("refuses unknown keys, codes and malformed values", () => {
    expect(() => parseFieldToken(rect(), "nope:1")).toThrow('unknown property "nope"');
    expect(() => parseFieldToken(rect(), "W:wide")).toThrow('unknown code "wide"');
    expect(() => parseFieldToken(rect(), "k:xy")).toThrow('bad constraints "xy"');
    expect(() => parseFieldToken(rect(), "s:#000")).toThrow('bad stroke "#000"');
    expect(() => parseFieldToken(rect(), "sh:1/2/3")).toThrow('bad shadow "1/2/3"');
    expect(() => parseFieldToken(rect(), "r:1,2,3")).toThrow('expected 1, 2 or 4 numbers, got "1,2,3"');
    expect(() => parseFieldToken(rect(), "fs:12")).toThrow("text property on a non-text node 1:1");
  });
});

describe("fields: layout inference's marks (issue 14)", () => {
  const layout = {
    dir: "row" as const,
    gap: 0,
    padding: [0, 0, 0, 0] as [number, number, number, number],
    justify: "start" as const,
    align: "start" as const,
  };
  const text = {
    chars: "Hi",
    style: { family: "Inter", size: 64, weight: 700 },
    resize: "height" as const,
    alignH: "left" as const,
    alignV: "top" as const,
  };

  it("prints an inferred flow, an item's place, a scaled box and fluid text compactly", () => {
    expect(printed(rect({ layout: { ...layout, inferred: { within: 1440 } } }), "inf")).toBe("1440");
    expect(printed(rect({ layout }), "inf")).toBeUndefined();
    expect(printed(rect({ flow: { before: 24 } }), "fi")).toBe("24");
    expect(printed(rect({ flow: { before: "auto" } }), "fi")).toBe("a");
    expect(printed(rect({ flow: { self: "center" } }), "fi")).toBe(",c");
    expect(printed(rect({ flow: { offset: 12 } }), "fi")).toBe(",,12");
    expect(printed(rect({ flow: { before: 8, self: "end", offset: 4 } }), "fi")).toBe("8,e,4");
    expect(printed(rect({ scaled: true }), "scl")).toBe("");
    expect(printed(rect({ kind: "text", text: { ...text, fluid: [38, 4.44] } }), "flu")).toBe("38,4.44");
  });

  it("parses them back to the same fields", () => {
    const back = (node: DesignNode, key: string): DesignNode => {
      const out: DesignNode = {
        ...rect(),
        ...(node.layout ? { layout: { ...layout } } : {}),
        ...(node.text ? { kind: "text", text: { ...text } } : {}),
      };
      parseFieldToken(out, printField(FIELD_BY_KEY.get(key)!, printed(node, key)!));
      return out;
    };
    for (const flow of [
      { before: 24 },
      { before: "auto" as const },
      { self: "center" as const },
      { offset: 12 },
      { before: 8, self: "end" as const, offset: 4 },
    ]) {
      expect(back(rect({ flow }), "fi").flow).toEqual(flow);
    }
    expect(back(rect({ layout: { ...layout, inferred: { within: 1440 } } }), "inf").layout?.inferred).toEqual({
      within: 1440,
    });
    expect(back(rect({ scaled: true }), "scl").scaled).toBe(true);
    expect(back(rect({ kind: "text", text: { ...text, fluid: [38, 4.44] } }), "flu").text?.fluid).toEqual([38, 4.44]);
    // Issue 22: a carousel row, a decoration hidden below a width, a frame growing below one; negative and
    // fractional spacing.
    expect(printed(rect({ layout: { ...layout, wrapBelow: 1440 } }), "wb")).toBe("1440");
    expect(back(rect({ layout: { ...layout, wrapBelow: 1440 } }), "wb").layout?.wrapBelow).toBe(1440);
    expect(back(rect({ hideBelow: 1040 }), "hb").hideBelow).toBe(1040);
    expect(back(rect({ growBelow: 800 }), "gb").growBelow).toBe(800);
    expect(back(rect({ flow: { before: -1.5, offset: 0.4 } }), "fi").flow).toEqual({ before: -1.5, offset: 0.4 });
    // Issue 37: a section kept as drawn, stacking below the design width; a text held on one line from it up.
    expect(back(rect({ stackBelow: 1440 }), "sb").stackBelow).toBe(1440);
    for (const stack of [
      { role: "item" as const, order: 3, below: 1440 },
      { role: "background" as const, order: 1, below: 1280 },
      { role: "hidden" as const, order: 12, below: 960 },
    ]) {
      expect(back(rect({ stack }), "st").stack).toEqual(stack);
    }
    expect(back(rect({ stackTop: true }), "stt").stackTop).toBe(true);
    expect(back(rect({ lineBelow: 1440 }), "lb").lineBelow).toBe(1440);
    // Issue 69: a backdrop with the layers on it; a picture beside a section's texts, and the picture filling it.
    expect(back(rect({ backdrop: true }), "bd").backdrop).toBe(true);
    for (const beside of [
      { below: 1440, first: false, w: 663, h: 669 },
      { below: 1280, first: true, w: 600, h: 400 },
    ]) {
      expect(back(rect({ beside }), "bs").beside).toEqual(beside);
    }
    expect(printed(rect({ beside: { below: 1440, first: false, w: 663, h: 669 } }), "bs")).toBe("a1440/663x669");
    expect(back(rect({ fillBelow: 1440 }), "flb").fillBelow).toBe(1440);
    // Issue 37: a navigation bar's row — its menu below 996 px holds children 1 and 2; the panel drops below the row's
    // parent.
    expect(printed(rect({ nav: { below: 996, from: 1, to: 3, up: 1 } }), "nav")).toBe("996,1,3,1");
    expect(back(rect({ nav: { below: 996, from: 1, to: 3, up: 1 } }), "nav").nav).toEqual({
      below: 996,
      from: 1,
      to: 3,
      up: 1,
    });
  });

  it("rejects malformed values", () => {
    expect(() => parseFieldToken(rect(), "fi:1,x")).toThrow(/unknown code "x"/);
    expect(() => parseFieldToken(rect(), "fi:1,c,2,3")).toThrow(/bad flow item/);
    expect(() => parseFieldToken(rect({ kind: "text", text }), "flu:38")).toThrow(/bad fluid size/);
    expect(() => parseFieldToken(rect(), "inf:1440")).toThrow(/before row\/col/);
    expect(() => parseFieldToken(rect(), "nav:996,1,3")).toThrow(/bad navigation bar/);
  });
});

describe("fields: masks", () => {
  it("prints a mask by its type (alpha, the default, bare) and parses it back to the same tree", () => {
    const mask = (maskType?: DesignNode["maskType"]): DesignNode => ({
      id: "1:2",
      name: "Mask",
      kind: "ellipse",
      x: 0,
      y: 0,
      w: 10,
      h: 10,
      mask: true,
      fills: [{ kind: "solid", color: "#000000" }],
      ...(maskType ? { maskType } : {}),
    });
    expect([
      printed(mask(), "mask"),
      printed(mask("vector"), "mask"),
      printed(mask("luminance"), "mask"),
      printed(rect(), "mask"),
    ]).toEqual(["", "v", "l", undefined]);
    for (const type of [undefined, "vector", "luminance"] as const) {
      const photo: DesignNode = {
        id: "1:3",
        name: "Photo",
        kind: "rect",
        x: -5,
        y: 0,
        w: 20,
        h: 10,
        fills: [{ kind: "image", asset: "photo.png", fit: "cover" }],
      };
      const group: DesignNode = {
        id: "1:1",
        name: "Avatar",
        kind: "group",
        w: 10,
        h: 10,
        children: [mask(type), photo],
      };
      const doc = {
        frames: [group],
        assets: { "photo.png": { kind: "image" as const, name: "photo.png", imageRef: "" } },
      };
      expect(parseHint(printHint(doc)).document.frames).toEqual([group]);
    }
    const parsed = rect();
    parseFieldToken(parsed, "mask:l");
    expect(parsed).toMatchObject({ mask: true, maskType: "luminance" });
    expect(() => parseFieldToken(rect(), "mask:x")).toThrow(/unknown code "x"/);
  });

  it("a picture mask prints as its picture and its type; its code from the hint is the JSON's", async () => {
    const box = (x: number, y: number) => ({ x, y, width: 100, height: 100 });
    const group = (id: string, maskType: string, x: number) => ({
      id: `${id}:1`,
      name: "Masked",
      type: "GROUP",
      absoluteBoundingBox: box(x, 0),
      children: [
        {
          id: `${id}:2`,
          name: "Brush",
          type: "RECTANGLE",
          isMask: true,
          maskType,
          absoluteBoundingBox: box(x, 0),
          fills: [{ type: "IMAGE", imageRef: "brush", scaleMode: "FIT" }],
        },
        {
          id: `${id}:3`,
          name: "Photo",
          type: "RECTANGLE",
          absoluteBoundingBox: box(x, 0),
          fills: [{ type: "IMAGE", imageRef: "photo", scaleMode: "FILL" }],
        },
      ],
    });
    const json = {
      document: {
        id: "1:1",
        name: "Screen",
        type: "FRAME",
        absoluteBoundingBox: { x: 0, y: 0, width: 240, height: 100 },
        children: [group("2", "ALPHA", 0), group("3", "LUMINANCE", 120)],
      },
    };
    // PNG signatures with an IHDR header: enough to be read as pictures of a size.
    const png = (w: number, h: number): Uint8Array => {
      const bytes = new Uint8Array(33);
      bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
      new DataView(bytes.buffer).setUint32(16, w);
      new DataView(bytes.buffer).setUint32(20, h);
      bytes.set([8, 6, 0, 0, 0], 24);
      return bytes;
    };
    const doc = loadDesign(json, [], { images: { brush: png(40, 20), photo: png(10, 10) } }).document;
    const hint = printHint(doc);
    expect(hint).toContain(" G 2:1 Masked @ 100x100\n  R :2 Brush @ 100x100 f:img(brush.png,contain) mask\n");
    expect(hint).toContain(" G 3:1 Masked @120,0 100x100\n  R :2 Brush @ 100x100 f:img(brush.png,contain) mask:l\n");
    const parsed = parseHint(hint).document;
    expect(parsed.frames).toEqual(doc.frames);
    const options = { target: "html", styling: "css-modules", nodeIds: true } as const;
    const fromJson = await generateCode(doc, options);
    const fromHint = await generateCode({ frames: parsed.frames, assets: doc.assets }, options);
    expect(fromHint.files.map((f) => f.content)).toEqual(fromJson.files.map((f) => f.content));
    const css = fromJson.files.find((f) => f.path === "styles.css")!.content;
    // The HTML page carries a mask's picture in its stylesheet (a file:// page never loads a mask image's file); the
    // formatter wraps the declaration where it likes.
    const declaration = (...words: string[]): RegExp =>
      new RegExp(["mask:", String.raw`url\("data:image/png;base64,[A-Za-z0-9+/=]+"\)`, ...words].join(String.raw`\s+`));
    expect(css).toMatch(declaration("center", "/", "contain", "no-repeat;"));
    expect(css).toMatch(declaration("center", "/", "contain", "no-repeat", "luminance;"));
  });
});

describe("fields: a text trimmed to its capitals (issue 49)", () => {
  it("prints `trim` and parses it back; its code from the hint is the JSON's", async () => {
    const style = { fontFamily: "Space Mono", fontWeight: 700, fontSize: 24, lineHeightUnit: "INTRINSIC_%" };
    const json = {
      document: {
        id: "1:1",
        name: "Nav",
        type: "FRAME",
        absoluteBoundingBox: { x: 0, y: 0, width: 300, height: 60 },
        children: [
          {
            id: "1:2",
            name: "Sign in",
            type: "TEXT",
            characters: "Sign in",
            absoluteBoundingBox: { x: 20, y: 20, width: 122, height: 17 },
            style: { ...style, leadingTrim: "CAP_HEIGHT", textAutoResize: "HEIGHT", textAlignVertical: "CENTER" },
          },
          {
            id: "1:3",
            name: "Blog",
            type: "TEXT",
            characters: "Blog",
            absoluteBoundingBox: { x: 200, y: 10, width: 59, height: 36 },
            style: { ...style, leadingTrim: "NONE" },
          },
        ],
      },
    };
    const doc = loadDesign(json, []).document;
    const hint = printHint(doc);
    // The two texts' font, shared (a group of its own, apart from colour and text layout).
    expect(hint).toContain('\n$1 ff:"Space Mono" fs:24 fw:700\n');
    expect(hint).toContain(' T :2 @20,20 122x17 $1 rs:h tv:c trim "Sign in"\n');
    expect(hint).toContain(' T :3 @200,10 59x36 $1 "Blog"\n');
    const parsed = parseHint(hint).document;
    expect(parsed.frames).toEqual(doc.frames);
    const options = { target: "html", styling: "css-modules", nodeIds: true } as const;
    const fromJson = await generateCode(doc, options);
    const fromHint = await generateCode({ frames: parsed.frames, assets: doc.assets }, options);
    expect(fromHint.files.map((f) => f.content)).toEqual(fromJson.files.map((f) => f.content));
    const css = fromJson.files.find((f) => f.path === "styles.css")!.content;
    expect(css.match(/text-box: trim-both cap alphabetic;/g)).toHaveLength(1);
  });
});
