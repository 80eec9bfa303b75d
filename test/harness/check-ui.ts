/**
 * Dev check of the built panel (dist/ui.html) in headless Chromium: a tiny fake Figma parent page embeds the
 * panel in an iframe, applies Figma's theme variables (light or dark), answers the panel's messages like the
 * main thread would (test/harness/fake-main.ts, typed by contract/messages.ts: init, thumbnail, export with progress,
 * settings-saved, errors, the engine worker, its code parts and the UI parts from dist/code.js) and records what the
 * panel sent. Takes screenshots into test-artifacts/ui/ and prints what it checked. Its first step runs in
 * test/check-ui-e2e.test.ts, so a fake main thread that drifts from the panel fails there.
 *
 *   node esbuild.config.mjs   # dist/ui.html, and dist/code.js, which carries the worker payload
 *   npx esbuild test/harness/check-ui.ts --bundle --platform=node --format=esm --packages=external \
 *     --outfile=.scratch/check-ui.mjs
 *   node .scratch/check-ui.mjs
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { unzipSync } from "fflate";
import type { Frame, Page } from "playwright-core";
import { launchChromium } from "../../cli/measure/browser.js";
import { LOGIN_SCENARIO, withFakeMain, type Scenario } from "./fake-main-page.js";
import { CRASHING_WORKER, STUB_PROBLEM, STUB_WORKER } from "./stub-worker.js";

/** Run from the repository root. */
const ROOT = resolve(process.cwd());
const OUT = join(ROOT, "test-artifacts", "ui");
mkdirSync(OUT, { recursive: true });

const checks: string[] = [];
function check(ok: boolean, what: string): void {
  checks.push(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) process.exitCode = 1;
}

async function run(s: Scenario, fn: (page: Page, ui: Frame) => Promise<void>): Promise<void> {
  await withFakeMain(browser, s, async ({ page, ui, refused }) => {
    await fn(page, ui);
    const wrong = await refused();
    check(
      wrong.length === 0,
      `the panel's messages all pass the contract${wrong.length ? `: ${wrong.join("; ")}` : ""}`,
    );
  });
}

const shot = async (page: Page, name: string) => {
  await page.locator("#plugin").screenshot({ path: join(OUT, `${name}.png`) });
};
const sent = (page: Page) => page.evaluate(() => (globalThis as unknown as { sent: { type: string }[] }).sent);
// The engine script itself (its code parts are asked for apart, before the jobs that need them).
const sourceRequests = async (page: Page) =>
  (await sent(page)).filter(
    (m) => m.type === "get-worker-source" && !String((m as { part?: string }).part).startsWith("code-"),
  ).length;

const browser = await launchChromium();
const base: Scenario = LOGIN_SCENARIO;
try {
  for (const theme of ["light", "dark"] as const) {
    // 1. Generate code panel, idle, with thumbnail.
    await run({ ...base, theme }, async (page, ui) => {
      await ui.waitForSelector(".selection__thumb img");
      await shot(page, `${theme}-1-code-idle`);
      // Keyboard focus is visible.
      await ui.focus(".nav__item >> nth=0");
      await page.keyboard.press("Tab");
      const focusRing = await ui.evaluate(() => getComputedStyle(document.activeElement as Element).boxShadow);
      check(focusRing !== "none", `${theme}: focused control shows a focus ring (${focusRing})`);
      const messages = await sent(page);
      check(messages[0]?.type === "ready", `${theme}: first message is ready`);
      check(
        messages.some((m) => m.type === "get-thumbnail"),
        `${theme}: asks get-thumbnail for the selection`,
      );
      const bg = await ui.evaluate(() => getComputedStyle(document.body).backgroundColor);
      check(
        theme === "dark" ? bg === "rgb(44, 44, 44)" : bg === "rgb(255, 255, 255)",
        `${theme}: body background follows --figma-color-bg (${bg})`,
      );

      // 2. Generate React → results. The worker's script is asked of the main thread once, by the warm-up in idle
      // time after the panel painted or by this Generate, whichever comes first.
      check(
        (await sourceRequests(page)) <= 1,
        `${theme}: at most one get-worker-source (the idle warm-up) before the first Generate`,
      );
      const started = Date.now();
      await ui.getByRole("button", { name: "Generate", exact: true }).click();
      await ui.waitForSelector(".code__line", { timeout: 60_000 });
      const ms = Date.now() - started;
      const stats = await ui.evaluate(() =>
        (window as unknown as { figmentWorkerStats(): Record<string, unknown> }).figmentWorkerStats(),
      );
      checks.push(`info ${theme}: export→code shown in ${ms} ms; worker stats ${JSON.stringify(stats)}`);
      check((await sourceRequests(page)) === 1, `${theme}: get-worker-source asked once in all`);
      await shot(page, `${theme}-2-react-code`);
      const tabs = await ui.locator(".tab__label").allTextContents();
      check(tabs.length === 1 && tabs[0]!.endsWith(".tsx"), `${theme}: opens the first screen (${tabs.join(",")})`);
      // Highlighted by the engine worker once shown: waits for the colours to come.
      const coloured = await ui
        .locator(".code .tok-keyword")
        .first()
        .waitFor({ timeout: 10_000 })
        .then(() => true)
        .catch(() => false);
      check(
        coloured && (await ui.locator(".code .tok-tag").count()) > 0,
        `${theme}: code is highlighted (tags, keywords)`,
      );

      // Problems: expand, and a problem with a file opens it at its line.
      await ui.click(".problems__header");
      await shot(page, `${theme}-2b-problems`);
      // Rows naming a file open it; rows naming a layer select it on the canvas.
      const problemButtons = ui.locator("button.problem__row", {
        has: ui.locator(".problem__location", { hasText: "/" }),
      });
      checks.push(
        `info ${theme}: ${await ui.locator(".problem").count()} problems, ${await problemButtons.count()} with a file`,
      );
      if ((await problemButtons.count()) > 0) {
        const location = (await problemButtons.first().locator(".problem__location").textContent()) ?? "";
        await problemButtons.first().click();
        const activeTab = await ui.locator(".tab.is-active .tab__label").getAttribute("title");
        check(location.startsWith(activeTab ?? "?"), `${theme}: clicking ${location} opens ${activeTab}`);
      }
      await ui.click(".problems__header");

      // Open a CSS module from the tree.
      const css = ui.locator(".tree__row", { hasText: ".module.css" }).first();
      await css.click();
      const properties = await ui
        .locator(".code .tok-property")
        .first()
        .waitFor({ timeout: 10_000 })
        .then(() => true)
        .catch(() => false);
      check(properties, `${theme}: CSS file highlighted (properties)`);

      // 3. Preview of the React output = HTML rendering, sandboxed.
      await ui.click(".view-tab >> text=Preview");
      await ui.waitForSelector(".preview__frame", { timeout: 60_000 });
      const note = await ui.locator(".preview__note").textContent();
      check(/Plain HTML|React preview/.test(note ?? ""), `${theme}: React preview says what it shows (${note})`);
      const frameInfo = await ui.evaluate(() => {
        const f = document.querySelector("iframe.preview__frame") as HTMLIFrameElement;
        return { sandbox: f.getAttribute("sandbox"), srcdoc: f.srcdoc, w: f.width, h: f.height };
      });
      // The React preview runs the files (transpiled in the worker) in a sandbox: scripts, never same-origin, no
      // network but web fonts.
      check(
        frameInfo.sandbox === "allow-scripts",
        `${theme}: preview iframe has sandbox="allow-scripts" (got ${JSON.stringify(frameInfo.sandbox)})`,
      );
      check(
        /Content-Security-Policy" content="default-src 'none';/.test(frameInfo.srcdoc),
        `${theme}: srcdoc's CSP starts from default-src 'none' (${frameInfo.srcdoc.slice(0, 200)})`,
      );
      check(frameInfo.w === "375", `${theme}: preview at the frame's width (${frameInfo.w}×${frameInfo.h})`);
      const body = ui.frameLocator("iframe.preview__frame").locator("body *");
      const rendered = await body
        .nth(10)
        .waitFor({ state: "attached", timeout: 10_000 })
        .then(() => body.count())
        .catch(() => 0);
      check(rendered > 10, `${theme}: the preview renders the design's markup (${rendered} elements)`);
      await page.waitForTimeout(200);
      await shot(page, `${theme}-3-preview-fit`);
      await ui.click('.segmented[aria-label="Preview width"] button >> text=Tablet');
      await ui.waitForFunction(() => document.querySelector("iframe.preview__frame")?.getAttribute("width") === "768");
      await shot(page, `${theme}-4-preview-tablet`);

      // 4. Copy all (clipboard API or textarea fallback) and download zip.
      await ui.click(".view-tab >> text=Code");
      await ui.click("text=Copy all");
      await ui.waitForSelector(".toast", { timeout: 5000 }).catch(() => undefined);
      const copied = await ui.locator(".toast").allTextContents();
      check(
        copied.some((t) => t.startsWith("Copied")),
        `${theme}: Copy all reports "${copied.join(" | ")}"`,
      );
      if (theme === "light") {
        const [download] = await Promise.all([page.waitForEvent("download"), ui.click("text=Download .zip")]);
        const path = await download.path();
        const names = Object.keys(unzipSync(new Uint8Array(readFileSync(path))));
        checks.push(`info zip ${download.suggestedFilename()}: ${names.length} files`);
        for (const needed of ["package.json", "index.html", "src/main.tsx", "tsconfig.json", "vite.config.ts"])
          check(names.includes(needed), `zip has ${needed}`);
        writeFileSync(join(OUT, download.suggestedFilename()), readFileSync(path));
      }
    });
  }

  // HTML target, problems list, page title.
  await run({ ...base, settings: { target: "html" }, width: 640, height: 560 }, async (page, ui) => {
    check(
      await ui.locator(".segmented[aria-label=Styling] button").first().isDisabled(),
      "html: styling disabled for HTML",
    );
    await ui.getByRole("button", { name: "Generate", exact: true }).click();
    await ui.waitForSelector(".code__line", { timeout: 60_000 });
    const tabs = await ui.locator(".tab__label").allTextContents();
    check(tabs[0] === "index.html", `html: opens index.html (${tabs.join(",")})`);
    await shot(page, "light-5-html-code-wide");
    await ui.click(".view-tab >> text=Preview");
    await ui.waitForSelector(".preview__frame");
    const note = (await ui.locator(".preview__note").textContent()) ?? "";
    check(!note.includes("Plain HTML"), "html: no 'Plain HTML' note for HTML output");
    await page.waitForTimeout(200);
    await shot(page, "light-6-html-preview-wide");
  });

  // Empty selection, unsupported nodes.
  for (const theme of ["light", "dark"] as const) {
    await run(
      {
        ...base,
        theme,
        selection: {
          nodes: [],
          unsupported: [
            {
              id: "9:9",
              name: "Slice 1",
              type: "SLICE",
              width: 100,
              height: 100,
              problem: "not-design",
              reason: "a slice is an export area, not a layer: select the frame under it",
            },
          ],
        },
      },
      async (page, ui) => {
        const title = await ui.locator(".selection__title").textContent();
        const why = (await ui.locator(".selection-problems").textContent()) ?? "";
        check(
          title === "Slice 1" && why.includes("select the frame under it"),
          `${theme}: a refused selection names the layer and says what to do (${title}: ${why})`,
        );
        check(
          await ui.getByRole("button", { name: "Generate", exact: true }).isDisabled(),
          `${theme}: Generate disabled with nothing selected`,
        );
        await shot(page, `${theme}-7-empty-selection`);
      },
    );
  }

  // Too large (main thread's message + what to do) and the bogus-message banner.
  await run(
    {
      ...base,
      theme: "dark",
      exportError: {
        kind: "input",
        reason: "too-large",
        message: "“Log-In Page” has 12,000 layers; Figment exports up to 5,000. Select a smaller frame.",
      },
      sendBogus: true,
    },
    async (page, ui) => {
      await ui.waitForSelector(".banner--error");
      const banner = (await ui.locator(".banner--error").textContent()) ?? "";
      check(banner.includes('unknown message "teleport"'), "unknown message → error banner");
      await ui.getByRole("button", { name: "Generate", exact: true }).click();
      await ui.waitForSelector(".notice--warning");
      const text = (await ui.locator(".notice--warning").textContent()) ?? "";
      check(
        text.includes("12,000 layers") && text.includes("Select a smaller frame"),
        "too-large shows the main thread's message and what to do",
      );
      await shot(page, "dark-8-too-large-and-bad-message");
    },
  );

  // Cancel during export.
  await run({ ...base, exportDelayMs: 3000 }, async (page, ui) => {
    await ui.getByRole("button", { name: "Generate", exact: true }).click();
    await ui.waitForSelector(".progress");
    await shot(page, "light-9-exporting");
    await ui.click("text=Cancel");
    await ui.waitForSelector(".notice__title >> text=Cancelled");
    // The panel says Cancelled as it posts the cancel, which reaches the parent page a task later: wait for it.
    const cancelSent = await page
      .waitForFunction(() =>
        (globalThis as unknown as { sent: { type: string }[] }).sent.some((m) => m.type === "cancel"),
      )
      .then(() => true)
      .catch(() => false);
    check(cancelSent, "Cancel sends cancel");
    await shot(page, "light-10-cancelled");
  });

  // Export failure.
  await run(
    {
      ...base,
      exportError: {
        kind: "service",
        reason: "export-failed",
        message: "Could not export the structure of “Log-In Page”: internal error",
      },
    },
    async (page, ui) => {
      await ui.getByRole("button", { name: "Generate", exact: true }).click();
      await ui.waitForSelector(".notice--error");
      check(
        ((await ui.locator(".notice--error").textContent()) ?? "").includes("Figma could not export the selection"),
        "export failure explained",
      );
      await shot(page, "light-11-export-failed");
    },
  );

  // Worker crash → Retry.
  await run({ ...base, workerScript: CRASHING_WORKER }, async (page, ui) => {
    await ui.getByRole("button", { name: "Generate", exact: true }).click();
    await ui.waitForSelector(".notice--error", { timeout: 30_000 });
    const text = (await ui.locator(".notice--error").textContent()) ?? "";
    check(
      text.includes("The code generator crashed") && text.includes("simulated worker crash"),
      "worker crash explained",
    );
    check(await ui.locator("button", { hasText: "Retry" }).isVisible(), "worker crash offers Retry");
    await shot(page, "light-12-worker-crash");
    await ui.click('button:has-text("Retry")');
    await ui
      .waitForFunction(
        () => (window as unknown as { figmentWorkerStats(): { starts: number } }).figmentWorkerStats().starts >= 2,
        undefined,
        { timeout: 30_000 },
      )
      .catch(() => undefined);
    await ui.waitForSelector(".notice--error");
    const stats = await ui.evaluate(() =>
      (window as unknown as { figmentWorkerStats(): { starts: number } }).figmentWorkerStats(),
    );
    check(stats.starts >= 2, `Retry starts a fresh worker (starts=${stats.starts})`);
    const requests = await sourceRequests(page);
    check(requests === 1, `Retry reuses the worker script it already has (get-worker-source sent ${requests}×)`);
  });

  // A problem with file:line opens the file at that line.
  await run({ ...base, workerScript: STUB_WORKER }, async (page, ui) => {
    await ui.getByRole("button", { name: "Generate", exact: true }).click();
    // The stub speaks today's engine protocol (test/check-ui-e2e.test.ts holds it to that): no answer is a failure.
    await ui.waitForSelector('.results[data-stage="final"]', { timeout: 30_000 });
    await ui.click(".problems__header");
    await ui.click(".tab__close");
    await ui.click("button.problem__row");
    const target = await ui.locator(".code__line.is-target").getAttribute("data-line");
    const visible = await ui.evaluate(() => {
      const row = document.querySelector(".code__line.is-target")!.getBoundingClientRect();
      const box = document.querySelector(".code")!.getBoundingClientRect();
      return row.top >= box.top && row.bottom <= box.bottom;
    });
    check(
      target === String(STUB_PROBLEM.line) && visible,
      `problem ${STUB_PROBLEM.file}:${STUB_PROBLEM.line} opens the file scrolled to line ${target}`,
    );
    await shot(page, "light-12b-problem-line");
  });

  // Settings, both themes, with and without a key.
  for (const theme of ["light", "dark"] as const) {
    await run(
      { ...base, theme, command: "settings", apiKey: theme === "dark" ? "sk-test-secret-123" : null },
      async (page, ui) => {
        await ui.waitForSelector("form.panel--settings");
        const html = await ui.content();
        check(!html.includes("sk-test-secret-123"), `${theme}: the API key is not in the DOM`);
        const placeholder = await ui.locator("input[type=url]").getAttribute("placeholder");
        check(placeholder === "https://api.openai.com/v1", `${theme}: base URL placeholder is the provider default`);
        if (theme === "light") {
          await ui.getByRole("combobox", { name: "Provider" }).click();
          await ui.getByRole("option", { name: "OpenRouter" }).click();
          check(
            (await ui.locator("input[type=url]").getAttribute("placeholder")) === "https://openrouter.ai/api/v1",
            "placeholder follows the provider",
          );
          await ui.fill("input[type=password]", "sk-or-new-key");
          await ui.click("text=Test connection");
          await ui.waitForSelector(".test-result", { timeout: 15_000 });
          const result = (await ui.locator(".test-result").textContent()) ?? "";
          checks.push(`info test connection offline: ${result}`);
          check(
            result.includes("openrouter.ai") && !result.includes("sk-or-new-key"),
            "test connection fails offline with a clear message",
          );
          await ui.click("button[type=submit]");
          await ui.waitForSelector(".save-state--saved");
          const messages = (await sent(page)) as {
            type: string;
            settings?: unknown;
            key?: { slot: string; value: string | null };
          }[];
          const save = messages.filter((m) => m.type === "save-settings").pop();
          check(
            save?.key?.value === "sk-or-new-key" &&
              save.key.slot === "openrouter" &&
              (save.settings as { provider?: string }).provider === "openrouter",
            "Save sends save-settings with the key for OpenRouter's slot",
          );
          check(!(await ui.content()).includes("sk-or-new-key"), "after saving, the key is not in the DOM");
          await shot(page, `${theme}-13-settings-saved`);
        } else {
          check(await ui.locator(".key-saved").isVisible(), "dark: saved key shows as 'Key saved'");
          await shot(page, `${theme}-13-settings-with-key`);
        }
      },
    );
  }

  // The other panels (parts of their own); no theme variables at all (fallbacks).
  await run({ ...base, command: "image", theme: "none" }, async (page, ui) => {
    await ui.waitForSelector(".panel--image", { timeout: 30_000 });
    const bg = await ui.evaluate(() => getComputedStyle(document.body).backgroundColor);
    check(bg === "rgb(255, 255, 255)", `no theme variables → light fallback (${bg})`);
    await shot(page, "none-14-image");
  });
  await run({ ...base, command: "search", theme: "dark" }, async (page, ui) => {
    await ui.waitForSelector(".panel--search", { timeout: 30_000 });
    await shot(page, "dark-15-search");
  });
} finally {
  await browser.close();
  // Also when a step threw (a wait that timed out fails the run): what passed before it.
  console.log(checks.join("\n"));
  console.log(`screenshots in ${OUT}`);
}
