/**
 * Parses a model hint back into the design tree (assets by reference: payloads are not in the hint, stand-ins for
 * icons).
 */
import { assetBase } from "../design/normalize.js";
import { standInSvg } from "../design/vector.js";
import type { Asset, DesignDocument, DesignNode, NodeKind } from "../design/types.js";
import { completeSizing, parseFieldToken, type FieldContext } from "./fields.js";
import { joinParts, parsePartBoxes, parsePartIds } from "./parts.js";
import { HINT_VERSION, IdCompressor, INFERRED_ID, KIND_CODE } from "./print.js";
import { parsePrototypeLine, PROTOTYPE_MARK, VARIANTS_LINE } from "./prototype.js";
import { PAGE_MARK, parsePageLine, withPages } from "./pages.js";
import type { LayerPrototype } from "../prototype/model.js";
import { num, splitTokens, unquote } from "./tokens.js";
import { FigmentError } from "../../kernel/errors.js";

const KIND_BY_CODE = new Map(Object.entries(KIND_CODE).map(([kind, code]) => [code, kind as NodeKind]));

export interface ParsedHint {
  document: DesignDocument;
}

/** The shared tables a hint defines before its nodes: `$n` property groups and `&n` texts; instances' components. */
interface Tables {
  groups: Map<string, string[]>;
  texts: Map<string, string>;
  /** The component of the last instance read, by the instance's name (a bare `cmp` is that one). */
  components: Map<string, string>;
}

/** A text node's characters: a JSON string, or `&n` from the text table. */
function textToken(token: string | undefined, texts: Map<string, string>, lineNo: number): string | undefined {
  if (token?.startsWith('"')) return unquote(token);
  if (!token?.startsWith("&")) return undefined;
  const chars = texts.get(token);
  if (chars === undefined) throw new FigmentError("input", `line ${lineNo}: undefined text ${token}`);
  return chars;
}

/** A name token: bare, a JSON string, or `&n` from the text table. */
function nameToken(token: string, texts: Map<string, string>, lineNo: number): string {
  return token.startsWith("&") ? textToken(token, texts, lineNo)! : unquote(token);
}

/** `figment-hint 1` and `2`: what a line leaves to its layer's context differs (fields.ts FieldContext). */
function hintVersion(header: string): number | undefined {
  const m = /^figment-hint ([12])$/.exec(header.trim());
  return m ? Number(m[1]) : undefined;
}

/** Where the line's layer sits: `context` only for a version 2 hint (version 1 prints every field in full). */
interface LineContext {
  instanceId: string | undefined;
  parent: DesignNode | undefined;
  root: DesignNode | undefined;
  version: number;
}

function parseLine(tokens: string[], tables: Tables, ids: IdCompressor, at: LineContext, lineNo: number): DesignNode {
  const { instanceId } = at;
  const table = tables.groups;
  const kind = KIND_BY_CODE.get(tokens[0] ?? "");
  if (!kind) throw new FigmentError("input", `line ${lineNo}: unknown node kind "${tokens[0]}"`);
  const rawId = tokens[1];
  if (!rawId) throw new FigmentError("input", `line ${lineNo}: missing id`);
  const inferred = rawId === INFERRED_ID;
  const id = inferred ? "" : ids.parse(rawId, instanceId);
  let i = 2;
  let name: string | undefined;
  const next = tokens[i];
  const isText = kind === "text";
  if (next !== undefined && !next.startsWith("@") && !/^-?[\d.]+x-?[\d.]+$/.test(next)) {
    if (!(isText && (next.startsWith('"') || next.startsWith("&")) && i === tokens.length - 1)) {
      name = nameToken(next, tables.texts, lineNo);
      i++;
    }
  }
  const node: DesignNode = { id, name: name ?? "", kind, w: 0, h: 0 };
  if (inferred) node.inferred = true;
  // Version 1 left a frame's clipping unsaid (Figma's default); version 2 says `clip` on every layer that clips.
  if (kind === "frame" && at.version === 1) node.clip = true;
  const pos = tokens[i];
  if (pos?.startsWith("@")) {
    const [x, y] = pos === "@" ? ["0", "0"] : pos.slice(1).split(",");
    node.x = num(x ?? "");
    node.y = num(y ?? "");
    i++;
  }
  const size = /^(-?[\d.]+)x(-?[\d.]+)$/.exec(tokens[i] ?? "");
  if (!size) throw new FigmentError("input", `line ${lineNo}: expected WxH, got "${tokens[i] ?? ""}"`);
  node.w = num(size[1]!);
  node.h = num(size[2]!);
  i++;
  let rest = tokens.slice(i);
  const context: FieldContext | undefined = at.version >= 2 ? { parent: at.parent, root: at.root ?? node } : undefined;
  if (isText) {
    const chars = textToken(rest[rest.length - 1], tables.texts, lineNo);
    if (chars === undefined) throw new FigmentError("input", `line ${lineNo}: text node without characters`);
    rest = rest.slice(0, -1);
    node.text = {
      chars,
      style: { family: "", size: 0, weight: 0 },
      resize: "none",
      alignH: "left",
      alignV: "top",
    };
    if (name === undefined) node.name = chars;
  }
  const expanded = rest.flatMap((token) => {
    if (!token.startsWith("$")) return [token];
    const group = table.get(token);
    if (!group) throw new FigmentError("input", `line ${lineNo}: undefined style group ${token}`);
    return group;
  });
  let partBoxes: ReturnType<typeof parsePartBoxes> | undefined;
  let partIds: string[] | undefined;
  const lineError = (error: unknown): FigmentError =>
    new FigmentError("input", `line ${lineNo}: ${(error as Error).message}`);
  for (const token of expanded) {
    if (token.startsWith("pb:") || token.startsWith("pi:")) {
      try {
        if (token.startsWith("pb:")) partBoxes = parsePartBoxes(token.slice(3));
        else partIds = parsePartIds(node, token.slice(3), ids, instanceId);
      } catch (error) {
        throw lineError(error);
      }
    } else if (token === "svg") node.asset = `${assetBase(node)}.svg`;
    else if (/^svg-[1-9]\d*$/.test(token)) node.asset = `${assetBase(node)}${token.slice(3)}.svg`;
    else if (token.startsWith("svg:")) node.asset = unquote(token.slice(4));
    else if (token === "cmp" || token.startsWith("cmp:")) {
      const id = token === "cmp" ? tables.components.get(node.name) : token.slice(4);
      if (id === undefined) throw new FigmentError("input", `line ${lineNo}: cmp without an earlier "${node.name}"`);
      tables.components.set(node.name, id);
      node.component = { id, name: node.component?.name ?? node.name };
    } else if (token.startsWith("cn:")) {
      if (!node.component) throw new FigmentError("input", `line ${lineNo}: cn before cmp`);
      node.component.name = unquote(token.slice(3));
    } else {
      try {
        parseFieldToken(node, token, context);
      } catch (error) {
        throw lineError(error);
      }
    }
  }
  if (context) completeSizing(node, context.parent);
  try {
    const parts = joinParts(partBoxes, partIds);
    if (parts) node.parts = parts;
  } catch (error) {
    throw lineError(error);
  }
  return node;
}

/**
 * An SVG asset named by the hint. Its payload is not in the hint; a stand-in draws the same boxes (each
 * part of an icon in its place and colour), so code from the hint lays out as code from the JSON does.
 */
function svgStandIn(node: DesignNode, name: string): Asset {
  return { kind: "svg", name, svg: standInSvg(node), placeholder: true };
}

/** Throws an input FigmentError with the line number on malformed input. */
export function parseHint(text: string): ParsedHint {
  const lines = text.split(/\r?\n/);
  const version = hintVersion(lines[0] ?? "");
  if (version === undefined)
    throw new FigmentError("input", `line 1: not a Figment hint (expected "figment-hint ${HINT_VERSION}")`);
  const tables: Tables = {
    groups: new Map(),
    texts: new Map(),
    components: new Map(),
  };
  const frames: DesignNode[] = [];
  const stack: {
    node: DesignNode;
    depth: number;
    instanceId: string | undefined;
  }[] = [];
  const assets: Record<string, Asset> = {};
  const ids = new IdCompressor();
  const layers: Record<string, LayerPrototype> = {};
  /** After `> variants`, the top-level layers are the hover's and press's variants. */
  const variants: DesignNode[] = [];
  let roots = frames;
  /** The pages drawn at several widths: their frames' ids, the page's first (pages.ts). */
  const pages: { ids: string[]; lineNo: number }[] = [];
  lines.forEach((line, index) => {
    const lineNo = index + 1;
    if (index === 0 || line.trim() === "") return;
    if (line.startsWith(PAGE_MARK)) {
      pages.push({ ids: parsePageLine(line, lineNo), lineNo });
      return;
    }
    if (line.startsWith("$")) {
      const [ref, ...group] = splitTokens(line);
      tables.groups.set(ref!, group);
      return;
    }
    if (line.trim() === VARIANTS_LINE) {
      roots = variants;
      return;
    }
    if (line.startsWith(PROTOTYPE_MARK)) {
      parsePrototypeLine(line, layers, lineNo);
      return;
    }
    if (line.startsWith("&")) {
      const [ref, chars, ...extra] = splitTokens(line);
      if (!chars?.startsWith('"') || extra.length > 0)
        throw new FigmentError("input", `line ${lineNo}: expected ${ref} "text"`);
      tables.texts.set(ref!, unquote(chars));
      return;
    }
    const depth = line.length - line.trimStart().length;
    while (stack.length > 0 && stack[stack.length - 1]!.depth >= depth) stack.pop();
    const parent = stack[stack.length - 1];
    if (!parent && depth > 0) throw new FigmentError("input", `line ${lineNo}: indented node without a parent`);
    if (parent && depth !== parent.depth + 1)
      throw new FigmentError("input", `line ${lineNo}: indentation jumps more than one level`);
    const at = {
      instanceId: parent?.instanceId,
      parent: parent?.node,
      root: stack[0]?.node,
      version,
    };
    const node = parseLine(splitTokens(line), tables, ids, at, lineNo);
    if (parent) (parent.node.children ??= []).push(node);
    else roots.push(node);
    if (node.asset !== undefined && !(node.asset in assets)) assets[node.asset] = svgStandIn(node, node.asset);
    for (const paint of node.fills ?? []) {
      if (paint.kind === "image" && !(paint.asset in assets))
        assets[paint.asset] = {
          kind: "image",
          name: paint.asset,
          imageRef: "",
        };
    }
    stack.push({
      node,
      depth,
      instanceId: node.kind === "instance" ? node.id : parent?.instanceId,
    });
  });
  const prototype = Object.keys(layers).length > 0 ? { layers, destinations: {}, wholeFile: false, starts: [] } : {};
  const states = variants.length > 0 ? { variants: Object.fromEntries(variants.map((v) => [v.id, v])) } : {};
  const drawn = withPages(frames, pages);
  return {
    document: {
      frames: drawn.frames,
      ...(drawn.drawings ? { drawings: drawn.drawings } : {}),
      assets,
      ...(prototype.layers ? { prototype } : {}),
      ...states,
    },
  };
}
