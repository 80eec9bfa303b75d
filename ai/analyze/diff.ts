/**
 * A structural diff of two design trees (two frames, or two versions of one): which layers were added,
 * removed or changed, and how (text, size, position, fills, layout, visibility). Layers are matched by id
 * first (versions of one file keep their ids), then by kind and name in order (two frames of a file do not).
 * Pure and exact: the model's Compare builds on it and adds what only the pictures show.
 */
import type { DesignNode, Paint } from "../../codegen/design/types.js";
import { plural } from "../../kernel/plural.js";

export interface DiffEntry {
  change: "added" | "removed" | "changed";
  /** Layer names from the root, "Login / Form / Button". */
  path: string;
  idA?: string;
  idB?: string;
  /** What changed ("text “Sign in” → “Log in”"), or for an added / removed layer what it is. */
  details: string[];
}

const round = (n: number | undefined): number | undefined => (n === undefined ? undefined : Math.round(n * 10) / 10);
const quote = (text: string): string => `“${text.length > 80 ? `${text.slice(0, 79)}…` : text}”`.replace(/\s+/g, " ");

function paintText(fills: Paint[] | undefined): string {
  if (!fills || fills.length === 0) return "none";
  return fills.map((p) => (p.kind === "solid" ? p.color : p.kind === "gradient" ? "gradient" : "image")).join(", ");
}

function layoutText(node: DesignNode): string {
  const l = node.layout;
  if (l?.kind === "grid") {
    const tracks = (list: typeof l.columns): string =>
      list.map((t) => (t.kind === "hug" ? "hug" : t.kind === "px" ? `${t.value}px` : `${t.value}fr`)).join(" ");
    const gaps = `gap ${l.rowGap}/${l.columnGap}`;
    return `grid columns ${tracks(l.columns)} rows ${tracks(l.rows)} ${gaps} padding ${l.padding.join(" ")}`;
  }
  return l ? `${l.dir} gap ${l.gap} padding ${l.padding.join(" ")} ${l.justify}/${l.align}` : "none";
}

function count(node: DesignNode): number {
  return 1 + (node.children ?? []).reduce((sum, child) => sum + count(child), 0);
}

function what(node: DesignNode): string[] {
  const text = node.text ? ` ${quote(node.text.chars)}` : "";
  const inside = count(node) - 1;
  return [
    `${node.kind} ` +
      `${Math.round(node.w)}×${Math.round(node.h)}${text}${inside > 0 ? `, ${plural(inside, "layer")} inside` : ""}`,
  ];
}

/** The differences of two matched layers' own properties (children are compared separately). */
function changes(a: DesignNode, b: DesignNode): string[] {
  const out: string[] = [];
  const differ = (label: string, x: unknown, y: unknown, show: (v: never) => string = String): void => {
    if (JSON.stringify(x) !== JSON.stringify(y)) out.push(`${label} ${show(x as never)} → ${show(y as never)}`);
  };
  if (a.name !== b.name) out.push(`renamed ${quote(a.name)} → ${quote(b.name)}`);
  differ("kind", a.kind, b.kind);
  if (round(a.w) !== round(b.w) || round(a.h) !== round(b.h))
    out.push(`size ${round(a.w)}×${round(a.h)} → ${round(b.w)}×${round(b.h)}`);
  if (round(a.x) !== round(b.x) || round(a.y) !== round(b.y))
    out.push(
      `position ${round(a.x) ?? "auto"},${round(a.y) ?? "auto"} → ${round(b.x) ?? "auto"},${round(b.y) ?? "auto"}`,
    );
  const area = (n: DesignNode): string =>
    n.cell
      ? `row ${n.cell.row + 1} / span ${n.cell.rowSpan}, column ${n.cell.column + 1} / span ${n.cell.columnSpan}`
      : "";
  if (area(a) !== area(b)) out.push(`grid area ${area(a) || "none"} → ${area(b) || "none"}`);
  differ("hidden", a.hidden ?? false, b.hidden ?? false);
  differ("opacity", a.opacity ?? 1, b.opacity ?? 1);
  if (paintText(a.fills) !== paintText(b.fills)) out.push(`fills ${paintText(a.fills)} → ${paintText(b.fills)}`);
  differ("stroke", a.stroke?.color ?? "none", b.stroke?.color ?? "none");
  differ("radius", a.radius ?? 0, b.radius ?? 0, (v: number | number[]) =>
    Array.isArray(v) ? v.join(" ") : String(v),
  );
  if (layoutText(a) !== layoutText(b)) out.push(`auto layout ${layoutText(a)} → ${layoutText(b)}`);
  if (a.text && b.text) {
    if (a.text.chars !== b.text.chars) out.push(`text ${quote(a.text.chars)} → ${quote(b.text.chars)}`);
    const style = (n: DesignNode) =>
      `${n.text!.style.family} ${n.text!.style.size}px ${n.text!.style.weight} ${n.text!.style.color ?? ""}`.trim();
    if (style(a) !== style(b)) out.push(`text style ${style(a)} → ${style(b)}`);
  }
  return out;
}

/** Pairs the children of two matched layers: by id, then by kind and name in order. */
function pair(
  as: DesignNode[],
  bs: DesignNode[],
): { pairs: [DesignNode, DesignNode][]; removed: DesignNode[]; added: DesignNode[] } {
  const left = new Set(bs);
  const pairs: [DesignNode, DesignNode][] = [];
  const removed: DesignNode[] = [];
  const unmatched: DesignNode[] = [];
  for (const a of as) {
    const b = bs.find((x) => x.id === a.id && left.has(x));
    if (b) {
      left.delete(b);
      pairs.push([a, b]);
    } else unmatched.push(a);
  }
  for (const a of unmatched) {
    const b = bs.find((x) => left.has(x) && x.kind === a.kind && x.name === a.name);
    if (b) {
      left.delete(b);
      pairs.push([a, b]);
    } else removed.push(a);
  }
  return { pairs, removed, added: bs.filter((b) => left.has(b)) };
}

/** Every difference from `a` to `b`, parents before their children. */
export function diffDesigns(a: DesignNode, b: DesignNode): DiffEntry[] {
  const out: DiffEntry[] = [];
  const visit = (x: DesignNode, y: DesignNode, path: string): void => {
    const details = changes(x, y);
    if (details.length > 0) out.push({ change: "changed", path, idA: x.id, idB: y.id, details });
    const { pairs, removed, added } = pair(x.children ?? [], y.children ?? []);
    for (const r of removed) out.push({ change: "removed", path: `${path} / ${r.name}`, idA: r.id, details: what(r) });
    for (const n of added) out.push({ change: "added", path: `${path} / ${n.name}`, idB: n.id, details: what(n) });
    for (const [cx, cy] of pairs) visit(cx, cy, `${path} / ${cy.name}`);
  };
  visit(a, b, b.name);
  return out;
}

const MARK = { added: "+", removed: "-", changed: "~" } as const;

/** The diff as lines for the model (and people): `~ path (A id → B id): details`. At most `max` entries. */
export function describeDiff(entries: DiffEntry[], max = 200): string {
  if (entries.length === 0) return "No structural differences: the two trees have the same layers and properties.";
  const ids = (e: DiffEntry): string => (e.idA && e.idB ? `${e.idA} → ${e.idB}` : (e.idA ?? e.idB ?? ""));
  const lines = entries.slice(0, max).map((e) => `${MARK[e.change]} ${e.path} (${ids(e)}): ${e.details.join("; ")}`);
  const counts = (["added", "removed", "changed"] as const)
    .map((c) => `${entries.filter((e) => e.change === c).length} ${c}`)
    .join(", ");
  if (entries.length > max) lines.push(`(… ${entries.length - max} more differences not listed)`);
  return [`${counts} (A → B; + added in B, - removed from A, ~ changed)`, ...lines].join("\n");
}
