/**
 * The model's Svelte files (issue 54): checked by Svelte's own compiler in the project pass (as ts-morph checks React),
 * a component it cannot compile repaired in one round with its file and line, and the kept files formatted by
 * prettier with prettier-plugin-svelte — over real HTTP against the OpenAI-wire test server.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../../contract/settings.js";
import { responsesStream } from "../../test/openai-server/server.js";
import { scriptedServer, splitInto } from "../../test/openai-server/scripted.js";
import { generateModelCode, isBlocking } from "./pipeline.js";
import { systemInstructions, type PromptInput } from "./prompt.js";
import { providerConfig } from "../client/providers.js";

const INPUT: PromptInput = {
  target: "svelte",
  styling: "css-modules",
  hint: "figment-hint 1\nF 1:2 Login 375x667 f:#fff",
};

const answer = (files: { path: string; content: string }[], notes: string): string => JSON.stringify({ files, notes });

const SCREEN = {
  path: "src/screens/Login.svelte",
  content:
    '<script lang="ts">\nimport Header from "../components/Header.svelte";\n</script>\n' +
    '<main><Header title="Art" /></main>\n',
};
/** A block whose element is never closed: Svelte's compiler refuses it. */
const BROKEN_HEADER = {
  path: "src/components/Header.svelte",
  content:
    '<script lang="ts">\nlet { title }: { title: string } = $props();\n</script>\n\n' + "<header><h1>{title}</h1>\n",
};
const FIXED_HEADER = {
  path: "src/components/Header.svelte",
  content:
    '<script lang="ts">\nlet { title }: { title: string } = $props();\n</script>\n\n' +
    "<header><h1>{title}</h1></header>\n<style>\nh1{margin:0}\n</style>\n",
};

const serve = scriptedServer();

describe("the model's Svelte files", () => {
  it("asks for Svelte 5 components with runes and scoped styles", () => {
    const text = systemInstructions(INPUT);
    expect(text).toContain("Svelte 5 components (.svelte)");
    expect(text).toContain("$props");
    expect(text).toContain("<style> block in each component");
    expect(text).not.toContain(".tsx");
  });

  it("Svelte's compiler finds a broken component (file:line), the repair fixes it, prettier formats it", async () => {
    const srv = await serve(
      responsesStream(splitInto(answer([SCREEN, BROKEN_HEADER], "first try"), 5), { id: "resp_broken" }),
      responsesStream(splitInto(answer([SCREEN, FIXED_HEADER], "fixed"), 5), { id: "resp_fixed" }),
    );
    const config = providerConfig({ ...DEFAULT_SETTINGS, provider: "openai", baseUrl: srv.url }, "sk-test-key-1234");
    const result = await generateModelCode(config, INPUT);
    expect(srv.requests).toHaveLength(2);
    for (const request of srv.requests) expect(request.schemaErrors).toEqual([]);
    const first = result.attempts[0]!.problems.filter((p) => isBlocking(p) && p.code === "svelte-compile");
    expect(first.map((p) => p.file)).toEqual(["src/components/Header.svelte"]);
    expect(first[0]!.line).toBeGreaterThan(0);
    // The repair request names the component and its line.
    expect(JSON.stringify(srv.requests[1]!.body)).toMatch(/src\/components\/Header\.svelte:\d+/);
    expect(result.repair).toBe("kept");
    expect(result.problems.filter(isBlocking)).toEqual([]);
    // Formatted by prettier-plugin-svelte: the script indented, the style's rule laid out.
    const header = result.files.find((f) => f.path === "src/components/Header.svelte")!.content;
    expect(header).toContain('<script lang="ts">\n  let { title }: { title: string } = $props();\n</script>');
    expect(header).toContain("<header><h1>{title}</h1></header>");
    expect(header).toContain("h1 {\n    margin: 0;\n  }");
    expect(result.files.find((f) => f.path === "src/screens/Login.svelte")!.content).toContain(
      '  import Header from "../components/Header.svelte";',
    );
  });
});
