/**
 * Replies whose keys differ from Figma's only in case (issue 38: a C# client's PascalCase re-save of a real file was
 * refused as "not Figma JSON"): every real designer's file, re-cased as such a client writes it (with enum values by
 * name or not), reads back as the very reply it was made from, with one note; a reply in Figma's case is untouched;
 * a field spelled twice with different values is refused with one line naming the key expected.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listFiles, REPO_ROOT } from "../../test/helpers/fixtures.js";
import { pascalCaseFile } from "../../test/helpers/resaved-keys.js";
import { readReplyText } from "./reply-text.js";
import { FigmentError } from "../../kernel/errors.js";

const REAL = join(REPO_ROOT, "test", "fixtures", "real");
const FILES = listFiles(REAL).filter((path) => path.endsWith(".json"));

describe("keys that differ from Figma's only in case", () => {
  it.each(FILES)("%s re-cased by a C# client reads back as the reply it was made from", (file) => {
    const original = readReplyText(readFileSync(join(REAL, file), "utf8"));
    for (const enums of [false, true]) {
      const recased = pascalCaseFile(original.json, { enums });
      expect(recased.keys).toBeGreaterThan(1000);
      const read = readReplyText(JSON.stringify(recased.json));
      expect(read.json).toEqual(original.json);
      // One note (the fragment's own is gone: the re-saved file is whole JSON), naming the keys that tell a reply
      // first.
      expect(read.notes).toHaveLength(1);
      expect(read.notes[0]).toMatch(
        new RegExp(
          String.raw`^its keys differ from Figma's only in case \(("Nodes" for "nodes", ` +
            ')?"Document" for "document", "Id" for "id", "Type" for "type", ',
        ),
      );
      if (enums)
        expect(read.notes[0]).toMatch(
          new RegExp(
            String.raw`, and its enum values in another case too \("(Document" for "DOCUMENT|Frame" ` +
              'for "FRAME|Canvas" for "CANVAS|ComponentSet" for "COMPONENT_SET)", ',
          ),
        );
      else expect(read.notes[0]).not.toContain("enum");
    }
  });
  it(
    "keeps the keys of maps as written (ids, property names, " +
      "numbers, OpenType tags) and reads enum values in Figma's case",
    () => {
      const recased = {
        Document: {
          Id: "0:0",
          Type: "Document",
          Children: [
            {
              Id: "1:1",
              Type: "Instance",
              Name: "OK button",
              Characters: "OK",
              ComponentProperties: { "Label#1:2": { Type: "Text", Value: "OK" } },
              ComponentPropertyReferences: { Characters: "Label#1:2" },
              Styles: { fill: "S:ab" },
              StyleOverrideTable: { "1": { FontWeight: 700, LineHeightUnit: "FontSize%", TextCase: "SmallCaps" } },
              OpentypeFlags: { KERN: 0 },
              BoundVariables: {
                Fills: [{ Type: "VariableAlias", Id: "VariableID:1" }],
                RECTANGLE_TOP_LEFT_CORNER_RADIUS: { Type: "VariableAlias", Id: "VariableID:2" },
              },
              FillGeometry: [{ Path: "M0 0", WindingRule: "NonZero" }],
              AbsoluteBoundingBox: { X: 0, Y: 0, Width: 80, Height: 32 },
            },
          ],
        },
        Styles: { "S:ab": { Name: "Brand", StyleType: "Fill" } },
      };
      const read = readReplyText(JSON.stringify(recased));
      expect(read.json).toEqual({
        document: {
          id: "0:0",
          type: "DOCUMENT",
          children: [
            {
              id: "1:1",
              type: "INSTANCE",
              name: "OK button",
              characters: "OK",
              componentProperties: { "Label#1:2": { type: "TEXT", value: "OK" } },
              componentPropertyReferences: { characters: "Label#1:2" },
              styles: { fill: "S:ab" },
              styleOverrideTable: { "1": { fontWeight: 700, lineHeightUnit: "FONT_SIZE_%", textCase: "SMALL_CAPS" } },
              opentypeFlags: { KERN: 0 },
              boundVariables: {
                fills: [{ type: "VARIABLE_ALIAS", id: "VariableID:1" }],
                RECTANGLE_TOP_LEFT_CORNER_RADIUS: { type: "VARIABLE_ALIAS", id: "VariableID:2" },
              },
              fillGeometry: [{ path: "M0 0", windingRule: "NONZERO" }],
              absoluteBoundingBox: { x: 0, y: 0, width: 80, height: 32 },
            },
          ],
        },
        styles: { "S:ab": { name: "Brand", styleType: "FILL" } },
      });
      expect(read.notes).toEqual([
        'its keys differ from Figma\'s only in case ("Document" for "document", "Id" for "id", ' +
          '"Type" for "type", "Children" for "children", …), and its enum values in another case ' +
          'too ("Document" for "DOCUMENT", "Instance" for "INSTANCE", "VariableAlias" for ' +
          '"VARIABLE_ALIAS", "Text" for "TEXT", …): read as Figma\'s, in 12 objects',
      ]);
    },
  );

  it("leaves a reply in Figma's case as it is, and refuses a field spelled twice in one line naming the key", () => {
    const figmas =
      '{"document":{"id":"1:1","type":"FRAME","name":"A","absoluteBoundingBox":{"x":0,"y":0,"width":1,"height":1}}}';
    expect(readReplyText(figmas)).toEqual({ json: JSON.parse(figmas), notes: [] });
    // A variant property named "Type", a component property "Id": a map's members, which say nothing of the reply's
    // case (and another tool's own key, in whatever case, stays as it is in a reply in Figma's).
    const variants =
      '{"document":{"id":"1:1","type":"COMPONENT_SET","name":"Button","componentPropertyDefinitions":{"Type":' +
      '{"type":"VARIANT","defaultValue":"Primary"}},"children":[{"id":"1:2","type":"INSTANCE","name":"b",' +
      '"componentProperties":{"Id":{"type":"TEXT","value":"Frame"}},"VendorInfo":{"Kind":"frame"}}]}}';
    expect(readReplyText(variants)).toEqual({ json: JSON.parse(variants), notes: [] });
    expect(() => readReplyText('{"Document":{"Id":"1:1","Type":"FRAME","Name":"Home","name":"Away"}}')).toThrow(
      new FigmentError(
        "input",
        'not Figma JSON: an object (layer 1:1) has both "Name": "Home" and "name": "Away", two values for ' +
          'Figma\'s "name"',
      ),
    );
    // The same value twice is no conflict.
    expect(readReplyText('{"Document":{"Id":"1:1","Type":"FRAME","Name":"Home","name":"Home"}}').json).toEqual({
      document: { id: "1:1", type: "FRAME", name: "Home" },
    });
  });

  it("reads a field written twice with one meaning once, in Figma's spelling; two meanings are refused", () => {
    const read = (layer: Record<string, unknown>): { json: unknown; notes: string[] } =>
      readReplyText(JSON.stringify({ Document: { Id: "38:714", Type: "FRAME", ...layer } }));
    // FigmaSharp's re-save: the REST field, null, beside its enum's number, 0 (NONE).
    expect(read({ layoutMode: null, LayoutMode: 0 })).toEqual({
      json: { document: { id: "38:714", type: "FRAME", layoutMode: null } },
      notes: [
        'its keys differ from Figma\'s only in case ("Document" for "document", "Id" for "id", "Type" for ' +
          '"type", "LayoutMode" for "layoutMode"): read as Figma\'s, in 2 objects; 1 field written twice with one ' +
          'meaning ("layoutMode" and "LayoutMode", null beside 0) read once',
      ],
    });
    // Either order; Figma's spelling wins over the first.
    expect(read({ LayoutMode: "None", layoutMode: null }).json).toEqual({
      document: { id: "38:714", type: "FRAME", layoutMode: null },
    });
    for (const [theirs, ours] of [
      [[], null],
      [false, null],
      [null, "NONE"],
      [{}, null],
    ])
      expect(read({ Effects: theirs, effects: ours }).json).toEqual({
        document: { id: "38:714", type: "FRAME", effects: ours },
      });
    // Nothing beside a value, or beside what is not the field's default (`visible` is true unless said), is two.
    const refusals: [Record<string, unknown>, string][] = [
      [{ layoutMode: null, LayoutMode: 1 }, '"layoutMode": null and "LayoutMode": 1'],
      [{ layoutMode: "VERTICAL", LayoutMode: "Horizontal" }, '"layoutMode": "VERTICAL" and "LayoutMode": "HORIZONTAL"'],
      [{ visible: null, Visible: false }, '"visible": null and "Visible": false'],
      [{ Opacity: 0, opacity: null }, '"Opacity": 0 and "opacity": null'],
    ];
    for (const [layer, both] of refusals) {
      const figma = Object.keys(layer).find((key) => /^[a-z]/.test(key));
      expect(() => read(layer)).toThrow(
        new FigmentError(
          "input",
          `not Figma JSON: an object (layer 38:714) has both ${both}, two values for Figma's "${figma}"`,
        ),
      );
    }
  });
});
