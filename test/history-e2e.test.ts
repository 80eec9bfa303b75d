/**
 * History end to end in headless Chromium (real dist/ui.html + dist/code.js on the simulator): a generated
 * code result is saved into clientStorage when the run finishes, and a new plugin session on the same
 * storage (the panel closed and opened again) lists it and reads its files back.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { panelScreenshot, ROOT, withPluginPage } from "./harness/plugin-page.js";
import { runBrowser, useBrowser, usePageContext } from "./helpers/browser.js";

const LOGIN = "figmasharp-login.file.json";

/** The simulator's clientStorage with its byte arrays as base64, to carry it into the next session. */
const STORAGE_OUT =
  `Object.fromEntries([...sim.storage].map(([k, v]) => [k, JSON.parse(JSON.stringify(v, ` +
  `(_, x) => x instanceof Uint8Array ? { __b64: btoa(String.fromCharCode(...x)) } : x))]))`;
const revive = (storage: Record<string, unknown>): Record<string, unknown> =>
  JSON.parse(JSON.stringify(storage), (_, v: unknown) => {
    const b64 = typeof v === "object" && v !== null ? (v as { __b64?: unknown }).__b64 : undefined;
    return typeof b64 === "string" ? new Uint8Array(Buffer.from(b64, "base64")) : v;
  }) as Record<string, unknown>;

describe.runIf(runBrowser)("history in the browser harness", { timeout: 180_000 }, () => {
  const browser = useBrowser();
  // Plugin pages reused between tests (no init scripts, routes or listeners of their own): one renderer, not one per
  // test.
  const pages = usePageContext(browser);

  it("a generated code result is in history after the panel is closed and opened again", async () => {
    let storage: Record<string, unknown> = {};
    let fileId = "";
    await withPluginPage(pages, { fixture: LOGIN, select: ["101:3"] }, async ({ page, ui, sim }) => {
      await ui.getByRole("button", { name: "Generate", exact: true }).click();
      await ui.waitForSelector('.results[data-stage="final"]', { timeout: 90_000 });
      await panelScreenshot(page, join(ROOT, "test-artifacts", "history"), "1-code-generated");
      // The save follows the finished run.
      await page.waitForFunction(() =>
        [
          ...(globalThis as unknown as { __figmentSim: { storage: Map<string, unknown> } }).__figmentSim.storage.keys(),
        ].some((k) => k.startsWith("figment.history/code/")),
      );
      storage = revive(await sim<Record<string, unknown>>(STORAGE_OUT));
      // The file's own id (root pluginData, as Figma keeps it in the file) names the file's history.
      fileId = await sim<string>(`sim.document.getPluginData("figment.fileId")`);
      expect(fileId).toMatch(/^[a-z0-9]{16}$/);
    });
    const setup = `window.__figmentSim.document.setPluginData("figment.fileId", ${JSON.stringify(fileId)})`;
    await withPluginPage(pages, { fixture: LOGIN, select: ["101:3"], storage, setup }, async ({ ui, sim }) => {
      await ui.evaluate(() =>
        (globalThis as unknown as { parent: { postMessage(m: unknown, o: string): void } }).parent.postMessage(
          { pluginMessage: { type: "load-history", requestId: "t-list", kind: "code" } },
          "*",
        ),
      );
      const listed = await waitFor<{ entries: { id: string; title: string; frame?: { id: string } }[] }>(
        sim,
        "history",
        "t-list",
      );
      expect(listed.entries).toHaveLength(1);
      expect(listed.entries[0]).toMatchObject({ title: "Log-In Page · react", frame: { id: "101:3" } });
      const id = listed.entries[0]!.id;
      await ui.evaluate(
        (entryId) =>
          (globalThis as unknown as { parent: { postMessage(m: unknown, o: string): void } }).parent.postMessage(
            { pluginMessage: { type: "load-history-entry", requestId: "t-entry", kind: "code", id: entryId } },
            "*",
          ),
        id,
      );
      const { entry } = await waitFor<{ entry: { files: { path: string }[]; mode: string } }>(
        sim,
        "history-entry",
        "t-entry",
      );
      expect(entry.mode).toBe("offline");
      expect(entry.files.map((f) => f.path)).toEqual(
        expect.arrayContaining(["src/screens/LogInPage.tsx", "src/screens/LogInPage.module.css"]),
      );
    });
  });
});

async function waitFor<T>(sim: <R>(expression: string) => Promise<R>, type: string, requestId: string): Promise<T> {
  // The simulator resolves on the message itself (its bound, 60 s, only ends a test whose reply never comes).
  return sim<T>(
    `sim.ui.waitFor(${JSON.stringify(type)}, { where: (m) => ` +
      `m.requestId === ${JSON.stringify(requestId)}, timeoutMs: 60_000 })`,
  );
}
