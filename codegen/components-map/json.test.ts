/** The mapping file: the fixture reads whole; every bad field is a note with its JSON path; the rest is kept. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import AjvModule from "ajv";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../test/helpers/fixtures.js";
import { parseMappingJson, readMappingJson, serialiseMap } from "./json.js";
import { PROP_SOURCE_KINDS } from "./model.js";

// ajv is CommonJS: under ESM the default import may be the module namespace.
const Ajv = ((AjvModule as unknown as { default?: typeof AjvModule }).default ?? AjvModule) as typeof AjvModule;
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
    expect(map.components[1]!.props["variant"]).toEqual({
      kind: "variant",
      property: "Type",
      values: { Primary: "primary", Secondary: "secondary" },
    });
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
        {
          figma: { nodeId: "1-2" },
          import: { module: "@acme/ui", name: "Good" },
          props: { label: { kind: "text", property: "Label" } },
        },
        { figma: { nodeId: "nope" }, import: { module: "", name: "2bad" }, props: { size: { kind: "colour" } } },
        {
          figma: {},
          import: { module: "m", name: "X" },
          props: { on: { kind: "boolean" }, "bad name": { kind: "value", value: 1 } },
        },
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
      expect(
        messages.some((m) => m.includes(part)),
        part,
      ).toBe(true);
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
    const schema = JSON.parse(
      readFileSync(join(REPO_ROOT, "codegen", "components-map", "components.schema.json"), "utf8"),
    ) as { definitions: { source: { oneOf: { properties: { kind: { const: string } } }[] } } };
    expect(schema.definitions.source.oneOf.map((s) => s.properties.kind.const)).toEqual([...PROP_SOURCE_KINDS]);
  });

  it("reads value maps of JSX and of nothing, class names and nested props, and writes them back", () => {
    const props = {
      icon: {
        kind: "variant",
        property: "Icon",
        values: { Text: "text" },
        jsx: { Left: { code: "<ArrowLeft />", imports: [{ module: "@acme/icons", name: "ArrowLeft" }] } },
        omit: ["None"],
      },
      badge: {
        kind: "boolean",
        property: "Badge",
        jsx: { true: { code: "<Star />", imports: [{ module: "@acme/icons", name: "Star" }] } },
      },
      className: {
        kind: "className",
        parts: [
          { kind: "value", value: "btn" },
          { kind: "variant", property: "Size", values: { Large: "btn-lg" } },
        ],
      },
      glyph: { kind: "nested", layer: "Icon", source: { kind: "variant", property: "Glyph" } },
    };
    const { map, notes } = readMappingJson({
      components: [{ figma: { nodeId: "1:2" }, import: { module: "@acme/ui", name: "Button" }, props }],
    });
    expect(notes).toEqual([]);
    expect(map.components[0]!.props).toEqual(props);
    expect(parseMappingJson(serialiseMap(map)).map).toEqual(map);
  });

  it("names each bad field of the new sources by its path", () => {
    const { map, notes } = readMappingJson({
      components: [
        {
          figma: { nodeId: "1:2" },
          import: { module: "@acme/ui", name: "Button" },
          props: {
            icon: {
              kind: "variant",
              property: "Icon",
              jsx: { Left: { code: "", imports: [{ module: "@acme/icons" }] } },
              omit: [],
            },
            badge: { kind: "boolean", property: "Badge", jsx: { maybe: { code: "<Star />" } } },
            className: { kind: "className", parts: [{ kind: "instance", property: "Icon" }] },
            glyph: { kind: "nested", layer: "", source: { kind: "colour" } },
          },
        },
      ],
    });
    expect(map.components).toEqual([]);
    const messages = notes.map((n) => n.message);
    for (const part of [
      "/components/0/props/icon/jsx/Left/code: must be a non-empty string",
      "/components/0/props/icon/jsx/Left/imports/0/name: must be a JavaScript identifier",
      "/components/0/props/icon/omit: must be a non-empty list of Figma values",
      "/components/0/props/badge/jsx/maybe: unknown field (known: true, false)",
      "/components/0/props/className/parts/0/kind: a class name part " +
        "must be one of text, variant, boolean, textContent, value",
      "/components/0/props/glyph/source/kind: must be one of",
    ]) {
      expect(
        messages.some((m) => m.includes(part)),
        part,
      ).toBe(true);
    }
  });

  it("the JSON Schema accepts the fixture and the new sources, and refuses what the reader refuses", () => {
    const ajv = new Ajv({ allErrors: true, allowUnionTypes: true });
    const validate = ajv.compile(
      JSON.parse(
        readFileSync(join(REPO_ROOT, "codegen", "components-map", "components.schema.json"), "utf8"),
      ) as object,
    );
    expect(validate(JSON.parse(readFileSync(FIXTURE, "utf8"))), JSON.stringify(validate.errors)).toBe(true);
    const entry = (props: Record<string, unknown>): unknown => ({
      components: [{ figma: { nodeId: "1:2" }, import: { module: "@acme/ui", name: "Button" }, props }],
    });
    const good = entry({
      icon: {
        kind: "variant",
        property: "Icon",
        jsx: { Left: { code: "<ArrowLeft />", imports: [{ module: "@acme/icons", name: "ArrowLeft" }] } },
        omit: ["None"],
      },
      className: {
        kind: "className",
        parts: [
          { kind: "value", value: "btn" },
          { kind: "boolean", property: "Off", values: { true: "off" } },
        ],
      },
      glyph: {
        kind: "nested",
        layer: "Icon",
        source: { kind: "nested", layer: "Inner", source: { kind: "text", property: "Label" } },
      },
    });
    expect(validate(good), JSON.stringify(validate.errors)).toBe(true);
    expect(readMappingJson(good).notes).toEqual([]);
    for (const bad of [
      entry({ className: { kind: "className", parts: [{ kind: "instance", property: "Icon" }] } }),
      entry({ icon: { kind: "variant", property: "Icon", jsx: { Left: { code: "<A />", extra: 1 } } } }),
      entry({ glyph: { kind: "nested", layer: "Icon" } }),
    ]) {
      expect(validate(bad)).toBe(false);
      expect(readMappingJson(bad).map.components).toEqual([]);
    }
  });
});
