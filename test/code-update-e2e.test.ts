/**
 * Issue 71 in the Code panel, end to end in headless Chromium at Figma's default 420×600 (real dist/ui.html and
 * dist/code.js on the figma simulator): code generated for a frame is saved in History with its design's facts, and
 * its zip carries the `.figment/` record. The designer then changes the frame (a text re-worded, a layer moved, one
 * added); in the next session the panel says "Changed since your code of …: 1 moved, 1 re-texted, 1 added" before
 * Generate, lists the changes when asked, and after Generate offers "Download update" beside the zip: a patch that
 * `git apply` takes onto the folder unpacked from the first zip, giving the second zip's files byte for byte.
 * Screenshots and the patch go to test-artifacts/code-update/.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { unzipSync } from "fflate";
import type { Frame, Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { changedSelfieReply, SELFIE_FIXTURE, SELFIE_FRAME } from "./helpers/changed-design.js";
import { panelScreenshot, ROOT, waitForFinalCode, withPluginPage } from "./harness/plugin-page.js";
import { downloadedBytes, runBrowser, useBrowser, usePageContext } from "./helpers/browser.js";

const ARTIFACTS = join(ROOT, "test-artifacts", "code-update");
const shot = (page: Page, name: string): Promise<void> => panelScreenshot(page, ARTIFACTS, name);

/** The simulator's clientStorage with its byte arrays as base64, to carry it into the next session. */
const STORAGE_OUT =
  `Object.fromEntries([...sim.storage].map(([k, v]) => [k, JSON.parse(JSON.stringify(v, ` +
  `(_, x) => x instanceof Uint8Array ? { __b64: btoa(String.fromCharCode(...x)) } : x))]))`;
const revive = (storage: Record<string, unknown>): Record<string, unknown> =>
  JSON.parse(JSON.stringify(storage), (_, v: unknown) => {
    const b64 = typeof v === "object" && v !== null ? (v as { __b64?: unknown }).__b64 : undefined;
    return typeof b64 === "string" ? new Uint8Array(Buffer.from(b64, "base64")) : v;
  }) as Record<string, unknown>;

/** A download the panel starts by clicking `button`, as bytes. */
async function downloaded(page: Page, ui: Frame, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent("download"), ui.locator("button", { hasText: button }).click()]);
  return { name: file.suggestedFilename(), bytes: await downloadedBytes(file) };
}

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function readTree(dir: string, at = dir): Record<string, Buffer> {
  const files: Record<string, Buffer> = {};
  for (const name of readdirSync(at)) {
    if (name === ".git") continue;
    const path = join(at, name);
    if (statSync(path).isDirectory()) Object.assign(files, readTree(dir, path));
    else files[relative(dir, path).split("\\").join("/")] = readFileSync(path);
  }
  return files;
}

/** The team's project: the zip unpacked into a git repository, committed. */
function unpacked(zip: Record<string, Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), "figment-team-"));
  dirs.push(dir);
  for (const [path, bytes] of Object.entries(zip)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), bytes);
  }
  const git = (...args: string[]) => execFileSync("/usr/bin/git", args, { cwd: dir, stdio: "pipe" });
  git("init", "-q");
  git("add", "-A");
  git("-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-qm", "Figment's code");
  return dir;
}

const hasCodeEntry = (page: Page) =>
  page.waitForFunction(() =>
    [
      ...(globalThis as unknown as { __figmentSim: { storage: Map<string, unknown> } }).__figmentSim.storage.keys(),
    ].some((k) => k.startsWith("figment.history/code/")),
  );

describe.runIf(runBrowser)("design changes flow into the team's code (issue 71)", { timeout: 240_000 }, () => {
  const browser = useBrowser();
  const pages = usePageContext(browser);

  it("says what changed since the saved code, lists it, and its update patch applies onto the first zip", async () => {
    let storage: Record<string, unknown> = {};
    let fileId = "";
    let firstZip: Record<string, Uint8Array> = {};
    await withPluginPage(pages, { fixture: SELFIE_FIXTURE, select: [SELFIE_FRAME] }, async ({ page, ui, sim }) => {
      expect(await ui.evaluate("[innerWidth, innerHeight]")).toEqual([420, 600]);
      await ui.getByRole("button", { name: "Generate", exact: true }).click();
      await waitForFinalCode(ui, 90_000);
      await hasCodeEntry(page);
      // Nothing to say: the only code of this frame is the one on show.
      expect(await ui.locator(".design-changes").count()).toBe(0);
      const zip = await downloaded(page, ui, "Download .zip");
      firstZip = unzipSync(new Uint8Array(zip.bytes));
      expect(Object.keys(firstZip)).toEqual(
        expect.arrayContaining([".figment/README.md", ".figment/record.json", ".figment/design.json"]),
      );
      const record = JSON.parse(Buffer.from(firstZip[".figment/record.json"]!).toString()) as Record<string, unknown>;
      expect(record).toMatchObject({
        format: 1,
        by: "plugin",
        source: { nodes: [SELFIE_FRAME], frames: [{ id: SELFIE_FRAME, name: "Selfie" }] },
        options: { target: "react", styling: "css-modules", nodeIds: false, project: "vite" },
      });
      expect(record["figment"]).toMatch(/^\d+\.\d+\.\d+/);
      storage = revive(await sim<Record<string, unknown>>(STORAGE_OUT));
      fileId = await sim<string>(`sim.document.getPluginData("figment.fileId")`);
    });

    const setup = `window.__figmentSim.document.setPluginData("figment.fileId", ${JSON.stringify(fileId)})`;
    const fixture = changedSelfieReply();
    await withPluginPage(pages, { fixture, select: [SELFIE_FRAME], storage, setup }, async ({ page, ui }) => {
      // Before Generate: the frame exported and compared with the facts saved with its code.
      const note = ui.locator(".design-changes");
      await note.waitFor({ timeout: 60_000 });
      const line = (await note.locator(".design-changes__line").innerText()).replace(/\s+/g, " ").trim();
      expect(line).toMatch(
        /^Changed since your code of \d{1,2} [A-Z][a-z]{2} \d\d:\d\d: 1 moved, 1 re-texted, 1 added$/,
      );
      await shot(page, "1-changed-since");

      await note.getByRole("button", { name: "Show 3 changes" }).click();
      const items = await note.locator(".design-changes__list li").allInnerTexts();
      expect(items).toHaveLength(3);
      expect(items.join("\n")).toContain('"Place your face in the frame" → "Hold your face inside the frame"');
      expect(items.join("\n")).toContain("added “Badge” (RECTANGLE 33459:9001)");
      await shot(page, "2-change-list");

      await ui.getByRole("button", { name: "Generate", exact: true }).click();
      await waitForFinalCode(ui, 90_000);
      const update = ui.locator("button", { hasText: "Download update" });
      await update.waitFor({ timeout: 60_000 });
      expect(await note.locator(".design-changes__hint").innerText()).toContain("Download update");
      await shot(page, "3-download-update");

      const patch = await downloaded(page, ui, "Download update");
      expect(patch.name).toBe("figment-update-selfie.patch");
      writeFileSync(join(ARTIFACTS, patch.name), patch.bytes);
      const secondZip = unzipSync(new Uint8Array((await downloaded(page, ui, "Download .zip")).bytes));
      const dir = unpacked(firstZip);
      const file = join(dir, "..", `${dir.split(/[\\/]/).at(-1)}.patch`);
      writeFileSync(file, patch.bytes);
      dirs.push(file);
      execFileSync("/usr/bin/git", ["apply", "--check", file], { cwd: dir, stdio: "pipe" });
      execFileSync("/usr/bin/git", ["apply", file], { cwd: dir, stdio: "pipe" });
      const after = readTree(dir);
      expect(Object.keys(after).sort()).toEqual(Object.keys(secondZip).sort());
      for (const [path, bytes] of Object.entries(secondZip)) expect(after[path], path).toEqual(Buffer.from(bytes));
    });
  });
});
