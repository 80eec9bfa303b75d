/**
 * The page side of a fidelity measurement: functions that run inside the rendered page and report what it shows.
 * Each is self-contained (no imports, no module-level names, only its argument and the page's globals), so the same
 * function runs in Playwright (`page.evaluate(probeBoxes, arg)`: the CLI, tests, the bench) and, as source text
 * (`probeSource`), in the panel's sandboxed preview iframe. The project compiles without the DOM lib (codegen must
 * not touch the DOM), so they read the globals through local interfaces.
 */
import type { TextSample } from "./responsive.js";

/** What the page reports for one layer id at the current width. */
export interface MeasuredElement {
  x: number;
  y: number;
  width: number;
  height: number;
  /** false for an element with no layout box (display:none and the like). */
  rendered: boolean;
  position: string;
  text: string;
}

export interface BoxProbe {
  /** The frame root's top-left in the viewport (null when no element carries the frame's id). */
  root: { x: number; y: number } | null;
  /** One entry per requested id, null when no element carries it. */
  elements: (MeasuredElement | null)[];
}

/** Each layer's rendered box and text, by `data-node-id`, at the page's current width. */
export function probeBoxes(arg: { rootId: string; ids: string[] }): BoxProbe {
  interface El {
    getBoundingClientRect(): { x: number; y: number; width: number; height: number };
    getClientRects(): { length: number };
    readonly innerText?: string;
    readonly textContent: string | null;
    readonly value?: string;
    readonly placeholder?: string;
  }
  const g = globalThis as unknown as {
    document: { querySelector(selector: string): El | null };
    CSS: { escape(value: string): string };
    getComputedStyle(el: El): { position: string };
  };
  const find = (id: string): El | null => g.document.querySelector(`[data-node-id="${g.CSS.escape(id)}"]`);
  const rootEl = find(arg.rootId);
  const rootRect = rootEl ? rootEl.getBoundingClientRect() : null;
  const elements = arg.ids.map((id): MeasuredElement | null => {
    const el = find(id);
    if (!el) return null;
    const r = el.getBoundingClientRect();
    // innerText (layout-aware, reflects text-transform) for HTML; textContent for SVG text.
    let text = typeof el.innerText === "string" ? el.innerText : (el.textContent ?? "");
    // <input>/<textarea> show their value or placeholder, which innerText does not include.
    if (!text && typeof el.value === "string") text = el.value || el.placeholder || "";
    return { x: r.x, y: r.y, width: r.width, height: r.height, rendered: el.getClientRects().length > 0, position: g.getComputedStyle(el).position, text };
  });
  return { root: rootRect ? { x: rootRect.x, y: rootRect.y } : null, elements };
}

/** Whether the page scrolls sideways at its current width (1 px of rounding tolerated), and by how much. */
export function probeOverflow(): { scrollWidth: number; clientWidth: number } {
  const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
  return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
}

export interface TextProbe {
  scrollWidth: number;
  clientWidth: number;
  samples: TextSample[];
}

/**
 * For each design TEXT node, its rendered line boxes (a Range over each text node; the element's own boxes for
 * inputs and the like) and sample points along them. A point is seen when it lies inside the viewport horizontally
 * and inside the document vertically (the page is scrolled band by band to reach it) and `elementsFromPoint` reaches
 * the text before anything that paints (a background, an image, other text). Not in the stack at all means an
 * ancestor clipped it. A point past the viewport's right edge is "offscreen" when the page scrolls sideways to it,
 * else "clipped". Scrolls, and scrolls back to the top when done.
 */
export function probeTexts(arg: { texts: { id: string; chars: number }[] }): TextProbe {
  interface El {
    readonly tagName: string;
    readonly childNodes: ArrayLike<{ nodeType: number; textContent: string | null }>;
    contains(other: El): boolean;
    getClientRects(): ArrayLike<DomRect>;
  }
  interface DomRect {
    left: number;
    top: number;
    width: number;
    height: number;
  }
  const g = globalThis as unknown as {
    document: {
      querySelector(selector: string): El | null;
      documentElement: { scrollWidth: number; clientWidth: number; scrollHeight: number };
      createTreeWalker(root: El, whatToShow: number): { nextNode(): { textContent: string | null } | null };
      createRange(): { selectNodeContents(node: unknown): void; getClientRects(): ArrayLike<DomRect> };
      elementsFromPoint(x: number, y: number): El[];
    };
    CSS: { escape(value: string): string };
    getComputedStyle(el: El): { opacity: string; visibility: string; backgroundColor: string; backgroundImage: string };
    innerHeight: number;
    scrollX: number;
    scrollY: number;
    scrollTo(x: number, y: number): void;
  };
  const doc = g.document;
  const root = doc.documentElement;
  const vw = root.clientWidth;
  const docHeight = root.scrollHeight;
  g.scrollTo(0, 0);
  const range = doc.createRange();
  const painted = new Map<El, boolean>();
  /** Whether `el` itself puts pixels over what lies under it. */
  const paints = (el: El): boolean => {
    const known = painted.get(el);
    if (known !== undefined) return known;
    const cs = g.getComputedStyle(el);
    const alpha = /^rgba\(.*,\s*([\d.]+)\)$/.exec(cs.backgroundColor)?.[1];
    const bg = cs.backgroundColor.startsWith("rgb(") || (alpha !== undefined && Number(alpha) > 0.1);
    const own = Array.from(el.childNodes).some((n) => n.nodeType === 3 && (n.textContent ?? "").trim() !== "");
    const media = /^(img|svg|video|canvas|picture|iframe|input|textarea|select)$/i.test(el.tagName);
    const result = Number(cs.opacity) >= 0.1 && cs.visibility === "visible" && (bg || cs.backgroundImage !== "none" || own || media);
    painted.set(el, result);
    return result;
  };
  type Point = { t: number; x: number; y: number };
  const points: Point[] = [];
  const targets: (El | null)[] = [];
  const samples = arg.texts.map((text, t): TextSample => {
    const el = doc.querySelector(`[data-node-id="${g.CSS.escape(text.id)}"]`);
    targets.push(el);
    const sample: TextSample = { id: text.id, chars: text.chars, rendered: false, rects: [], seen: 0, offscreen: 0, clipped: 0, covered: 0 };
    if (!el || el.getClientRects().length === 0) return sample;
    sample.rendered = true;
    const boxes: DomRect[] = [];
    const walker = doc.createTreeWalker(el, 4 /* SHOW_TEXT */);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if ((node.textContent ?? "").trim() === "") continue;
      range.selectNodeContents(node);
      boxes.push(...Array.from(range.getClientRects()));
    }
    // Inputs show a value or placeholder, which has no text node; SVG text may report no range boxes.
    if (boxes.length === 0) boxes.push(...Array.from(el.getClientRects()));
    for (const b of boxes) {
      if (b.width <= 0 || b.height <= 0) continue;
      const r = { x: b.left + g.scrollX, y: b.top + g.scrollY, width: b.width, height: b.height };
      sample.rects.push(r);
      const n = Math.min(24, Math.max(1, Math.ceil(r.width / 16)));
      for (let i = 0; i < n; i++) points.push({ t, x: r.x + ((i + 0.5) * r.width) / n, y: r.y + r.height / 2 });
    }
    return sample;
  });
  const scrollWidth = root.scrollWidth;
  const inside = points.filter((p) => {
    const ok = p.x >= 0 && p.x < vw && p.y >= 0 && p.y < docHeight;
    // Past the right edge but inside the scrollable width: the reader would have to scroll sideways.
    // Anywhere else outside the viewport nothing can bring it into view: clipped.
    if (!ok) samples[p.t]![p.x >= vw && p.x < scrollWidth && p.y >= 0 && p.y < docHeight ? "offscreen" : "clipped"]++;
    return ok;
  });
  inside.sort((a, b) => a.y - b.y);
  // Scroll band by band so every point of the document can be hit-tested.
  let i = 0;
  while (i < inside.length) {
    const first = i;
    g.scrollTo(0, Math.floor(inside[i]!.y));
    const top = g.scrollY;
    const bottom = top + g.innerHeight;
    for (; i < inside.length && inside[i]!.y < bottom; i++) {
      const p = inside[i]!;
      const target = targets[p.t]!;
      const sample = samples[p.t]!;
      let verdict: "seen" | "clipped" | "covered" = "clipped";
      for (const el of doc.elementsFromPoint(p.x, p.y - top)) {
        if (el === target || target.contains(el)) {
          verdict = "seen";
          break;
        }
        if (el.contains(target)) continue;
        if (paints(el)) {
          verdict = "covered";
          break;
        }
      }
      sample[verdict]++;
    }
    // The page would not scroll that far (a root with overflow hidden): nothing brings the point into view.
    if (i === first) samples[inside[i++]!.t]!.clipped++;
  }
  g.scrollTo(0, 0);
  return { scrollWidth, clientWidth: vw, samples };
}

/** A probe as source text to run in a page that has no access to this module: `(probe)(arg)`. */
export function probeSource<A>(probe: (arg: A) => unknown, arg: A): string {
  return `(${probe.toString()})(${JSON.stringify(arg)})`;
}
