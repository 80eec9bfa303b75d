/** The mapping file: the fixture reads whole; every bad field is a note with its JSON path; the rest is kept. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../test/helpers/fixtures.js";
import { parseMappingJson, readMappingJson, serialiseMap } from "./json.js";
import { PROP_SOURCE_KINDS } from "./model.js";

const FIXTURE = join(REPO_ROOT, "test", "fixtures", "components", "components.json");

describe("mapping file", () => {
  it("reads the fixture without a note, node ids and sources as written", () => {
    const { map, notes } = parseMappingJson(readFileSync(FIXTURE, "utf8"), "components.json");
    expect(notes).toEqual([]);
    expect(map.components.map((c) => [c.figma.nodeId, c.import.name])).toEqual([
      ["1:78", "Button"],
      ["34409:71372", "ListItem"],
      ["33367:6239", "Title"],
      ["33459:957", "Hint"],
    ]);
    expect(map.components[1]!.props["variant"]).toEqual({ kind: "variant", property: "Type", values: { Primary: "primary", Secondary: "secondary" } });
    expect(map.components[0]!.source).toBe("components.json#/components/0");
  });

  it("round-trips through serialiseMap", () => {
    const { map } = parseMappingJson(readFileSync(FIXTURE, "utf8"));
    const again = parseMappingJson(serialiseMap(map));
    expect(again.notes).toEqual([]);
    expect(again.map).toEqual(map);
  });

  it("names each bad field by its path and keeps the good entries", () => {
    const { map, notes } = readMappingJson({
      components: [
        { figma: { nodeId: "1-2" }, import: { module: "@acme/ui", name: "Good" }, props: { label: { kind: "text", property: "Label" } } },
        { figma: { nodeId: "nope" }, import: { module: "", name: "2bad" }, props: { size: { kind: "colour" } } },
        { figma: {}, import: { module: "m", name: "X" }, props: { on: { kind: "boolean" }, "bad name": { kind: "value", value: 1 } } },
      ],
      extra: true,
    });
    expect(map.components.map((c) => c.import.name)).toEqual(["Good"]);
    expect(map.components[0]!.figma.nodeId).toBe("1:2");
    const messages = notes.map((n) => n.message);
    for (const part of [
      "/components/1/figma/nodeId: must be a node id",
      "/components/1/import/module: must be a non-empty string",
      "/components/1/import/name: must be a JavaScript identifier",
      "/components/1/props/size/kind: must be one of text, variant, boolean, instance, children, textContent, value",
      "/components/2/figma: needs nodeId or key",
      "/components/2/props/on/property: is missing",
      "/components/2/props/bad name: is not a JSX prop name",
      "/extra: unknown field",
      "/components/1 left out",
    ]) {
      expect(messages.some((m) => m.includes(part)), part).toBe(true);
    }
  });

  it("reports a JSON syntax error with its line, and a file without components", () => {
    const broken = parseMappingJson('{\n  "components": [\n    { "figma": }\n  ]\n}', "ui.json");
    expect(broken.map.components).toEqual([]);
    expect(broken.unreadable).toBe(true);
    expect(broken.notes[0]).toMatchObject({ severity: "error", file: "ui.json" });
    expect(broken.notes[0]!.message).toMatch(/^ui\.json(:3)?: not valid JSON/);
    expect(readMappingJson([]).notes[0]!.message).toContain('expected an object with a "components" list');
  });

  it("the JSON Schema knows the same prop sources as the reader", () => {
    const schema = JSON.parse(readFileSync(join(REPO_ROOT, "codegen", "components-map", "components.schema.json"), "utf8")) as { definitions: { source: { oneOf: { properties: { kind: { const: string } } }[] } } };
    expect(schema.definitions.source.oneOf.map((s) => s.properties.kind.const)).toEqual([...PROP_SOURCE_KINDS]);
  });
});
