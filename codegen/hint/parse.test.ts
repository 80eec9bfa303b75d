import { describe, expect, it } from "vitest";
import { parseHint } from "./parse";

describe("parseHint", () => {
  it("expands $n groups, ~ instance ids and :N session ids, and registers assets", () => {
    const text = [
      "figment-hint 1",
      "$1 f:img(photo.png,cover,0.5) r:4",
      "F 1:1 Gallery 300x200 row g:8",
      ' I 2:1 @10,10 100x100 cmp:7:1 cn:"Card/Large"',
      "  R ~7:2 100x80 $1",
      "  V ~:3 arrow 16x16 svg",
      " R :5 100x100 $1",
      "",
    ].join("\n");
    const { document } = parseHint(text);
    const frame = document.frames[0]!;
    expect(frame).toMatchObject({
      id: "1:1",
      name: "Gallery",
      kind: "frame",
      w: 300,
      h: 200,
      clip: true,
      layout: { dir: "row", gap: 8 },
    });
    const [card, second] = frame.children!;
    expect(card).toMatchObject({ id: "2:1", name: "", x: 10, y: 10, component: { id: "7:1", name: "Card/Large" } });
    expect(card!.children!.map((c) => c.id)).toEqual(["I2:1;7:2", "I2:1;7:3"]);
    expect(card!.children![0]!.fills).toEqual([{ kind: "image", asset: "photo.png", fit: "cover", opacity: 0.5 }]);
    expect(card!.children![0]!.radius).toBe(4);
    expect(card!.children![1]!.asset).toBe("arrow.svg");
    // After 7:3 the session is 7, so ":5" is 7:5 — outside the instance, no ~.
    expect(second!.id).toBe("7:5");
    expect(document.assets).toEqual({
      "photo.png": { kind: "image", name: "photo.png", imageRef: "" },
      "arrow.svg": { kind: "svg", name: "arrow.svg", svg: expect.stringContaining("<rect"), placeholder: true },
    });
  });

  it("reads a text node's characters without a name as its name", () => {
    const node = parseHint('figment-hint 1\nT 1:1 10x10 ff:Inter fs:12 fw:400 "Hi there"\n').document.frames[0]!;
    expect(node.name).toBe("Hi there");
    expect(node.text).toEqual({
      chars: "Hi there",
      style: { family: "Inter", size: 12, weight: 400 },
      resize: "none",
      alignH: "left",
      alignV: "top",
    });
  });
});

describe("parseHint errors", () => {
  const bad = (text: string) => () => parseHint(text);

  it("carry line numbers", () => {
    expect(bad("hello\nF 1:1 A 10x10")).toThrow(/^line 1: not a Figment hint/);
    expect(bad("figment-hint 1\nF 1:1 A 10x10\n X 1:2 5x5")).toThrow('line 3: unknown node kind "X"');
    expect(bad("figment-hint 1\nF 1:1 A 10x10 zz:1")).toThrow('line 2: unknown property "zz"');
    expect(bad("figment-hint 1\n\nF 1:1 A 10x10 $4")).toThrow("line 3: undefined style group $4");
    expect(bad("figment-hint 1\nF 1:1 A 10x10\n   R 1:2 5x5")).toThrow("line 3: indentation jumps more than one level");
    expect(bad("figment-hint 1\n R 1:2 5x5")).toThrow("line 2: indented node without a parent");
    expect(bad("figment-hint 1\nF 1:1 A")).toThrow('line 2: expected WxH, got ""');
    expect(bad("figment-hint 1\nF 1:1 A 10x10 g:4")).toThrow("line 2: layout property before row/col on 1:1");
    expect(bad("figment-hint 1\nT 1:1 10x10 fs:12")).toThrow("line 2: text node without characters");
    expect(bad("figment-hint 1\nF 1:1 A 10x10 row g:abc")).toThrow('line 2: expected a number, got "abc"');
    expect(bad("figment-hint 1\nT 1:1 10x10 &2")).toThrow("line 2: undefined text &2");
    expect(bad('figment-hint 1\n&1 "a" "b"\nT 1:1 10x10 &1')).toThrow('line 2: expected &1 "text"');
  });

  it("are input errors", () => {
    expect(bad("figment-hint 1\nQ 1:1 A 1x1")).toThrow(
      expect.objectContaining({ name: "FigmentError", kind: "input" }),
    );
  });
});
