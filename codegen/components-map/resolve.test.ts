/** The mapping applied to real designs: which instances map, their props, and the notes for what does not fit. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadDesign } from "../load.js";
import { readFixture, REPO_ROOT } from "../../test/helpers/fixtures.js";
import { parseMappingJson } from "./json.js";
import type { ComponentMap, ComponentMapping } from "./model.js";
import { componentsForModel, previewInstance } from "./preview.js";
import { mapInstances } from "./resolve.js";

const selfie = loadDesign(readFixture("figma-differ-selfie.nodes.json")).document;
const bundler = loadDesign(readFixture("figmasharp-bundler-dialog.file.json")).document;
const fixtureMap = parseMappingJson(
  readFileSync(join(REPO_ROOT, "test", "fixtures", "components", "components.json"), "utf8"),
).map;

const mapping = (figma: ComponentMapping["figma"], props: ComponentMapping["props"], name = "Thing"): ComponentMap => ({
  components: [{ figma, import: { module: "@acme/ui", name }, props, source: `t.json#${name}` }],
});

describe("mapInstances", () => {
  it("maps the Selfie's list item, title and hint, with props from variants, booleans and texts", () => {
    const { byNode } = mapInstances(selfie, fixtureMap);
    expect([...byNode.keys()].sort()).toEqual(["33459:3752", "33459:3756", "33459:3758"]);
    const item = byNode.get("33459:3758")!;
    expect(item.props).toEqual([
      ["variant", { literal: "primary" }],
      ["subtitle", { literal: "Contact us to get help." }],
      ["selected", { literal: false }],
    ]);
    expect(byNode.get("33459:3756")!.children).toEqual([{ literal: "Place your face in the frame" }]);
  });

  it("maps the bundler's two buttons by the main component's node id, each with its visible label", () => {
    const { byNode } = mapInstances(bundler, fixtureMap);
    expect([...byNode.keys()].sort()).toEqual(["25:4", "25:5"]);
    expect(byNode.get("25:4")!.children).toEqual([{ literal: "Add" }]);
    expect(byNode.get("25:5")!.children).toEqual([{ literal: "Cancel" }]);
  });

  it("matches by published key too, which also finds the pop-up's copy of the same button (another node id)", () => {
    const { byNode } = mapInstances(
      bundler,
      mapping({ key: "65e801586bf62f77a4d79085aaeb6e2bbd8a48ea" }, {}, "Button"),
    );
    expect([...byNode.keys()].sort()).toEqual(["25:4", "25:5", "I25:7;1:165"]);
  });

  it("a variant restriction picks the instances, the most specific mapping wins", () => {
    const map: ComponentMap = {
      components: [
        { figma: { nodeId: "34409:71372" }, import: { module: "m", name: "Row" }, props: {} },
        {
          figma: { nodeId: "34409:71372", variant: { Type: "Primary" } },
          import: { module: "m", name: "PrimaryRow" },
          props: {},
        },
        {
          figma: { nodeId: "34409:71372", variant: { Type: "Secondary" } },
          import: { module: "m", name: "SecondaryRow" },
          props: {},
        },
      ],
    };
    expect(mapInstances(selfie, map).byNode.get("33459:3758")!.mapping.import.name).toBe("PrimaryRow");
  });

  it(
    "a property the component does not have is a note naming " + "it and what the component has; the prop is left out",
    () => {
      const { byNode, problems } = mapInstances(
        selfie,
        mapping(
          { nodeId: "33367:6239" },
          { label: { kind: "text", property: "Heading" }, size: { kind: "boolean", property: "Type" } },
          "Title",
        ),
      );
      expect(byNode.get("33459:3756")!.props).toEqual([]);
      const messages = problems.filter((p) => p.code === "component-mapping").map((p) => p.message);
      expect(messages[0]).toMatch(
        new RegExp(
          String.raw`^t\.json#Title: the component has no TEXT property "Heading" ` +
            String.raw`\(it has .*Type \(VARIANT\).*\); the prop label is left out$`,
        ),
      );
      expect(messages[1]).toContain('its property "Type" is VARIANT, not BOOLEAN');
    },
  );

  it("an unknown component is an info note naming the mapping's source", () => {
    const { byNode, problems } = mapInstances(selfie, mapping({ nodeId: "99:99" }, {}, "Ghost"));
    expect(byNode.size).toBe(0);
    expect(problems).toEqual([
      expect.objectContaining({
        severity: "info",
        code: "component-unused",
        message: expect.stringContaining("t.json#Ghost: no instance of node 99:99 in these frames"),
      }),
    ]);
  });

  it("overrides the mapping does not carry are a note naming the layer; the text it reads is carried", () => {
    const { problems } = mapInstances(selfie, fixtureMap);
    // The note is about the Label layer (its id the problem's), in the words of Figma's panels.
    const title = problems
      .filter((p) => p.code === "component-override" && p.nodeId === "I33459:3756;15:8516")
      .map((p) => p.message);
    expect(title).toHaveLength(1);
    expect(title[0]).toBe(
      '"Title" changes the fill, font size, fill style, letter spacing and line height of its layer ' +
        '"Label", which the mapping to Title from @acme/ui does not carry: the code component draws its own',
    );
    expect(title[0]).not.toMatch(/33459|fills|fontSize|characters|(?<!line )height|width/);
    // The hidden Description layer's override draws nothing: no note.
    expect(title.join()).not.toContain("53643:42783");
  });
});

describe("previews", () => {
  it("gives the JSX for one instance, and the list the model gets", () => {
    expect(previewInstance(selfie, "33459:3756", fixtureMap)).toEqual({
      jsx: '<Title size="base">Place your face in the frame</Title>',
      notes: [{ message: expect.stringContaining("changes the fill, font size"), nodeId: "I33459:3756;15:8516" }],
    });
    expect(previewInstance(selfie, "33459:3759", fixtureMap)).toEqual({ notes: [] });
    const text = componentsForModel(bundler, fixtureMap);
    expect(text).toBe(
      [
        'import { Button } from "@acme/ui";',
        '  layer 25:4 "Button/Standard": <Button type="button">Add</Button>',
        '  layer 25:5 "Button/Standard": <Button type="button">Cancel</Button>',
      ].join("\n"),
    );
    expect(componentsForModel(bundler, { components: [] })).toBe("");
  });

  it("an instance-swap prop for a property the component lacks is a note in the preview", () => {
    const map = mapping({ nodeId: "33367:6239" }, { action: { kind: "instance", property: "Missing" } }, "Title");
    expect(previewInstance(selfie, "33459:3756", map).notes[0]?.message).toContain(
      'no INSTANCE_SWAP property "Missing"',
    );
  });
});
