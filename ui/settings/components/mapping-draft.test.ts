/** The Components form as data: pre-filled from an instance's properties, edited, and turned back into a mapping. */
import { describe, expect, it } from "vitest";
import type { InstanceFacts } from "../../../codegen/design/types.js";
import { componentName, draftFor, mappingFrom, parseValues, propName, upsert, without } from "./mapping-draft.js";

const FACTS: InstanceFacts = {
  componentId: "1:2",
  componentKey: "k-variant",
  componentSetId: "1:1",
  componentSetKey: "k-set",
  properties: { Type: { type: "VARIANT", value: "Primary" }, "Show Label": { type: "BOOLEAN", value: true }, Label: { type: "TEXT", value: "Go" }, Icon: { type: "INSTANCE_SWAP", value: "9:9" } },
  references: {},
  overrides: [],
};

describe("the mapping form's draft", () => {
  it("names props and components as code does", () => {
    expect(propName("Show Value (Small)")).toBe("showValueSmall");
    expect(propName("Dark Mode")).toBe("darkMode");
    expect(componentName("Home Indicator")).toBe("HomeIndicator");
    expect(componentName("Type=Primary, Size=Large")).toBe("Type");
    expect(parseValues("Primary=primary, Big=2, On=true, Off=false, None=null")).toEqual({ Primary: "primary", Big: 2, On: true, Off: false, None: null });
    expect(parseValues("")).toBeUndefined();
  });

  it("is pre-filled from the instance: the component set by id and key, a row per property", () => {
    const draft = draftFor(FACTS, "Button");
    expect(draft.figma).toEqual({ nodeId: "1:1", key: "k-set" });
    expect(draft.name).toBe("Button");
    expect(draft.rows.map((r) => [r.property, r.type, r.prop, r.values])).toEqual([
      ["Type", "VARIANT", "type", "Primary=primary"],
      ["Show Label", "BOOLEAN", "showLabel", ""],
      ["Label", "TEXT", "label", ""],
      ["Icon", "INSTANCE_SWAP", "icon", ""],
    ]);
  });

  it("becomes a mapping: each kind its source, an empty prop left out; what to fix, by field", () => {
    const draft = draftFor(FACTS, "Button");
    const filled = { ...draft, module: "@acme/ui", rows: draft.rows.map((r) => (r.property === "Icon" ? { ...r, prop: "" } : r)) };
    const made = mappingFrom(filled);
    expect(made).toEqual({
      mapping: {
        figma: { nodeId: "1:1", key: "k-set" },
        import: { module: "@acme/ui", name: "Button" },
        props: { type: { kind: "variant", property: "Type", values: { Primary: "primary" } }, showLabel: { kind: "boolean", property: "Show Label" }, label: { kind: "text", property: "Label" } },
      },
    });
    const bad = mappingFrom({ ...draft, name: "my button", rows: draft.rows.map((r) => ({ ...r, prop: "same" })) });
    expect("errors" in bad && Object.keys(bad.errors).sort()).toEqual(["module", "name", "prop-1", "prop-2", "prop-3"]);
  });

  it("edits a stored mapping: its prop names kept, sources it does not edit kept as they are", () => {
    const made = mappingFrom({ ...draftFor(FACTS, "Button"), module: "@acme/ui" });
    if (!("mapping" in made)) throw new Error("expected a mapping");
    const stored = { ...made.mapping, props: { kind: made.mapping.props["type"]!, children: { kind: "textContent" as const, layer: "lbl" } } };
    const again = draftFor(FACTS, "Button", stored);
    expect(again.rows.find((r) => r.property === "Type")?.prop).toBe("kind");
    expect(again.rows.find((r) => r.property === "Label")?.prop).toBe("");
    const back = mappingFrom(again);
    expect("mapping" in back && back.mapping.props).toEqual(stored.props);
  });

  it("replaces the mapping it edits, or one for the same component, else adds it; removes by index", () => {
    const a = { figma: { nodeId: "1:1" }, import: { module: "m", name: "A" }, props: {} };
    const b = { figma: { key: "k" }, import: { module: "m", name: "B" }, props: {} };
    const map = { components: [a, b] };
    expect(upsert(map, { ...a, import: { module: "m", name: "A2" } }).components.map((m) => m.import.name)).toEqual(["A2", "B"]);
    expect(upsert(map, { figma: { nodeId: "2:2" }, import: { module: "m", name: "C" }, props: {} }).components).toHaveLength(3);
    expect(upsert(map, { ...b, figma: { nodeId: "3:3" } }, 1).components.map((m) => m.figma)).toEqual([{ nodeId: "1:1" }, { nodeId: "3:3" }]);
    expect(without(map, 0).components).toEqual([b]);
  });
});
