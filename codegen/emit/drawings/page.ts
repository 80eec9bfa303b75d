/**
 * A page drawn at several widths, built as one markup tree (issue 70). Each drawing is built as a page of its own
 * into a sheet of its own; the trees are merged (merge.ts) and each merged element gets one class, mobile-first: the
 * narrowest drawing's rule is the class's rule, each wider drawing's rule applies from its drawn width up
 * (`@media (min-width: …)`) and reverts what the narrower rules set that it does not. So at each drawn width and up
 * to the next one, every element is styled as that drawing's own page styles it; below the narrowest drawn width the
 * narrowest drawing's own rules for narrower screens apply.
 */
import { layerClusters } from "../../design/layer-match.js";
import { pageDrawings } from "../../design/drawings.js";
import type { DesignDocument, DesignNode } from "../../design/types.js";
import { drawnFrame } from "../../layout/index.js";
import type { BuildContext } from "../build.js";
import type { Decl } from "../css.js";
import type { Problem } from "../../types.js";
import { Sheet, type ElementNode, type VNode } from "../vnode.js";
import { mergeTrees, type MergedNode, type Slot } from "./merge.js";

export type PageBuilder = (frame: DesignNode, ctx: BuildContext) => VNode;

/** What a drawing's class says: its rule and pseudo rules; below its width only for the narrowest drawing. */
interface ClassRules {
  rule: Decl[];
  pseudo: [string, Decl[]][];
}

const NONE: Decl[] = [["display", "none"]];
const CONTENTS: Decl[] = [["display", "contents"]];

/** The elements of a page written once per drawing although drawn in more than one (order or text differs). */
export interface PageFacts {
  widths: number[];
  perDrawing: number;
}

/** Facts of the pages built, by frame id (the notes and the bench read them). */
export const pageFacts = new WeakMap<DesignNode, PageFacts>();

/**
 * `frame`'s page: built by `build` as always when it has one drawing; else one tree for all of `doc`'s drawings of it,
 * its classes in `ctx.sheet`.
 */
export function buildPage(doc: DesignDocument, frame: DesignNode, ctx: BuildContext, build: PageBuilder): VNode {
  const drawings = pageDrawings(doc, frame);
  if (drawings.length === 1) return build(frame, ctx);
  const clusters = layerClusters(drawings.map((d) => drawnFrame(d)));
  const sheets = drawings.map(() => new Sheet());
  // Built with layer ids whatever the output: the merge knows each element's layer by them.
  // Each drawing's notes once: a missing font or an unnamed layer is said once for the page.
  const problems: Problem[] = [];
  const trees = drawings.map((drawing, k) => build(drawing, { ...ctx, sheet: sheets[k]!, nodeIds: true, problems }));
  const said = new Set(ctx.problems.map((p) => `${p.code} ${p.message}`));
  for (const problem of problems) {
    const key = `${problem.code} ${problem.message}`;
    if (said.has(key)) continue;
    said.add(key);
    ctx.problems.push(problem);
  }
  const flexAt = (node: VNode, k: number): boolean => {
    const cls = node.type === "element" ? node.cls : undefined;
    const display = cls === undefined ? undefined : sheets[k]!.rules.get(cls)?.find(([p]) => p === "display")?.[1];
    return display === "flex" || display === "grid" || display === "inline-flex" || display === "inline-grid";
  };
  const merged = mergeTrees(trees, (id) => clusters.get(id), flexAt);
  const widths = drawings.map((d) => Math.round(d.w));
  pageFacts.set(frame, { widths, perDrawing: merged.perDrawing });
  ctx.problems.push({
    severity: "info",
    code: "responsive-page",
    message: breakpointsNote(drawings, merged.perDrawing),
  });
  return new Composer(ctx, sheets, widths).node(merged.root);
}

/**
 * `build` made a builder of `doc`'s pages: a frame with drawings is its one tree (buildPage), any other (an overlay's
 * frame, a page drawn once) as `build` draws it. The emitters pass it where a page is built (overlayPage too).
 */
export function pageBuilder(doc: DesignDocument, build: PageBuilder): PageBuilder {
  return (frame, ctx) => buildPage(doc, frame, ctx, build);
}

/** The properties one shorthand sets together: a revert of one of them can undo another. */
function family(prop: string): string {
  if (prop === "top" || prop === "right" || prop === "bottom" || prop === "left") return "inset";
  if (prop === "row-gap" || prop === "column-gap") return "gap";
  if (prop === "line-height") return "font";
  if (prop.startsWith("place-") || prop.startsWith("align-") || prop.startsWith("justify-")) return "place";
  return prop.split("-")[0]!;
}

/** What a device a drawn width is for: the word the notes and the panel name a drawing by. */
export function widthLabel(width: number): string {
  return width >= 1024 ? "Desktop" : width >= 600 ? "Tablet" : "Phone";
}

/** The page's note: its drawings, where its rules switch, what could not be one element. */
function breakpointsNote(drawings: readonly DesignNode[], perDrawing: number): string {
  const list = drawings.map((d) => `${widthLabel(d.w)} ${Math.round(d.w)} (“${d.name}”)`).join(", ");
  const switches = drawings
    .slice(0, -1)
    .map((d) => `${Math.round(d.w)}`)
    .reverse()
    .join(" and ");
  const apart =
    perDrawing === 0
      ? "every layer drawn in more than one frame is one element"
      : `${perDrawing} element${perDrawing === 1 ? "" : "s"} drawn in another order or with other content ` +
        "are written once per drawing and shown at its widths";
  return (
    `one responsive page from ${drawings.length} frames: ${list}; mobile-first, its rules switch at ${switches} px ` +
    `(@media (min-width: …)); ${apart}`
  );
}

/** Merged nodes → one markup tree, one class per element in the page's sheet. */
class Composer {
  /** Drawing indexes narrowest first (the drawings come widest first). */
  private readonly upward: number[];

  constructor(
    private readonly ctx: BuildContext,
    private readonly sheets: Sheet[],
    private readonly widths: number[],
  ) {
    this.upward = widths.map((_, k) => k).reverse();
  }

  node(merged: MergedNode): VNode {
    const k = merged.at.findIndex((slot) => slot !== undefined && slot !== "contents");
    const template = k >= 0 ? (merged.at[k] as { node: VNode }).node : merged.node;
    const children = merged.children.map((child) => this.node(child));
    if (template.type === "use") {
      const cls = this.classOf(
        merged.at,
        (node) => (node.type === "use" ? node.cls : undefined),
        template.component,
        true,
      );
      const out = { ...template, ...(cls ? { cls } : {}) };
      if (!this.ctx.nodeIds) delete out.nodeId;
      return out;
    }
    if (template.type !== "element") return template;
    const base = template.cls ?? template.tag;
    const cls = this.classOf(merged.at, (node) => (node.type === "element" ? node.cls : undefined), base);
    const out: ElementNode = { ...template, children };
    if (cls) out.cls = cls;
    else delete out.cls;
    const states = merged.at.map((slot) =>
      slot && slot !== "contents" && slot.node.type === "element" ? slot.node.stateCls : undefined,
    );
    const when = states.find((s) => s !== undefined);
    if (when) {
      const stateCls = this.classOf(
        merged.at.map((slot, j) => (states[j] ? slot : undefined)),
        (node) => (node.type === "element" ? node.stateCls?.cls : undefined),
        when.cls,
      );
      if (stateCls) out.stateCls = { when: when.when, cls: stateCls };
    }
    const ids = [
      ...new Set(
        merged.at.flatMap((slot) =>
          slot && slot !== "contents" && slot.node.type === "element" && typeof slot.node.nodeId === "string"
            ? [slot.node.nodeId]
            : [],
        ),
      ),
    ];
    if (this.ctx.nodeIds) {
      // Each drawing's layer measured against its own frame: the element answers to all its layers' ids.
      if (ids.length > 1) out.attrs = [...out.attrs, ["data-node-ids", ids.join(" ")]];
    } else {
      delete out.nodeId;
      if (out.svgMarkup) out.svgMarkup = out.svgMarkup.replace(/ data-node-id="[^"]*"/g, "");
    }
    return out;
  }

  /**
   * A component's placement (its use's class, on the component's root beside the root's own class): a `revert` there
   * would undo the component's own rule too (its root's `display: flex`), so each drawing's placement applies between
   * its width and the next wider drawing's (`@media (min-width: …) and (max-width: …)`), none outside; drawings in a
   * row that place it alike share one range, and one placement at every width is the class rule.
   */
  private placementRules(name: string, rules: ClassRules[]): void {
    const sheet = this.ctx.sheet;
    const runs: { from: number; to: number; rules: ClassRules }[] = [];
    for (const [i, k] of this.upward.entries()) {
      const last = runs[runs.length - 1];
      if (last && JSON.stringify(last.rules) === JSON.stringify(rules[k])) last.to = i;
      else runs.push({ from: i, to: i, rules: rules[k]! });
    }
    if (runs.length === 1) {
      sheet.rules.set(name, runs[0]!.rules.rule);
      for (const [pseudo, decls] of runs[0]!.rules.pseudo) sheet.addPseudo(name, pseudo, decls);
    } else
      for (const run of runs) {
        const min = run.from === 0 ? 0 : this.widths[this.upward[run.from]!]!;
        const next = this.upward[run.to + 1];
        const max = next === undefined ? undefined : this.widths[next];
        sheet.addAbove(name, min, run.rules.rule, "", max);
        for (const [pseudo, decls] of run.rules.pseudo) sheet.addAbove(name, min, decls, pseudo, max);
      }
  }

  /** The rules a drawing gives a merged node's class. */
  private rulesAt(slot: Slot | undefined, k: number, clsOf: (node: VNode) => string | undefined): ClassRules {
    if (slot === undefined) return { rule: NONE, pseudo: [] };
    if (slot === "contents") return { rule: CONTENTS, pseudo: [] };
    const cls = clsOf(slot.node);
    if (cls === undefined) return { rule: slot.order === undefined ? [] : [["order", String(slot.order)]], pseudo: [] };
    const sheet = this.sheets[k]!;
    const rule = sheet.rules.get(cls) ?? [];
    // A flex or grid item drawn in another order here than in the DOM: its place by `order`.
    const ordered: Decl[] =
      slot.order === undefined ? rule : [...rule.filter(([p]) => p !== "order"), ["order", String(slot.order)]];
    return { rule: ordered, pseudo: sheet.pseudo.get(cls) ?? [] };
  }

  /**
   * One class for a merged node: the narrowest drawing's rules, then each wider one's from its width up. Undefined
   * when no drawing styles it.
   */
  private classOf(
    at: (Slot | undefined)[],
    clsOf: (node: VNode) => string | undefined,
    base: string,
    placement = false,
  ): string | undefined {
    const rules = at.map((slot, k) => this.rulesAt(slot, k, clsOf));
    if (rules.every((r) => r.rule.length === 0 && r.pseudo.length === 0)) return undefined;
    const sheet = this.ctx.sheet;
    const name = sheet.reserve(base.replace(/-\d+$/, ""));
    const narrowest = this.upward[0]!;
    const first = rules[narrowest]!;
    if (placement) this.placementRules(name, rules);
    else {
      sheet.rules.set(name, first.rule);
      for (const [pseudo, decls] of first.pseudo) sheet.addPseudo(name, pseudo, decls);
    }
    const slot = at[narrowest];
    const own = slot && slot !== "contents" ? clsOf(slot.node) : undefined;
    if (own !== undefined)
      // Within the narrowest drawing's widths only: a rule below a wider width would outweigh the wider drawings'.
      for (const [width, decls, pseudo] of this.sheets[narrowest]!.below.get(own) ?? [])
        sheet.addBelow(name, Math.min(width, this.widths[this.upward[1]!]!), decls, pseudo);
    for (const [k, s] of at.entries())
      if (s && s !== "contents") {
        const c = clsOf(s.node);
        if (c !== undefined && this.sheets[k]!.groups.has(c)) sheet.groups.add(name);
      }
    if (placement) return name;
    // What the narrower drawings' rules set, by pseudo ("" the element): a wider rule reverts what it does not set.
    const set = new Map<string, Map<string, string>>();
    const note = (pseudo: string, decls: Decl[]): void => {
      let props = set.get(pseudo);
      if (!props) set.set(pseudo, (props = new Map()));
      for (const [p, v] of decls) props.set(p, v);
    };
    note("", first.rule);
    for (const [pseudo, decls] of first.pseudo) note(pseudo, decls);
    for (const k of this.upward.slice(1)) {
      const { rule, pseudo } = rules[k]!;
      const parts: [string, Decl[]][] = [["", rule], ...pseudo];
      for (const key of set.keys()) if (!parts.some(([p]) => p === key)) parts.push([key, []]);
      if (rule === NONE) {
        // Not drawn here: hidden, whatever else the rules below this width say.
        sheet.addAbove(name, this.widths[k]!, NONE);
        set.set("", new Map([...(set.get("") ?? []), ["display", "none"]]));
        continue;
      }
      for (const [p, decls] of parts) {
        const before = set.get(p) ?? new Map<string, string>();
        const mine = new Set(decls.map(([prop]) => prop));
        const reverts: Decl[] = [...before.keys()].filter((prop) => !mine.has(prop)).map((prop) => [prop, "revert"]);
        // Only what changes from the rules below this width. The reverts first: a shorthand reverted (`padding`) must
        // not undo the longhands this rule sets, and then every one of them is said again.
        const reverted = new Set(reverts.map(([prop]) => family(prop)));
        const changed = decls.filter(([prop, value]) => before.get(prop) !== value || reverted.has(family(prop)));
        const out = [...reverts, ...changed];
        if (out.length > 0) sheet.addAbove(name, this.widths[k]!, out, p);
        // From this width up, the element has exactly this drawing's rule.
        set.set(p, new Map(decls));
      }
    }
    return name;
  }
}
