/**
 * The model hint: the design tree printed compactly, one line per node, for a model to read and for
 * `parseHint` to rebuild exactly. Repeated property groups are printed once as `$n` and referenced.
 *
 *   $1 row g:8 p:16 a:c
 *   F 1:2 Login 375x667 f:#fff clip
 *    I 1:3 Button @16,600 343x48 $1 cmp:4:5 f:#0a7 r:8
 *     T ~6:7 Label 100x24 ff:Inter fs:16 fw:600 c:#fff "Sign in"
 *
 * Printed from the inferred tree (modelHint), a screen drawn without auto layout carries its inferred flow:
 * `+` for a wrapper without a Figma id, `inf:` on an inferred flow, `fi:` for an item's place, `scl`, `flu:`; and
 * on the designer's own rows of blocks, `rf:` (the row reflows to fewer items per line, each at least that wide).
 * A grid auto layout is `grid:<columns>/<rows>` (tracks `1fr`, `240` px or `a` that hugs, `4*1fr` for a run), `gg:`
 * its gaps and `gcb:<below>/<columns>,…` its fewer columns on narrower screens; its children `gi:<row>,<column>`
 * (0-based, `,<row span>,<column span>` when spanning) and `ga:` their alignment in the area. After the layers, `>`
 * lines say which layers link where and which stay put or scroll when the page scrolls (prototype.ts). A page drawn at
 * several widths is a `page:` line before the tables and its drawings' frames one after the other (pages.ts).
 */
import { allDrawings } from "../design/drawings.js";
import { assetBase } from "../design/normalize.js";
import type { DesignDocument, DesignNode, NodeKind } from "../design/types.js";
import { FIELDS, printField, type Category, type FieldContext } from "./fields.js";
import { printPartBoxes, printPartIds } from "./parts.js";
import { pageLines } from "./pages.js";
import { quote } from "./tokens.js";
import { prototypeLines, VARIANTS_LINE } from "./prototype.js";

/**
 * Version 2 leaves to a layer's context what version 1 printed (fields.ts FieldContext); `parseHint` reads both.
 */
export const HINT_VERSION = 2;
export const HINT_HEADER = `figment-hint ${HINT_VERSION}`;

/** The id token of a wrapper that layout inference added (no Figma id). */
export const INFERRED_ID = "+";

export const KIND_CODE: Record<NodeKind, string> = {
  frame: "F",
  group: "G",
  section: "S",
  component: "C",
  instance: "I",
  rect: "R",
  ellipse: "E",
  line: "L",
  text: "T",
  vector: "V",
  boolean: "B",
};

/** Property groups, each printed once per node and shared through the `$n` table; "shape" is an icon's part boxes. */
type Group = Category | "shape";
const CATEGORIES: Group[] = ["layout", "paint", "font", "text", "shape"];

function categoryTokens(node: DesignNode, category: Group, context: FieldContext): string {
  if (category === "shape") return node.parts ? `pb:${printPartBoxes(node.parts)}` : "";
  const tokens: string[] = [];
  for (const field of FIELDS) {
    if (field.category !== category) continue;
    const value = field.print(node, context);
    if (value !== undefined) tokens.push(printField(field, value));
  }
  return tokens.join(" ");
}

/** Ids inside an instance repeat the instance's id (`I<instance>;<inner>`); print only the inner part. */
export function instanceBase(instanceId: string): string {
  return instanceId.startsWith("I") ? instanceId.slice(1) : instanceId;
}

/**
 * Ids cost the model more tokens than anything else, so they are printed short, reversibly:
 * `I<instance>;<inner>` inside that instance prints as `~<inner>`, and `S:N` whose session number S
 * equals the previous id's prints as `:N`.
 */
export class IdCompressor {
  private session: string | undefined;

  print(id: string, instanceId: string | undefined): string {
    let body = id;
    let mark = "";
    if (instanceId !== undefined) {
      const prefix = `I${instanceBase(instanceId)};`;
      if (id.startsWith(prefix)) {
        body = id.slice(prefix.length);
        mark = "~";
      }
    }
    const m = /^(\d+):(\d+)$/.exec(body);
    if (!m) return mark + body;
    const same = m[1] === this.session;
    this.session = m[1];
    return same ? `${mark}:${m[2]}` : mark + body;
  }

  parse(token: string, instanceId: string | undefined): string {
    let body = token;
    const inner = body.startsWith("~") && instanceId !== undefined;
    if (inner) body = body.slice(1);
    if (/^:\d+$/.test(body) && this.session !== undefined) body = this.session + body;
    const m = /^(\d+):(\d+)$/.exec(body);
    if (m) this.session = m[1];
    return inner ? `I${instanceBase(instanceId!)};${body}` : body;
  }
}

/**
 * A name token: omitted for text named after its characters; bare when it cannot be mistaken for a size or position.
 */
export function nameIsBare(name: string): boolean {
  return /^[A-Za-z_\u00c0-\uffff][^\s"]*$/.test(name) && !name.includes(":");
}

function walk(nodes: DesignNode[], visit: (node: DesignNode, context: FieldContext) => void): void {
  const down = (node: DesignNode, context: FieldContext): void => {
    visit(node, context);
    for (const child of node.children ?? []) down(child, { parent: node, root: context.root });
  };
  for (const node of nodes) down(node, { parent: undefined, root: node });
}

/** Texts shown by several layers (a component's copy in every instance) are printed once, as `&n`. */
export const TEXT_REF_MIN_LENGTH = 20;

/**
 * The name a node's line prints: none for a text named after its characters (the parser names it so), or a layer
 * without a name; an unnamed text with characters prints `""`, else it would come back named after them.
 */
const printedName = (node: DesignNode): string | undefined =>
  node.text ? (node.name === node.text.chars ? undefined : node.name) : node.name === "" ? undefined : node.name;

/**
 * Each text of at least TEXT_REF_MIN_LENGTH characters that occurs twice or more, as a text's characters or as a
 * layer's name (an instance's text layer keeps the component's text as its name), mapped to "" (no ref yet).
 */
function repeatedTexts(frames: DesignNode[]): Map<string, string> {
  const counts = new Map<string, number>();
  const count = (text: string | undefined): void => {
    if (text !== undefined && text.length >= TEXT_REF_MIN_LENGTH) counts.set(text, (counts.get(text) ?? 0) + 1);
  };
  walk(frames, (node) => {
    count(node.text?.chars);
    count(printedName(node));
  });
  return new Map([...counts].filter(([, n]) => n >= 2).map(([chars]) => [chars, ""]));
}

/**
 * A vector's SVG file: `svg` when it is named after the layer (`<slug of the name>.svg`), `svg-2` for the second file
 * of that name (`<slug>-2.svg`), else `svg:<file>`.
 */
function svgToken(node: DesignNode, asset: string): string {
  const base = assetBase(node);
  if (asset === `${base}.svg`) return "svg";
  const counter = asset.startsWith(`${base}-`) && asset.endsWith(".svg") ? asset.slice(base.length + 1, -4) : "";
  return /^[1-9]\d*$/.test(counter) ? `svg-${counter}` : `svg:${quote(asset)}`;
}

/** A group goes to the table (when repeated) if a `$n` reference is shorter: several tokens, or one long one. */
const tableWorthy = (group: string): boolean => group.includes(" ") || group.length > 12;

export function printHint(doc: DesignDocument): string {
  // A page's other drawings are printed right after its frame, as frames of their own (pages.ts).
  const frames = allDrawings(doc);
  // Count each category's property group across the document; groups used twice or more go to the table.
  const counts = new Map<string, number>();
  walk(frames, (node, context) => {
    for (const category of CATEGORIES) {
      const group = categoryTokens(node, category, context);
      if (tableWorthy(group)) counts.set(group, (counts.get(group) ?? 0) + 1);
    }
  });
  const table = new Map<string, string>();
  const lines: string[] = [HINT_HEADER, ...pageLines(doc)];
  const tableLines: string[] = [];
  const texts = repeatedTexts(frames);
  const nodeLines: string[] = [];

  const ids = new IdCompressor();
  /** The component of the last instance printed, by the instance's name. */
  const components = new Map<string, string>();
  /** A long text printed more than once: `&n`, defined in the table the first time. */
  const textRef = (text: string): string | undefined => {
    let ref = texts.get(text);
    if (ref === "") {
      ref = `&${tableLines.filter((l) => l.startsWith("&")).length + 1}`;
      texts.set(text, ref);
      tableLines.push(`${ref} ${JSON.stringify(text)}`);
    }
    return ref;
  };
  const printNode = (node: DesignNode, depth: number, instanceId: string | undefined, context: FieldContext): void => {
    // A wrapper that layout inference added has no Figma id: `+` stands for it.
    const id = node.inferred && node.id === "" ? INFERRED_ID : ids.print(node.id, instanceId);
    const parts = [`${" ".repeat(depth)}${KIND_CODE[node.kind]}`, id];
    // Printed now, right after the node's id, because part ids are shortened against it.
    const partIds = node.parts ? `pi:${printPartIds(node, ids, instanceId)}` : undefined;
    const chars = node.text?.chars;
    // Unnamed layers print no name; text named after its characters prints only the characters.
    const name = printedName(node);
    if (name !== undefined) parts.push(textRef(name) ?? (nameIsBare(name) ? name : JSON.stringify(name)));
    if (node.x !== undefined || node.y !== undefined)
      parts.push(node.x || node.y ? `@${node.x ?? 0},${node.y ?? 0}` : "@");
    parts.push(`${node.w}x${node.h}`);
    for (const category of CATEGORIES) {
      const group = categoryTokens(node, category, context);
      if (group === "") continue;
      if ((counts.get(group) ?? 0) >= 2) {
        let ref = table.get(group);
        if (!ref) {
          ref = `$${table.size + 1}`;
          table.set(group, ref);
          tableLines.push(`${ref} ${group}`);
        }
        parts.push(ref);
      } else {
        parts.push(group);
      }
    }
    if (node.asset !== undefined) parts.push(svgToken(node, node.asset));
    if (node.component) {
      // An instance of the component the last instance of this name had: `cmp` alone.
      const same = components.get(node.name) === node.component.id;
      components.set(node.name, node.component.id);
      parts.push(same ? "cmp" : `cmp:${node.component.id}`);
      if (node.component.name !== node.name) parts.push(`cn:${quote(node.component.name)}`);
    }
    if (partIds !== undefined) parts.push(partIds);
    if (chars !== undefined) parts.push(textRef(chars) ?? JSON.stringify(chars));
    nodeLines.push(parts.join(" "));
    const inner = node.kind === "instance" ? node.id : instanceId;
    for (const child of node.children ?? []) printNode(child, depth + 1, inner, { parent: node, root: context.root });
  };
  const printRoot = (node: DesignNode): void => printNode(node, 0, undefined, { parent: undefined, root: node });
  frames.forEach(printRoot);
  const prototype = prototypeLines(frames, doc.prototype, doc.variants);
  // The variants a hover, a press or a click shows, after the frames: their look is the layers' in that state.
  const variantLines = nodeLines.length;
  if (doc.variants && prototype.some((l) => / (?:hover|press|click):/.test(l)))
    Object.values(doc.variants).forEach(printRoot);
  const variants = nodeLines.splice(variantLines);
  lines.push(...tableLines, ...nodeLines, ...prototype, ...(variants.length > 0 ? [VARIANTS_LINE, ...variants] : []));
  return lines.join("\n") + "\n";
}
