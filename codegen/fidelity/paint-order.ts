/**
 * Which of two elements CSS paints on top (CSS 2's Appendix E, with what makes a stacking context today), for the text
 * probe (text-probe.ts). Hit-testing answers for boxes, not for what they paint: glyphs that run past their text's box
 * are found under whatever box lies there, even one the text paints over; and a text's box covers only where its
 * letters are. Self-contained: it runs in the page as source text, as the probe's other parts do.
 */
// The page as this part reads it (the text probe's El and PageTools fit these shapes; types only).
interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}
interface PageNode {
  readonly nodeType: number;
  readonly textContent: string | null;
}
interface El {
  readonly parentElement: El | null;
  readonly childNodes: ArrayLike<PageNode>;
  compareDocumentPosition(other: El): number;
}
interface Style {
  position: string;
  zIndex: string;
  opacity: string;
  transform: string;
  contain: string;
  display: string;
  getPropertyValue(name: string): string;
}
interface PageTools {
  g: {
    document: {
      documentElement: El;
      createRange(): { selectNodeContents(node: PageNode): void; getClientRects(): ArrayLike<Rect> };
    };
    scrollX: number;
    scrollY: number;
  };
  style(el: El): Style;
}

export interface PaintOrder {
  /** Whether the letters of `text` (its inline content) are painted over what `el` paints. */
  textAbove(text: El, el: El): boolean;
  /** Whether the letters of `el`'s own text (its line boxes) lie at the document point (x, y). */
  inkAt(el: El, x: number, y: number): boolean;
}

export function paintOrder(tools: PageTools): PaintOrder {
  const { g, style } = tools;
  const root = g.document.documentElement;
  const value = (e: El, property: string): string => style(e).getPropertyValue(property).trim();
  const NONE = ["filter", "backdrop-filter", "perspective", "clip-path", "mask-image", "translate", "rotate", "scale"];
  const contexts = new Map<El, boolean>();
  /** Whether `e` makes a stacking context of its own. */
  const makesContext = (e: El): boolean => {
    let known = contexts.get(e);
    if (known !== undefined) return known;
    const s = style(e);
    const parent = e.parentElement;
    const item = parent !== null && /flex|grid/.test(style(parent).display);
    known =
      e === root ||
      (s.zIndex !== "auto" && (s.position !== "static" || item)) ||
      s.position === "fixed" ||
      s.position === "sticky" ||
      Number(s.opacity) < 1 ||
      s.transform !== "none" ||
      NONE.some((p) => !["", "none"].includes(value(e, p))) ||
      value(e, "isolation") === "isolate" ||
      !["", "normal"].includes(value(e, "mix-blend-mode")) ||
      /layout|paint|strict|content/.test(s.contain) ||
      // Not `container-type`: size containment makes no stacking context (Chromium agrees).
      /transform|opacity|filter|isolation|z-index/.test(value(e, "will-change"));
    contexts.set(e, known);
    return known;
  };
  const path = (e: El): El[] => {
    const out: El[] = [];
    for (let x: El | null = e; x; x = x.parentElement) out.unshift(x);
    return out;
  };
  /** Where a box paints its own content in the flow of its stacking context: backgrounds of blocks, floats, inline. */
  const phase = (e: El, text: boolean): number => {
    if (text) return 3;
    if (value(e, "float") !== "none") return 2;
    return /^(inline|inline-block|inline-flex|inline-grid|inline-table)$/.test(style(e).display) ? 3 : 1;
  };
  /** The z-index a box is stacked by (it applies to positioned boxes and flex and grid items). */
  const zOf = (e: El): number => {
    const parent = e.parentElement;
    const applies = style(e).position !== "static" || (parent !== null && /flex|grid/.test(style(parent).display));
    return applies ? parseInt(style(e).zIndex, 10) || 0 : 0;
  };
  /**
   * The place of `e`'s paint among what its stacking context paints, from `below`, its path down from the deepest
   * ancestor it shares with the other box: [layer, z-index, the box compared in tree order]. The first stacking context
   * on that path (else the first positioned box, which orders what it holds as one) is stacked as a whole: negative
   * z-index first (layer 0), then the flow (1–3, by phase), positioned boxes and contexts at z-index 0 (4), positive
   * (5).
   */
  const place = (below: El[], e: El, text: boolean): [number, number, El] => {
    const unit = below.find(makesContext) ?? below.find((x) => style(x).position !== "static");
    if (!unit) return [phase(e, text), 0, e];
    const z = makesContext(unit) ? zOf(unit) : 0;
    return [z < 0 ? 0 : z === 0 ? 4 : 5, z, unit];
  };
  const textAbove = (text: El, el: El): boolean => {
    const a = path(text);
    const b = path(el);
    let shared = 0;
    while (shared < a.length && shared < b.length && a[shared] === b[shared]) shared++;
    const pa = place(a.slice(shared), text, true);
    const pb = place(b.slice(shared), el, false);
    if (pa[0] !== pb[0]) return pa[0] > pb[0];
    if (pa[1] !== pb[1]) return pa[1] > pb[1];
    // 4: the other box follows in tree order, so it is painted later.
    return (pa[2].compareDocumentPosition(pb[2]) & 4) === 0;
  };
  const inkAt = (el: El, x: number, y: number): boolean => {
    const range = g.document.createRange();
    for (const node of Array.from(el.childNodes)) {
      if (node.nodeType !== 3 || (node.textContent ?? "").trim() === "") continue;
      range.selectNodeContents(node);
      for (const r of Array.from(range.getClientRects())) {
        const left = r.left + g.scrollX;
        const top = r.top + g.scrollY;
        if (x >= left && x < left + r.width && y >= top && y < top + r.height) return true;
      }
    }
    return false;
  };
  return { textAbove, inkAt };
}
