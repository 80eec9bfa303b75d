/**
 * Value maps: what a variant's or a boolean's Figma value becomes — a literal (`values`), JSX (`jsx`), or nothing on
 * purpose (a variant's `omit`, Code Connect's `undefined`). Shared by the resolution, the model's preview and the
 * check of the model's files, so all three read a map the same way. Pure and light.
 */
import type { BooleanSource, JsxCode, MappedValue, PropLiteral, PropSource, VariantSource } from "./model.js";

/** Whether a variant has a map at all (without one, the Figma value itself is the prop's value). */
export function hasVariantMap(source: VariantSource): boolean {
  return source.values !== undefined || source.jsx !== undefined || source.omit !== undefined;
}

/** Own keys only: a Figma value may be called "constructor". (Object.hasOwn is newer than the main thread's lib.) */
// biome-ignore lint/suspicious/noPrototypeBuiltins: the main thread's lib is ES2020, without Object.hasOwn
const owns = (record: object, key: string): boolean => Object.prototype.hasOwnProperty.call(record, key);

/**
 * A variant value through the maps: the value, "omit", or undefined when the maps do not list it. A literal wins over
 * JSX.
 */
export function variantValue(source: VariantSource, value: string): MappedValue | "omit" | undefined {
  if (source.values && owns(source.values, value)) return { literal: source.values[value]! };
  if (source.jsx && owns(source.jsx, value)) return { code: source.jsx[value]! };
  return source.omit?.includes(value) ? "omit" : undefined;
}

/** The Figma values a variant's maps list, for notes. */
export function listedValues(source: VariantSource): string[] {
  return [...new Set([...Object.keys(source.values ?? {}), ...Object.keys(source.jsx ?? {}), ...(source.omit ?? [])])];
}

/** A boolean through its maps: without maps the boolean itself; a side neither map lists leaves the prop out. */
export function booleanValue(source: BooleanSource, on: boolean): MappedValue | undefined {
  if (!source.values && !source.jsx) return { literal: on };
  const side = on ? "true" : "false";
  const literal = source.values?.[side];
  if (literal !== undefined) return { literal };
  const code = source.jsx?.[side];
  return code ? { code } : undefined;
}

/**
 * The literals a prop's value map can write (a variant's or a boolean's `values`, through figma.nestedProps too);
 * undefined when the source has no literal map, so a written literal cannot be judged by it.
 */
export function mapLiterals(source: PropSource): PropLiteral[] | undefined {
  if (source.kind === "nested") return mapLiterals(source.source);
  if (source.kind !== "variant" && source.kind !== "boolean") return undefined;
  const values = Object.values(source.values ?? {});
  return values.length > 0 ? values : undefined;
}

/** Every JSX a source's maps hold (figma.nestedProps and className parts included), for their imports. */
export function jsxCodes(source: PropSource): JsxCode[] {
  if (source.kind === "nested") return jsxCodes(source.source);
  if (source.kind === "className") return source.parts.flatMap(jsxCodes);
  if (source.kind !== "variant" && source.kind !== "boolean") return [];
  return Object.values(source.jsx ?? {}).filter((code): code is JsxCode => code !== undefined);
}
