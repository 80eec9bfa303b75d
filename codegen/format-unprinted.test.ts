import { describe, expect, it } from "vitest";
import { formatUnprinted } from "./index.js";
import type { SourceFile } from "./types.js";

const messy = "export const a   =  1\n";
const tidy = "export const a = 1;\n";

describe("formatUnprinted", () => {
  it("formats only the files whose content is not what the emitters printed", async () => {
    const files: SourceFile[] = [
      { path: "src/a.ts", content: messy },
      { path: "src/b.ts", content: messy },
      { path: "src/c.ts", content: messy },
    ];
    // b was printed as it is (kept verbatim); c was printed, then rewritten (formatted again).
    const printed = new Map([
      ["src/b.ts", messy],
      ["src/c.ts", "export const c = 1;\n"],
    ]);
    const out = await formatUnprinted(files, printed);
    expect(out.files.map((file) => file.content)).toEqual([tidy, messy, tidy]);
    expect(out.files.map((file) => file.path)).toEqual(["src/a.ts", "src/b.ts", "src/c.ts"]);
  });

  it("returns the very files when every one was printed, and leaves bytes alone", async () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const files: SourceFile[] = [
      { path: "src/b.ts", content: messy },
      { path: "assets/x.png", content: "", bytes },
    ];
    const out = await formatUnprinted(files, new Map([["src/b.ts", messy]]));
    expect(out.files).toBe(files);
    expect(out.problems).toEqual([]);
  });
});
