/**
 * The panel's own controls in headless Chromium, on a small page bundled from ui/controls/ (like the
 * harness bundles its host): SelectMenu (keyboard, mouse, focus, placement, ARIA), TextArea (grows, caps,
 * Cmd/Ctrl+Enter) and the toasts (over the layout, gone after a while, no duplicates). Screenshots go to
 * test-artifacts/ui-controls/.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ROOT } from "./harness/plugin-page.js";
import { pageBundle, withComponentPage } from "./helpers/component-page.js";
import { runBrowser, useBrowser } from "./helpers/browser.js";
import { controlsUnderToasts } from "./helpers/toast-cover.js";

const ARTIFACTS = join(ROOT, "test-artifacts", "ui-controls");
if (!runBrowser) console.warn("ui-controls: Chromium not found and CI unset; skipping the browser tests");

/** The page: three menus (one pinned near the bottom of the viewport, one disabled), a text area, toasts. */
const PAGE_ENTRY =
  `
import { render } from "preact";
import { useState } from "preact/hooks";
import { SelectMenu } from "./ui/controls/select-menu.tsx";
import { TextArea } from "./ui/controls/text-area.tsx";
import { Toasts, useToasts } from "./ui/controls/toasts.tsx";
import { Banners } from "./ui/controls/banner.tsx";
import "./ui/styles.css";

const FRUIT = ["Apple", "Banana", "Cherry", "Grape", "Guava", "Kiwi", "Lemon"].map((label) => ({ value: ` +
  `label.toLowerCase(), label }));
const MANY = Array.from({ length: 30 }, (_, i) => ({ value: "v" + i, label: "Option " + (i + 1), hint: i % 3 === 0 ` +
  `? "hint" : undefined }));

function Page() {
  const [fruit, setFruit] = useState("banana");
  const [low, setLow] = useState("v0");
  const [text, setText] = useState("");
  const [submits, setSubmits] = useState(0);
  const toasts = useToasts();
  const [banners, setBanners] = useState([]);
  const error = (text) => setBanners((all) => [...all, { id: all.length + 1, tone: "error", text }]);
  window.__page = { fruit, low, text, submits, show: toasts.show, error };
  return (
    <div id="layout" style="padding:12px;display:flex;flex-direction:column;gap:12px">
      <Banners items={banners} onDismiss={(id) => setBanners((all) => all.filter((b) => b.id !== id))} />
      <h1 id="probe" style="margin:0;font-size:13px">Components</h1>
      <div class="field"><span class="field__label">Fruit</span>
        <SelectMenu label="Fruit" value={fruit} options={FRUIT} onChange={setFruit} />
      </div>
      <SelectMenu label="Locked" value="apple" options={FRUIT} onChange={() => { throw new Error("disabled menu ` +
  `changed"); }} disabled />
      <button type="button" id="after">After</button>
      <TextArea aria-label="Notes" placeholder="Write…" value={text} minRows={1} maxRows={4} onInput={(e) => ` +
  `setText(e.currentTarget.value)} onSubmit={() => setSubmits((n) => n + 1)} />
      <div id="bottom" style="position:fixed;left:12px;right:12px;bottom:16px">
        <SelectMenu label="Low" value={low} options={MANY} onChange={setLow} />
      </div>
      <Toasts {...toasts} />
    </div>
  );
}
render(<Page />, document.getElementById("app"));
`;

const bundle = pageBundle(PAGE_ENTRY, { sourcefile: "components-page.tsx" });

const DARK_VARS =
  "--figma-color-bg:#2c2c2c;--figma-color-bg-secondary:#383838;--figma-color-bg-hover:#383838;--figma-color-text:" +
  "#ffffff;--figma-color-text-secondary:#ffffffb2;--figma-color-text-tertiary:#ffffff66;--figma-color-border:" +
  "#444444;--figma-color-icon:#ffffff;--figma-color-icon-secondary:#ffffffb2;--figma-color-border-selected:#0c8ce9";

async function withComponents<T>(
  browser: Browser,
  fn: (page: Page) => Promise<T>,
  theme: "light" | "dark" = "light",
): Promise<T> {
  const htmlAttributes = theme === "dark" ? `class="figma-dark" style="${DARK_VARS}"` : "";
  return withComponentPage(
    browser,
    await bundle(),
    { htmlAttributes, ready: (page) => page.waitForSelector("#probe") },
    fn,
  );
}

/** Reads an expression in the page (the project's tsconfig has no DOM types: page code is a string). */
const read = <T>(page: Page, expression: string): Promise<T> => page.evaluate(expression) as Promise<T>;
const state = (page: Page) =>
  read<{ fruit: string; low: string; text: string; submits: number }>(
    page,
    "({ ...window.__page, show: undefined, error: undefined })",
  );
const focusedLabel = (page: Page) =>
  read<string | null>(page, "document.activeElement && document.activeElement.getAttribute('aria-label')");
const activeOption = (page: Page, name: string) =>
  read<string | null>(
    page,
    `(() => { const b = document.querySelector('[role=combobox][aria-label="${name}"]'); const id = ` +
      `b.getAttribute('aria-activedescendant'); return id ? document.getElementById(id).textContent : null; })()`,
  );

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

describe.runIf(runBrowser)("panel components in the browser", { timeout: 180_000 }, () => {
  const browser = useBrowser();

  it(
    "SelectMenu: the select-only combobox pattern (roles, " +
      "aria-expanded, aria-controls, aria-activedescendant, aria-selected)",
    async () => {
      await withComponents(browser, async (page) => {
        const button = page.getByRole("combobox", { name: "Fruit" });
        expect(await button.textContent()).toBe("Banana");
        expect(await button.getAttribute("aria-expanded")).toBe("false");
        expect(await button.getAttribute("aria-haspopup")).toBe("listbox");
        expect(await button.getAttribute("aria-activedescendant")).toBeNull();
        const listId = await button.getAttribute("aria-controls");
        expect(listId).toBeTruthy();
        const list = page.locator(`[id="${listId}"]`);
        expect(await list.getAttribute("role")).toBe("listbox");
        expect(await list.isVisible()).toBe(false);

        await button.focus();
        await page.keyboard.press("ArrowDown");
        expect(await button.getAttribute("aria-expanded")).toBe("true");
        expect(await list.isVisible()).toBe(true);
        const options = list.getByRole("option");
        expect(await options.count()).toBe(7);
        // Opening highlights the selected option; only it is aria-selected, and it carries the check mark.
        expect(await activeOption(page, "Fruit")).toBe("Banana");
        expect(await list.locator('[aria-selected="true"]').allTextContents()).toEqual(["Banana"]);
        expect(await list.locator('[aria-selected="true"] svg').count()).toBe(1);
        expect(await list.locator('[aria-selected="false"] svg').count()).toBe(0);
        // The active descendant is an option of the listbox it controls.
        const activeId = await button.getAttribute("aria-activedescendant");
        expect(await list.locator(`[id="${activeId}"]`).getAttribute("role")).toBe("option");
        await page.keyboard.press("Escape");
      });
    },
  );

  it(
    "SelectMenu by keyboard: arrows, Home/End, Enter selects, " +
      "Escape closes and keeps focus, Tab closes, type-ahead",
    async () => {
      await withComponents(browser, async (page) => {
        const button = page.getByRole("combobox", { name: "Fruit" });
        await button.focus();
        // Enter opens; arrows move; Enter selects and closes; focus stays on the button.
        await page.keyboard.press("Enter");
        await page.keyboard.press("ArrowDown");
        expect(await activeOption(page, "Fruit")).toBe("Cherry");
        await page.keyboard.press("ArrowUp");
        await page.keyboard.press("ArrowUp");
        await page.keyboard.press("ArrowUp");
        expect(await activeOption(page, "Fruit")).toBe("Apple");
        await page.keyboard.press("End");
        expect(await activeOption(page, "Fruit")).toBe("Lemon");
        await page.keyboard.press("Home");
        await page.keyboard.press("ArrowDown");
        await page.keyboard.press("ArrowDown");
        await page.keyboard.press("Enter");
        expect((await state(page)).fruit).toBe("cherry");
        expect(await button.getAttribute("aria-expanded")).toBe("false");
        expect(await button.textContent()).toBe("Cherry");
        expect(await focusedLabel(page)).toBe("Fruit");

        // Space opens; Escape closes without changing the value and leaves focus on the button.
        await page.keyboard.press(" ");
        expect(await button.getAttribute("aria-expanded")).toBe("true");
        await page.keyboard.press("ArrowDown");
        await page.keyboard.press("Escape");
        expect(await button.getAttribute("aria-expanded")).toBe("false");
        expect((await state(page)).fruit).toBe("cherry");
        expect(await focusedLabel(page)).toBe("Fruit");

        // Tab closes and moves on.
        await page.keyboard.press("ArrowUp");
        expect(await button.getAttribute("aria-expanded")).toBe("true");
        await page.keyboard.press("Tab");
        expect(await button.getAttribute("aria-expanded")).toBe("false");
        expect((await state(page)).fruit).toBe("cherry");
        expect(await focusedLabel(page)).not.toBe("Fruit");

        // Type-ahead: "g" finds Grape, "g" again Guava; "ki" finds Kiwi. The page's clock is ours, so the typed
        // prefix is forgotten exactly when its time has passed, however busy the machine.
        await page.clock.install();
        await page.clock.pauseAt(Date.now() + 60_000);
        await button.focus();
        await page.keyboard.press("ArrowDown");
        await page.keyboard.press("g");
        expect(await activeOption(page, "Fruit")).toBe("Grape");
        await page.keyboard.press("g");
        expect(await activeOption(page, "Fruit")).toBe("Guava");
        await page.clock.runFor(700);
        await page.keyboard.type("ki");
        expect(await activeOption(page, "Fruit")).toBe("Kiwi");
        await page.keyboard.press("Enter");
        expect((await state(page)).fruit).toBe("kiwi");
        // Type-ahead on the closed menu opens it at the match.
        await page.clock.runFor(700);
        await page.keyboard.press("l");
        expect(await button.getAttribute("aria-expanded")).toBe("true");
        expect(await activeOption(page, "Fruit")).toBe("Lemon");
        await page.keyboard.press("Enter");
        expect((await state(page)).fruit).toBe("lemon");
      });
    },
  );

  it(
    "SelectMenu by mouse: click opens, an option selects, " + "a click outside closes; a disabled menu does not open",
    async () => {
      await withComponents(browser, async (page) => {
        const button = page.getByRole("combobox", { name: "Fruit" });
        await button.click();
        expect(await button.getAttribute("aria-expanded")).toBe("true");
        await page.getByRole("option", { name: "Grape" }).hover();
        expect(await activeOption(page, "Fruit")).toBe("Grape");
        await page.getByRole("option", { name: "Grape" }).click();
        expect((await state(page)).fruit).toBe("grape");
        expect(await button.getAttribute("aria-expanded")).toBe("false");
        expect(await focusedLabel(page)).toBe("Fruit");

        await button.click();
        expect(await button.getAttribute("aria-expanded")).toBe("true");
        await page.locator("#probe").click();
        expect(await button.getAttribute("aria-expanded")).toBe("false");
        expect((await state(page)).fruit).toBe("grape");
        // Clicking the button again closes it too.
        await button.click();
        await button.click();
        expect(await button.getAttribute("aria-expanded")).toBe("false");

        const locked = page.getByRole("combobox", { name: "Locked" });
        expect(await locked.isDisabled()).toBe(true);
        expect(await locked.getAttribute("aria-disabled")).toBe("true");
        await locked.click({ force: true });
        expect(await locked.getAttribute("aria-expanded")).toBe("false");
      });
    },
  );

  it(
    "SelectMenu near the bottom of the viewport opens " + "above the button, stays inside the viewport and scrolls",
    async () => {
      await withComponents(browser, async (page) => {
        const button = page.getByRole("combobox", { name: "Low" });
        await button.focus();
        await page.keyboard.press("End");
        const list = page.locator(`[id="${await button.getAttribute("aria-controls")}"]`);
        await list.waitFor({ state: "visible" });
        const b = (await button.boundingBox())!;
        const l = (await list.boundingBox())!;
        expect(l.y).toBeGreaterThanOrEqual(0);
        expect(l.y + l.height).toBeLessThanOrEqual(b.y + 0.5);
        expect(l.x).toBeGreaterThanOrEqual(0);
        expect(l.x + l.width).toBeLessThanOrEqual(420);
        expect(l.height).toBeLessThanOrEqual(240.5);
        // 30 options do not fit: the list scrolls, and the highlighted (last) option is scrolled into view.
        const scroll = await read<{ scrollHeight: number; clientHeight: number }>(
          page,
          `(() => { const l = ` +
            `document.getElementById(${JSON.stringify(await button.getAttribute("aria-controls"))}` +
            `); return { scrollHeight: l.scrollHeight, clientHeight: l.clientHeight }; })()`,
        );
        expect(scroll.scrollHeight).toBeGreaterThan(scroll.clientHeight);
        const last = (await page.getByRole("option", { name: /^Option 30/ }).boundingBox())!;
        expect(last.y).toBeGreaterThanOrEqual(l.y - 0.5);
        expect(last.y + last.height).toBeLessThanOrEqual(l.y + l.height + 0.5);
        await page.keyboard.press("Enter");
        expect((await state(page)).low).toBe("v29");

        // The menu at the top opens below its button.
        const fruit = page.getByRole("combobox", { name: "Fruit" });
        await fruit.click();
        const fb = (await fruit.boundingBox())!;
        const fl = (await page.locator(`[id="${await fruit.getAttribute("aria-controls")}"]`).boundingBox())!;
        expect(fl.y).toBeGreaterThanOrEqual(fb.y + fb.height);
        expect(fl.y + fl.height).toBeLessThanOrEqual(600);
        await shot(page, "components-menu-open-light");
      });
    },
  );

  it("TextArea grows with its text up to maxRows, then scrolls; no resize grip; Cmd/Ctrl+Enter submits", async () => {
    await withComponents(browser, async (page) => {
      const area = page.getByRole("textbox", { name: "Notes" });
      const metrics = () =>
        read<{ height: number; scrollHeight: number; clientHeight: number; overflowY: string; resize: string }>(
          page,
          `(() => { const t = document.querySelector('textarea[aria-label="Notes"]'); const s = ` +
            `getComputedStyle(t); return { height: t.getBoundingClientRect().height, scrollHeight: ` +
            `t.scrollHeight, clientHeight: t.clientHeight, overflowY: s.overflowY, resize: s.resize }; })()`,
        );
      const one = await metrics();
      expect(one.resize).toBe("none");
      expect(one.height).toBeGreaterThan(20);
      expect(one.height).toBeLessThan(32);
      expect(await area.getAttribute("placeholder")).toBe("Write…");

      await area.click();
      await page.keyboard.type("one");
      await page.keyboard.press("Shift+Enter");
      await page.keyboard.type("two");
      await page.keyboard.press("Shift+Enter");
      await page.keyboard.type("three");
      const three = await metrics();
      expect(three.height).toBeCloseTo(one.height + 32, 0);
      expect(three.overflowY).toBe("hidden");

      for (let i = 0; i < 6; i++) {
        await page.keyboard.press("Shift+Enter");
        await page.keyboard.type(`line ${i}`);
      }
      const capped = await metrics();
      expect(capped.height).toBeCloseTo(one.height + 48, 0);
      expect(capped.overflowY).toBe("auto");
      expect(capped.scrollHeight).toBeGreaterThan(capped.clientHeight);
      expect((await state(page)).text.split("\n")).toHaveLength(9);

      // A long line wraps and grows it too.
      await area.fill("");
      expect((await metrics()).height).toBeCloseTo(one.height, 0);
      await area.fill("word ".repeat(120));
      expect((await metrics()).height).toBeCloseTo(capped.height, 0);

      expect((await state(page)).submits).toBe(0);
      await page.keyboard.press("Control+Enter");
      await page.keyboard.press("Meta+Enter");
      expect((await state(page)).submits).toBe(2);
      // Plain Enter is a new line (no onKeyDown here to say otherwise), not a submit.
      await page.keyboard.press("Enter");
      expect((await state(page)).submits).toBe(2);
    });
  });

  it(
    "toasts sit over the layout (nothing moves), leave after ~2.5 " +
      "s, pause on hover, show the same text once, and at most three",
    async () => {
      await withComponents(browser, async (page) => {
        const probe = page.locator("#probe");
        const area = page.getByRole("textbox", { name: "Notes" });
        const before = [
          await probe.boundingBox(),
          await area.boundingBox(),
          await page.locator("#layout").boundingBox(),
        ];
        const live = page.locator(".toasts");
        expect(await live.getAttribute("aria-live")).toBe("polite");
        // The page's clock is ours: a toast's time passes when the test says so, however busy the machine.
        await page.clock.install();
        await page.clock.pauseAt(Date.now() + 60_000);

        await read(page, "window.__page.show('Copied 5 files')");
        const toast = page.locator(".toast", { hasText: "Copied 5 files" });
        await toast.waitFor({ state: "visible" });
        expect([
          await probe.boundingBox(),
          await area.boundingBox(),
          await page.locator("#layout").boundingBox(),
        ]).toEqual(before);
        const box = (await toast.boundingBox())!;
        expect(box.y + box.height).toBeLessThanOrEqual(600);
        expect(box.y).toBeGreaterThan(500);
        // Near the bottom, but not over the menu pinned there: just above it.
        expect(await controlsUnderToasts(page)).toEqual([]);
        const low = (await page.getByRole("combobox", { name: "Low" }).boundingBox())!;
        expect(box.y + box.height).toBeLessThanOrEqual(low.y);
        await shot(page, "components-toast-light");

        // The same text again is still one toast (its time starts again).
        await page.clock.runFor(1500);
        await read(page, "window.__page.show('Copied 5 files')");
        await page.clock.runFor(1500);
        expect(await page.locator(".toast").count()).toBe(1);
        await page.clock.runFor(1000);
        await toast.waitFor({ state: "detached" });

        // At most three: the oldest go first.
        for (const n of [1, 2, 3, 4, 5]) await read(page, `window.__page.show('Toast ${n}')`);
        expect(await page.locator(".toast").allTextContents()).toEqual(["Toast 3", "Toast 4", "Toast 5"]);
        expect([
          await probe.boundingBox(),
          await area.boundingBox(),
          await page.locator("#layout").boundingBox(),
        ]).toEqual(before);

        // Hover pauses: still there after the time is up; gone soon after the pointer leaves.
        await page.locator(".toast", { hasText: "Toast 5" }).hover();
        await page.clock.runFor(3200);
        expect(await page.locator(".toast").count()).toBe(3);
        await page.mouse.move(200, 40);
        await page.clock.runFor(4000);
        await page.locator(".toast").first().waitFor({ state: "detached" });
        expect(await page.locator(".toast").count()).toBe(0);
      });
    },
  );

  it('banners: at most two shown, the newest; a "+N more" line shows the rest', async () => {
    await withComponents(browser, async (page) => {
      for (const n of [1, 2, 3, 4]) await read(page, `window.__page.error('Error ${n}')`);
      expect(await page.locator(".banner__text").allTextContents()).toEqual(["Error 3", "Error 4"]);
      const more = page.getByRole("button", { name: "+2 more" });
      expect(await more.getAttribute("aria-expanded")).toBe("false");
      await more.click();
      expect(await page.locator(".banner__text").allTextContents()).toEqual([
        "Error 1",
        "Error 2",
        "Error 3",
        "Error 4",
      ]);
      await page.getByRole("button", { name: "Show fewer" }).click();
      expect(await page.locator(".banner__text").allTextContents()).toEqual(["Error 3", "Error 4"]);
      // Dismissing one brings an older one back into view; with two left, no "more" line.
      await page.locator(".banner", { hasText: "Error 4" }).getByRole("button", { name: "Dismiss" }).click();
      expect(await page.locator(".banner__text").allTextContents()).toEqual(["Error 2", "Error 3"]);
      await page.locator(".banner", { hasText: "Error 3" }).getByRole("button", { name: "Dismiss" }).click();
      expect(await page.locator(".banner__text").allTextContents()).toEqual(["Error 1", "Error 2"]);
      expect(await page.locator(".banners__more").count()).toBe(0);
    });
  });

  it("dark theme: the open menu and a toast (screenshots)", async () => {
    await withComponents(
      browser,
      async (page) => {
        await read(page, "window.__page.show('Downloaded login-react.zip (12 files)')");
        await page.getByRole("combobox", { name: "Fruit" }).click();
        await page.locator(".toast").waitFor({ state: "visible" });
        await shot(page, "components-dark");
      },
      "dark",
    );
  });
});
