/**
 * The token table under construction: tokens by key with unique names (CSS and Tailwind theme), the modes
 * they switch in, and the problems met. Variables enter through `variable()` (values per mode, aliases as
 * references to other tokens); named styles through `literal()`.
 */
import type { LocalVariable, LocalVariableCollection } from "@figma/rest-api-spec";
import { cssColor, readColor, round } from "../design/color.js";
import type { DesignVariables } from "../design/extras.js";
import { fontStack } from "../fonts/stack.js";
import { isRecord } from "../rest/reply.js";
import type { Problem } from "../types.js";
import { themeSlug, tokenSlug, TokenNames } from "./names.js";
import type { Token, TokenGroup, TokenMode, TokenValue } from "../design/token-table.js";

/**
 * How a bound property reads a variable's value. `opacity` is a FLOAT bound to a layer's opacity, which Figma reads
 * as a percentage (a variable of 50 is 50 %): its token holds the CSS fraction.
 */
export type Use = "color" | "length" | "number" | "opacity" | "font";

const TYPE_FOR: Record<Use, string> = {
  color: "COLOR",
  length: "FLOAT",
  number: "FLOAT",
  opacity: "FLOAT",
  font: "STRING",
};

/** A variable read as a plain number or an opacity is a token of its own beside its length token. */
const keyFor = (id: string, use: Use): string => (use === "number" || use === "opacity" ? `${id}#${use}` : id);

const SCHEME = (name: string): "dark" | "light" | undefined =>
  /dark|night/i.test(name) ? "dark" : /light|day/i.test(name) ? "light" : undefined;

export class TokenRegistry {
  readonly tokens = new Map<string, Token>();
  readonly problems: Problem[] = [];
  private readonly modes = new Map<string, TokenMode>();
  private readonly cssNames = new TokenNames();
  private readonly themeNames = new TokenNames();
  private readonly reported = new Set<string>();
  /** Variables whose value could not be made a token (missing, cyclic, wrong type): never retried. */
  private readonly failed = new Set<string>();

  constructor(private readonly variables: DesignVariables | undefined) {}

  /** An info problem, once per `once` key. */
  note(once: string, message: string, nodeId?: string): void {
    if (this.reported.has(once)) return;
    this.reported.add(once);
    this.problems.push({ severity: "info", code: "design-token", message, ...(nodeId ? { nodeId } : {}) });
  }

  private add(
    key: string,
    path: string,
    group: TokenGroup,
    value: TokenValue,
    modes?: Record<string, TokenValue>,
    theme?: string,
  ): Token {
    const token: Token = {
      key,
      path,
      group,
      name: this.cssNames.take(tokenSlug(path)),
      theme: this.themeNames.take(theme ?? themeSlug(group, path)),
      value,
      ...(modes && Object.keys(modes).length > 0 ? { modes } : {}),
    };
    this.tokens.set(key, token);
    return token;
  }

  /** A token with one literal value (a named style's colour, shadow or text facet). */
  literal(key: string, path: string, group: TokenGroup, css: string, theme?: string): string {
    if (!this.tokens.has(key)) this.add(key, path, group, { css }, undefined, theme);
    return key;
  }

  literalValue(key: string): string | undefined {
    const value = this.tokens.get(key)?.value;
    return value && "css" in value ? value.css : undefined;
  }

  /**
   * The token for variable `id` read as `use`, or undefined (with an info problem naming `what` on `layer`, by its
   * Figma name) when there are no variables, the id is unknown, its type does not fit, or an alias cannot be resolved.
   */
  variable(
    id: string,
    use: Use,
    group: TokenGroup,
    what: string,
    layer: { id: string; name: string },
  ): string | undefined {
    if (!this.variables) {
      this.note(
        "no-variables",
        "Layers are bound to Figma variables, but no variables were given (figment code " +
          "--variables FILE, or export from the plugin): their literal values are used",
      );
      return undefined;
    }
    const key = keyFor(id, use);
    if (this.tokens.has(key)) return key;
    const why = this.failed.has(key) ? "" : this.tryVariable(id, use, group, new Set());
    if (why === undefined) return key;
    this.failed.add(key);
    const name = this.variables.variables[id]?.name ?? id;
    this.note(
      `${key}|${what}`,
      `${what} of "${layer.name}" is bound to variable "${name}", ` +
        `${why || "which could not be resolved"}: the literal value is used`,
      layer.id,
    );
    return undefined;
  }

  /** Adds the token for `id` (and the tokens its aliases refer to); returns why not, or undefined. */
  private tryVariable(id: string, use: Use, group: TokenGroup, visiting: Set<string>): string | undefined {
    const key = keyFor(id, use);
    if (this.tokens.has(key)) return undefined;
    const variable: LocalVariable | undefined = this.variables?.variables[id];
    if (!variable) return "which is not in the variables file (a library variable that was not exported?)";
    if (variable.resolvedType !== TYPE_FOR[use])
      return `a ${variable.resolvedType} variable where a ${TYPE_FOR[use]} one is needed`;
    if (visiting.has(id)) return "whose aliases form a cycle";
    visiting.add(id);
    const collection: LocalVariableCollection | undefined =
      this.variables?.variableCollections[variable.variableCollectionId];
    if (!collection) return `whose collection ${variable.variableCollectionId} is not in the variables file`;
    const valueIn = (modeId: string): TokenValue | string => {
      const raw: unknown = variable.valuesByMode[modeId] ?? variable.valuesByMode[collection.defaultModeId];
      if (raw === undefined) return `which has no value for mode ${modeId}`;
      const target =
        isRecord(raw) && raw["type"] === "VARIABLE_ALIAS" && typeof raw["id"] === "string" ? raw["id"] : undefined;
      if (target !== undefined) {
        const why = this.tryVariable(target, use, group, visiting);
        return why === undefined ? { ref: keyFor(target, use) } : `an alias of a variable ${why}`;
      }
      if (isRecord(raw) && "opacity" in raw)
        return "a colour composed with a variable opacity, which Figment does not resolve";
      const css = cssValue(raw, use);
      return css === undefined ? `whose value ${JSON.stringify(raw).slice(0, 60)} cannot be used` : { css };
    };
    const value = valueIn(collection.defaultModeId);
    if (typeof value === "string") return value;
    const modes: Record<string, TokenValue> = {};
    if (collection.modes.length > 1) {
      for (const mode of collection.modes) {
        const entry = this.mode(collection, mode.modeId);
        if (mode.modeId === collection.defaultModeId) continue;
        const other = valueIn(mode.modeId);
        if (typeof other === "string") return `${other} (mode "${mode.name}")`;
        modes[entry.id] = other;
      }
    }
    this.add(key, variable.name, group, value, modes);
    return undefined;
  }

  /** The mode entry for a collection's mode (attributes are settled in `finish`). */
  mode(collection: LocalVariableCollection, modeId: string): TokenMode {
    const id = `${collection.id}/${modeId}`;
    let entry = this.modes.get(id);
    if (!entry) {
      const name = collection.modes.find((m) => m.modeId === modeId)?.name ?? modeId;
      const scheme = SCHEME(name);
      entry = {
        id,
        collection: collection.id,
        attribute: `data-${tokenSlug(collection.name)}`,
        value: tokenSlug(name),
        isDefault: modeId === collection.defaultModeId,
        ...(scheme ? { scheme } : {}),
      };
      this.modes.set(id, entry);
    }
    return entry;
  }

  collection(id: string): LocalVariableCollection | undefined {
    return this.variables?.variableCollections[id];
  }

  /** The modes that tokens switch in: `data-theme` when one collection has modes, else `data-<collection>`. */
  finishModes(): TokenMode[] {
    const used = new Set<string>();
    for (const token of this.tokens.values())
      for (const id of Object.keys(token.modes ?? {})) used.add(id.slice(0, id.lastIndexOf("/")));
    const modes = [...this.modes.values()].filter((m) => used.has(m.collection));
    if (used.size === 1) for (const mode of modes) mode.attribute = "data-theme";
    return modes;
  }
}

/** A variable's raw value as CSS for `use`. */
function cssValue(raw: unknown, use: Use): string | undefined {
  if (use === "color") {
    const color = readColor(raw);
    return color ? cssColor(color) : undefined;
  }
  if (use === "font") return typeof raw === "string" && raw.trim() ? fontStack(raw) : undefined;
  if (typeof raw !== "number" || !Number.isFinite(raw)) return undefined;
  if (use === "opacity") return String(round(raw / 100, 3));
  return use === "length" ? `${round(raw)}px` : String(round(raw, 3));
}
