/**
 * The form's preview from a mapping alone (no instance selected): placeholders for an instance's values, the first of a
 * value map.
 */
import { describe, expect, it } from "vitest";
import type { ComponentMapping } from "../../../codegen/components-map/model.js";
import { jsxFromMapping } from "./mapping-preview.js";

const button = (props: ComponentMapping["props"]): ComponentMapping => ({
  figma: { nodeId: "1:1" },
  import: { module: "@acme/ui", name: "Button" },
  props,
});

describe("jsxFromMapping", () => {
  it(
    "writes each prop from its source: first mapped value, " +
      "placeholders named after the prop, swapped instances as elements",
    () => {
      expect(
        jsxFromMapping(
          button({
            variant: { kind: "variant", property: "Variant", values: { Primary: "primary", Ghost: "ghost" } },
            label: { kind: "text", property: "Label" },
            disabled: { kind: "boolean", property: "Disabled" },
            icon: { kind: "instance", property: "Leading Icon" },
            size: { kind: "value", value: 2 },
            type: { kind: "value", value: "button" },
            children: { kind: "text", property: "Title Text" },
          }),
        ),
      ).toBe(
        '<Button variant="primary" label={label} disabled={disabled} ' +
          'icon={<LeadingIcon />} size={2} type="button">{titleText}</Button>',
      );
    },
  );

  it("a variant without a value map and a mapped boolean; children from layers and from a text layer", () => {
    expect(
      jsxFromMapping(
        button({
          tone: { kind: "variant", property: "Tone" },
          open: { kind: "boolean", property: "Open", values: { true: "yes", false: "no" } },
        }),
      ),
    ).toBe('<Button tone={tone} open="yes" />');
    expect(jsxFromMapping(button({ children: { kind: "children", layers: ["Tab 1", "Tab 2"] } }))).toBe(
      "<Button><Tab1 /><Tab2 /></Button>",
    );
    expect(
      jsxFromMapping(
        button({
          items: { kind: "children", layers: ["Tab 1", "Tab 2"] },
          children: { kind: "textContent", layer: "lbl" },
        }),
      ),
    ).toBe("<Button items={<><Tab1 /><Tab2 /></>}>{lbl}</Button>");
    expect(jsxFromMapping(button({ children: { kind: "variant", property: "Kind", values: { A: "Sign in" } } }))).toBe(
      "<Button>Sign in</Button>",
    );
    expect(jsxFromMapping({ ...button({}), import: { module: "x", name: "Divider", default: true } })).toBe(
      "<Divider />",
    );
  });
});
