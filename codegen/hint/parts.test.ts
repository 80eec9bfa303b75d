import { describe, expect, it } from "vitest";
import type { DesignDocument, DesignNode } from "../design/types";
import { parseHint } from "./parse";
import { printHint } from "./print";

const icon = (id: string, parts: DesignNode["parts"], extra: Partial<DesignNode> = {}): DesignNode => ({
  id,
  name: "",
  kind: "vector",
  w: 12,
  h: 9,
  x: 0,
  y: 0,
  asset: "vector.svg",
  parts,
  ...extra,
});

describe("icon parts in the hint", () => {
  it("prints boxes (colour only where it changes) and ids (runs of consecutive ids as +k)", () => {
    const doc: DesignDocument = {
      frames: [
        {
          id: "101:3",
          name: "Bar",
          kind: "frame",
          w: 100,
          h: 20,
          clip: true,
          children: [
            icon("101:22", [
              { id: "101:23", x: 0, y: 0, w: 12, h: 3.4, color: "#fcfcfc" },
              { id: "101:24", x: 2, y: 3, w: 8.1, h: 2.6, color: "#fcfcfc" },
              { id: "101:25", x: 3.9, y: 6, w: 4.1, h: 3 },
              { id: "101:30", x: 1, y: 1, w: 1, h: 1, color: "rgba(0, 0, 0, 0.5)" },
              { id: "101:31", x: 0, y: 0, w: 1, h: 1, color: "rgba(0, 0, 0, 0.5)" },
              { id: "101:32", x: 5, y: 0, w: 1, h: 1, color: "rgba(0, 0, 0, 0.5)" },
            ]),
          ],
        },
      ],
      assets: {},
    };
    const text = printHint(doc);
    expect(text.split("\n")[2]).toBe(
      " V :22 @ 12x9 pb:12x3.4/#fcfcfc;2,3,8.1x2.6;3.9,6,4.1x3/-;1,1,1x1/rgba(0,0,0,0.5);0,0;5,0 svg pi::23+2,:30+2",
    );
    expect(parseHint(text).document.frames).toEqual(doc.frames);
  });

  it(
    "shortens ids inside the icon's own instance (^) and " + "inside the enclosing one (~), and shares repeated boxes",
    () => {
      const parts = (prefix: string): DesignNode["parts"] => [
        { id: `${prefix}2710:6`, x: 0, y: 0, w: 12, h: 9, color: "#000000" },
        { id: `${prefix}2710:9`, x: 0, y: 4, w: 12, h: 1, color: "#000000" },
      ];
      const doc: DesignDocument = {
        frames: [
          {
            id: "1:1",
            name: "Card",
            kind: "instance",
            w: 100,
            h: 20,
            component: { id: "5:5", name: "Card" },
            children: [
              icon("4665:783", parts("I4665:783;")),
              icon("I1:1;5:7", parts("I1:1;"), { asset: "vector-2.svg" }),
            ],
          },
        ],
        assets: {},
      };
      const lines = printHint(doc).split("\n");
      expect(lines[1]).toBe("$1 pb:12x9/#000;0,4,12x1");
      expect(lines[3]).toBe(" V 4665:783 @ 12x9 $1 svg pi:^2710:6,^:9");
      expect(lines[4]).toBe(" V ~5:7 @ 12x9 $1 svg-2 pi:~2710:6,~:9");
      expect(parseHint(lines.join("\n")).document.frames).toEqual(doc.frames);
    },
  );

  it("gives code from the hint a stand-in SVG that draws each part with its layer id", () => {
    const text = ["figment-hint 1", "F 1:1 A 20x10", " V :2 @ 20x10 pb:10x10/#f00;10,5,10x1 svg pi::3+1"].join("\n");
    const { assets } = parseHint(text).document;
    const svg = assets["vector.svg"]!;
    expect(svg).toMatchObject({ kind: "svg", placeholder: true });
    expect(svg.kind === "svg" && svg.svg).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10" ' +
        'viewBox="0 0 20 10" fill="none" overflow="visible">' +
        '<rect data-node-id="1:3" width="10" height="10" fill="#ff0000"/><rect ' +
        'data-node-id="1:4" x="10" y="5" width="10" height="1" fill="#ff0000"/></svg>',
    );
  });

  it("rejects boxes without ids, ids without boxes, different counts and bad boxes, with the line", () => {
    const bad = (tokens: string) => () => parseHint(`figment-hint 1\nF 1:1 A 20x10\n V :2 20x10 ${tokens}`);
    expect(bad("pb:1x1")).toThrow("line 3: part boxes (pb) without part ids (pi)");
    expect(bad("pi::3")).toThrow("line 3: part ids (pi) without part boxes (pb)");
    expect(bad("pb:1x1;2x2 pi::3")).toThrow("line 3: 2 part boxes (pb) but 1 part ids (pi)");
    expect(bad("pb:1,1x1 pi::3")).toThrow('line 3: bad part box "1,1x1"');
    expect(bad("pb:1,1 pi::3")).toThrow('line 3: bad part box "1,1"');
    expect(bad("pb:1x1 pi:abc+2")).toThrow('line 3: part id run after "abc", which does not end in a number');
  });
});
