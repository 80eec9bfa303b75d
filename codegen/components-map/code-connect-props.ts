/**
 * A Code Connect `props` object → where each prop comes from: `figma.string("Label")` and the other helpers, value
 * maps of literals, JSX or `undefined`, `figma.className([…])` and `figma.nestedProps("Layer", { … })`. Read, never
 * run: what cannot be read statically is a note with file:line and is left out.
 */
import { Node } from "ts-morph";
import { isJsx, readJsxCode } from "./code-connect-jsx.js";
import {
  isUndefined,
  literalString,
  literalValue,
  note,
  propertyKey,
  type ReadContext,
} from "./code-connect-syntax.js";
import { CLASS_NAME_PART_KINDS, type ClassNamePart, type JsxCode, type PropLiteral, type PropSource } from "./model.js";

/** figma.nestedProps("Icon", { … }): an object of sources read from the nested layer, used by field in the example. */
export interface NestedProps {
  nested: string;
  props: Map<string, PropSource>;
  node: Node;
}

/** A declared prop: one source, or a nested layer's object of them. */
export type Declared = PropSource | NestedProps;

export const isNestedProps = (declared: Declared | undefined): declared is NestedProps =>
  declared !== undefined && "nested" in declared;

function helperCall(node: Node | undefined): { helper: string; args: Node[] } | undefined {
  if (!Node.isCallExpression(node)) return undefined;
  const callee = node.getExpression();
  if (!Node.isPropertyAccessExpression(callee) || callee.getExpression().getText() !== "figma") return undefined;
  return { helper: callee.getName(), args: node.getArguments() };
}

interface ValueMaps {
  values: Record<string, PropLiteral>;
  jsx: Record<string, JsxCode>;
  omit: string[];
}

/** A value map: literals, JSX (kept as code) and `undefined` (the prop left out); anything else is a note. */
function readValueMaps(node: Node | undefined, what: string, ctx: ReadContext): ValueMaps | undefined {
  if (!Node.isObjectLiteralExpression(node)) return undefined;
  const out: ValueMaps = { values: {}, jsx: {}, omit: [] };
  for (const prop of node.getProperties()) {
    const init = Node.isPropertyAssignment(prop) ? prop.getInitializer() : undefined;
    const key = Node.isPropertyAssignment(prop) ? propertyKey(prop.getNameNode()) : "";
    const literal = literalValue(init);
    if (init && literal) out.values[key] = literal.value;
    else if (init && isUndefined(init)) out.omit.push(key);
    else if (init && isJsx(init)) {
      const code = readJsxCode(init, what, ctx);
      if (code) out.jsx[key] = code;
    } else
      note(
        ctx,
        prop,
        `${what}: ${prop.getText().slice(0, 60)} is not a literal (string, ` +
          `number, boolean, null), JSX or undefined; that value is left out`,
      );
  }
  return out;
}

const nonEmpty = <T extends object>(record: T): T | undefined => (Object.keys(record).length > 0 ? record : undefined);

function variantSource(property: string, map: ValueMaps | undefined): PropSource {
  if (!map) return { kind: "variant", property };
  const jsx = nonEmpty(map.jsx);
  const omit = map.omit.length > 0 ? map.omit : undefined;
  // A map that kept nothing is still a map: its values are left out (noted), not passed through as they are.
  const values = nonEmpty(map.values) ?? (jsx || omit ? undefined : map.values);
  return {
    kind: "variant",
    property,
    ...(values ? { values } : {}),
    ...(jsx ? { jsx } : {}),
    ...(omit ? { omit } : {}),
  };
}

function booleanSource(property: string, map: ValueMaps | undefined): PropSource {
  // A side mapped to undefined, like a side not listed, leaves the prop out.
  const side = <T>(record: Record<string, T>): { true?: T; false?: T } | undefined => {
    const out = {
      ...("true" in record ? { true: record["true"]! } : {}),
      ...("false" in record ? { false: record["false"]! } : {}),
    };
    return Object.keys(out).length > 0 ? out : undefined;
  };
  const values = map ? side(map.values) : undefined;
  const jsx = map ? side(map.jsx) : undefined;
  const bare = !values && !jsx && map !== undefined;
  return { kind: "boolean", property, ...(values ? { values } : bare ? { values: {} } : {}), ...(jsx ? { jsx } : {}) };
}

/**
 * A class name part without JSX values: they are left out (an empty literal map, so the Figma value is not used
 * instead).
 */
function withoutJsx(part: ClassNamePart, node: Node, ctx: ReadContext): ClassNamePart {
  if ((part.kind !== "variant" && part.kind !== "boolean") || part.jsx === undefined) return part;
  note(ctx, node, "figma.className: JSX in a value map is no class name; those values are left out");
  const { jsx: _jsx, ...rest } = part;
  return { ...rest, values: rest.values ?? {} } as ClassNamePart;
}

/** figma.className([...]): class names and the helpers that give them; JSX is no class name. */
function classNameSource(call: Node, arg: Node | undefined, ctx: ReadContext): PropSource | undefined {
  if (!Node.isArrayLiteralExpression(arg)) {
    note(ctx, call, "figma.className takes a list of class names and figma.* helpers; this prop is left out");
    return undefined;
  }
  const parts: ClassNamePart[] = [];
  for (const element of arg.getElements()) {
    if (isUndefined(element)) continue;
    const part = readPropSource(element, ctx);
    if (!part) continue;
    if (!(CLASS_NAME_PART_KINDS as readonly string[]).includes(part.kind)) {
      note(ctx, element, `figma.className: ${element.getText().slice(0, 60)} gives no class name; left out`);
      continue;
    }
    parts.push(withoutJsx(part as ClassNamePart, element, ctx));
  }
  return parts.length > 0 ? { kind: "className", parts } : undefined;
}

/** One `props` entry: `figma.string("Label")` and the other helpers → a source, or a note. */
export function readPropSource(value: Node, ctx: ReadContext): PropSource | undefined {
  const call = helperCall(value);
  const first = call ? literalString(call.args[0]) : undefined;
  if (!call) {
    const literal = literalValue(value);
    if (literal) return { kind: "value", value: literal.value };
    note(ctx, value, `${value.getText().slice(0, 60)} is not a figma.* helper or a literal; this prop is left out`);
    return undefined;
  }
  if (call.helper === "className") return classNameSource(value, call.args[0], ctx);
  if (call.helper === "children") {
    const arg = call.args[0];
    const layers = Node.isArrayLiteralExpression(arg) ? arg.getElements().map(literalString) : [first];
    if (layers.length > 0 && layers.every((l): l is string => l !== undefined)) return { kind: "children", layers };
  } else if (first !== undefined) {
    if (call.helper === "string") return { kind: "text", property: first };
    if (call.helper === "instance") return { kind: "instance", property: first };
    if (call.helper === "textContent") return { kind: "textContent", layer: first };
    if (call.helper === "enum") return variantSource(first, readValueMaps(call.args[1], `figma.enum("${first}")`, ctx));
    if (call.helper === "boolean")
      return booleanSource(first, readValueMaps(call.args[1], `figma.boolean("${first}")`, ctx));
  }
  note(
    ctx,
    value,
    `figma.${call.helper}(${call.args
      .map((a) => a.getText())
      .join(", ")
      .slice(0, 60)}) cannot be read statically; this prop is left out`,
  );
  return undefined;
}

/** figma.nestedProps("Layer", { … }): its own props object, read as props are (one level: no nestedProps inside). */
function readNestedProps(value: Node, ctx: ReadContext): NestedProps | undefined {
  const call = helperCall(value);
  const layer = call ? literalString(call.args[0]) : undefined;
  if (layer === undefined || !Node.isObjectLiteralExpression(call?.args[1])) {
    note(
      ctx,
      value,
      "figma.nestedProps needs the layer's name as a string and an object literal of props; this prop is left out",
    );
    return undefined;
  }
  const props = new Map<string, PropSource>();
  for (const [name, declared] of readProps(call!.args[1]!, ctx)) {
    if (isNestedProps(declared))
      note(ctx, declared.node, "figma.nestedProps inside figma.nestedProps is not read; left out");
    else props.set(name, declared);
  }
  return { nested: layer, props, node: value };
}

/** The connection's `props` object: each prop's source, or a nested layer's props. */
export function readProps(value: Node, ctx: ReadContext): Map<string, Declared> {
  const out = new Map<string, Declared>();
  if (!Node.isObjectLiteralExpression(value)) {
    note(ctx, value, "props must be an object literal; no props are read");
    return out;
  }
  for (const prop of value.getProperties()) {
    if (!Node.isPropertyAssignment(prop)) {
      note(ctx, prop, `${prop.getText().slice(0, 60)} cannot be read statically; left out`);
      continue;
    }
    const init = prop.getInitializerOrThrow();
    const declared =
      helperCall(init)?.helper === "nestedProps" ? readNestedProps(init, ctx) : readPropSource(init, ctx);
    if (declared) out.set(propertyKey(prop.getNameNode()), declared);
  }
  return out;
}
