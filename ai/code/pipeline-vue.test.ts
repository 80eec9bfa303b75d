/**
 * The model's Vue files (issue 54): checked by Vue's own SFC compiler in the project pass (as ts-morph checks React),
 * a component it cannot compile repaired in one round with its file and line, and the kept files formatted by
 * prettier's vue parser — over real HTTP against the OpenAI-wire test server.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../../contract/settings.js";
import { responsesStream } from "../../test/openai-server/server.js";
import { scriptedServer, splitInto } from "../../test/openai-server/scripted.js";
import { generateModelCode, isBlocking } from "./pipeline.js";
import { systemInstructions, type PromptInput } from "./prompt.js";
import { providerConfig } from "../client/providers.js";

const INPUT: PromptInput = {
  target: "vue",
  styling: "css-modules",
  hint: "figment-hint 1\nF 1:2 Login 375x667 f:#fff",
};

const answer = (files: { path: string; content: string }[], notes: string): string => JSON.stringify({ files, notes });

const APP = {
  path: "src/App.vue",
  content:
    '<script setup lang="ts">\nimport Header from "./components/Header.vue";\n</script>\n' +
    '<template><main><Header title="Art" /></main></template>\n',
};
/** A template whose element is never closed: Vue's compiler refuses it. */
const BROKEN_HEADER = {
  path: "src/components/Header.vue",
  content:
    '<script setup lang="ts">\ndefineProps<{ title: string }>();\n</script>\n\n' +
    "<template>\n  <header><h1>{{ title }}</h1>\n</template>\n",
};
const FIXED_HEADER = {
  path: "src/components/Header.vue",
  content:
    '<script setup lang="ts">\ndefineProps<{ title: string }>();\n</script>\n\n' +
    "<template><header><h1>{{ title }}</h1></header></template>\n<style scoped>\nh1{margin:0}\n</style>\n",
};

const serve = scriptedServer();

describe("the model's Vue files", () => {
  it("asks for Vue single-file components", () => {
    const text = systemInstructions(INPUT);
    expect(text).toContain('<script setup lang="ts">');
    expect(text).toContain("<style scoped>");
    expect(text).not.toContain(".tsx");
  });

  it("Vue's compiler finds a broken component (file:line), the repair fixes it, prettier formats it", async () => {
    const srv = await serve(
      responsesStream(splitInto(answer([APP, BROKEN_HEADER], "first try"), 5), { id: "resp_broken" }),
      responsesStream(splitInto(answer([APP, FIXED_HEADER], "fixed"), 5), { id: "resp_fixed" }),
    );
    const config = providerConfig({ ...DEFAULT_SETTINGS, provider: "openai", baseUrl: srv.url }, "sk-test-key-1234");
    const result = await generateModelCode(config, INPUT);
    expect(srv.requests).toHaveLength(2);
    for (const request of srv.requests) expect(request.schemaErrors).toEqual([]);
    // Vue's compiler (prettier cannot read it either).
    const first = result.attempts[0]!.problems.filter((p) => isBlocking(p) && p.code === "vue-compile");
    expect(first.map((p) => p.file)).toEqual(["src/components/Header.vue"]);
    expect(first[0]!.line).toBeGreaterThan(0);
    // The repair request names the component and its line.
    expect(JSON.stringify(srv.requests[1]!.body)).toMatch(/src\/components\/Header\.vue:\d+/);
    expect(result.repair).toBe("kept");
    expect(result.problems.filter(isBlocking)).toEqual([]);
    // Formatted by prettier's vue parser: the template's elements on their own lines, the style's rule laid out.
    const header = result.files.find((f) => f.path === "src/components/Header.vue")!.content;
    expect(header).toContain("<template>\n  <header>\n    <h1>{{ title }}</h1>\n  </header>\n</template>");
    expect(header).toContain("h1 {\n  margin: 0;\n}");
    expect(result.files.find((f) => f.path === "src/App.vue")!.content).toContain(
      '<template>\n  <main><Header title="Art" /></main>\n</template>',
    );
  });
});
