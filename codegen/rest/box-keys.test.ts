import { describe, expect, it } from "vitest";
import { readBoxKeys } from "./box-keys";
import { readReplyText } from "./reply-text";

const frame = (box: unknown, extra: Record<string, unknown> = {}) => ({
  id: "1:2",
  name: "Home",
  type: "FRAME",
  absoluteBoundingBox: box,
  children: [],
  ...extra,
});
const file = (...frames: unknown[]) => ({
  document: {
    id: "0:0",
    name: "Document",
    type: "DOCUMENT",
    children: [{ id: "0:1", name: "Page", type: "CANVAS", children: frames }],
  },
});

/** What `run` threw. */
function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
}

/** readBoxKeys on `json`: what it made of it and the notes. */
function read(json: unknown): { json: unknown; notes: string[] } {
  const notes: string[] = [];
  readBoxKeys(json, notes);
  return { json, notes };
}

describe("readBoxKeys: boxes and sizes with other keys than Figma's", () => {
  it("reads a C# client's PascalCase boxes and sizes as Figma's, with one note for the whole file", () => {
    const text = {
      id: "1:3",
      name: "Title",
      type: "TEXT",
      absoluteBoundingBox: { X: 10, Y: 20, Width: 100, Height: 24 },
      absoluteRenderBounds: { X: 10, Y: 21, Width: 98, Height: 22 },
      size: { X: 100, Y: 24 },
    };
    const { json, notes } = read(file(frame({ X: 0, Y: 0, Width: 1440, Height: 900 }, { children: [text] })));
    expect(json).toEqual(
      file(
        frame(
          { x: 0, y: 0, width: 1440, height: 900 },
          {
            children: [
              {
                ...text,
                absoluteBoundingBox: { x: 10, y: 20, width: 100, height: 24 },
                absoluteRenderBounds: { x: 10, y: 21, width: 98, height: 22 },
                size: { x: 100, y: 24 },
              },
            ],
          },
        ),
      ),
    );
    expect(notes).toEqual([
      `its bounding boxes and sizes use other keys than Figma's: "X" for "x", "Y" for ` +
        `"y", "Width" for "width", "Height" for "height" (read as Figma's, in 2 layers)`,
    ]);
  });

  it(
    "reads left/top, w/h, a width and height as a size, and " +
      "System.Drawing's extra members (Right, IsEmpty, Location) that agree",
    () => {
      const { json, notes } = read(
        file(
          frame({ left: 5, top: 6, w: 7, h: 8 }),
          {
            ...frame({
              X: 1,
              Y: 2,
              Width: 3,
              Height: 4,
              Left: 1,
              Top: 2,
              Right: 4,
              Bottom: 6,
              IsEmpty: false,
              Location: { X: 1, Y: 2 },
            }),
            id: "1:3",
          },
          { ...frame({ left: 10, top: 20, right: 110, bottom: 70 }), id: "1:4", size: { width: 100, height: 50 } },
        ),
      );
      const frames = (json as ReturnType<typeof file>).document.children[0]!.children as {
        absoluteBoundingBox: unknown;
        size?: unknown;
      }[];
      expect(frames.map((f) => f.absoluteBoundingBox)).toEqual([
        { x: 5, y: 6, width: 7, height: 8 },
        { x: 1, y: 2, width: 3, height: 4 },
        { x: 10, y: 20, width: 100, height: 50 },
      ]);
      expect(frames[2]!.size).toEqual({ x: 100, y: 50 });
      expect(notes).toHaveLength(1);
      for (const said of [
        `"left" for "x"`,
        `"top" for "y"`,
        `"right" − "left" for "width"`,
        `"bottom" − "top" for "height"`,
        `"width" for "x"`,
      ])
        expect(notes[0]).toContain(said);
      // Many spellings: the first eight are named.
      expect(notes[0]).toMatch(/, … \(read as Figma's, in 3 layers\)$/);
      expect(read(file(frame({ x: 1, y: 2, w: 3, h: 4 }))).notes).toEqual([
        `its bounding boxes and sizes use other keys than Figma's: "w" ` +
          `for "width", "h" for "height" (read as Figma's, in 1 layer)`,
      ]);
    },
  );

  it("leaves Figma's own keys alone, and says nothing: the same objects, no note", () => {
    const box = { x: 0, y: 0, width: 10, height: 10 };
    const json = file(frame(box, { size: { x: 10, y: 10 } }));
    const { notes } = read(json);
    expect(notes).toEqual([]);
    expect((json.document.children[0]!.children[0] as { absoluteBoundingBox: unknown }).absoluteBoundingBox).toBe(box);
  });

  it(
    "leaves a box whose values are no numbers, or that misses " +
      "one, to the readers (no box); only nodes' boxes are read",
    () => {
      const nan = { X: 0, Y: 0, Width: "NaN", Height: 10 };
      const { json } = read(file(frame(nan), { ...frame({ x: 0, y: 0, width: 5 }), id: "1:3" }));
      const frames = (json as ReturnType<typeof file>).document.children[0]!.children as {
        absoluteBoundingBox: unknown;
      }[];
      expect(frames.map((f) => f.absoluteBoundingBox)).toEqual([
        { x: 0, y: 0, width: "NaN", height: 10 },
        { x: 0, y: 0, width: 5 },
      ]);
      const notNode = { styles: { "1:1": { absoluteBoundingBox: { X: 1 } } } };
      expect(read(notNode)).toEqual({ json: { styles: { "1:1": { absoluteBoundingBox: { X: 1 } } } }, notes: [] });
    },
  );

  it("refuses, in one line naming the key expected, a box with two values for one key or a shape of its own", () => {
    const cases: [unknown, RegExp][] = [
      [
        { X: 0, left: 5, Y: 0, Width: 1, Height: 1 },
        new RegExp(
          String.raw`^not Figma JSON: the absoluteBoundingBox of "Home" \(1:2\) ` +
            `has "X": 0 and "left": 5, two values for Figma's "x"$`,
        ),
      ],
      [{ x: 0, X: 5, y: 0, Width: 1, Height: 1 }, /has "x": 0 and "X": 5, two values for Figma's "x"/],
      [{ X: 0, Y: 0, Width: 10, w: 12, Height: 1 }, /has "Width": 10 and "w": 12, two values for Figma's "width"/],
      [
        { X: 0, Y: 0, Size: { Width: 10, Height: 10 } },
        new RegExp(
          String.raw`^not Figma JSON: the absoluteBoundingBox of "Home" \(1:2\) has no "width" \(its ` +
            String.raw`keys are "X", "Y", "Size"\); expected Figma's "x", "y", "width", "height"$`,
        ),
      ],
    ];
    for (const [box, message] of cases) {
      expect(thrown(() => read(file(frame(box))))).toMatchObject({ name: "FigmentError", kind: "input" });
      expect(() => read(file(frame(box)))).toThrow(message);
    }
    expect(() => read(file(frame({ x: 0, y: 0, width: 1, height: 1 }, { size: { Dx: 1, Dy: 2 } })))).toThrow(
      /the size of "Home" \(1:2\) has no "x" \(its keys are "Dx", "Dy"\); expected Figma's "x", "y"/,
    );
  });

  it("names the file when given, before the layer", () => {
    const box = { X: 0, Y: 0, Size: { Width: 10, Height: 10 } };
    expect(() => readBoxKeys(file(frame(box)), [], "designs/home.json")).toThrow(
      /^not Figma JSON: designs\/home\.json: the absoluteBoundingBox of "Home" \(1:2\) has no "width"/,
    );
  });

  it("runs where design files are read (readReplyText), after a wrapper is taken off", () => {
    const read = readReplyText(JSON.stringify({ meta: file(frame({ X: 0, Y: 0, Width: 390, Height: 844 })) }));
    expect(read.notes).toEqual([
      'the reply is inside a wrapper (read the value of "meta")',
      expect.stringMatching(/^its bounding boxes and sizes use other keys than Figma's: "X" for "x"/),
    ]);
    expect(read.json).toEqual(file(frame({ x: 0, y: 0, width: 390, height: 844 })));
  });
});
