import { describe, expect, it } from "vitest";
import { asRestNode, countNodes, findNode, readRestReply } from "./reply";

const frame = (id: string, name: string, children: unknown[] = []) => ({ id, name, type: "FRAME", children });

describe("readRestReply", () => {
  it("reads a file reply: the children of every page are the roots", () => {
    const json = {
      name: "My file",
      document: {
        id: "0:0",
        name: "Document",
        type: "DOCUMENT",
        children: [
          { id: "0:1", name: "Page 1", type: "CANVAS", children: [frame("1:1", "Home"), frame("1:2", "About")] },
          { id: "0:2", name: "Page 2", type: "CANVAS", children: [frame("2:1", "Settings")] },
        ],
      },
      components: {},
      styles: { "S:1": { name: "Heading/H1", styleType: "TEXT" } },
    };
    const reply = readRestReply(json);
    expect(reply.roots.map((r) => r.id)).toEqual(["1:1", "1:2", "2:1"]);
    expect(reply.problems).toEqual([]);
    expect(reply.context.styles.get("S:1")).toEqual({ name: "Heading/H1", type: "TEXT" });
  });

  it("reads a nodes reply; a null entry becomes a missing-node problem", () => {
    const json = {
      nodes: {
        "1:1": { document: frame("1:1", "Home"), components: { "5:5": { name: "Icon" } }, styles: {} },
        "9:9": null,
      },
    };
    const reply = readRestReply(json);
    expect(reply.roots.map((r) => r.id)).toEqual(["1:1"]);
    expect(reply.context.components.get("5:5")).toEqual({ name: "Icon" });
    expect(reply.problems).toHaveLength(1);
    expect(reply.problems[0]).toMatchObject({ severity: "warning", code: "missing-node", nodeId: "9:9" });
  });

  it("reads an exportAsync-shaped reply ({ document: node })", () => {
    const reply = readRestReply({
      document: frame("3:4", "Card", [{ id: "3:5", name: "Title", type: "TEXT" }]),
      components: {},
      styles: {},
    });
    expect(reply.roots).toHaveLength(1);
    expect(reply.roots[0]!.id).toBe("3:4");
    expect(reply.roots[0]!.children!.map((c) => c.id)).toEqual(["3:5"]);
  });

  it("reads a bare node, and a bare CANVAS as its children", () => {
    expect(readRestReply(frame("7:1", "Solo")).roots.map((r) => r.id)).toEqual(["7:1"]);
    const canvas = { id: "0:1", name: "Page", type: "CANVAS", children: [frame("7:2", "A"), frame("7:3", "B")] };
    expect(readRestReply(canvas).roots.map((r) => r.id)).toEqual(["7:2", "7:3"]);
  });

  it("throws an input error for JSON that is not Figma's", () => {
    expect(() => readRestReply([1, 2, 3])).toThrow(expect.objectContaining({ kind: "input" }));
    expect(() => readRestReply("hello")).toThrow(expect.objectContaining({ kind: "input" }));
    expect(() => readRestReply({ hello: "world" })).toThrow(expect.objectContaining({ kind: "input" }));
    expect(() => readRestReply({ document: { name: "no id or type" } })).toThrow(
      expect.objectContaining({ kind: "input" }),
    );
    expect(() => readRestReply(null)).toThrow(expect.objectContaining({ name: "FigmentError", kind: "input" }));
  });

  it("resolves component-set names: set name / variant name", () => {
    const json = {
      document: frame("1:1", "Screen"),
      components: {
        "10:1": { name: "State=Hover", componentSetId: "10:0" },
        "10:2": { name: "State=Default", componentSetId: "10:0" },
        "11:1": { name: "Avatar" },
        "12:1": { name: "Orphan", componentSetId: "99:99" },
      },
      componentSets: { "10:0": { name: "Button" } },
    };
    const { components } = readRestReply(json).context;
    expect(components.get("10:1")).toEqual({ name: "Button/State=Hover", componentSetId: "10:0" });
    expect(components.get("10:2")!.name).toBe("Button/State=Default");
    expect(components.get("11:1")).toEqual({ name: "Avatar" });
    // A set missing from componentSets leaves the variant's own name.
    expect(components.get("12:1")).toEqual({ name: "Orphan", componentSetId: "99:99" });
  });
});

describe("asRestNode / findNode / countNodes", () => {
  it("drops children that are not nodes and names nameless nodes after their type", () => {
    const node = asRestNode({
      id: "1:1",
      type: "FRAME",
      children: [{ id: "1:2", type: "RECTANGLE" }, { name: "junk" }, null],
    });
    expect(node!.name).toBe("frame");
    expect(node!.children!.map((c) => [c.id, c.name])).toEqual([["1:2", "rectangle"]]);
    expect(asRestNode({ id: 1, type: "FRAME" })).toBeUndefined();
  });

  it("drops a children field that is not a list, named node or not (it is never iterated as one)", () => {
    for (const children of ["abc", { id: "1:2", type: "TEXT" }, 7, null]) {
      expect(asRestNode({ id: "1:1", type: "FRAME", name: "A", children })!.children).toBeUndefined();
      expect(asRestNode({ id: "1:1", type: "FRAME", children })!.children).toBeUndefined();
    }
    const clean = { id: "1:1", type: "FRAME", name: "A", children: [{ id: "1:2", type: "TEXT", name: "T" }] };
    expect(asRestNode(clean)).toBe(clean);
  });

  it("finds nested nodes and counts them", () => {
    const root = asRestNode(
      frame("1:1", "A", [
        frame("1:2", "B", [{ id: "1:3", name: "C", type: "TEXT" }]),
        { id: "1:4", name: "D", type: "RECTANGLE" },
      ]),
    )!;
    expect(findNode([root], "1:3")!.name).toBe("C");
    expect(findNode([root], "9:9")).toBeUndefined();
    expect(countNodes(root)).toBe(4);
  });
});
