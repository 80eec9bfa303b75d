/** Value maps of JSX and of nothing, figma.className and figma.nestedProps, applied to an instance. */
import { describe, expect, it } from "vitest";
import type { ComponentMap, PropSource } from "./model.js";
import { componentsForModel, previewInstance } from "./preview.js";
import { mapInstances } from "./resolve.js";
import { buttonDesign } from "../../test/helpers/mapped-button-design.js";

const ARROW = { code: "<ArrowLeft />", imports: [{ module: "@acme/icons", name: "ArrowLeft" }] };
const ICON: PropSource = { kind: "variant", property: "Icon", jsx: { Left: ARROW }, omit: ["None"] };
const map = (props: Record<string, PropSource>): ComponentMap => ({
  components: [
    { figma: { nodeId: "10:1" }, import: { module: "@acme/ui", name: "Button" }, props, source: "Button.figma.tsx:3" },
  ],
});
const resolve = (props: Record<string, PropSource>, design = {}) => mapInstances(buttonDesign(design), map(props));

describe("value maps", () => {
  it("a variant value mapped to JSX is that code; one mapped to nothing leaves the prop out without a note", () => {
    expect(resolve({ icon: ICON }).byNode.get("1:2")!.props).toEqual([["icon", { code: ARROW }]]);
    const none = resolve({ icon: ICON }, { icon: "None" });
    expect(none.byNode.get("1:2")!.props).toEqual([]);
    expect(none.problems.filter((p) => p.code === "component-mapping")).toEqual([]);
    // A value no map lists is still a note.
    const right = resolve({ icon: ICON }, { icon: "Right" });
    expect(right.problems.map((p) => p.message)).toContainEqual(
      expect.stringContaining('the value "Right" of "Icon" is not in the mapping\'s values (Left, None)'),
    );
  });

  it("a boolean side mapped to JSX is that code; a literal wins over JSX for the same value", () => {
    const star = { code: "<Star />", imports: [{ module: "@acme/icons", name: "Star" }] };
    expect(
      resolve({ badge: { kind: "boolean", property: "Disabled", jsx: { true: star } } }, { disabled: true }).byNode.get(
        "1:2",
      )!.props,
    ).toEqual([["badge", { code: star }]]);
    expect(
      resolve({ badge: { kind: "boolean", property: "Disabled", jsx: { true: star } } }).byNode.get("1:2")!.props,
    ).toEqual([]);
    expect(
      resolve({
        size: { kind: "variant", property: "Size", values: { Large: "lg" }, jsx: { Large: star } },
      }).byNode.get("1:2")!.props,
    ).toEqual([["size", { literal: "lg" }]]);
  });

  it("figma.className joins the parts' class names and drops the empty ones", () => {
    const className: PropSource = {
      kind: "className",
      parts: [
        { kind: "value", value: "btn" },
        { kind: "variant", property: "Size", values: { Large: "btn-lg", Small: "" } },
        { kind: "boolean", property: "Disabled", values: { true: "btn-off", false: "" } },
      ],
    };
    expect(resolve({ className }).byNode.get("1:2")!.props).toEqual([["className", { literal: "btn btn-lg" }]]);
    expect(resolve({ className }, { size: "Small", disabled: true }).byNode.get("1:2")!.props).toEqual([
      ["className", { literal: "btn btn-off" }],
    ]);
  });

  it("figma.nestedProps reads the nested instance's own properties and layers", () => {
    const glyph: PropSource = {
      kind: "nested",
      layer: "Icon",
      source: { kind: "variant", property: "Glyph", values: { Arrow: "arrow", Star: "star" } },
    };
    const label: PropSource = { kind: "nested", layer: "Icon", source: { kind: "text", property: "Label" } };
    const { byNode, problems } = resolve({ glyph, iconLabel: label });
    expect(byNode.get("1:2")!.props).toEqual([
      ["glyph", { literal: "arrow" }],
      ["iconLabel", { literal: "Back" }],
    ]);
    // The nested instance's property values are what the props read: its override is carried, not noted.
    expect(problems.filter((p) => p.code === "component-override")).toEqual([]);
    expect(
      resolve({})
        .problems.filter((p) => p.code === "component-override")
        .map((p) => [p.message, p.nodeId]),
    ).toEqual([[expect.stringContaining('changes the properties of its layer "Icon", which'), "I1:2;5:1"]]);
    expect(resolve({ glyph }, { glyph: "Star" }).byNode.get("1:2")!.props).toEqual([["glyph", { literal: "star" }]]);
  });

  it("a nested layer that is hidden, or lacks the property, is a note; the prop is left out", () => {
    const glyph: PropSource = { kind: "nested", layer: "Icon", source: { kind: "variant", property: "Glyph" } };
    const hidden = resolve({ glyph }, { iconHidden: true });
    expect(hidden.byNode.get("1:2")!.props).toEqual([]);
    expect(hidden.problems.map((p) => p.message)).toContainEqual(
      'Button.figma.tsx:3: no visible layer named "Icon" in "Button"; the prop glyph is left out',
    );
    const missing = resolve({ tone: { kind: "nested", layer: "Icon", source: { kind: "variant", property: "Tone" } } });
    expect(missing.problems.map((p) => p.message)).toContainEqual(
      expect.stringContaining(
        'the nested layer "Icon" has no VARIANT property "Tone" (it has Glyph (VARIANT), Label (TEXT))',
      ),
    );
  });

  it("the preview and the model's list write the JSX and import what it uses", () => {
    expect(
      previewInstance(buttonDesign(), "1:2", map({ icon: ICON, children: { kind: "textContent", layer: "Label" } }))
        .jsx,
    ).toBe("<Button icon={<ArrowLeft />}>Go</Button>");
    expect(componentsForModel(buttonDesign(), map({ icon: ICON }))).toBe(
      [
        'import { Button } from "@acme/ui";',
        '  layer 1:2 "Button": <Button icon={<ArrowLeft />} />',
        'import { ArrowLeft } from "@acme/icons";',
      ].join("\n"),
    );
  });
});
