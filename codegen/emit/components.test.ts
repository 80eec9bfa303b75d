import { describe, expect, it } from "vitest";
import type { DesignNode } from "../design/types";
import { layerKey, planComponents } from "./components";

function instance(
  id: string,
  label: string,
  options: { iconHidden?: boolean; fill?: string; componentId?: string; componentName?: string } = {},
): DesignNode {
  return {
    id,
    name: "Button",
    kind: "instance",
    w: 120,
    h: 40,
    fills: [{ kind: "solid", color: options.fill ?? "#0000ff" }],
    component: { id: options.componentId ?? "5:1", name: options.componentName ?? "Button/Primary" },
    children: [
      {
        id: `I${id};5:2`,
        name: "Label",
        kind: "text",
        w: 80,
        h: 20,
        text: {
          chars: label,
          style: { family: "Inter", size: 14, weight: 600 },
          resize: "width",
          alignH: "center",
          alignV: "top",
        },
      },
      { id: `I${id};5:3`, name: "Icon", kind: "rect", w: 16, h: 16, ...(options.iconHidden ? { hidden: true } : {}) },
    ],
  };
}

function screen(children: DesignNode[]): DesignNode {
  return { id: "1:1", name: "Home", kind: "frame", w: 400, h: 400, children };
}

describe("layerKey", () => {
  it("is the id inside the instance, empty for the root", () => {
    const a = instance("10:1", "Save");
    expect(layerKey(a, a)).toBe("");
    expect(layerKey(a, a.children![0]!)).toBe("5:2");
    // Nested instance ids (`I10:1;5:9`) prefix their own layers.
    const nested: DesignNode = { id: "I10:1;5:9", name: "", kind: "instance", w: 1, h: 1 };
    expect(layerKey(nested, { id: "I10:1;5:9;6:1", name: "", kind: "rect", w: 1, h: 1 })).toBe("6:1");
  });
});

describe("planComponents", () => {
  it("two instances differing only in text share one def with a text prop", () => {
    const a = instance("10:1", "Save");
    const b = instance("10:2", "Cancel");
    const plan = planComponents([screen([a, b])], {}, ["Home"]);
    expect(plan.defs).toHaveLength(1);
    const def = plan.defs[0]!;
    expect(def.name).toBe("Button");
    expect(def.canonical).toBe(a);
    expect(def.instances).toEqual([a, b]);
    expect(def.props).toEqual([{ name: "label", kind: "text", layer: "5:2", defaultValue: "Save" }]);
    expect(plan.usage(a)).toEqual({ component: "Button", props: [] });
    expect(plan.usage(b)).toEqual({ component: "Button", props: [["label", "Cancel"]] });
    expect(plan.textProp(def, a.children![0]!)).toBe("label");
    // Only the canonical tree's layers map to props.
    expect(plan.textProp(def, b.children![0]!)).toBeUndefined();
  });

  it("a layer hidden in one instance becomes a boolean show* prop", () => {
    const a = instance("10:1", "Save");
    const b = instance("10:2", "Save", { iconHidden: true });
    const plan = planComponents([screen([a, b])], {}, []);
    const def = plan.defs[0]!;
    expect(def.props).toEqual([
      { name: "label", kind: "text", layer: "5:2", defaultValue: "Save" },
      { name: "showIcon", kind: "visible", layer: "5:3", defaultValue: true },
    ]);
    expect(plan.usage(a)).toEqual({ component: "Button", props: [] });
    expect(plan.usage(b)).toEqual({ component: "Button", props: [["showIcon", false]] });
    expect(plan.visibleProp(def, a.children![1]!)).toBe("showIcon");
    expect(plan.visibleProp(def, a.children![0]!)).toBeUndefined();
  });

  it("an instance that differs in a fill stays inline", () => {
    const a = instance("10:1", "Save");
    const b = instance("10:2", "Save");
    const odd = instance("10:3", "Save", { fill: "#ff0000" });
    const plan = planComponents([screen([a, odd, b])], {}, []);
    expect(plan.defs.map((d) => d.name)).toEqual(["Button"]);
    expect(plan.defs[0]!.instances).toEqual([a, b]);
    expect(plan.usage(odd)).toBeUndefined();
  });

  it("a second shape used twice gets its own Variant file", () => {
    const plan = planComponents(
      [
        screen([
          instance("10:1", "A"),
          instance("10:2", "B"),
          instance("10:3", "C"),
          instance("10:4", "D", { fill: "#ff0000" }),
          instance("10:5", "E", { fill: "#ff0000" }),
        ]),
      ],
      {},
      [],
    );
    expect(plan.defs.map((d) => [d.name, d.instances.map((i) => i.id)])).toEqual([
      ["Button", ["10:1", "10:2", "10:3"]],
      ["ButtonVariant", ["10:4", "10:5"]],
    ]);
  });

  it("names are PascalCase and unique, also against screen names", () => {
    const plan = planComponents(
      [
        screen([
          instance("10:1", "A", { componentId: "5:1", componentName: "primary button/State=Default" }),
          instance("10:2", "B", { componentId: "6:1", componentName: "Primary Button/State=Hover" }),
          instance("10:3", "C", { componentId: "7:1", componentName: "home" }),
          instance("10:4", "D", { componentId: "8:1", componentName: "2 col card" }),
        ]),
      ],
      {},
      ["Home"],
    );
    expect(plan.defs.map((d) => d.name)).toEqual(["PrimaryButton", "PrimaryButton2", "Home2", "Component2ColCard"]);
  });

  it("instances whose layers are other layers of the main component (other ids inside) do not share a file", () => {
    // A component file gives each instance's layers ids from the instance's own (`I<instance>;<layer>`).
    const a = instance("10:1", "Save");
    const b = instance("10:2", "Save");
    const other: DesignNode = {
      ...instance("10:3", "Save"),
      children: instance("10:3", "Save").children!.map((c, i) => ({ ...c, id: `I10:3;9:${i}` })),
    };
    const plan = planComponents([screen([a, other, b])], {}, []);
    expect(plan.defs.map((d) => d.instances)).toEqual([[a, b]]);
    expect(plan.usage(other)).toBeUndefined();
  });

  it("a text that breaks lines in one instance at least is a text prop that keeps them; its values as drawn", () => {
    const a = instance("10:1", "Save");
    const b = instance("10:2", "Save\u2028now  ok");
    const plan = planComponents([screen([a, b])], {}, []);
    const def = plan.defs[0]!;
    expect(def.props).toEqual([{ name: "label", kind: "text", layer: "5:2", defaultValue: "Save", lines: true }]);
    expect(plan.usage(b)).toEqual({ component: "Button", props: [["label", "Save\nnow \u00a0ok"]] });
    expect(plan.textLines(def, a.children![0]!)).toBe(true);
  });

  it("props keep clear of the names reserved for the component's own locals", () => {
    const a = instance("10:1", "Save");
    const b = instance("10:2", "Go");
    for (const child of [a, b].map((i) => i.children![0]!)) child.name = "Layer Id";
    expect(planComponents([screen([a, b])], {}, []).defs[0]!.props[0]!.name).toBe("layerId");
    expect(planComponents([screen([a, b])], {}, [], () => false, ["nodeId", "layerId"]).defs[0]!.props[0]!.name).toBe(
      "layerId2",
    );
  });

  it("ignores hidden instances and instances without a component", () => {
    const hidden = { ...instance("10:1", "A"), hidden: true };
    const bare: DesignNode = { id: "10:2", name: "x", kind: "instance", w: 1, h: 1 };
    expect(planComponents([screen([hidden, bare])], {}, []).defs).toEqual([]);
  });
});
