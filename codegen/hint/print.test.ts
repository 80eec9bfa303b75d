import { describe, expect, it } from "vitest";
import type { DesignDocument, DesignNode } from "../design/types";
import { parseHint } from "./parse";
import { IdCompressor, instanceBase, nameIsBare, printHint } from "./print";
import { loadDesign } from "../load";

describe("IdCompressor", () => {
  it("prints session reuse as :N and instance layers as ~inner, and parses back", () => {
    const sequence: [string, string | undefined, string][] = [
      ["1:2", undefined, "1:2"],
      ["1:3", undefined, ":3"],
      ["2:1", undefined, "2:1"],
      ["I10:1;5:2", "10:1", "~5:2"],
      ["I10:1;5:3", "10:1", "~:3"],
      ["5:9", "10:1", ":9"],
      ["I10:1;5:9;6:1", "I10:1;5:9", "~6:1"],
      ["I10:1;5:9;6:2", "I10:1;5:9", "~:2"],
      ["I10:1;5:9;6:2", undefined, "I10:1;5:9;6:2"],
      ["abc", undefined, "abc"],
      ["6:3", undefined, ":3"],
    ];
    const printer = new IdCompressor();
    expect(sequence.map(([id, inst]) => printer.print(id, inst))).toEqual(sequence.map(([, , printed]) => printed));
    const parser = new IdCompressor();
    expect(sequence.map(([, inst, printed]) => parser.parse(printed, inst))).toEqual(sequence.map(([id]) => id));
  });

  it("instanceBase strips the I of a nested instance id", () => {
    expect(instanceBase("I10:1;5:9")).toBe("10:1;5:9");
    expect(instanceBase("10:1")).toBe("10:1");
  });
});

describe("nameIsBare", () => {
  it.each([
    ["Login", true],
    ["Élan", true],
    ["two words", false],
    ["12px", false],
    ["a:b", false],
    ["@home", false],
    ['say"hi"', false],
  ])("%j → %s", (name, bare) => {
    expect(nameIsBare(name)).toBe(bare);
  });
});

const layoutCol = {
  dir: "column" as const,
  gap: 16,
  padding: [24, 16, 24, 16] as [number, number, number, number],
  justify: "start" as const,
  align: "center" as const,
};

function button(id: string): DesignNode {
  return {
    id,
    name: "",
    kind: "rect",
    w: 343,
    h: 48,
    sizeH: "fill",
    sizeV: "fixed",
    fills: [{ kind: "solid", color: "#00aa77" }],
    radius: 8,
  };
}

const doc: DesignDocument = {
  frames: [
    {
      id: "1:1",
      name: "Login",
      kind: "frame",
      w: 375,
      h: 667,
      clip: true,
      layout: layoutCol,
      fills: [{ kind: "solid", color: "#ffffff" }],
      children: [
        button("1:2"),
        button("1:3"),
        {
          id: "1:4",
          name: "Sign in",
          kind: "text",
          w: 100,
          h: 24,
          sizeH: "hug",
          sizeV: "hug",
          text: {
            chars: "Sign in",
            style: { family: "Inter", size: 16, weight: 600, color: "#ffffff" },
            resize: "width",
            alignH: "left",
            alignV: "top",
          },
        },
      ],
    },
  ],
  assets: {},
};

describe("printHint", () => {
  it("prints compactly: defaults dropped, repeated groups as $n, ids shortened", () => {
    expect(printHint(doc)).toBe(
      [
        "figment-hint 2",
        "$1 f:#0a7 r:8",
        "F 1:1 Login 375x667 col g:16 p:24,16 a:c W:- H:- f:#fff clip",
        " R :2 343x48 W:fill $1",
        " R :3 343x48 W:fill $1",
        ' T :4 100x24 W:hug H:hug ff:Inter fs:16 fw:600 c:#fff rs:w "Sign in"',
        "",
      ].join("\n"),
    );
  });

  it("round-trips through parseHint", () => {
    expect(parseHint(printHint(doc)).document).toEqual(doc);
  });

  it("uses no $n group for a group printed once", () => {
    const single: DesignDocument = { frames: [{ ...doc.frames[0]!, children: [button("1:2")] }], assets: {} };
    const text = printHint(single);
    expect(text).not.toContain("$");
    expect(text).toBe(
      "figment-hint 2\nF 1:1 Login 375x667 col g:16 p:24,16 a:c W:- H:- f:#fff clip\n R :2 343x48 W:fill f:#0a7 r:8\n",
    );
  });

  it("drops default layout values and marks clipped layers, frames too", () => {
    const plain: DesignDocument = {
      frames: [
        {
          id: "1:1",
          name: "Box",
          kind: "frame",
          w: 10,
          h: 10,
          layout: { dir: "row", gap: 0, padding: [0, 0, 0, 0], justify: "start", align: "start" },
        },
      ],
      assets: {},
    };
    expect(printHint(plain)).toBe("figment-hint 2\nF 1:1 Box 10x10 row W:- H:-\n");
    expect(parseHint(printHint(plain)).document).toEqual(plain);
  });

  it("prints positions, quoted names, instances, svg assets and text runs", () => {
    const rich: DesignDocument = {
      frames: [
        {
          id: "1:1",
          name: "Home page",
          kind: "frame",
          w: 400,
          h: 300,
          clip: true,
          children: [
            { id: "1:2", name: "", kind: "rect", x: 0, y: 0, w: 10, h: 10 },
            {
              id: "3:1",
              name: "Button",
              kind: "instance",
              x: 20,
              y: 30,
              w: 80,
              h: 32,
              component: { id: "9:1", name: "Button/Primary" },
              children: [
                { id: "I3:1;9:2", name: "search", kind: "vector", w: 16, h: 16, x: 4, y: 8, asset: "search.svg" },
              ],
            },
            {
              id: "1:3",
              name: "Body",
              kind: "text",
              x: 5,
              y: 50,
              w: 200,
              h: 40,
              text: {
                chars: 'Say "hi"\nnow',
                style: { family: "Open Sans", size: 14, weight: 400, lineHeight: 20 },
                runs: [{ start: 0, end: 3, style: { weight: 700, decoration: "underline" } }],
                resize: "height",
                alignH: "center",
                alignV: "top",
              },
            },
          ],
        },
      ],
      assets: { "search.svg": { kind: "svg", name: "search.svg" } },
    };
    const text = printHint(rich);
    expect(text.split("\n")).toEqual([
      "figment-hint 2",
      'F 1:1 "Home page" 400x300 clip',
      " R :2 @ 10x10",
      " I 3:1 Button @20,30 80x32 cmp:9:1 cn:Button/Primary",
      "  V ~9:2 search @4,8 16x16 svg",
      ' T 1:3 Body @5,50 200x40 ff:"Open Sans" fs:14 fw:400 lh:20 rs:h ta:c run:0-3|fw=700|td=u "Say \\"hi\\"\\nnow"',
      "",
    ]);
    const parsed = parseHint(text).document;
    expect(parsed.frames).toEqual(rich.frames);
    // The SVG's payload is not in the hint: a stand-in box of the same size takes its place.
    expect(parsed.assets).toEqual({
      "search.svg": {
        kind: "svg",
        name: "search.svg",
        svg: expect.stringContaining('viewBox="0 0 16 16"'),
        placeholder: true,
      },
    });
  });

  it("prints a long text that several layers show once, as &n, and short ones inline", () => {
    const long = "Sign up to get the newsletter";
    const text = (id: string, chars: string, name = chars): DesignNode => ({
      id,
      name,
      kind: "text",
      w: 100,
      h: 20,
      text: { chars, style: { family: "Inter", size: 12, weight: 400 }, resize: "none", alignH: "left", alignV: "top" },
    });
    const doc: DesignDocument = {
      frames: [
        {
          id: "1:1",
          name: "A",
          kind: "frame",
          w: 200,
          h: 100,
          clip: true,
          children: [text("1:2", long), text("1:3", long, "Caption"), text("1:4", "OK"), text("1:5", "OK")],
        },
      ],
      assets: {},
    };
    const printed = printHint(doc);
    expect(printed.split("\n")).toEqual([
      "figment-hint 2",
      "$1 ff:Inter fs:12 fw:400",
      `&1 "${long}"`,
      "F 1:1 A 200x100 clip",
      " T :2 100x20 $1 &1",
      " T :3 Caption 100x20 $1 &1",
      ' T :4 100x20 $1 "OK"',
      ' T :5 100x20 $1 "OK"',
      "",
    ]);
    expect(parseHint(printed).document).toEqual(doc);
  });
});

describe("what a version 2 hint leaves to a layer's context", () => {
  const row = { dir: "row" as const, gap: 0, padding: [0, 0, 0, 0] as [number, number, number, number] };
  const flex = { ...row, justify: "start" as const, align: "start" as const, fitBelow: 400 };
  const menu = "Navigation menu / Item";
  const icon = (id: string, asset: string): DesignNode => ({
    id,
    name: menu,
    kind: "vector",
    w: 12,
    h: 12,
    sizeH: "fixed",
    sizeV: "fixed",
    asset,
  });
  const doc: DesignDocument = {
    frames: [
      {
        id: "1:1",
        name: "Page",
        kind: "frame",
        w: 400,
        h: 100,
        layout: flex,
        sizeH: "fixed",
        sizeV: "hug",
        children: [
          icon("1:2", "navigation-menu-item.svg"),
          icon("1:3", "navigation-menu-item-2.svg"),
          { id: "1:4", name: "Box", kind: "frame", w: 10, h: 10, clip: true, absolute: true },
          {
            id: "1:5",
            name: "Fade",
            kind: "rect",
            w: 10,
            h: 10,
            fills: [{ kind: "gradient", css: "linear-gradient(90deg, rgba(0, 0, 0, 0) 0%, #fff 100%)" }],
          },
        ],
      },
    ],
    assets: {},
  };

  it("prints fixed sizing, the frame's width, clipping, repeated names and numbered SVGs short", () => {
    expect(printHint(doc).split("\n")).toEqual([
      "figment-hint 2",
      `&1 "${menu}"`,
      "F 1:1 Page 400x100 row fb H:hug",
      " V :2 &1 12x12 svg",
      " V :3 &1 12x12 svg-2",
      " F :4 Box 10x10 abs clip",
      ' R :5 Fade 10x10 W:- H:- f:"linear-gradient(90deg,rgba(0,0,0,0) 0%,#fff 100%)"',
      "",
    ]);
    expect(parseHint(printHint(doc)).document.frames).toEqual(doc.frames);
  });

  it("prints an instance of the component the last instance of its name had as `cmp` alone", () => {
    const instance = (id: string, component: string): DesignNode => ({
      id,
      name: "Button",
      kind: "instance",
      w: 10,
      h: 10,
      component: { id: component, name: "Button" },
    });
    const buttons: DesignDocument = {
      frames: [
        {
          id: "1:1",
          name: "Row",
          kind: "frame",
          w: 40,
          h: 10,
          children: [instance("1:2", "9:1"), instance("1:3", "9:1"), instance("1:4", "9:2"), instance("1:5", "9:2")],
        },
      ],
      assets: {},
    };
    const printed = printHint(buttons);
    expect(printed.split("\n").slice(2, 6)).toEqual([
      " I :2 Button 10x10 cmp:9:1",
      " I :3 Button 10x10 cmp",
      " I :4 Button 10x10 cmp:9:2",
      " I :5 Button 10x10 cmp",
    ]);
    expect(parseHint(printed).document.frames).toEqual(buttons.frames);
    expect(() => parseHint("figment-hint 2\nI 1:2 Button 10x10 cmp")).toThrow(
      /line 2: cmp without an earlier "Button"/,
    );
  });

  it("reads a version 1 hint as before: frames clip unless noclip, sizing only where printed", () => {
    const v1 = ["figment-hint 1", "F 1:1 Page 400x100 row fb:400", " R :2 12x12 f:#000", " F :3 Box 10x10 noclip"];
    const [page] = parseHint(v1.join("\n")).document.frames;
    expect(page).toMatchObject({ clip: true, layout: { fitBelow: 400 } });
    expect(page!.sizeH).toBeUndefined();
    expect(page!.children![0]!.sizeH).toBeUndefined();
    expect(page!.children![1]!.clip).toBeUndefined();
  });
});

describe("an unnamed text", () => {
  it("comes back unnamed, not named after its characters (found by property 3's random trees)", () => {
    const design = loadDesign({
      nodes: {
        "1:1": {
          document: {
            id: "1:1",
            name: "",
            type: "FRAME",
            absoluteBoundingBox: { x: 0, y: 0, width: 375, height: 20 },
            children: [
              {
                id: "1:2",
                name: "",
                type: "TEXT",
                absoluteBoundingBox: { x: 0, y: 0, width: 10, height: 20 },
                characters: "!",
                style: {},
                fills: [],
              },
            ],
          },
        },
      },
    });
    const parsed = parseHint(printHint(design.document)).document;
    expect(parsed.frames[0]!.children![0]!.name).toBe("");
  });
});
