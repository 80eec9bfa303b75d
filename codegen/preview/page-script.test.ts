import { describe, expect, it } from "vitest";
import { cspHash } from "../../kernel/sha256.js";
import { buildSrcdoc, PREVIEW_CSP } from "./html-page.js";
import { buildReactPreview, REACT_PREVIEW_CSP } from "./react-preview.js";
import { withPageScript } from "./page-script.js";

const script = { text: "document.title = 'probed';", hash: cspHash("document.title = 'probed';") };

describe("a script of the panel's in a preview page", () => {
  it("HTML preview: runs last in the body, and the CSP allows that script alone, by its hash", () => {
    const page = buildSrcdoc({
      page: { path: "index.html", content: '<body><p data-node-id="1:2">Hi</p></body>' },
      files: [],
    });
    const out = withPageScript(page, script);
    expect(out).toContain(`content="${PREVIEW_CSP}; script-src ${script.hash}"`);
    expect(out).toMatch(/<p data-node-id="1:2">Hi<\/p><script>document\.title = 'probed';<\/script><\/body>/);
    expect(out.match(/script-src/g)).toHaveLength(1);
  });

  it("React preview: its policy already runs inline scripts and is kept as it is", () => {
    const page = buildReactPreview(
      [{ path: "src/App.tsx", content: "export default function App() { return <p>Hi</p>; }\n" }],
      "/* runtime */",
    ).html;
    const out = withPageScript(page, script);
    expect(out).toContain(`content="${REACT_PREVIEW_CSP}"`);
    expect(out.indexOf("<script>document.title")).toBeGreaterThan(out.indexOf("/* runtime */"));
    expect(out.trimEnd().endsWith("</html>")).toBe(true);
  });

  it("refuses a text that would end its <script> early (its hash would not hold once escaped)", () => {
    expect(() => withPageScript("<body></body>", { text: "'</script>'", hash: cspHash("'</script>'") })).toThrow(
      /<\/script/,
    );
  });
});
