/**
 * The model path's React Native check (issue 54): React Native's components only, and `tsc --strict` against the
 * declarations the code-check part carries (read here as the build reads them). The offline output of a real
 * frame passes both (as the CLI's tsc test finds); a DOM element, a wrong prop and a missing import do not.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { reactNativeTypes } from "../../esbuild.react-native-types.mjs";
import { generateCode, loadDesign } from "../index.js";
import { REPO_ROOT } from "../../test/helpers/fixtures.js";
import type { SourceFile } from "../types.js";
import { checkReactNative } from "./react-native.js";

let declarations: SourceFile[] = [];
beforeAll(() => {
  declarations = reactNativeTypes();
}, 120_000);

const screen = (body: string, imports = 'import { StyleSheet, Text, View } from "react-native";'): SourceFile => ({
  path: "src/screens/Home.tsx",
  content:
    `${imports}\nexport default function Home() {\n  return (\n${body}\n  );\n}\n` +
    "const styles = StyleSheet.create({ root: { flex: 1, padding: 8 } });\n",
});

describe("checkReactNative", () => {
  it("passes the offline output of a real frame: 0 problems", { timeout: 120_000 }, async () => {
    const design = JSON.parse(readFileSync(join(REPO_ROOT, "test/fixtures/figma/figmasharp-login.file.json"), "utf8"));
    const out = await generateCode(loadDesign(design).document, {
      target: "react-native",
      styling: "css-modules",
      nodeIds: false,
    });
    expect(out.files.filter((f) => f.path.endsWith(".tsx")).length).toBeGreaterThan(0);
    expect(checkReactNative(out.files, declarations)).toEqual([]);
  });

  it("finds a DOM element, with or without the declarations", { timeout: 120_000 }, () => {
    const files = [screen("    <View style={styles.root}>\n      <div>Hi</div>\n      <Text>Ok</Text>\n    </View>")];
    for (const found of [checkReactNative(files), checkReactNative(files, declarations)]) {
      const dom = found.filter((p) => p.code === "react-native-dom");
      expect(dom).toEqual([expect.objectContaining({ severity: "error", file: "src/screens/Home.tsx", line: 5 })]);
      expect(dom[0]!.message).toMatch(/^<div> is a DOM element/);
    }
  });

  it("finds type errors against react-native's types: a prop View does not take, an unknown style", {
    timeout: 120_000,
  }, () => {
    const files = [
      screen('    <View style={styles.root} href="/x">\n      <Text style={{ colour: "red" }}>Hi</Text>\n    </View>'),
    ];
    const found = checkReactNative(files, declarations);
    expect(found.map((p) => [p.code, p.line])).toEqual([
      ["react-native-types", 4],
      ["react-native-types", 5],
    ]);
    expect(found[0]!.message).toMatch(/href/);
    expect(found[1]!.message).toMatch(/colour/);
  });
});
