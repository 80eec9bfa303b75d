import { describe, expect, it } from "vitest";
import { formatFiles } from "./index";
import { loadedPluginNames } from "./plugins";

// vitest: isolate — counts the plugin cache's loads, so it needs a module state of its own (vitest.config.ts).
// Own test file: vitest isolates module state per file, so the plugin cache starts empty here.
describe("plugin loading", () => {
  it("loads none for the emitters' files: the wasm formatters print them (web-fmt.ts)", async () => {
    const result = await formatFiles(
      [
        { path: "a.module.css", content: "a{color:red}" },
        { path: "b.tsx", content: "export const b=1" },
        { path: "c.html", content: "<p>hi</p>" },
      ],
      "emitters",
    );
    expect(result.files.map((f) => f.content)).toEqual([
      "a {\n  color: red;\n}\n",
      "export const b = 1;\n",
      "<p>hi</p>\n",
    ]);
    expect(loadedPluginNames()).toEqual([]);
  });

  it("loads only what the files need, lazily, and once", async () => {
    expect(loadedPluginNames()).toEqual([]);
    await formatFiles([{ path: "a.css", content: "a{color:red}" }], "model");
    expect(loadedPluginNames()).toEqual(["postcss"]);
    await formatFiles(
      [
        { path: "b.html", content: "<p>hi</p>" },
        { path: "README.md", content: "# x" },
      ],
      "model",
    );
    expect(loadedPluginNames().sort()).toEqual(["html", "postcss"]);
    await formatFiles([{ path: "c.tsx", content: "export const c=1" }], "model");
    expect(loadedPluginNames().sort()).toEqual(["estree", "html", "postcss", "typescript"]);
    expect(loadedPluginNames()).not.toContain("babel");
  });
});
