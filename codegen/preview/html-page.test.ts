import { describe, expect, it } from "vitest";
import type { SourceFile } from "../types.js";
import { assetDataUrl } from "../file-paths.js";
import { buildSrcdoc, PREVIEW_CSP, previewPages } from "./html-page.js";

const SVG =
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 ` + `4"><rect width="4" height="4" fill="#d9d9d9"/></svg>\n`;

const page = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Log-In Page</title>
    <link rel="stylesheet" href="styles.css" />
    <script src="evil.js"></script>
  </head>
  <body>
    <main class="log-in-page">
      <img class="bg" src="assets/background-image.svg" alt="Background" onerror="alert(1)" />
      <p class="text">&lt;script&gt;alert("design text")&lt;/script&gt; Don’t</p>
      <a href="other.html" onclick="steal()">Other</a>
      <a href="javascript:alert(1)">JS</a>
      <script>alert("inline")</script>
      <iframe src="https://example.com"></iframe>
      <SCRIPT >alert(2)</SCRIPT >
      <svg viewBox="0 0 1 1"><use href="#shape" /></svg>
    </main>
  </body>
</html>
`;

const files: SourceFile[] = [
  { path: "index.html", content: page },
  {
    path: "styles.css",
    content:
      `.log-in-page { background: url(assets/background-image.svg) center / cover; }\n` +
      `.x { background-image: url("./assets/background-image.svg"); }\n` +
      `@import url("https://fonts.example/css");\n` +
      `.bad::after { content: "</style><script>alert(3)</script>"; }\n`,
  },
  { path: "assets/background-image.svg", content: SVG },
];

describe("buildSrcdoc", () => {
  const doc = buildSrcdoc({ page: files[0]!, files });

  it("starts with a CSP meta tag before any style", () => {
    const csp = `<meta http-equiv="Content-Security-Policy" content="${PREVIEW_CSP}">`;
    expect(doc).toContain(csp);
    expect(doc.indexOf(csp)).toBeLessThan(doc.indexOf("<style>"));
    expect(PREVIEW_CSP).toBe(
      "default-src 'none'; style-src 'unsafe-inline' https://fonts.googleapis.com; " +
        "img-src data:; font-src data: https://fonts.gstatic.com",
    );
  });

  it("inlines the linked stylesheet and drops the link", () => {
    expect(doc).toContain(".log-in-page {");
    expect(doc).not.toMatch(/<link\b/i);
    expect(doc).not.toContain("@import");
  });

  it("keeps no <script> and no event handlers or javascript: URLs", () => {
    expect(doc).not.toMatch(/<\s*script/i);
    expect(doc).not.toMatch(/<\s*iframe/i);
    expect(doc).not.toMatch(/\sonerror=|\sonclick=/i);
    expect(doc).not.toMatch(/javascript:/i);
  });

  it("keeps escaped design text as text", () => {
    expect(doc).toContain(`<p class="text">&lt;script&gt;alert("design text")&lt;/script&gt; Don’t</p>`);
  });

  it("cannot be broken out of <style> by CSS", () => {
    const style = /<style>([\s\S]*?)<\/style>/.exec(doc)?.[1] ?? "";
    expect(style).toContain(".bad::after");
    expect(doc.match(/<\/style>/g)).toHaveLength(1);
  });

  it("turns local assets into data: URLs, in HTML and CSS", () => {
    const data = assetDataUrl(files[2]!)!;
    expect(data.startsWith("data:image/svg+xml;charset=utf-8,")).toBe(true);
    expect(doc).toContain(`src="${data}"`);
    expect(doc).toContain(`url("${data}")`);
    expect(doc).not.toContain("assets/background-image.svg");
  });

  it("drops links to other pages but keeps fragment references", () => {
    expect(doc).toMatch(/<a>Other<\/a>/);
    expect(doc).toContain('href="#shape"');
  });

  it("handles a page without <body> and an unclosed <script", () => {
    const out = buildSrcdoc({ page: { path: "a.html", content: '<p>x</p><script src="y.js"' }, files: [] });
    expect(out).not.toMatch(/<\s*script/i);
    expect(out).toContain("<p>x</p>");
  });
});

describe("assetDataUrl", () => {
  it("encodes SVG, passes data: URLs and base64 PNG, refuses others", () => {
    expect(assetDataUrl({ path: "a.svg", content: '<svg a="1"/>' })).toBe(
      "data:image/svg+xml;charset=utf-8,%3Csvg%20a%3D%221%22%2F%3E",
    );
    expect(assetDataUrl({ path: "a.png", content: "iVBORw0KGgo=" })).toBe("data:image/png;base64,iVBORw0KGgo=");
    expect(assetDataUrl({ path: "a.png", content: "data:image/png;base64,AAAA" })).toBe("data:image/png;base64,AAAA");
    expect(assetDataUrl({ path: "a.js", content: "alert(1)" })).toBeUndefined();
  });
});

describe("previewPages", () => {
  it("lists frame pages, skipping a multi-frame index", () => {
    const pages = previewPages([
      { path: "log-in.html", content: "" },
      { path: "sign-up.html", content: "" },
      { path: "index.html", content: "" },
      { path: "styles.css", content: "" },
    ]);
    expect(pages.map((p) => p.path)).toEqual(["log-in.html", "sign-up.html"]);
    expect(previewPages([{ path: "index.html", content: "" }]).map((p) => p.path)).toEqual(["index.html"]);
  });
});
