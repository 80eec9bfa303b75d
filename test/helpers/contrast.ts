/**
 * WCAG contrast of what a panel shows, measured in its page: every visible text (an element's own words), every
 * field's text or placeholder, against the background it is drawn on (the element's and its ancestors' background
 * colours composited, semi-transparent ones included). Disabled controls are exempt, as in WCAG 1.4.3; so is the
 * user's design in the preview (its colours are the design's).
 */
import type { Frame } from "playwright-core";

export interface ContrastCheck {
  /** What was checked: texts and fields, and how many of them are fields. */
  checked: number;
  fields: number;
  /** Each text or field under its threshold (4.5:1, or 3:1 for large text), with its colours. */
  failures: { what: string; ratio: number; fg: string; bg: string }[];
}

/**
 * Checks the panel's page (the plugin UI's frame). `skip`: a selector of elements left out, each with its reason in
 * the caller (e.g. Figma's own primary button, white on its brand blue, as Figma draws it).
 */
export const checkContrast = (ui: Frame, skip = ""): Promise<ContrastCheck> =>
  ui.evaluate<ContrastCheck>(
    `((skip) => {
    const parse = (c) => {
      const m = /rgba?\\(([^)]+)\\)/.exec(c);
      if (!m) return [0, 0, 0, 0];
      const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number);
      return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
    };
    const over = (top, under) => {
      const a = top[3] + under[3] * (1 - top[3]);
      if (a === 0) return [0, 0, 0, 0];
      return [0, 1, 2].map((i) => (top[i] * top[3] + under[i] * under[3] * (1 - top[3])) / a).concat(a);
    };
    const background = (el) => {
      const layers = [];
      for (let e = el; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c[3] > 0) layers.push(c);
        if (c[3] >= 1) break;
      }
      let bg = [255, 255, 255, 1];
      for (const layer of layers.reverse()) bg = over(layer, bg);
      return bg;
    };
    const lum = (c) => {
      const [r, g, b] = c.slice(0, 3).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / ` +
      `1.055) ** 2.4; });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + ` +
      `0.05); };
    const shown = (el) => {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || r.bottom <= 0 || r.top >= innerHeight || r.right <= 0 || r.left >= ` +
      `innerWidth) return false;
      const s = getComputedStyle(el);
      return s.visibility !== "hidden" && Number(s.opacity) > 0 && !el.closest("[aria-hidden=true], ` +
      `.preview__stage");
    };
    const exempt = (el) => el.closest(":disabled, [aria-disabled=true]") !== null || (skip !== "" && ` +
      `el.closest(skip) !== null);
    const rgb = (c) => "rgb(" + c.slice(0, 3).map(Math.round).join(", ") + ")";
    const failures = [];
    let checked = 0, fields = 0;
    const check = (el, fgColour, what) => {
      const bg = background(el);
      const fg = over(fgColour, bg);
      const s = getComputedStyle(el);
      const size = parseFloat(s.fontSize), bold = Number(s.fontWeight) >= 700;
      const need = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
      const r = ratio(fg, bg);
      checked++;
      if (r < need) failures.push({ what, ratio: Math.round(r * 100) / 100, fg: rgb(fg), bg: rgb(bg) });
    };
    for (const el of document.querySelectorAll("body *")) {
      if (!shown(el) || exempt(el) || ["SCRIPT", "STYLE", "svg", "IFRAME"].includes(el.tagName)) continue;
      if (el.matches("input:not([type=checkbox]):not([type=radio]):not([type=range]):not([type=hidden]), ` +
      `textarea")) {
        fields++;
        if (el.value) check(el, parse(getComputedStyle(el).color), el.tagName.toLowerCase() + " text " + ` +
      `JSON.stringify(el.value.slice(0, 30)));
        else if (el.placeholder) check(el, parse(getComputedStyle(el, "::placeholder").color), ` +
      `el.tagName.toLowerCase() + " placeholder " + JSON.stringify(el.placeholder.slice(0, 30)));
        continue;
      }
      const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim() !== "");
      if (own) check(el, parse(getComputedStyle(el).color), el.tagName.toLowerCase() + "." + (el.className && ` +
      `el.className.baseVal === undefined ? String(el.className).split(" ")[0] : "") + " " + ` +
      `JSON.stringify(el.textContent.trim().slice(0, 30)));
    }
    return { checked, fields, failures };
  })(${JSON.stringify(skip)})`,
  );
