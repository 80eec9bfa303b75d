import { describe, expect, it } from "vitest";
import { bytesToBase64 } from "../kernel/base64";
import { assetDataUrl, insidePath } from "./file-paths";

describe("bytesToBase64", () => {
  it("matches Node's base64 for every padding case and for large inputs", () => {
    for (const length of [0, 1, 2, 3, 4, 5, 100_001]) {
      const bytes = new Uint8Array(length).map((_, i) => (i * 37 + 11) & 255);
      expect(bytesToBase64(bytes), String(length)).toBe(Buffer.from(bytes).toString("base64"));
    }
  });

  it("makes a data: URL of a binary file from its bytes, typed by its extension", () => {
    expect(assetDataUrl({ path: "src/assets/a.jpg", content: "", bytes: Uint8Array.from([255, 216, 255]) })).toBe(
      "data:image/jpeg;base64,/9j/",
    );
  });
});

describe("insidePath: the one rule for a file inside its folder (project pass and writer)", () => {
  it.each([
    ["src/..foo/Bar.tsx", ["src", "..foo", "Bar.tsx"]],
    ["..foo/x.css", ["..foo", "x.css"]],
    ["a..b/...", ["a..b", "..."]],
    ["src\\components\\Button.tsx", ["src", "components", "Button.tsx"]],
    ["./src//a/./b.css", ["src", "a", "b.css"]],
  ])("keeps %j as %j", (path, segments) => {
    expect(insidePath(path)).toEqual({ ok: true, segments });
  });

  it.each([
    ["..", "the path contains a '..' segment"],
    ["../x.css", "the path contains a '..' segment"],
    ["src/../../x.css", "the path contains a '..' segment"],
    ["src\\..\\..\\x.css", "the path contains a '..' segment"],
    ["/etc/passwd", "the path is absolute"],
    ["\\\\server\\share\\x", "the path is absolute"],
    ["C:\\x.ts", "the path starts with a drive letter"],
    ["c:x.ts", "the path starts with a drive letter"],
    ["src/a\0.ts", "the path contains a NUL character"],
    ["src/", "the path names a folder, not a file"],
    ["", "the path is empty"],
    ["././/", "the path names a folder, not a file"],
    [".", "the path is empty"],
  ])("refuses %j", (path, reason) => {
    expect(insidePath(path)).toEqual({ ok: false, reason });
  });
});
