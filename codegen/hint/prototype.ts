/**
 * The prototype in the model hint (codegen/prototype): after the layers, one line per layer that links or scrolls,
 * by its Figma id, so that the model's code clicks through as the design does:
 *
 *   > 1:3 go:2:1            a click goes to frame 2:1's page
 *   > 1:4 to:1:9            a click scrolls to layer 1:9
 *   > 1:5 url:"https://…" new   a click opens the address (in a new tab)
 *   > 2:2 back              a click goes back
 *   > 1:2 fixed             stays put when the page scrolls (sticky: sticks at the top)
 *   > 1:6 scroll:y          scrolls its content inside (x, y or both)
 *
 * Only what the code does is printed (links.ts, scrolling); the rest of the prototype is in the notes.
 */
import type { DesignNode } from "../design/types.js";
import { clickAction } from "../prototype/links.js";
import type { Action, LayerPrototype, Prototype } from "../prototype/model.js";
import { quote, splitTokens, unquote } from "./tokens.js";
import { FigmentError } from "../../kernel/errors.js";

export const PROTOTYPE_MARK = ">";

function linkToken(action: Action): string[] {
  if (action.type === "BACK") return ["back"];
  if (action.type === "URL") return [`url:${quote(action.url)}`, ...(action.openInNewTab ? ["new"] : [])];
  if (action.type === "NODE" && action.destinationId !== null)
    return [`${action.navigation === "SCROLL_TO" ? "to" : "go"}:${action.destinationId}`];
  return [];
}

/** The lines for the layers of `frames` (in the tree's order) that link or scroll. */
export function prototypeLines(frames: readonly DesignNode[], prototype: Prototype | undefined): string[] {
  if (!prototype) return [];
  const lines: string[] = [];
  const visit = (node: DesignNode): void => {
    const layer = node.id ? prototype.layers[node.id] : undefined;
    if (layer) {
      const click = layer.interactions?.find((i) => i.trigger.type === "ON_CLICK");
      const action = click && clickAction(click.actions);
      const tokens = [
        ...(action ? linkToken(action) : []),
        ...(layer.scroll ? [layer.scroll] : []),
        ...(layer.overflow ? [`scroll:${layer.overflow}`] : []),
      ];
      if (tokens.length > 0) lines.push([PROTOTYPE_MARK, node.id, ...tokens].join(" "));
    }
    for (const child of node.children ?? []) visit(child);
  };
  for (const frame of frames) visit(frame);
  return lines;
}

const OVERFLOWS = new Set(["x", "y", "both"]);

/** One `>` line read back into `layers`. */
export function parsePrototypeLine(line: string, layers: Record<string, LayerPrototype>, lineNo: number): void {
  const [, id, ...tokens] = splitTokens(line);
  if (!id) throw new FigmentError("input", `line ${lineNo}: expected > <layer id> <link or scroll>`);
  const layer: LayerPrototype = {};
  const click = (action: Action): void => {
    layer.interactions = [{ trigger: { type: "ON_CLICK" }, actions: [action] }];
  };
  for (const token of tokens) {
    const colon = token.indexOf(":");
    const key = colon < 0 ? token : token.slice(0, colon);
    const value = colon < 0 ? "" : token.slice(colon + 1);
    if (key === "back") click({ type: "BACK" });
    else if (key === "url") click({ type: "URL", url: unquote(value), openInNewTab: false });
    else if (key === "new" && layer.interactions?.[0]?.actions[0]?.type === "URL")
      layer.interactions[0].actions[0] = { ...layer.interactions[0].actions[0], openInNewTab: true };
    else if (key === "go" || key === "to")
      click({ type: "NODE", destinationId: value, navigation: key === "go" ? "NAVIGATE" : "SCROLL_TO" });
    else if (key === "fixed" || key === "sticky") layer.scroll = key;
    else if (key === "scroll" && OVERFLOWS.has(value))
      layer.overflow = value as NonNullable<LayerPrototype["overflow"]>;
    else throw new FigmentError("input", `line ${lineNo}: unknown prototype token ${token}`);
  }
  layers[id] = layer;
}
