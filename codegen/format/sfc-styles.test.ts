import { describe, expect, it } from "vitest";
import { formatFiles } from "./index";
import { joinStyles, splitStyles } from "./sfc-styles";

const VUE =
  '<script setup lang="ts">\nconst a = 1;\n</script>\n\n<template>\n  <div class="box">{{ a }}</div>\n</template>\n\n' +
  "<style scoped>\n.box {color:red}\n</style>\n\n<style>\n\n</style>\n";

describe("a component's style blocks", () => {
  it("are taken out for a marker each, empty blocks and blocks in the markup left", () => {
    const inMarkup = "<template>\n  <svg><style>.a{}</style></svg>\n</template>\n";
    const split = splitStyles(VUE + inMarkup);
    expect(split?.styles).toEqual([".box {color:red}\n"]);
    expect(split?.skeleton).toContain("<style scoped>\n/*figment-style-0*/\n</style>");
    expect(split?.skeleton).toContain("<style>\n\n</style>");
    expect(split?.skeleton).toContain("<svg><style>.a{}</style></svg>");
    expect(splitStyles("<template><p>no style</p></template>\n")).toBeUndefined();
    // Another language than CSS is prettier's to print.
    expect(splitStyles('<style lang="scss">\n.a { .b { color: red } }\n</style>\n')).toBeUndefined();
  });

  it("come back formatted at the width beside the marker's indentation, indented as the marker", async () => {
    const widths: number[] = [];
    const joined = await joinStyles("<style>\n  /*figment-style-0*/\n</style>\n", [".a{}"], async (css, indent) => {
      widths.push(indent);
      return `${css}\n\n.b {\n  color: red;\n}\n`;
    });
    expect(widths).toEqual([2]);
    expect(joined).toBe("<style>\n  .a{}\n\n  .b {\n    color: red;\n  }\n</style>\n");
  });

  it("are not joined when a marker is not on a line of its own once, or a block does not format", async () => {
    const css = async (text: string): Promise<string> => text;
    expect(await joinStyles("<style>/*figment-style-0*/</style>", ["a"], css)).toBeUndefined();
    expect(await joinStyles("/*figment-style-0*/\n/*figment-style-0*/\n", ["a"], css)).toBeUndefined();
    expect(await joinStyles("<style>\n/*figment-style-0*/\n</style>", ["a"], async () => undefined)).toBeUndefined();
  });
});

describe("an emitter's component formatted", () => {
  it("prints its styles by malva and the rest by prettier, Svelte's indented", async () => {
    const svelte =
      '<script lang="ts">\nlet a = 1\n</script>\n\n<p class="box">{a}</p>\n\n' +
      "<style>\n.box {color:red; margin:0 auto}\n</style>\n";
    const { files, problems } = await formatFiles(
      [
        { path: "src/App.vue", content: VUE },
        { path: "src/App.svelte", content: svelte },
      ],
      "emitters",
    );
    expect(problems).toEqual([]);
    expect(files[0]!.content).toContain("<style scoped>\n.box {\n  color: red;\n}\n</style>");
    expect(files[0]!.content).toContain('<script setup lang="ts">\nconst a = 1;\n</script>');
    expect(files[1]!.content).toContain("<style>\n  .box {\n    color: red;\n    margin: 0 auto;\n  }\n</style>");
    expect(files[1]!.content).toContain("let a = 1;");
  });

  it("is printed whole by prettier when a block is not CSS malva reads", async () => {
    const broken = "<template><p>x</p></template>\n\n<style>\n.a { color: red\n</style>\n";
    const { files } = await formatFiles([{ path: "src/A.vue", content: broken }], "emitters");
    const { files: reference } = await formatFiles([{ path: "src/A.vue", content: broken }], "model");
    expect(files[0]!.content).toBe(reference[0]!.content);
  });
});
