import { describe, expect, it } from "vitest";
import { buildSrcdoc } from "../../codegen/preview/html-page.js";
import type { SourceFile } from "../../codegen/types.js";
import { previewDocument } from "./preview-document.js";

const files = (): SourceFile[] => [
  {
    path: "index.html",
    content:
      '<!doctype html><html><head><link rel="stylesheet" ' +
      'href="styles.css"></head><body><p class="a">Hi</p></body></html>',
  },
  { path: "styles.css", content: ".a { color: red; }" },
];

describe("previewDocument", () => {
  it("is buildSrcdoc's document, made once for one result's files", () => {
    const set = files();
    const first = previewDocument(set[0]!, set);
    expect(first).toBe(buildSrcdoc({ page: set[0]!, files: set }));
    set[1] = { path: "styles.css", content: ".a { color: blue; }" };
    // The same array is the same result: its document is not made again (results are never edited in place).
    expect(previewDocument(set[0]!, set)).toBe(first);
    const next = files();
    next[1] = { path: "styles.css", content: ".a { color: blue; }" };
    expect(previewDocument(next[0]!, next)).toContain("color: blue");
  });
});
