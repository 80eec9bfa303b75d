/**
 * The design diff: each kind of change on small hand-made REST replies, the noise it must not report (sub-pixel
 * drift, a text layer's name following its text, instances renamed with their component, the same change in every
 * instance of a component), and real successive versions of one designer's file (test/fixtures/diff/SOURCES.md).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  changeLine,
  changeSummary,
  type DesignChange,
  designFacts,
  diffDesigns,
  readDesignFacts,
  sourceLayer,
} from "./design-diff.js";
import { REPO_ROOT } from "../../test/helpers/fixtures.js";

interface Node {
  id: string;
  name: string;
  type: string;
  absoluteBoundingBox?: { x: number; y: number; width: number; height: number };
  children?: Node[];
  [field: string]: unknown;
}

const box = (x: number, y: number, width: number, height: number) => ({
  absoluteBoundingBox: { x, y, width, height },
});
const solid = (r: number, g: number, b: number, a = 1) => [{ type: "SOLID", color: { r, g, b, a } }];
const text = (id: string, characters: string, name = characters, at = box(20, 20, 100, 20)): Node => ({
  id,
  name,
  type: "TEXT",
  characters,
  ...at,
  fills: solid(0, 0, 0),
});

/** A file reply with one page holding `frames`, and `components` by id. */
function file(frames: Node[], components: Record<string, string> = {}): unknown {
  return {
    name: "Test",
    document: {
      id: "0:0",
      name: "Document",
      type: "DOCUMENT",
      children: [{ id: "0:1", name: "Page", type: "CANVAS", children: frames }],
    },
    components: Object.fromEntries(Object.entries(components).map(([id, name]) => [id, { key: id, name }])),
  };
}

/** The frame `1:1` of the tests: a title, a button (a rectangle and its label) and a card at 0,0 on the page. */
function page(edit: (nodes: Record<string, Node>) => void = () => {}): Node {
  const nodes: Record<string, Node> = {
    title: text("1:2", "Welcome"),
    button: { id: "1:3", name: "Button", type: "FRAME", ...box(20, 60, 120, 40), fills: solid(0.2, 0.4, 1) },
    label: text("1:4", "Buy", "Label", box(30, 70, 40, 20)),
    card: { id: "1:5", name: "Card", type: "FRAME", ...box(20, 120, 200, 100), fills: solid(1, 1, 1) },
    photo: { id: "1:6", name: "Photo", type: "RECTANGLE", ...box(20, 120, 200, 60), fills: [] },
  };
  nodes.button!.children = [nodes.label!];
  nodes.card!.children = [nodes.photo!];
  edit(nodes);
  return {
    id: "1:1",
    name: "Home",
    type: "FRAME",
    ...box(0, 0, 400, 300),
    fills: solid(1, 1, 1),
    children: [nodes.title!, nodes.button!, nodes.card!].filter((n) => !n.gone),
  };
}

const diff = (before: unknown, after: unknown, nodes: string[] = []): DesignChange[] =>
  diffDesigns(designFacts(before, nodes), designFacts(after, nodes));
const lines = (changes: DesignChange[]): string[] => changes.map(changeLine);

describe("diffDesigns on hand-made designs", () => {
  it("the same design: no changes", () => {
    expect(diff(file([page()]), file([page()]))).toEqual([]);
    expect(changeSummary([])).toBe("no changes");
  });

  it("each kind of change, one line each by name and id, then the summary", () => {
    const after = page((n) => {
      n.title!.characters = "Welcome back";
      n.title!.name = "Welcome back";
      n.button!.absoluteBoundingBox = { x: 40, y: 60, width: 160, height: 40 };
      n.label!.absoluteBoundingBox = { x: 50, y: 70, width: 40, height: 20 };
      n.button!.fills = solid(0, 0, 0, 0.5);
      n.label!.name = "Caption";
      n.photo!.visible = false;
      n.card!.children!.push(text("1:7", "New"));
    });
    const changes = diff(file([page()]), file([after]));
    expect(lines(changes)).toEqual([
      're-texted “Welcome back” (TEXT 1:2): "Welcome" → "Welcome back"',
      "moved “Button” (FRAME 1:3): 20,60 → 40,60",
      "resized “Button” (FRAME 1:3): 120×40 → 160×40",
      "recoloured “Button” (FRAME 1:3): #3366ff → #000000 50%",
      'renamed “Caption” (TEXT 1:4): "Label" → "Caption"',
      "hidden “Photo” (RECTANGLE 1:6)",
      "added “New” (TEXT 1:7)",
    ]);
    expect(changeSummary(changes)).toBe("1 re-texted, 1 moved, 1 resized, 1 recoloured, 1 renamed, 1 hidden, 1 added");
    // The label moved with its button: its place in the button is the same.
    expect(changes.some((c) => c.id === "1:4" && c.kind === "moved")).toBe(false);
  });

  it("a removed layer once, not its children; shown again; moved into another parent, by the parents' names", () => {
    const before = page((n) => {
      n.photo!.visible = false;
    });
    const after = page((n) => {
      n.button!.gone = true;
      n.card!.children = [n.photo!, n.label!];
      n.label!.absoluteBoundingBox = { x: 30, y: 130, width: 40, height: 20 };
      delete n.photo!.visible;
    });
    const changes = diff(file([before]), file([after]));
    expect(lines(changes)).toEqual([
      "shown “Photo” (RECTANGLE 1:6)",
      "moved “Label” (TEXT 1:4): in “Button” 1:3 → in “Card” 1:5",
      "removed “Button” (FRAME 1:3)",
    ]);
  });

  it("sub-pixel drift is no change (Figma re-saves text boxes with float noise); half a pixel is", () => {
    const drift = page((n) => {
      n.title!.absoluteBoundingBox = { x: 20.04, y: 19.96, width: 100.049, height: 20.3 };
      n.card!.absoluteBoundingBox = { x: 20.000001, y: 120.05, width: 199.96, height: 100 };
    });
    expect(diff(file([page()]), file([drift]))).toEqual([]);
    const half = page((n) => {
      n.title!.absoluteBoundingBox = { x: 20, y: 20, width: 100.5, height: 20 };
    });
    expect(lines(diff(file([page()]), file([half])))).toEqual(["resized “Welcome” (TEXT 1:2): 100×20 → 100.5×20"]);
  });

  it("a text layer named by its text, re-texted, is re-texted only; one renamed by hand is renamed too", () => {
    const retexted = page((n) => {
      n.title!.characters = "Hello";
      n.title!.name = "Hello";
    });
    expect(diff(file([page()]), file([retexted])).map((c) => c.kind)).toEqual(["retexted"]);
    const renamed = page((n) => {
      n.title!.characters = "Hello";
      n.title!.name = "Heading";
    });
    expect(diff(file([page()]), file([renamed])).map((c) => c.kind)).toEqual(["renamed", "retexted"]);
  });

  it("a renamed component: one line, not one per instance named after it or for the component's own layer", () => {
    const frame = (name: string): Node =>
      page((n) => {
        n.card!.children = [
          { id: "2:1", name, type: "COMPONENT", ...box(20, 120, 50, 50) },
          { id: "2:2", name, type: "INSTANCE", componentId: "2:1", ...box(80, 120, 50, 50) },
          { id: "2:3", name: "Kept name", type: "INSTANCE", componentId: "2:1", ...box(140, 120, 50, 50) },
        ];
      });
    const changes = diff(file([frame("Chip")], { "2:1": "Chip" }), file([frame("Tag")], { "2:1": "Tag" }));
    expect(lines(changes)).toEqual(['component renamed “Tag” (COMPONENT 2:1): "Chip" → "Tag"']);
  });

  it("an instance's layers changed with their component: one change, on the component's layer, with the copies", () => {
    const frame = (width: number): Node =>
      page((n) => {
        const layer = (id: string, x: number): Node => ({ id, name: "Dot", type: "ELLIPSE", ...box(x, 130, width, 8) });
        n.card!.children = [
          { id: "3:1", name: "Pin", type: "COMPONENT", ...box(20, 130, 20, 8), children: [layer("3:2", 20)] },
          ...[4, 5].map((i) => ({
            id: `3:${i}0`,
            name: "Pin",
            type: "INSTANCE",
            componentId: "3:1",
            ...box(20 + i * 30, 130, 20, 8),
            children: [layer(`I3:${i}0;3:2`, 20 + i * 30)],
          })),
        ];
      });
    const changes = diff(file([frame(8)]), file([frame(12)]));
    expect(changes).toEqual([
      {
        kind: "resized",
        id: "3:2",
        name: "Dot",
        type: "ELLIPSE",
        from: "8×8",
        to: "12×8",
        also: ["I3:40;3:2", "I3:50;3:2"],
      },
    ]);
    expect(changeLine(changes[0]!)).toBe("resized “Dot” (ELLIPSE 3:2): 8×8 → 12×8, and in 2 instances");
    // Without the component in the design, the first copy carries the others.
    const copies = diffDesigns(
      designFacts(file([frame(8)]), ["I3:40;3:2", "I3:50;3:2"]),
      designFacts(file([frame(12)]), ["I3:40;3:2", "I3:50;3:2"]),
    );
    expect(lines(copies)).toEqual(["resized “Dot” (ELLIPSE I3:40;3:2): 8×8 → 12×8, and in 1 other instance"]);
    expect(sourceLayer("I1:2;5:6;3:4")).toBe("3:4");
    expect(sourceLayer("3:4")).toBe("3:4");
  });

  it("frames by id (12:34 or 12-34); a frame added to or removed from a whole file; a missing id names it", () => {
    const other: Node = { id: "9:1", name: "About", type: "FRAME", ...box(500, 0, 400, 300) };
    expect(lines(diff(file([page()]), file([page(), other])))).toEqual(["added “About” (FRAME 9:1)"]);
    expect(lines(diff(file([page(), other]), file([page()])))).toEqual(["removed “About” (FRAME 9:1)"]);
    expect(diff(file([page()]), file([page(), other]), ["1-1"])).toEqual([]);
    expect(() => designFacts(file([page()]), ["9:1"])).toThrow(
      "the design has no layer 9:1 (deleted, or another file?)",
    );
  });

  it("a long name is cut short in its line; the facts read back from JSON diff the same", () => {
    const long = "A very long layer name that goes on and on about what the layer holds";
    const after = page((n) => {
      n.photo!.name = long;
    });
    const [change] = diff(file([page()]), file([after]));
    expect(changeLine(change!)).toBe(
      "renamed “A very long layer name that goes on and…” (RECTANGLE 1:6): " +
        `"Photo" → ${JSON.stringify(long.slice(0, 59) + "…")}`,
    );
    const facts = readDesignFacts(JSON.parse(JSON.stringify(designFacts(file([page()])))));
    expect(diffDesigns(facts, designFacts(file([after])))).toEqual([change]);
    expect(() => readDesignFacts({ format: 2, frames: [], layers: [] })).toThrow("newer than this Figment reads");
  });
});

const VERSIONS = join(REPO_ROOT, "test", "fixtures", "diff");
const version = (commit: string): unknown =>
  JSON.parse(readFileSync(join(VERSIONS, `psykolog-jenny-${commit}.nodes.json`), "utf8")) as unknown;

describe("diffDesigns on real successive versions (psykolog-jenny, test/fixtures/diff)", () => {
  it("8c76537 → 412cc73: two texts recoloured", () => {
    expect(lines(diff(version("8c76537"), version("412cc73")))).toEqual([
      "recoloured “Glada små uppdateringar” (TEXT 36:1): #000000 → #363636",
      "recoloured “Vill du hålla dig uppdaterad? Se till a…” (TEXT 36:18): #000000 → #363636",
    ]);
  });

  it("66a872a → 8c76537: icons put in new groups, one scaled; the groups added once each", () => {
    const changes = diff(version("66a872a"), version("8c76537"));
    expect(changeSummary(changes)).toBe("3 added, 9 moved, 5 resized");
    expect(lines(changes).slice(0, 3)).toEqual([
      "added “Group” (GROUP 92:2)",
      "moved “Ellipse” (VECTOR 54:161): in “Group 5” 54:162 → in “Group” 92:2",
      "moved “24 / basic / flame” (COMPONENT 54:157): in “Group 4” 54:156 → in “Group” 92:2",
    ]);
    expect(lines(changes)).toContain("resized “24 / basic / glasses” (COMPONENT 54:163): 74×74 → 105×105");
  });

  it("412cc73 → c66ecf7: a band grown and what lies below moved; the post card's change once, not per instance", () => {
    const changes = diff(version("412cc73"), version("c66ecf7"));
    expect(changeSummary(changes)).toBe("16 moved, 14 resized, 2 added");
    const all = lines(changes);
    expect(all).toContain("resized “Seperator” (GROUP 36:4): 1440×459 → 1440×586");
    expect(all).toContain("moved “Video Box” (INSTANCE 54:73): 115,4230 → 115,4410");
    expect(all).toContain(
      "resized “Ett inlägg med populärkultur referenser…” (TEXT 36:73): 322×231 → 322×210, and in 3 instances",
    );
    expect(all).toContain(
      "moved “läs detta inlägg” (TEXT I36:80;36:75;36:59): 49,12 → 51,13, and in 2 other instances",
    );
    // No instance layer of the card is listed on its own.
    expect(changes.filter((c) => c.id.startsWith("I36:88") || c.id.startsWith("I36:96"))).toEqual([]);
    expect(new Set(all).size, "no line twice").toBe(all.length);
  });

  it("a nodes reply against the whole file it was cut from, a version later: the frame did not change", () => {
    const whole = JSON.parse(
      readFileSync(join(REPO_ROOT, "test", "fixtures", "real", "psykolog-jenny.file.json"), "utf8"),
    ) as unknown;
    expect(diff(version("c66ecf7"), whole, ["35:34"])).toEqual([]);
    // Every frame of the nodes reply against the file: the same frames, the file's others are not asked for.
    expect(diff(version("c66ecf7"), whole, ["35:34", "36:38"])).toEqual([]);
  });
});
