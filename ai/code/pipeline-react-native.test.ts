/**
 * The model's React Native files (issue 54): React Native's components only and `tsc --strict` against react-native's
 * types (checkReactNative, with the declarations the code-check part carries, read here as the build reads
 * them), a DOM element and a type error repaired in one round with file and line, the kept files formatted by
 * prettier — over real HTTP against the OpenAI-wire test server.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { reactNativeTypes } from "../../esbuild.react-native-types.mjs";
import { DEFAULT_SETTINGS } from "../../contract/settings.js";
import type { SourceFile } from "../../codegen/types.js";
import { responsesStream } from "../../test/openai-server/server.js";
import { scriptedServer, splitInto } from "../../test/openai-server/scripted.js";
import { generateModelCode, isBlocking } from "./pipeline.js";
import { systemInstructions, type PromptInput } from "./prompt.js";
import { providerConfig } from "../client/providers.js";

const INPUT: PromptInput = {
  target: "react-native",
  styling: "css-modules",
  hint: "figment-hint 1\nF 1:2 Login 375x667 f:#fff",
};

const answer = (files: { path: string; content: string }[], notes: string): string => JSON.stringify({ files, notes });

const SCREEN = {
  path: "src/screens/Login.tsx",
  content:
    'import { StyleSheet, View } from "react-native";\nimport { Header } from "../components/Header";\n' +
    'export default function Login() {\n  return <View style={styles.root}><Header title="Art" /></View>;\n}\n' +
    "const styles = StyleSheet.create({ root: { flex: 1 } });\n",
};
/** A DOM element (line 4) and a style React Native's types do not have (line 5). */
const BROKEN_HEADER = {
  path: "src/components/Header.tsx",
  content:
    'import { Text, View } from "react-native";\n' +
    "export function Header({ title }: { title: string }) {\n  return (\n    <div>\n" +
    '      <Text style={{ colour: "red" }}>{title}</Text>\n    </div>\n  );\n}\n',
};
const FIXED_HEADER = {
  path: "src/components/Header.tsx",
  content:
    'import { Text, View } from "react-native";\n' +
    "export function Header({ title }: { title: string }) {\n" +
    '  return <View><Text style={{ color: "red" }}>{title}</Text></View>;\n}\n',
};

const serve = scriptedServer();
let types: SourceFile[] = [];
beforeAll(() => {
  types = reactNativeTypes();
}, 120_000);

describe("the model's React Native files", () => {
  it("asks for React Native's components, StyleSheet and testIDs, never DOM elements", () => {
    const text = systemInstructions({ ...INPUT, nodeIds: true });
    expect(text).toContain("Target: React Native with TypeScript (.tsx)");
    expect(text).toContain("never a DOM element");
    expect(text).toContain("StyleSheet.create");
    expect(text).toContain("testID");
    expect(text).not.toContain("data-node-id");
    expect(text).not.toContain("CSS modules");
  });

  it("a DOM element and a type error found (file:line), repaired in one round, prettier formats", {
    timeout: 120_000,
  }, async () => {
    const srv = await serve(
      responsesStream(splitInto(answer([SCREEN, BROKEN_HEADER], "first try"), 5), { id: "resp_broken" }),
      responsesStream(splitInto(answer([SCREEN, FIXED_HEADER], "fixed"), 5), { id: "resp_fixed" }),
    );
    const config = providerConfig({ ...DEFAULT_SETTINGS, provider: "openai", baseUrl: srv.url }, "sk-test-key-1234");
    const result = await generateModelCode(config, INPUT, { reactNativeTypes: types });
    expect(srv.requests).toHaveLength(2);
    const first = result.attempts[0]!.problems.filter(isBlocking);
    expect(first.map((p) => [p.code, p.file, p.line])).toEqual([
      ["react-native-dom", "src/components/Header.tsx", 4],
      ["react-native-types", "src/components/Header.tsx", 5],
    ]);
    expect(first[1]!.message).toMatch(/colour/);
    // The repair request names the file and its lines.
    expect(JSON.stringify(srv.requests[1]!.body)).toMatch(/src\/components\/Header\.tsx:4:\d+: <div> is a DOM element/);
    expect(result.repair).toBe("kept");
    expect(result.problems.filter(isBlocking)).toEqual([]);
    // Formatted by prettier: the one-line return laid out over lines.
    const header = result.files.find((f) => f.path === "src/components/Header.tsx")!.content;
    expect(header).toContain("  return (\n    <View>\n");
  });

  it("without the declarations, the DOM element alone is found", { timeout: 120_000 }, async () => {
    const srv = await serve(
      responsesStream(splitInto(answer([SCREEN, BROKEN_HEADER], "only"), 5), { id: "resp_only" }),
    );
    const config = providerConfig({ ...DEFAULT_SETTINGS, provider: "openai", baseUrl: srv.url }, "sk-test-key-1234");
    const result = await generateModelCode(config, INPUT, { maxRepairs: 0 });
    expect(result.problems.filter(isBlocking).map((p) => p.code)).toEqual(["react-native-dom"]);
  });
});
