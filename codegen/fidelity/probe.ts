/**
 * The page side of a fidelity measurement: functions that run inside the rendered page and report what it shows.
 * Each is self-contained (no imports, no module-level names, only its argument and the page's globals), so the same
 * function runs in Playwright (`page.evaluate(probeBoxes, arg)`: the CLI, tests, the bench) and, as source text
 * (`probeSource`), in the panel's sandboxed preview iframe. The project compiles without the DOM lib (codegen must
 * not touch the DOM), so they read the globals through local interfaces. The texts' probe is text-probe.ts.
 */

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
  /**
   * Whether the element is drawn as one picture (an image, an SVG, a canvas, or a box whose only content is a
   * background image): design layers inside it with no element of their own are drawn by it, not missing.
   */
  picture?: boolean;
}

export interface BoxProbe {
  /** The frame root's top-left in the viewport (null when no element carries the frame's id). */
  root: { x: number; y: number } | null;
  /** One entry per requested id, null when no element carries it. */
  elements: (MeasuredElement | null)[];
  /**
   * For each of `groups` (layers the boxes are not compared for: groups, which code may keep or flatten): null when
   * no element carries its id, else whether that element is drawn as one picture (see MeasuredElement.picture).
   */
  groups?: (boolean | null)[];
}

/**
 * Each layer's rendered box and text, by `data-node-id`, at the page's current width. `boxesOnly` (the layout check):
 * the boxes alone, no text, position or picture (each of those reads styles or lays text out again per element).
 */
export function probeBoxes(arg: { rootId: string; ids: string[]; groups?: string[]; boxesOnly?: boolean }): BoxProbe {
  interface El {
    getBoundingClientRect(): { x: number; y: number; width: number; height: number };
    getClientRects(): { length: number };
    readonly tagName: string;
    querySelector(selector: string): El | null;
    readonly innerText?: string;
    readonly textContent: string | null;
    readonly value?: string;
    readonly placeholder?: string;
  }
  const g = globalThis as unknown as {
    document: { querySelectorAll(selector: string): ArrayLike<El & { getAttribute(name: string): string | null }> };
    getComputedStyle(el: El): { position: string; backgroundImage: string };
  };
  // One pass over the page: the first element carrying each id, as a query for that id would find it.
  const byId = new Map<string, El>();
  for (const el of Array.from(g.document.querySelectorAll("[data-node-id]"))) {
    const id = el.getAttribute("data-node-id");
    if (id !== null && !byId.has(id)) byId.set(id, el);
  }
  const find = (id: string): El | null => byId.get(id) ?? null;
  const rootEl = find(arg.rootId);
  const rootRect = rootEl ? rootEl.getBoundingClientRect() : null;
  const textOf = (el: El): string => {
    // innerText (layout-aware, reflects text-transform) for HTML; textContent for SVG text.
    const text = typeof el.innerText === "string" ? el.innerText : (el.textContent ?? "");
    // <input>/<textarea> show their value or placeholder, which innerText does not include.
    return !text && typeof el.value === "string" ? el.value || el.placeholder || "" : text;
  };
  const isPicture = (el: El, text: string): boolean =>
    /^(img|svg|canvas|picture|video|object|embed)$/i.test(el.tagName) ||
    (/url\(/.test(g.getComputedStyle(el).backgroundImage) && !el.querySelector("[data-node-id]") && text.trim() === "");
  const elements = arg.ids.map((id): MeasuredElement | null => {
    const el = find(id);
    if (!el) return null;
    const r = el.getBoundingClientRect();
    if (arg.boxesOnly)
      return {
        x: r.x,
        y: r.y,
        width: r.width,
        height: r.height,
        rendered: el.getClientRects().length > 0,
        position: "",
        text: "",
      };
    const text = textOf(el);
    const picture = isPicture(el, text);
    return {
      x: r.x,
      y: r.y,
      width: r.width,
      height: r.height,
      rendered: el.getClientRects().length > 0,
      position: g.getComputedStyle(el).position,
      text,
      ...(picture ? { picture } : {}),
    };
  });
  const groups = (arg.groups ?? []).map((id) => {
    const el = find(id);
    return el ? isPicture(el, textOf(el)) : null;
  });
  return { root: rootRect ? { x: rootRect.x, y: rootRect.y } : null, elements, ...(arg.groups ? { groups } : {}) };
}

/** Whether the page scrolls sideways at its current width (1 px of rounding tolerated), and by how much. */
export function probeOverflow(): { scrollWidth: number; clientWidth: number } {
  const root = (
    globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }
  ).document.documentElement;
  return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
}

/** A probe as source text to run in a page that has no access to this module: `(probe)(arg)`. */
export function probeSource<A>(probe: (arg: A) => unknown, arg: A): string {
  return `(${probe.toString()})(${JSON.stringify(arg)})`;
}
