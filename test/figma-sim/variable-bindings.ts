/**
 * Variable bindings the plugin makes, as Figma checks them: `node.setBoundVariable(field, variable)` (a Variable
 * object, or null to unbind; an id string is the deprecated form, refused under "dynamic-page"), the variable's
 * type checked against the field's, `cornerRadius` on a frame bound as its four corners (as Figma reports it), the
 * field taking the variable's value for the node's mode; and `figma.variables.setBoundVariableForPaint`, which
 * returns a bound copy of a SOLID paint. Bindings live in the node's REST JSON `boundVariables`, REST's own shape,
 * so the JSON_REST_V1 export shows them.
 */
import type { DesignVariables } from "../../codegen/design/extras.js";

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** VariableBindableNodeField / VariableBindableTextField (plugin typings) → the variable type each takes. */
const FIELD_TYPES: Record<string, string> = {
  height: "FLOAT",
  width: "FLOAT",
  characters: "STRING",
  itemSpacing: "FLOAT",
  paddingLeft: "FLOAT",
  paddingRight: "FLOAT",
  paddingTop: "FLOAT",
  paddingBottom: "FLOAT",
  visible: "BOOLEAN",
  cornerRadius: "FLOAT",
  topLeftRadius: "FLOAT",
  topRightRadius: "FLOAT",
  bottomLeftRadius: "FLOAT",
  bottomRightRadius: "FLOAT",
  minWidth: "FLOAT",
  maxWidth: "FLOAT",
  minHeight: "FLOAT",
  maxHeight: "FLOAT",
  counterAxisSpacing: "FLOAT",
  strokeWeight: "FLOAT",
  strokeTopWeight: "FLOAT",
  strokeRightWeight: "FLOAT",
  strokeBottomWeight: "FLOAT",
  strokeLeftWeight: "FLOAT",
  opacity: "FLOAT",
  gridRowGap: "FLOAT",
  gridColumnGap: "FLOAT",
  fontFamily: "STRING",
  fontSize: "FLOAT",
  fontStyle: "STRING",
  fontWeight: "FLOAT",
  letterSpacing: "FLOAT",
  lineHeight: "FLOAT",
  paragraphSpacing: "FLOAT",
  paragraphIndent: "FLOAT",
};
const TEXT_FIELDS = new Set([
  "characters",
  "fontFamily",
  "fontSize",
  "fontStyle",
  "fontWeight",
  "letterSpacing",
  "lineHeight",
  "paragraphSpacing",
  "paragraphIndent",
]);
const CORNERS = ["topLeftRadius", "topRightRadius", "bottomLeftRadius", "bottomRightRadius"];

const alias = (id: string): Json => ({ type: "VARIABLE_ALIAS", id });

/** The variable `value` resolves to in `modes` (collection → mode; a collection's default where absent). */
export function resolveVariableValue(
  data: DesignVariables | undefined,
  id: string,
  modes: Record<string, string> = {},
): unknown {
  for (let depth = 0, at = id; depth < 16; depth++) {
    const v = data?.variables[at];
    if (!v) return undefined;
    const collection = data.variableCollections[v.variableCollectionId];
    const mode = modes[v.variableCollectionId] ?? collection?.defaultModeId ?? Object.keys(v.valuesByMode)[0] ?? "";
    const value: unknown = v.valuesByMode[mode] ?? Object.values(v.valuesByMode)[0];
    if (isRecord(value) && value["type"] === "VARIABLE_ALIAS" && typeof value["id"] === "string") at = value["id"];
    else return value;
  }
  return undefined;
}

/** The variable a binding call names: a Variable object of this file, or null; Figma's errors otherwise. */
function variableOf(data: DesignVariables | undefined, what: string, variable: unknown): { id: string; type: string } {
  if (typeof variable === "string")
    throw new Error(`${what}: passing a variable id is not supported with "documentAccess": "dynamic-page"`);
  const id = isRecord(variable) ? variable["id"] : undefined;
  const known = typeof id === "string" ? data?.variables[id] : undefined;
  if (typeof id !== "string" || !known) throw new Error(`${what}: expected a Variable (or null)`);
  return { id, type: known.resolvedType };
}

interface BindingHost {
  readonly type: string;
  readonly rest: Json;
}

/** Adds `setBoundVariable` to a node; `modes` is its resolvedVariableModes. */
export function defineSetBoundVariable(
  node: BindingHost,
  data: () => DesignVariables | undefined,
  change: (what: string) => void,
  modes: () => Record<string, string>,
): void {
  Object.defineProperty(node, "setBoundVariable", {
    value: (field: unknown, variable: unknown): void => {
      const what = `setBoundVariable(${String(field)})`;
      const type = typeof field === "string" ? FIELD_TYPES[field] : undefined;
      if (typeof field !== "string" || type === undefined) throw new Error(`${what}: not a bindable field`);
      if (TEXT_FIELDS.has(field) && node.type !== "TEXT")
        throw new Error(`${what}: a ${node.type} node has no field ${field}`);
      const text = TEXT_FIELDS.has(field) && field !== "characters";
      if (!(field in node) && field !== "cornerRadius" && field !== "strokeWeight" && !text)
        throw new Error(`${what}: a ${node.type} node has no field ${field}`);
      const fields = field === "cornerRadius" && CORNERS.every((c) => c in node) ? CORNERS : [field];
      const bound: Json = isRecord(node.rest["boundVariables"]) ? { ...node.rest["boundVariables"] } : {};
      change(`bind ${String(node.rest["id"])} ${field}`);
      if (variable === null) {
        for (const f of fields) delete bound[f];
      } else {
        const v = variableOf(data(), what, variable);
        if (v.type !== type) throw new Error(`${what}: a ${v.type} variable cannot be bound to a ${type} field`);
        // The field takes the variable's value for the node's mode, as in Figma.
        const value = resolveVariableValue(data(), v.id, modes());
        // A text field binds every character: REST lists it, one alias per variable (the style is the layer's).
        if (text) bound[field] = [alias(v.id)];
        for (const f of text ? [] : fields) {
          bound[f] = alias(v.id);
          if (typeof value === "number" && f !== "width" && f !== "height" && f in node)
            (node as unknown as Json)[f] = value;
        }
      }
      node.rest["boundVariables"] = bound;
    },
  });
}

/**
 * `setRangeBoundVariable(start, end, field, variable)` on a text node: the variable's type checked against the
 * text field's, and the alias added to the node's list for that field (REST's one alias per variable).
 */
export function defineSetRangeBoundVariable(
  node: BindingHost,
  data: () => DesignVariables | undefined,
  change: (what: string) => void,
): void {
  if (node.type !== "TEXT") return;
  Object.defineProperty(node, "setRangeBoundVariable", {
    value: (start: unknown, end: unknown, field: unknown, variable: unknown): void => {
      const what = `setRangeBoundVariable(${String(field)})`;
      const type = typeof field === "string" && field !== "characters" ? FIELD_TYPES[field] : undefined;
      if (typeof field !== "string" || !TEXT_FIELDS.has(field) || type === undefined)
        throw new Error(`${what}: not a bindable text field`);
      const length = String((node as unknown as Json)["characters"] ?? "").length;
      if (!Number.isInteger(start) || !Number.isInteger(end) || (start as number) < 0 || (end as number) > length)
        throw new Error(`${what}: range ${String(start)}…${String(end)} outside 0…${length}`);
      const v = variableOf(data(), what, variable);
      if (v.type !== type) throw new Error(`${what}: a ${v.type} variable cannot be bound to a ${type} field`);
      change(`bind ${String(node.rest["id"])} ${field} ${String(start)}…${String(end)}`);
      const bound: Json = isRecord(node.rest["boundVariables"]) ? { ...node.rest["boundVariables"] } : {};
      const list = Array.isArray(bound[field]) ? [...(bound[field] as Json[])] : [];
      if (!list.some((a) => a["id"] === v.id)) list.push(alias(v.id));
      bound[field] = list;
      node.rest["boundVariables"] = bound;
    },
  });
}

const EFFECT_FIELD_TYPES: Record<string, string> = {
  color: "COLOR",
  radius: "FLOAT",
  spread: "FLOAT",
  offsetX: "FLOAT",
  offsetY: "FLOAT",
};

/**
 * `figma.variables.setBoundVariableForEffect`: a copy of `effect` with `field` bound (null unbinds); a blur binds
 * its radius only, a shadow any of VariableBindableEffectField.
 */
export function boundEffect(
  data: DesignVariables | undefined,
  effect: unknown,
  field: unknown,
  variable: unknown,
): Json {
  const what = "setBoundVariableForEffect";
  if (!isRecord(effect) || typeof effect["type"] !== "string") throw new Error(`${what}: expected an Effect`);
  const shadow = effect["type"] === "DROP_SHADOW" || effect["type"] === "INNER_SHADOW";
  const type = typeof field === "string" ? EFFECT_FIELD_TYPES[field] : undefined;
  if (type === undefined || (!shadow && field !== "radius"))
    throw new Error(`${what}: ${String(field)} is not a bindable field of a ${effect["type"]}`);
  const copy = structuredClone(effect);
  const bound: Json = isRecord(copy["boundVariables"]) ? { ...copy["boundVariables"] } : {};
  if (variable === null) delete bound[field as string];
  else {
    const v = variableOf(data, what, variable);
    if (v.type !== type) throw new Error(`${what}: a ${v.type} variable cannot be bound to an effect's ${field}`);
    bound[field as string] = alias(v.id);
  }
  if (Object.keys(bound).length > 0) copy["boundVariables"] = bound;
  else delete copy["boundVariables"];
  return copy;
}

/** `figma.variables.setBoundVariableForPaint`: a copy of the SOLID `paint` with its colour bound (null unbinds). */
export function boundPaint(data: DesignVariables | undefined, paint: unknown, field: unknown, variable: unknown): Json {
  const what = "setBoundVariableForPaint";
  if (!isRecord(paint) || paint["type"] !== "SOLID") throw new Error(`${what}: expected a SolidPaint`);
  if (field !== "color") throw new Error(`${what}: the field must be "color"`);
  const copy = structuredClone(paint);
  const bound: Json = isRecord(copy["boundVariables"]) ? { ...copy["boundVariables"] } : {};
  if (variable === null) delete bound["color"];
  else {
    const v = variableOf(data, what, variable);
    if (v.type !== "COLOR") throw new Error(`${what}: a ${v.type} variable cannot be bound to a paint's color`);
    bound["color"] = alias(v.id);
  }
  if (Object.keys(bound).length > 0) copy["boundVariables"] = bound;
  else delete copy["boundVariables"];
  return copy;
}

/**
 * What `node.boundVariables` shows: the REST JSON's bindings, and `fills` / `strokes` listed from the paints that are
 * bound (as Figma lists them next to each paint's own `boundVariables.color`).
 */
export function nodeBindings(rest: Json, paints: { fills?: readonly unknown[]; strokes?: readonly unknown[] }): Json {
  const out: Json = isRecord(rest["boundVariables"]) ? structuredClone(rest["boundVariables"]) : {};
  for (const key of ["fills", "strokes"] as const) {
    if (key in out) continue;
    const list = (paints[key] ?? []).flatMap((p) => {
      const bound = isRecord(p) && isRecord(p["boundVariables"]) ? p["boundVariables"]["color"] : undefined;
      return isRecord(bound) ? [structuredClone(bound)] : [];
    });
    if (list.length > 0) out[key] = list;
  }
  return out;
}
