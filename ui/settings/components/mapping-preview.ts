/**
 * The JSX a mapping writes, from the mapping alone: the form's preview when no instance of the component is
 * selected (editing a stored mapping). Each prop shows where its value comes from — a placeholder named after the
 * prop (`label={label}`, children `{label}`), a variant's first mapped value, a swapped instance as `<Icon />` —
 * so the shape of the code is visible though the values are an instance's. Pure.
 */
import { jsxChildLiteral, jsxPropAttribute } from "../../../codegen/components-map/jsx.js";
import type { ComponentMapping, PropLiteral, PropSource } from "../../../codegen/components-map/model.js";
import { componentName, propName } from "./mapping-draft.js";

/** What a prop is written as: a literal the mapping fixes, or JSX text standing for a value an instance gives. */
type Shown = { literal: PropLiteral } | { jsx: string };

/** A placeholder expression named after `name` (a prop or a property), a valid identifier. */
const placeholder = (name: string): string => propName(name) || "value";
const element = (name: string): string => `<${componentName(name)} />`;

function shown(prop: string, source: PropSource): Shown {
  switch (source.kind) {
    case "value":
      return { literal: source.value };
    case "variant": {
      const first = Object.values(source.values ?? {})[0];
      return first !== undefined
        ? { literal: first }
        : { jsx: `{${placeholder(prop === "children" ? source.property : prop)}}` };
    }
    case "boolean": {
      const mapped = source.values?.true ?? source.values?.false;
      return mapped !== undefined
        ? { literal: mapped }
        : { jsx: `{${placeholder(prop === "children" ? source.property : prop)}}` };
    }
    case "text":
      return { jsx: `{${placeholder(prop === "children" ? source.property : prop)}}` };
    case "textContent":
      return { jsx: `{${placeholder(prop === "children" ? source.layer : prop)}}` };
    case "instance":
      return { jsx: element(source.property) };
    case "children":
      return { jsx: source.layers.map(element).join("") };
    case "className":
      return { jsx: `{${placeholder(prop)}}` };
    case "nested":
      // A value read from the nested instance: what that source shows, named after the prop.
      return shown(prop, source.source);
  }
}

/**
 * `<Button variant="primary" label={label}>{title}</Button>`: the mapping's code with placeholders for an instance's
 * values.
 */
export function jsxFromMapping(mapping: ComponentMapping): string {
  const name = mapping.import.name;
  const attrs: string[] = [];
  let children = "";
  for (const [prop, source] of Object.entries(mapping.props)) {
    const value = shown(prop, source);
    if (prop === "children") children = "literal" in value ? jsxChildLiteral(value.literal) : value.jsx;
    else if ("literal" in value) attrs.push(jsxPropAttribute(prop, value.literal));
    else if (value.jsx.startsWith("{")) attrs.push(`${prop}=${value.jsx}`);
    // Several layers in one prop are one fragment.
    else
      attrs.push(
        `${prop}={${source.kind === "children" && source.layers.length > 1 ? `<>${value.jsx}</>` : value.jsx}}`,
      );
  }
  const open = `<${name}${attrs.length > 0 ? ` ${attrs.join(" ")}` : ""}`;
  return children === "" ? `${open} />` : `${open}>${children}</${name}>`;
}
