/**
 * The bench's prototype checks in Chromium (bench/prototype.ts), one real file's export in one target: clicks that
 * navigate (and the page transition each plays, and none under reduced motion), hover and press variants (computed
 * styles against the variant's own render, and their CSS transitions), fixed and sticky layers after scrolling
 * 1,000 px. HTML: one page per frame, the link followed by the keyboard; React: the preview's router.
 */
import type { Page } from "playwright-core";
import { withPage, type PageHost } from "../cli/measure/browser.js";
import type { CodeOptions, DesignDocument, SourceFile } from "../codegen/index.js";
import type { DesignNode } from "../codegen/design/types.js";
import { matchLayers, stateChanges, type StateChange } from "../codegen/emit/variant-states.js";
import { timingFunction } from "../codegen/emit/motion.js";
import { prototypeActions, type Transition } from "../codegen/prototype/model.js";
import { planOverlays } from "../codegen/prototype/overlays.js";
import { playable } from "../codegen/prototype/transitions.js";
import { forgetPlayed, installMotionProbe, sameEasing, waitPlayed, type Played } from "../test/helpers/motion-probe.js";
import { sizedApart, sizedOnly, stylesOf, variantStyles } from "../test/helpers/variant-render.js";

export const VIEWPORT = { width: 1440, height: 900 };

/** One interaction with a transition, as the design gives it and as the CSS plays it. */
export interface TransitionRow {
  layer: string;
  kind: string;
  design: string;
  css: string;
  equal: boolean;
}

export interface Checks {
  navigations: { landed: number; total: number };
  states: { same: number; total: number; differing: string[] };
  pinned: { inPlace: number; total: number; off: string[] };
  transitions: TransitionRow[];
  reduced: { none: number; total: number };
  overlays: { asSet: number; total: number; off: string[] };
  toggles: { flipped: number; total: number; off: string[] };
}

/** A screen: the page (HTML) or route (React) of each frame, and how to bring one up on a page. */
export interface Screens {
  target: CodeOptions["target"];
  files: SourceFile[];
  entry: string;
  /** HTML: the page's file; React: the route ("" for an app without a router: its one screen). */
  paths: string[];
}

const designPace = (t: Transition): string => `${Math.round(t.duration * 1000)}ms ${timingFunction(t.easing)}`;
const linkSelector = (id: string): string => `a:has([data-node-id="${id}"]), a[data-node-id="${id}"]`;

interface Preview {
  __figmentPreview: { modules: Record<string, { useNavigate(): (to: string) => void }> };
}

/** React: to a route through the preview's router (no transition), its frame drawn. */
async function toRoute(page: Page, path: string, frameId: string): Promise<void> {
  await page.evaluate((to) => {
    (globalThis as unknown as Preview).__figmentPreview.modules["react-router"]!.useNavigate()(to);
  }, path);
  await page.locator(`[data-node-id="${frameId}"]`).first().waitFor({ state: "attached" });
}

/** Runs `fn` on frame `index`'s screen (a page of its own, probed for transitions). */
async function onScreen<T>(
  host: PageHost,
  s: Screens,
  doc: DesignDocument,
  index: number,
  fn: (page: Page) => Promise<T>,
  reduced = false,
): Promise<T> {
  const entry = s.target === "html" ? s.paths[index]! : s.entry;
  return withPage(
    host,
    s.files,
    entry,
    VIEWPORT,
    async (page) => {
      if (reduced) await page.emulateMedia({ reducedMotion: "reduce" });
      if (s.target === "react" && s.paths[index]) await toRoute(page, s.paths[index]!, doc.frames[index]!.id);
      await forgetPlayed(page);
      return fn(page);
    },
    { beforeGoto: installMotionProbe },
  );
}

/** Each node's id with the frame (index) it is in. */
export function frameIndex(doc: DesignDocument): Map<string, number> {
  const out = new Map<string, number>();
  doc.frames.forEach((frame, i) => {
    const stack: DesignNode[] = [frame];
    while (stack.length > 0) {
      const node = stack.pop()!;
      out.set(node.id, i);
      stack.push(...(node.children ?? []));
    }
  });
  return out;
}

/** Follows the link of `id` (by the keyboard when it takes focus, else a click) and waits for frame `to`. */
async function follow(page: Page, s: Screens, id: string, to: number, toId: string): Promise<boolean> {
  const link = page.locator(linkSelector(id)).first();
  if ((await link.count()) === 0) return false;
  // A link inside a closed menu panel is the menu's to show: its href says where it goes.
  if (!(await link.isVisible())) return (await link.getAttribute("href")) === s.paths[to];
  await link.focus();
  const focused = await link.evaluate((a) => a === (a.ownerDocument as { activeElement: unknown }).activeElement);
  if (focused) await page.keyboard.press("Enter");
  else await link.dispatchEvent("click");
  if (s.target === "html") await page.waitForURL((url) => url.pathname.endsWith(`/${s.paths[to]}`), { timeout: 5000 });
  else await page.locator(`[data-node-id="${toId}"]`).first().waitFor({ state: "attached", timeout: 5000 });
  return true;
}

/** How a played transition compares with the design's: every view-transition animation at its duration and easing. */
function playedPace(played: Played | undefined, t: Transition): { css: string; equal: boolean } {
  const animations = (played?.animations ?? []).filter((a) => a.pseudo?.startsWith("::view-transition"));
  if (animations.length === 0) return { css: played?.skipped ? "skipped" : "none played", equal: false };
  const ms = Math.round(t.duration * 1000);
  const want = timingFunction(t.easing);
  const equal = animations.every((a) => a.duration === ms && sameEasing(a.easing, want));
  const first = animations.find((a) => a.duration !== ms || !sameEasing(a.easing, want)) ?? animations[0]!;
  const css = `${first.duration}ms ${first.easing.length > 40 ? `${first.easing.slice(0, 37)}…` : first.easing}`;
  return { css: `${css} (${animations.length} animations)`, equal };
}

/** Clicks that navigate to an exported frame, from a layer of one; their transitions; and under reduced motion. */
export async function checkNavigations(host: PageHost, doc: DesignDocument, s: Screens, out: Checks): Promise<void> {
  const pageOf = new Map(doc.frames.map((f, i) => [f.id, i]));
  const frameOf = frameIndex(doc);
  for (const { id, trigger, action } of prototypeActions(doc.prototype!)) {
    if (trigger.type !== "ON_CLICK" || action.type !== "NODE" || action.navigation !== "NAVIGATE") continue;
    const to = pageOf.get(action.destinationId ?? "");
    const from = frameOf.get(id);
    if (to === undefined || from === undefined || pageOf.has(id)) continue;
    out.navigations.total++;
    const t = action.transition;
    const moves = playable(t);
    const toId = doc.frames[to]!.id;
    const landed = await onScreen(host, s, doc, from, async (page) => {
      const ok = await follow(page, s, id, to, toId).catch(() => false);
      if (moves) {
        const { css, equal } = ok ? playedPace(await waitPlayed(page, 3000), t) : { css: "not followed", equal: false };
        out.transitions.push({ layer: nameOf(doc, id), kind: t.type.toLowerCase(), design: designPace(t), css, equal });
      }
      return ok;
    });
    if (landed) out.navigations.landed++;
    if (!moves || !landed) continue;
    out.reduced.total++;
    const none = await onScreen(
      host,
      s,
      doc,
      from,
      async (page) => {
        await follow(page, s, id, to, toId);
        const played = await waitPlayed(page, 500);
        return played === undefined || played.skipped === true || played.animations.length === 0;
      },
      true,
    );
    if (none) out.reduced.none++;
  }
}

export function nameOf(doc: DesignDocument, id: string): string {
  const stack: DesignNode[] = [...doc.frames];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.id === id) return doc.layerNames?.[id] ?? node.name;
    stack.push(...(node.children ?? []));
  }
  return id;
}

/** The computed transitions of the elements of `ids` that have one (not the default `all 0s`). */
function transitionsOf(page: Page, ids: readonly string[]) {
  return page.evaluate((ids) => {
    const w = globalThis as unknown as {
      document: { querySelector(s: string): unknown };
      getComputedStyle(e: unknown): Record<string, string>;
    };
    return ids.flatMap((id) => {
      const el = w.document.querySelector(`[data-node-id="${id}"]`);
      if (!el) return [];
      const s = w.getComputedStyle(el);
      if (s["transitionProperty"] === "all" && s["transitionDuration"] === "0s") return [];
      return [{ duration: s["transitionDuration"]!, easing: s["transitionTimingFunction"]! }];
    });
  }, ids);
}

/** Splits a computed list (`0.3s, 0.3s`) at commas outside parentheses. */
const list = (value: string): string[] => value.split(/,(?![^(]*\))/).map((v) => v.trim());

/** The pseudo-classes held on a layer to show a state's variant (pressed is hovered too). */
const FORCED: Partial<Record<StateChange["state"], string[]>> = {
  ":hover": ["hover"],
  ":focus-within": ["focus-within"],
};

/** Each hover, press and focus variant change: the variant's colours and sizes, and its transition. */
export async function checkStates(
  host: PageHost,
  json: unknown,
  doc: DesignDocument,
  s: Screens,
  options: CodeOptions,
  out: Checks,
): Promise<void> {
  const changed: { node: DesignNode; change: StateChange; frame: number }[] = [];
  doc.frames.forEach((frame, i) => {
    const stack: DesignNode[] = [frame];
    while (stack.length > 0) {
      const node = stack.pop()!;
      for (const change of stateChanges(doc.prototype, doc.variants, node)) changed.push({ node, change, frame: i });
      stack.push(...(node.children ?? []));
    }
  });
  const own = new Map<string, Awaited<ReturnType<typeof variantStyles>>>();
  for (const { change } of changed)
    if (!own.has(change.variant.id))
      own.set(change.variant.id, await variantStyles(host, json, change.variant, options));
  for (const frame of new Set(changed.map((c) => c.frame)))
    await onScreen(host, s, doc, frame, async (page) => {
      await page.emulateMedia({ reducedMotion: "reduce" });
      const cdp = await page.context().newCDPSession(page);
      await cdp.send("DOM.enable");
      await cdp.send("CSS.enable");
      for (const { node, change } of changed.filter((c) => c.frame === frame)) {
        out.states.total++;
        const pairs = matchLayers(node, change.variant);
        const ids = pairs.map(
          ([l, v]) => [l.id, sizedApart(v, change.main && matchLayers(change.main, change.variant))] as const,
        );
        const order = matchLayers(change.variant, change.variant).map(([l]) => l.id);
        const mine = own.get(change.variant.id)!;
        const want = sizedOnly(
          pairs.map(([, v]) => mine[order.indexOf(v.id)]!),
          ids.map(([, sized]) => sized),
        );
        const { root } = await cdp.send("DOM.getDocument", { depth: 0 });
        const { nodeId } = await cdp.send("DOM.querySelector", {
          nodeId: root.nodeId,
          selector: `[data-node-id="${node.id}"]`,
        });
        if (!nodeId) {
          out.states.differing.push(`${nameOf(doc, node.id)} ${change.state}: not drawn`);
          continue;
        }
        // A focused field's look is its wrapper's while the input inside has the focus.
        const forced = FORCED[change.state] ?? ["hover", "active"];
        await cdp.send("CSS.forcePseudoState", { nodeId, forcedPseudoClasses: forced });
        const got = await stylesOf(page, ids);
        await cdp.send("CSS.forcePseudoState", { nodeId, forcedPseudoClasses: [] });
        if (JSON.stringify(got) === JSON.stringify(want)) out.states.same++;
        else out.states.differing.push(`${nameOf(doc, node.id)} ${change.state}`);
        const t = change.transition;
        if (!t || t.duration <= 0) continue;
        await page.emulateMedia({ reducedMotion: "no-preference" });
        const eased = await transitionsOf(
          page,
          pairs.map(([l]) => l.id),
        );
        await page.emulateMedia({ reducedMotion: "reduce" });
        const seconds = `${Math.round(t.duration * 1000) / 1000}s`;
        const want2 = timingFunction(t.easing);
        const equal =
          eased.length > 0 &&
          eased.every(
            (e) => list(e.duration).every((d) => d === seconds) && list(e.easing).every((x) => sameEasing(x, want2)),
          );
        const css = eased[0] ? `${list(eased[0].duration)[0]} ${list(eased[0].easing)[0]}` : "no transition";
        out.transitions.push({
          layer: nameOf(doc, node.id),
          kind: `${change.state.slice(1)} ${t.type.toLowerCase()}`,
          design: designPace(t),
          css,
          equal,
        });
      }
    });
}

/**
 * Fixed and sticky layers: where they are before and after scrolling 1,000 px. Only a screen's own layers (its
 * direct children) count: Figma fixes a deeper layer within its parent frame, which scrolls with the page (fitma's
 * header inside a thumbnail frame, a button inside a footer instance) — the code leaves those in the flow.
 */
export async function checkPinned(host: PageHost, doc: DesignDocument, s: Screens, out: Checks): Promise<void> {
  const frameOf = frameIndex(doc);
  const own = new Set(doc.frames.flatMap((f) => (f.children ?? []).map((c) => c.id)));
  const pinned = Object.entries(doc.prototype?.layers ?? {}).filter(
    ([id, layer]) => layer.scroll !== undefined && frameOf.has(id) && own.has(id),
  );
  for (const [id, layer] of pinned) {
    out.pinned.total++;
    const ok = await onScreen(host, s, doc, frameOf.get(id)!, async (page) => {
      const box = () =>
        page.evaluate((id) => {
          const el = (
            globalThis as unknown as {
              document: { querySelector(s: string): { getBoundingClientRect(): DOMRectLike } | null };
            }
          ).document.querySelector(`[data-node-id="${id}"]`);
          const r = el?.getBoundingClientRect();
          return r ? { x: r.x, y: r.y, w: r.width, h: r.height } : null;
        }, id);
      const before = await box();
      await page.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 1000));
      await page
        .waitForFunction(() => (globalThis as unknown as { scrollY: number }).scrollY > 0, null, {
          timeout: 2000,
        })
        .catch(() => undefined);
      const after = await box();
      if (!before || !after || after.h <= 0) return false;
      const near = (a: number, b: number) => Math.abs(a - b) <= 1;
      if (!near(before.x, after.x) || !near(before.w, after.w) || !near(before.h, after.h)) return false;
      // Fixed: where it was on the screen. Sticky: where it was, or held at the top (its drawn offset) once reached.
      return layer.scroll === "fixed" ? near(before.y, after.y) : after.y >= -1 && after.y <= before.y + 1;
    });
    if (ok) out.pinned.inPlace++;
    else out.pinned.off.push(`${nameOf(doc, id)} (${layer.scroll})`);
  }
}

interface DOMRectLike {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface DialogLike {
  open: boolean;
  matches(s: string): boolean;
  contains(n: unknown): boolean;
  getAttribute(n: string): string | null;
  getBoundingClientRect(): DOMRectLike;
}

/** The dialog `id`: open, modal, `aria-modal`, the focus inside, its box; and whether the focus is on `trigger`. */
const dialogState = (page: Page, id: string, trigger: string) =>
  page.evaluate(
    ([id, trigger]) => {
      const d = (globalThis as unknown as { document: { getElementById(id: string): DialogLike | null } }).document;
      const active = (d as unknown as { activeElement: DialogLike | null }).activeElement;
      const dialog = d.getElementById(id!);
      const r = dialog?.getBoundingClientRect();
      return {
        open: dialog?.open === true,
        modal: dialog?.matches(":modal") === true && dialog.getAttribute("aria-modal") === "true",
        focusInside: !!dialog && dialog.contains(active),
        onTrigger:
          !!active &&
          (active.getAttribute("data-node-id") === trigger || active.matches(`:has([data-node-id="${trigger}"])`)),
        box: r ? { x: r.x, y: r.y, width: r.width, height: r.height } : undefined,
      };
    },
    [id, trigger] as const,
  );

/**
 * Each click that opens an overlay (a frame of the export) from a screen: the click opens its dialog, modal with
 * `aria-modal` and the focus inside; Escape closes it with the focus back on the trigger; a click outside it (the
 * viewport's corner farthest from it) closes it exactly when the design says so.
 */
export async function checkOverlays(host: PageHost, doc: DesignDocument, s: Screens, out: Checks): Promise<void> {
  const plan = planOverlays(doc);
  if (!plan) return;
  const frameOf = frameIndex(doc);
  const pageOf = new Map(doc.frames.map((f, i) => [f.id, i]));
  const overlayFrames = new Set(plan.overlays.map((o) => o.frame));
  for (const { id, trigger, action } of prototypeActions(doc.prototype!)) {
    if (trigger.type !== "ON_CLICK" || action.type !== "NODE" || action.navigation !== "OVERLAY") continue;
    const overlay = plan.overlays.find((o) => o.frame === pageOf.get(action.destinationId ?? ""));
    const from = frameOf.get(id);
    if (!overlay || from === undefined || overlayFrames.has(from)) continue;
    out.overlays.total++;
    const why = await onScreen(host, s, doc, from, async (page): Promise<string | undefined> => {
      const opener = page.locator(`button[data-node-id="${id}"], button:has([data-node-id="${id}"])`).first();
      if ((await opener.count()) === 0) return "no trigger";
      const open = async () => {
        await opener.click();
        await openIs(page, overlay.id, true);
        return dialogState(page, overlay.id, id);
      };
      const opened = await open();
      if (!opened.open) return "did not open";
      if (!opened.modal || !opened.focusInside) return "not a modal dialog with the focus inside";
      await page.keyboard.press("Escape");
      await openIs(page, overlay.id, false);
      const escaped = await dialogState(page, overlay.id, id);
      if (escaped.open || !escaped.onTrigger) return "Escape: not closed with the focus on the trigger";
      const again = await open();
      const box = again.box ?? { x: 0, y: 0, width: 0, height: 0 };
      const x = box.x + box.width / 2 < VIEWPORT.width / 2 ? VIEWPORT.width - 5 : 5;
      const y = box.y + box.height / 2 < VIEWPORT.height / 2 ? VIEWPORT.height - 5 : 5;
      await page.mouse.click(x, y);
      const outside = overlay.settings.closeOnOutsideClick;
      if (outside) await openIs(page, overlay.id, false);
      const clicked = await dialogState(page, overlay.id, id);
      if (clicked.open === outside) return `a click outside ${outside ? "left it open" : "closed it"}`;
      return undefined;
    });
    if (why === undefined) out.overlays.asSet++;
    else out.overlays.off.push(`${nameOf(doc, id)} → ${overlay.name}: ${why}`);
  }
}

/** Waits (3 s at most) until the dialog `id` is open or closed: its state follows the click's or key's event. */
const openIs = (page: Page, id: string, open: boolean) =>
  page
    .waitForFunction(
      ([id, open]) =>
        ((
          globalThis as unknown as { document: { getElementById(id: string): { open: boolean } | null } }
        ).document.getElementById(id)?.open ===
          true) ===
        open,
      [id, open] as const,
      { timeout: 3000 },
    )
    .catch(() => undefined);

/**
 * Each click toggle (a layer whose click changes it to another variant of its set): a click changes its look (its
 * layers' computed colours and the pixels of its box, the pointer over it each time) and its state (HTML's checkbox
 * checked, React's `aria-pressed`), another click brings both back.
 */
export async function checkToggles(host: PageHost, doc: DesignDocument, s: Screens, out: Checks): Promise<void> {
  const toggles: { node: DesignNode; frame: number }[] = [];
  doc.frames.forEach((frame, i) => {
    const stack: DesignNode[] = [...(frame.children ?? [])];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (stateChanges(doc.prototype, doc.variants, node, true).some((c) => c.state === ":checked"))
        toggles.push({ node, frame: i });
      else stack.push(...(node.children ?? []));
    }
  });
  for (const { node, frame } of toggles) {
    out.toggles.total++;
    const ids = matchLayers(node, node).map(([l]) => [l.id, false] as const);
    const why = await onScreen(
      host,
      s,
      doc,
      frame,
      async (page): Promise<string | undefined> => {
        const el = page.locator(`[data-node-id="${node.id}"]`).first();
        if ((await el.count()) === 0) return "not drawn";
        const state = () =>
          s.target === "html"
            ? el
                .locator(":scope > input[type=checkbox]")
                .evaluate((i) => String((i as unknown as { checked: boolean }).checked))
                .catch(() => "none")
            : el.getAttribute("aria-pressed");
        // Its look: its layers' computed colours and the pixels of its box (a layer the variant adds or has not,
        // an outline: what the colours of the layers drawn miss).
        const look = async () =>
          JSON.stringify(await stylesOf(page, ids)) +
          (await el.screenshot({ animations: "disabled" })).toString("base64");
        await el.hover();
        const before = await look();
        if ((await state()) !== "false") return "no toggle state";
        await el.click();
        const on = await look();
        if ((await state()) !== "true" || on === before) return "a click did not change it";
        await el.click();
        const off = await look();
        if ((await state()) !== "false" || off !== before) return "a second click did not bring it back";
        return undefined;
      },
      true,
    );
    if (why === undefined) out.toggles.flipped++;
    else out.toggles.off.push(`${nameOf(doc, node.id)}: ${why}`);
  }
}
