import { describe, expect, it } from "vitest";
import { buildFileTree, defaultFile } from "./file-tree.js";

describe("buildFileTree", () => {
  it("nests folders, folders first, alphabetical", () => {
    const tree = buildFileTree([
      "src/index.ts",
      "src/screens/B.tsx",
      "src/components/A.tsx",
      "package.json",
      "src/components/A.module.css",
    ]);
    expect(tree.children.map((c) => `${c.kind}:${c.name}`)).toEqual(["folder:src", "file:package.json"]);
    const src = tree.children[0]!;
    expect(src.kind === "folder" && src.children.map((c) => c.name)).toEqual(["components", "screens", "index.ts"]);
  });
});

describe("defaultFile", () => {
  it("prefers the first screen, then the page", () => {
    expect(defaultFile(["src/index.ts", "src/screens/Home.tsx"])).toBe("src/screens/Home.tsx");
    expect(defaultFile(["styles.css", "index.html"])).toBe("index.html");
    expect(defaultFile([])).toBeUndefined();
  });
});
