/**
 * The run's file server (static-server.ts): it gives the served folders' files byte for byte and nothing else, and
 * a page fetches a file from it at the page's own path (withPage's fetchFrom), as the plugin harness loads
 * dist/code.js.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withPage } from "../../cli/measure/browser.js";
import { runBrowser, useBrowser } from "./browser.js";
import { REPO_ROOT } from "./fixtures.js";
import { servedPath, startStaticServer } from "./static-server.js";

describe("the run's file server", () => {
  let server: Awaited<ReturnType<typeof startStaticServer>>;
  beforeAll(async () => {
    server = await startStaticServer(REPO_ROOT);
  });
  afterAll(() => server.close());
  const get = (path: string) => fetch(`${server.origin}${path}`);

  it("gives a served folder's file as it is, with its type", async () => {
    const response = await get("/dist/ui.html");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await response.text()).toBe(readFileSync(join(REPO_ROOT, "dist/ui.html"), "utf8"));
    expect((await get("/test/fixtures/figma/figmasharp-login.file.json")).status).toBe(200);
  });

  it("refuses any other file, a missing one and a way out of the folders", async () => {
    for (const path of ["/package.json", "/dist/missing.js", "/dist/../package.json", "/dist/%2e%2e/package.json", "/"])
      expect((await get(path)).status, path).toBe(404);
    expect((await fetch(`${server.origin}/dist/ui.html`, { method: "POST" })).status).toBe(404);
  });

  it("names a path from the repository only under a served folder", () => {
    expect(servedPath(REPO_ROOT, join(REPO_ROOT, "dist", "code.js"))).toBe("dist/code.js");
    expect(servedPath(REPO_ROOT, join(REPO_ROOT, "distant", "x.js"))).toBeUndefined();
    expect(servedPath(REPO_ROOT, join(REPO_ROOT, "..", "dist", "code.js"))).toBeUndefined();
  });

  describe.runIf(runBrowser)("in a page", () => {
    const browser = useBrowser();
    it("is fetched by Chromium at the page's own path (fetchFrom), not sent from memory", async () => {
      const files = [{ path: "index.html", content: "<!doctype html><title>t</title><body>page</body>" }];
      const fetchFrom = new Map([["ui.html", `${server.origin}/dist/ui.html`]]);
      const text = await withPage(
        browser,
        files,
        "index.html",
        { width: 400, height: 300 },
        (page) => page.evaluate(() => fetch("/ui.html").then((r) => r.text())),
        { fetchFrom },
      );
      expect(text).toBe(readFileSync(join(REPO_ROOT, "dist/ui.html"), "utf8"));
    });
  });
});
