/** The Components form as data: pre-filled from an instance's properties, edited, and turned back into a mapping. */
import { describe, expect, it } from "vitest";
import type { InstanceFacts } from "../../../codegen/design/types.js";
import type { MainComponent } from "../../../contract/components.js";
import {
  componentName,
  draftFor,
  findMapping,
  keptMaps,
  mappingFrom,
  parseValues,
  propName,
  unmappedOptions,
  upsert,
  without,
} from "./mapping-draft.js";

const FACTS: InstanceFacts = {
  componentId: "1:2",
  componentKey: "k-variant",
  componentSetId: "1:1",
  componentSetKey: "k-set",
  properties: {
    Type: { type: "VARIANT", value: "Primary" },
    "Show Label": { type: "BOOLEAN", value: true },
    Label: { type: "TEXT", value: "Go" },
    Icon: { type: "INSTANCE_SWAP", value: "9:9" },
  },
  references: {},
  overrides: [],
};

describe("the mapping form's draft", () => {
  it("names props and components as code does", () => {
    expect(propName("Show Value (Small)")).toBe("showValueSmall");
    expect(propName("Dark Mode")).toBe("darkMode");
    expect(componentName("Home Indicator")).toBe("HomeIndicator");
    expect(componentName("Type=Primary, Size=Large")).toBe("Type");
    expect(parseValues("Primary=primary, Big=2, On=true, Off=false, None=null")).toEqual({
      Primary: "primary",
      Big: 2,
      On: true,
      Off: false,
      None: null,
    });
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
    const filled = {
      ...draft,
      module: "@acme/ui",
      rows: draft.rows.map((r) => (r.property === "Icon" ? { ...r, prop: "" } : r)),
    };
    const made = mappingFrom(filled);
    expect(made).toEqual({
      mapping: {
        figma: { nodeId: "1:1", key: "k-set" },
        import: { module: "@acme/ui", name: "Button" },
        props: {
          type: { kind: "variant", property: "Type", values: { Primary: "primary" } },
          showLabel: { kind: "boolean", property: "Show Label" },
          label: { kind: "text", property: "Label" },
        },
      },
    });
    const bad = mappingFrom({ ...draft, name: "my button", rows: draft.rows.map((r) => ({ ...r, prop: "same" })) });
    expect("errors" in bad && Object.keys(bad.errors).sort()).toEqual(["module", "name", "prop-1", "prop-2", "prop-3"]);
  });

  it("edits a stored mapping: its prop names kept, sources it does not edit kept as they are", () => {
    const made = mappingFrom({ ...draftFor(FACTS, "Button"), module: "@acme/ui" });
    if (!("mapping" in made)) throw new Error("expected a mapping");
    const stored = {
      ...made.mapping,
      props: { kind: made.mapping.props["type"]!, children: { kind: "textContent" as const, layer: "lbl" } },
    };
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
    expect(upsert(map, { ...a, import: { module: "m", name: "A2" } }).components.map((m) => m.import.name)).toEqual([
      "A2",
      "B",
    ]);
    expect(
      upsert(map, { figma: { nodeId: "2:2" }, import: { module: "m", name: "C" }, props: {} }).components,
    ).toHaveLength(3);
    expect(upsert(map, { ...b, figma: { nodeId: "3:3" } }, 1).components.map((m) => m.figma)).toEqual([
      { nodeId: "1:1" },
      { nodeId: "3:3" },
    ]);
    expect(without(map, 0).components).toEqual([b]);
  });

  it(
    "pre-fills a value map with every option the main component's " +
      "set defines, in Figma's order, each as a code value",
    () => {
      const component: MainComponent = {
        id: "1:2",
        name: "Type=Primary",
        set: { id: "1:1", name: "Button" },
        definitions: {
          Type: { type: "VARIANT", defaultValue: "Primary", variantOptions: ["Primary", "Ghost", "Dark Mode"] },
          Size: { type: "VARIANT", defaultValue: "md", variantOptions: ["sm", "md"] },
          Label: { type: "TEXT", defaultValue: "Button" },
          "Show Label": { type: "BOOLEAN", defaultValue: false },
          Icon: { type: "INSTANCE_SWAP", defaultValue: "9:9" },
        },
      };
      const draft = draftFor(FACTS, "Button", undefined, component);
      expect(draft.rows.map((r) => [r.property, r.type, r.prop, r.current, r.values])).toEqual([
        ["Type", "VARIANT", "type", "Primary", "Primary=primary, Ghost=ghost, Dark Mode=dark-mode"],
        // A property the instance's export does not carry: its default stands for its value.
        ["Size", "VARIANT", "size", "md", "sm=sm, md=md"],
        ["Label", "TEXT", "label", "Go", ""],
        ["Show Label", "BOOLEAN", "showLabel", "true", ""],
        ["Icon", "INSTANCE_SWAP", "icon", "9:9", ""],
      ]);
      const made = mappingFrom({ ...draft, module: "@acme/ui" });
      expect("mapping" in made && made.mapping.props["type"]).toEqual({
        kind: "variant",
        property: "Type",
        values: { Primary: "primary", Ghost: "ghost", "Dark Mode": "dark-mode" },
      });
      // Without the definitions (a missing main component), only the instance's own value, as before.
      expect(draftFor(FACTS, "Button").rows[0]!.values).toBe("Primary=primary");
    },
  );

  it("editing keeps the stored value map and names the set's options it leaves out", () => {
    const component: MainComponent = {
      id: "1:2",
      name: "Type=Primary",
      definitions: { Type: { type: "VARIANT", defaultValue: "Primary", variantOptions: ["Primary", "Ghost", "Link"] } },
    };
    const stored = {
      figma: { nodeId: "1:1" },
      import: { module: "@acme/ui", name: "Button" },
      props: { kind: { kind: "variant" as const, property: "Type", values: { Primary: "primary" } } },
    };
    const row = draftFor(FACTS, "Button", stored, component).rows[0]!;
    expect([row.prop, row.values, row.options]).toEqual(["kind", "Primary=primary", ["Primary", "Ghost", "Link"]]);
    expect(unmappedOptions(row)).toEqual(["Ghost", "Link"]);
    expect(unmappedOptions({ ...row, values: "" })).toEqual([]);
    expect(unmappedOptions({ ...row, values: "Primary=p, Ghost=g, Link=l" })).toEqual([]);
  });

  it(
    "finds the mapping a form edits where it is now, so a " +
      "list changed meanwhile is not written at the wrong place",
    () => {
      const a = { figma: { nodeId: "1:1" }, import: { module: "m", name: "A" }, props: {} };
      const b = { figma: { key: "k" }, import: { module: "m", name: "B" }, props: {} };
      const c = { figma: { nodeId: "2:2" }, import: { module: "m", name: "C" }, props: {} };
      expect(findMapping({ components: [a, b] }, structuredClone(b))).toBe(1);
      // A collaborator added C before B: B is found at its new place, and saving over it leaves C alone.
      const now = { components: [a, c, b] };
      const at = findMapping(now, b);
      expect(at).toBe(2);
      expect(
        upsert(now, { ...b, import: { module: "m", name: "B2" } }, at).components.map((m) => m.import.name),
      ).toEqual(["A", "C", "B2"]);
      expect(findMapping({ components: [a] }, b)).toBeUndefined();
    },
  );

  it(
    "keeps what Code Connect wrote that the form has no field for: " +
      "a variant's JSX values and omissions, a boolean's value map",
    () => {
      const icon = { code: '<Icon name="star" />', imports: [{ module: "@acme/icons", name: "Icon" }] };
      const stored = {
        figma: { nodeId: "1:1" },
        import: { module: "@acme/ui", name: "Button" },
        props: {
          kind: {
            kind: "variant" as const,
            property: "Type",
            values: { Primary: "primary" },
            jsx: { Ghost: icon },
            omit: ["Link"],
          },
          label: { kind: "boolean" as const, property: "Show Label", values: { true: "yes" }, jsx: { false: icon } },
        },
      };
      const component: MainComponent = {
        id: "1:2",
        name: "Type=Primary",
        definitions: {
          Type: { type: "VARIANT", defaultValue: "Primary", variantOptions: ["Primary", "Ghost", "Link", "Text"] },
          "Show Label": { type: "BOOLEAN", defaultValue: true },
        },
      };
      const draft = draftFor(FACTS, "Button", stored, component);
      const [type, show] = draft.rows;
      expect([type!.values, show!.values]).toEqual(["Primary=primary", ""]);
      // The form says what it keeps, and counts JSX and omitted values as mapped.
      expect(keptMaps(type!)).toEqual(["JSX for Ghost", "left out on purpose: Link"]);
      expect(keptMaps(show!)).toEqual(['true → "yes", false → <Icon name="star" />']);
      expect(unmappedOptions(type!)).toEqual(["Text"]);

      // Saved unchanged, the mapping is what was stored.
      const same = mappingFrom(draft);
      expect("mapping" in same && same.mapping.props).toEqual(stored.props);

      // Edited: a renamed prop and a new literal keep the JSX and omissions the text does not now map; a value typed
      // over a JSX or omitted one replaces it.
      const edited = {
        ...draft,
        rows: draft.rows.map((r, i) =>
          i === 0
            ? { ...r, prop: "variant", values: "Primary=primary, Text=text, Link=link" }
            : i === 1
              ? { ...r, prop: "showLabel" }
              : r,
        ),
      };
      const made = mappingFrom(edited);
      expect("mapping" in made && made.mapping.props).toEqual({
        variant: {
          kind: "variant",
          property: "Type",
          values: { Primary: "primary", Text: "text", Link: "link" },
          jsx: { Ghost: icon },
        },
        showLabel: { kind: "boolean", property: "Show Label", values: { true: "yes" }, jsx: { false: icon } },
      });
      const overJsx = mappingFrom({
        ...draft,
        rows: draft.rows.map((r, i) => (i === 0 ? { ...r, values: "Primary=primary, Ghost=ghost" } : r)),
      });
      expect("mapping" in overJsx && overJsx.mapping.props["kind"]).toEqual({
        kind: "variant",
        property: "Type",
        values: { Primary: "primary", Ghost: "ghost" },
        omit: ["Link"],
      });

      // A mapping with no such maps shows nothing kept and saves as before.
      expect(draftFor(FACTS, "Button").rows.flatMap(keptMaps)).toEqual([]);
    },
  );
});
