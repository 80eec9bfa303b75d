/**
 * Click toggles in Chromium (issue 52): a layer whose click changes it to another variant of its set (and the
 * variant's click back) is a toggle — in HTML a label around a hidden checkbox (no script: `:has(> input:checked)`),
 * in React a button whose `useState` is its `aria-pressed`, in Vue one whose `ref` is, in Svelte its `$state`; with CSS
 * modules and Tailwind (`has-[>input:checked]:`, `aria-pressed:` and their named groups' variants). A click shows the
 * variant's colours, another the first look again; the keyboard does it too (Space on the focused checkbox or button).
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { withPage } from "../../cli/measure/browser.js";
import { resultPage } from "../../cli/measure/result-page.js";
import { runBrowser, useBrowser } from "../../test/helpers/browser.js";
import { cachedGenerateCode } from "../../test/helpers/run-cache.js";
import { type CodeOptions, loadDesign } from "../index.js";
import { TOGGLE_FILE } from "../prototype/test-design.js";

interface Win {
  document: { querySelector(s: string): unknown };
  getComputedStyle(e: unknown): { backgroundColor: string; color: string };
}

/** The toggle's fill and its label's colour. */
const look = (page: Page) =>
  page.evaluate(() => {
    const w = globalThis as unknown as Win;
    const el = (s: string) => w.getComputedStyle(w.document.querySelector(`[data-node-id="${s}"]`));
    return [el("4:2").backgroundColor, el("I4:2;5:2t").color];
  });

const OFF = ["rgb(230, 230, 230)", "rgb(26, 26, 26)"];
const ON = ["rgb(26, 153, 51)", "rgb(255, 255, 255)"];

const TARGETS: [string, CodeOptions][] = [
  ["HTML", { target: "html", styling: "css-modules", nodeIds: true }],
  ["HTML (Tailwind)", { target: "html", styling: "tailwind", nodeIds: true }],
  ["React", { target: "react", styling: "css-modules", nodeIds: true }],
  ["React (Tailwind)", { target: "react", styling: "tailwind", nodeIds: true }],
  ["Vue", { target: "vue", styling: "css-modules", nodeIds: true }],
  ["Vue (Tailwind)", { target: "vue", styling: "tailwind", nodeIds: true }],
  ["Svelte", { target: "svelte", styling: "css-modules", nodeIds: true }],
  ["Svelte (Tailwind)", { target: "svelte", styling: "tailwind", nodeIds: true }],
];

describe.runIf(runBrowser)("click toggles in Chromium", () => {
  const browser = useBrowser();
  const design = loadDesign(TOGGLE_FILE, [], {}, { topLevel: "frames" }).document;

  for (const [label, options] of TARGETS)
    it(`${label}: a click shows the other variant, another the first; Space too`, async () => {
      const code = await cachedGenerateCode(design, options);
      const screen = code.files.find((f) =>
        /^(settings\.html|src\/screens\/Settings\.(tsx|vue|svelte))$/.test(f.path),
      )!;
      if (options.target === "html") {
        expect(screen.content).toMatch(/<label[^>]*data-node-id="4:2"[^>]*>\s*<input[^>]*type="checkbox"/);
        expect(screen.content).not.toContain("<script");
      } else if (options.target === "vue") {
        expect(screen.content).toContain("const pressed = ref(false);");
        expect(screen.content).toMatch(/:aria-pressed="pressed"\s+@click="pressed = !pressed"/);
      } else if (options.target === "svelte") {
        expect(screen.content).toContain("let pressed = $state(false);");
        expect(screen.content).toMatch(/aria-pressed=\{pressed\}\s+onclick=\{\(\) => \(pressed = !pressed\)\}/);
      } else {
        expect(screen.content).toContain("const [pressed, setPressed] = useState(false);");
        expect(screen.content).toMatch(/aria-pressed=\{pressed\}/);
      }
      const { files, entry } = await resultPage(code.files, options.target);
      const page = options.target === "html" ? "settings.html" : entry;
      await withPage(browser, files, page, { width: 400, height: 300 }, async (p) => {
        const toggle = p.locator('[data-node-id="4:2"]');
        const state = () =>
          options.target === "html"
            ? toggle.locator("input").evaluate((i) => String((i as unknown as { checked: boolean }).checked))
            : toggle.getAttribute("aria-pressed");
        expect(await look(p)).toEqual(OFF);
        expect(await state()).toBe("false");
        await toggle.click();
        await expect.poll(() => look(p)).toEqual(ON);
        expect(await state()).toBe("true");
        await toggle.click();
        await expect.poll(() => look(p)).toEqual(OFF);
        expect(await state()).toBe("false");
        // The keyboard: the focus on its checkbox (HTML) or on it (React, Svelte), Space flips it.
        await (options.target === "html" ? toggle.locator("input") : toggle).focus();
        await p.keyboard.press("Space");
        await expect.poll(() => look(p)).toEqual(ON);
      });
    });

  // TnT's radios and input fields: the variant a click shows has layers the first has not, and lacks some of its.
  for (const [label, options] of TARGETS)
    it(`${label}: a click shows the layers the variant adds, hides those it has not; another undoes it`, async () => {
      const code = await cachedGenerateCode(design, options);
      const { files, entry } = await resultPage(code.files, options.target);
      const page = options.target === "html" ? "settings.html" : entry;
      await withPage(browser, files, page, { width: 400, height: 300 }, async (p) => {
        const radio = p.locator('[data-node-id="4:3"]');
        const shown = async () => [
          // The dot, a copy of the variant's (no id: the variant's layer has it where drawn).
          await p.locator('[data-node-id="4:3"] > div:not([data-node-id])').isVisible(),
          await p.locator('[data-node-id="4:3h"]').isVisible(),
        ];
        expect(await shown()).toEqual([false, true]);
        await radio.click();
        await expect.poll(shown).toEqual([true, false]);
        await radio.click();
        await expect.poll(shown).toEqual([false, true]);
      });
    });
});
