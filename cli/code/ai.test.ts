/**
 * `figment code --ai` end to end through `run(argv, io, { env })` over real HTTP against the OpenAI-wire test
 * server (every request body validated against the OpenAPI spec): the prompt built from the real login
 * design, files written only under --out, the reports, the key from the injected environment, the estimate
 * of --dry-run, every failure's exit code and message, the repair round, cancel, and the built binary.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chatStream, responsesStream, type RecordedRequest } from "../../test/openai-server/server.js";
import { scriptedServer, splitInto } from "../../test/openai-server/scripted.js";
import { captureIo, fixturePath, listFiles, REPO_ROOT } from "../../test/helpers/fixtures.js";
import { STRUCTURE_ONLY } from "./ai.js";
import { run } from "../run.js";

const LOGIN = fixturePath("figmasharp-login.file.json");
/** The only PNG among the fixtures (Figma's own render of grida-vector-frame, 500×500); the login file has none. */
const PNG = fixturePath("grida-vector-frame.png");
const KEY = "sk-test-from-env-9876";
const ENV = { OPENAI_API_KEY: KEY };

const answer = (files: { path: string; content: string }[], notes = ""): string => JSON.stringify({ files, notes });
const split = (text: string, n = 6): string[] => splitInto(text, n);

const APP = {
  path: "src/App.tsx",
  content:
    'import { Header } from "./components/Header";\n' +
    "export default function App() {\n" +
    '  return <main><Header title="Log in" /></main>;\n' +
    "}\n",
};
const HEADER = {
  path: "src/components/Header.tsx",
  content: "export function Header(props: { title: string }) {\n  return <header><h1>{props.title}</h1></header>;\n}\n",
};
const BROKEN_HEADER = {
  path: "src/components/Header.tsx",
  content:
    "export function Header(props: { title: string }) {\n  return <header><h1>{props.title}</h1></header>\n  }\n}\n",
};
const GOOD = answer([APP, HEADER], "Two components; the logo is a placeholder.");
const BROKEN = answer([APP, BROKEN_HEADER], "first try");
const FIXED = answer([APP, HEADER], "fixed the header");

let tmp: string;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "figment-ai-"));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});
const serve = scriptedServer();

async function figment(
  argv: string[],
  env: Record<string, string | undefined> = ENV,
  signal?: AbortSignal,
  onErr?: (line: string) => void,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = captureIo();
  const err = (text: string): void => {
    io.err(text);
    onErr?.(text);
  };
  const code = await run(argv, { out: io.out, err }, { env, ...(signal ? { signal } : {}) });
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

/** A fresh working folder and the --out inside it. */
function workDir(name: string): { work: string; out: string } {
  const work = mkdtempSync(join(tmp, `${name}-`));
  return { work, out: join(work, "out") };
}

type Content = { type: string; text?: string; image_url?: string; detail?: string }[];
const userContent = (request: RecordedRequest): Content =>
  (request.body as { input: { content: Content }[] }).input[0]!.content;

interface DryRunJson {
  dryRun: boolean;
  estimate: boolean;
  endpoint: string;
  model: string;
  api: string;
  textTokens: number;
  imageTokens: number;
  inputTokens: number;
  costUsd: number | null;
  price: { inputUsdPer1M: number; outputUsdPer1M: number; source: string; asOf: string } | null;
}

interface AiReport {
  files: { path: string; bytes: number }[];
  problems: { severity: string; code: string; message: string; file?: string }[];
  notes: string;
  repair: string;
  kept: number;
  attempts: { kind: string; files: number; blocking: number }[];
  model: { provider: string; api: string; endpoint: string; model: string; image: boolean };
}

describe("figment code --ai", () => {
  it(
    "streams a good multi-file answer, writes it under " + "--out, with the image and the key from the environment",
    async () => {
      const srv = await serve(responsesStream(split(GOOD), { id: "resp_good", delayMs: 5 }));
      const { work, out } = workDir("good");
      const { code, stdout, stderr } = await figment([
        "code",
        LOGIN,
        "--ai",
        "--image",
        PNG,
        "--out",
        out,
        "--base-url",
        srv.url,
      ]);
      expect(code, stderr).toBe(0);
      expect(listFiles(out)).toEqual(["src/App.tsx", "src/components/Header.tsx", "src/fonts.ts"]);
      expect(readdirSync(work)).toEqual(["out"]);
      // Formatted by prettier, as the offline output.
      expect(readFileSync(join(out, "src/components/Header.tsx"), "utf8")).toContain("    <header>");
      // The design's Montserrat, which the answer did not load: src/fonts.ts, imported by the entry (App.tsx here).
      expect(stdout.split("\n")).toEqual([
        `wrote 3 files to ${out} (and its record, .figment/)`,
        "  src/App.tsx",
        "  src/components/Header.tsx",
        "  src/fonts.ts",
      ]);
      expect(readFileSync(join(out, "src/App.tsx"), "utf8")).toMatch(/^import "\.\/fonts";/);

      expect(srv.requests).toHaveLength(1);
      const request = srv.requests[0]!;
      expect(request.path).toBe("/v1/responses");
      expect(request.schemaErrors).toEqual([]);
      expect(request.headers["authorization"]).toBe(`***${KEY.slice(-4)}`);
      const content = userContent(request);
      expect(content[0]).toMatchObject({ type: "input_image", detail: "high" });
      expect(content[0]!.image_url).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
      const texts = content.map((c) => c.text ?? "").join("\n");
      expect(texts).toContain("<design>\nfigment-hint 2");
      expect(texts).toMatch(/^F 101:3 /m);
      expect((request.body as { model: string }).model).toBe("gpt-5.4-image-2");

      // Progress on stderr: where it goes, each file, the notes once, the check.
      expect(stderr).not.toContain(STRUCTURE_ONLY);
      expect(stderr).toContain(`figment: asking gpt-5.4-image-2 at ${srv.url}/responses (Responses API)`);
      expect(stderr).toContain("  src/App.tsx …");
      expect(stderr).toContain("  src/components/Header.tsx ✓");
      expect(stderr.match(/notes: Two components; the logo is a placeholder\./g)).toHaveLength(1);
      expect(stderr).toContain("checking…");
      expect(stderr).not.toContain("repair");
    },
  );

  it("--target svelte asks for Svelte, checks the answer with Svelte's compiler and formats it", async () => {
    const screen = {
      path: "src/screens/Login.svelte",
      content:
        '<script lang="ts">\nimport Header from "../components/Header.svelte";\n</script>\n<Header title="Log in" />\n',
    };
    const header = {
      path: "src/components/Header.svelte",
      content:
        '<script lang="ts">\nlet { title }: { title: string } = $props();\n</script>\n' +
        "<header><h1>{title}</h1></header>\n",
    };
    const srv = await serve(responsesStream(split(answer([screen, header], "Svelte 5."))));
    const { out } = workDir("svelte");
    const { code, stderr } = await figment([
      "code",
      LOGIN,
      "--ai",
      "--target",
      "svelte",
      "--out",
      out,
      "--base-url",
      srv.url,
    ]);
    expect(code, stderr).toBe(0);
    expect(listFiles(out)).toEqual(
      expect.arrayContaining(["src/components/Header.svelte", "src/screens/Login.svelte"]),
    );
    expect(readFileSync(join(out, "src/components/Header.svelte"), "utf8")).toContain(
      "  let { title }: { title: string } = $props();",
    );
    expect(srv.requests).toHaveLength(1);
    expect(srv.requests[0]!.schemaErrors).toEqual([]);
    expect(JSON.stringify(srv.requests[0]!.body)).toContain("Svelte 5 components (.svelte)");
    expect(stderr).not.toContain("repair");
  });

  describe("--target angular", () => {
    const routes = {
      path: "src/app/app.routes.ts",
      content:
        'import type { Routes } from "@angular/router";\nimport { Login } from "./screens/login";\n\n' +
        'export const routes: Routes = [{ path: "", component: Login }];\n',
    };
    const login = {
      path: "src/app/screens/login.ts",
      content:
        'import { Component, input } from "@angular/core";\n\n' +
        '@Component({ selector: "app-login", templateUrl: "./login.html", styleUrl: "./login.css" })\n' +
        "export class Login {\nreadonly title=input('Log in')\n}\n",
    };
    const css = { path: "src/app/screens/login.css", content: ":host{display:block}\nh1{margin:0}\n" };
    const files = (template: string) => [routes, login, { path: "src/app/screens/login.html", content: template }, css];
    const good = answer(
      files('<main><h1 class="title">{{ title() }}</h1>@if (title()) {<p>Welcome</p>}</main>\n'),
      "Angular.",
    );
    // The template reads a signal the class does not have: ngtsc's strict templates find it.
    const broken = answer(files("<main><h1>{{ subtitle() }}</h1></main>\n"), "first try");

    it("asks for Angular, checks the answer with ngtsc (strict) and formats it with prettier's angular parser", {
      timeout: 120_000,
    }, async () => {
      const srv = await serve(responsesStream(split(good)));
      const { out } = workDir("angular");
      const args = ["code", LOGIN, "--ai", "--target", "angular", "--out", out, "--base-url", srv.url];
      const { code, stderr } = await figment(args);
      expect(code, stderr).toBe(0);
      expect(listFiles(out)).toEqual(
        expect.arrayContaining(["src/app/app.routes.ts", "src/app/screens/login.html", "src/app/screens/login.ts"]),
      );
      // The design's Montserrat: src/fonts.ts, which the starter's angular.json and the preview load.
      expect(listFiles(out)).toContain("src/fonts.ts");
      // prettier: the class's member indented and double-quoted, the template's block and elements indented.
      expect(readFileSync(join(out, "src/app/screens/login.ts"), "utf8")).toContain(
        '\n  readonly title = input("Log in");\n',
      );
      expect(readFileSync(join(out, "src/app/screens/login.html"), "utf8")).toContain(
        "  @if (title()) {\n    <p>Welcome</p>\n  }",
      );
      expect(srv.requests).toHaveLength(1);
      expect(srv.requests[0]!.schemaErrors).toEqual([]);
      expect(JSON.stringify(srv.requests[0]!.body)).toContain("Angular 21 standalone components");
      expect(stderr).not.toContain("repair");
    });

    it("sends ngtsc's template error back for one repair round", { timeout: 120_000 }, async () => {
      const srv = await serve(responsesStream(split(broken)), responsesStream(split(good)));
      const { out } = workDir("angular-repair");
      const args = ["code", LOGIN, "--ai", "--target", "angular", "--out", out, "--base-url", srv.url];
      const { code, stderr } = await figment(args);
      expect(code, stderr).toBe(0);
      expect(srv.requests).toHaveLength(2);
      expect(JSON.stringify(srv.requests[1]!.body)).toMatch(
        /src\/app\/screens\/login\.html:1: Property 'subtitle' does not exist on type 'Login'/,
      );
      expect(stderr).toMatch(/^repair round: the repair helped; kept attempt 2 of 2 \(attempt 1: 1 blocking/m);
      expect(readFileSync(join(out, "src/app/screens/login.html"), "utf8")).toContain("{{ title() }}");
    });

    it("checks a --verify round's answer with ngtsc too, and repairs it", { timeout: 300_000 }, async () => {
      // The first answer compiles; the round's reads a missing signal, which the round's repair fixes.
      const srv = await serve(
        responsesStream(split(good)),
        responsesStream(split(broken)),
        responsesStream(split(good)),
      );
      const { out } = workDir("angular-verify");
      const args = ["code", LOGIN, "--node", "101:3", "--ai", "--target", "angular", "--verify", "--out", out];
      const { code, stderr } = await figment([...args, "--base-url", srv.url]);
      expect(code, stderr).toBe(0);
      expect(srv.requests).toHaveLength(3);
      expect(JSON.stringify(srv.requests[2]!.body)).toMatch(
        /src\/app\/screens\/login\.html:1: Property 'subtitle' does not exist on type 'Login'/,
      );
      expect(readFileSync(join(out, "src/app/screens/login.html"), "utf8")).toContain("{{ title() }}");
    });
  });

  describe("--target react-native", () => {
    const screen = (body: string) => ({
      path: "src/screens/Login.tsx",
      content:
        'import { StyleSheet, Text, View } from "react-native";\n\n' +
        `export default function Login() {\nreturn (${body});\n}\n\n` +
        "const styles = StyleSheet.create({ root: { padding: 24 }, title: { fontSize: 24 } });\n",
    });
    const good = answer([screen("<View style={styles.root}><Text style={styles.title}>Log in</Text></View>")], "RN.");
    // A DOM element, which React Native has none of: the check's first rule.
    const broken = answer([screen("<div><Text style={styles.title}>Log in</Text></div>")], "first try");

    it("asks for React Native, checks its components and types, formats it with prettier", {
      timeout: 120_000,
    }, async () => {
      const srv = await serve(responsesStream(split(good)));
      const { out } = workDir("react-native");
      const args = ["code", LOGIN, "--ai", "--target", "react-native", "--out", out, "--base-url", srv.url];
      const { code, stderr } = await figment(args);
      expect(code, stderr).toBe(0);
      expect(readFileSync(join(out, "src/screens/Login.tsx"), "utf8")).toContain(
        "\n  return (\n    <View style={styles.root}>\n      <Text style={styles.title}>Log in</Text>\n",
      );
      expect(srv.requests).toHaveLength(1);
      expect(srv.requests[0]!.schemaErrors).toEqual([]);
      expect(JSON.stringify(srv.requests[0]!.body)).toContain("Target: React Native with TypeScript");
      expect(stderr).not.toContain("repair");
    });

    it("sends a DOM element back for one repair round", { timeout: 120_000 }, async () => {
      const srv = await serve(responsesStream(split(broken)), responsesStream(split(good)));
      const { out } = workDir("react-native-repair");
      const args = ["code", LOGIN, "--ai", "--target", "react-native", "--out", out, "--base-url", srv.url];
      const { code, stderr } = await figment(args);
      expect(code, stderr).toBe(0);
      expect(srv.requests).toHaveLength(2);
      expect(JSON.stringify(srv.requests[1]!.body)).toMatch(/src\/screens\/Login\.tsx:\d+:\d+: <div> is a DOM element/);
      expect(stderr).toMatch(/^repair round: the repair helped; kept attempt 2 of 2/m);
      expect(readFileSync(join(out, "src/screens/Login.tsx"), "utf8")).not.toContain("<div");
    });

    it("type-checks the answer against react-native's declarations (the build's): a View has no href", {
      timeout: 120_000,
    }, async () => {
      const typeError = answer([screen('<View href="/x"><Text style={styles.title}>Log in</Text></View>')], "try");
      const srv = await serve(responsesStream(split(typeError)), responsesStream(split(good)));
      const { out } = workDir("react-native-types");
      const args = ["code", LOGIN, "--ai", "--target", "react-native", "--out", out, "--base-url", srv.url];
      const { code, stderr } = await figment(args);
      expect(code, stderr).toBe(0);
      expect(srv.requests).toHaveLength(2);
      expect(JSON.stringify(srv.requests[1]!.body)).toMatch(/src\/screens\/Login\.tsx:\d+.*'href'/);
    });
  });

  it("refuses ../../ and absolute paths from the model and writes nothing outside --out", async () => {
    const files = [
      { path: "../../evil.tsx", content: "export const evil = 1;\n" },
      { path: "/etc/figment-evil.ts", content: "export const evil = 2;\n" },
      APP,
      HEADER,
    ];
    const srv = await serve(responsesStream(split(answer(files))));
    const work = mkdtempSync(join(tmp, "unsafe-"));
    // ../../evil.tsx from work/nest/out would land in work itself.
    const out = join(work, "nest", "out");
    const { code, stdout, stderr } = await figment([
      "code",
      LOGIN,
      "--ai",
      "--image",
      PNG,
      "--out",
      out,
      "--base-url",
      srv.url,
      "--json",
    ]);
    expect(code, stderr).toBe(0);
    expect(listFiles(work)).toEqual([
      "nest/out/src/App.tsx",
      "nest/out/src/components/Header.tsx",
      "nest/out/src/fonts.ts",
    ]);
    expect(existsSync("/etc/figment-evil.ts")).toBe(false);
    const report = JSON.parse(stdout) as AiReport;
    expect(report.files.map((f) => f.path)).toEqual(["src/App.tsx", "src/components/Header.tsx", "src/fonts.ts"]);
    const unsafe = report.problems.filter((p) => p.code === "unsafe-path");
    expect(unsafe).toHaveLength(2);
    expect(unsafe.every((p) => p.severity === "error")).toBe(true);
  });

  it("--dry-run prints an estimate, the endpoint and the model, and sends nothing (no key needed)", async () => {
    const srv = await serve();
    const { out } = workDir("dry");
    const plain = await figment(
      ["code", LOGIN, "--ai", "--image", PNG, "--dry-run", "--out", out, "--base-url", srv.url],
      {},
    );
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).toMatch(/^Estimate only \(--dry-run\): nothing was sent\./);
    expect(plain.stdout).toContain(`endpoint      ${srv.url}/responses`);
    expect(plain.stdout).toContain("model         gpt-5.4-image-2 (openai, Responses API)");
    expect(plain.stdout).toMatch(/text tokens {3}about [\d,]+/);
    expect(plain.stdout).toContain("image tokens  about 255 (grida-vector-frame.png 500×500, detail high)");
    expect(plain.stdout).toMatch(/estimates/);

    const json = await figment(
      [
        "code",
        LOGIN,
        "--ai",
        "--image",
        PNG,
        "--dry-run",
        "--json",
        "--model",
        "gpt-4o",
        "--out",
        out,
        "--base-url",
        srv.url,
      ],
      {},
    );
    expect(json.code).toBe(0);
    const estimate = JSON.parse(json.stdout) as DryRunJson;
    expect(estimate).toMatchObject({
      dryRun: true,
      estimate: true,
      endpoint: `${srv.url}/responses`,
      model: "gpt-4o",
      api: "responses",
      imageTokens: 255,
    });
    expect(estimate.inputTokens).toBe(estimate.textTokens + estimate.imageTokens);
    expect(estimate.textTokens).toBeGreaterThan(500);
    expect(estimate.costUsd).toBeCloseTo((estimate.inputTokens * 2.5) / 1e6, 10);
    expect(estimate.price).toEqual({
      inputUsdPer1M: 2.5,
      outputUsdPer1M: 10,
      source: "https://platform.openai.com/docs/pricing",
      asOf: "2025-08-07",
    });

    expect(srv.requests).toHaveLength(0);
    expect(existsSync(out)).toBe(false);
  });

  it("--dry-run prices the default model and names the price's source and date", async () => {
    const srv = await serve();
    const { out } = workDir("dry-price");
    const plain = await figment(
      ["code", LOGIN, "--ai", "--image", PNG, "--dry-run", "--out", out, "--base-url", srv.url],
      {},
    );
    expect(plain.code, plain.stderr).toBe(0);
    const inputTokens = Number(/input tokens {2}about ([\d,]+)/.exec(plain.stdout)?.[1]?.replace(/,/g, ""));
    expect(inputTokens).toBeGreaterThan(500);
    // GPT-5.4 Image 2: $8 per 1M input tokens.
    const cost = ((inputTokens * 8) / 1e6).toFixed(4);
    expect(plain.stdout).toContain(
      `cost          about $${cost} for the input ($8 per 1M input tokens; the output is extra, $15 per 1M)`,
    );
    expect(plain.stdout).toContain("price from    https://openrouter.ai/openai/gpt-5.4-image-2 (as of 2026-04-23)");
    expect(plain.stdout).not.toContain("no price known");

    const openrouter = await figment(
      ["code", LOGIN, "--ai", "--provider", "openrouter", "--dry-run", "--json", "--out", out, "--base-url", srv.url],
      {},
    );
    expect(openrouter.code, openrouter.stderr).toBe(0);
    const json = JSON.parse(openrouter.stdout) as DryRunJson;
    expect(json.model).toBe("openai/gpt-5.4-image-2");
    expect(json.costUsd).toBeCloseTo((json.inputTokens * 8) / 1e6, 10);
    expect(json.price).toEqual({
      inputUsdPer1M: 8,
      outputUsdPer1M: 15,
      source: "https://openrouter.ai/openai/gpt-5.4-image-2",
      asOf: "2026-04-23",
    });

    const unknown = await figment(
      ["code", LOGIN, "--ai", "--dry-run", "--model", "mystery-model", "--out", out, "--base-url", srv.url],
      {},
    );
    expect(unknown.stdout).toContain("no price known for model mystery-model");
    expect(unknown.stdout).not.toContain("price from");
    const unknownJson = JSON.parse(
      (
        await figment(
          [
            "code",
            LOGIN,
            "--ai",
            "--dry-run",
            "--json",
            "--model",
            "mystery-model",
            "--out",
            out,
            "--base-url",
            srv.url,
          ],
          {},
        )
      ).stdout,
    ) as DryRunJson;
    expect(unknownJson).toMatchObject({ costUsd: null, price: null });
    expect(srv.requests).toHaveLength(0);
  });

  it("without --image says it sends the structure only, and the request has no image", async () => {
    const srv = await serve(responsesStream(split(GOOD)));
    const { out } = workDir("no-image");
    const { code, stderr } = await figment(["code", LOGIN, "--ai", "--out", out, "--base-url", srv.url]);
    expect(code, stderr).toBe(0);
    expect(stderr.split("\n")[0]).toBe(STRUCTURE_ONLY);
    expect(STRUCTURE_ONLY).toMatch(/structure only; the model will not see the frame/);
    const request = srv.requests[0]!;
    expect(request.schemaErrors).toEqual([]);
    expect(request.rawBody).not.toContain("input_image");
    expect(userContent(request).every((c) => c.type === "input_text")).toBe(true);
    expect((request.body as { instructions: string }).instructions).toMatch(/no image is attached/);
    expect(listFiles(out)).toHaveLength(3);
  });

  it("--draft sends the offline output and --instructions the user's words, outside the data blocks", async () => {
    const srv = await serve(responsesStream(split(GOOD)));
    const { out } = workDir("draft");
    const { code } = await figment([
      "code",
      LOGIN,
      "--ai",
      "--image",
      PNG,
      "--draft",
      "--instructions",
      "Use a dark theme.",
      "--out",
      out,
      "--base-url",
      srv.url,
    ]);
    expect(code).toBe(0);
    const texts = userContent(srv.requests[0]!)
      .filter((c) => c.type === "input_text")
      .map((c) => c.text ?? "");
    expect(texts).toHaveLength(4);
    // The design's asset files are listed for the model, and left out of the draft.
    expect(texts[1]).toContain("src/assets/background-image.svg (svg)");
    expect(texts[2]).toMatch(/<draft_files>\n--- file: src\//);
    expect(texts[2]).toContain("--- file: src/screens/LogInPage.tsx");
    expect(texts[2]).not.toContain("--- file: src/assets/");
    expect(texts.at(-1)).toBe("Instructions from the user:\nUse a dark theme.");
    expect(srv.requests[0]!.schemaErrors).toEqual([]);
  });

  it("--update with --ai: the new answer merged into the edited folder; without --ai refused", async () => {
    const first = await serve(responsesStream(split(GOOD)));
    const { out } = workDir("update");
    const made = await figment(["code", LOGIN, "--ai", "--out", out, "--base-url", first.url]);
    expect(made.code, made.stderr).toBe(0);
    const app = join(out, "src/App.tsx");
    writeFileSync(app, readFileSync(app, "utf8").replace("export default", "// team: routes go here\nexport default"));
    const offline = await figment(["code", LOGIN, "--update", out]);
    expect(offline.code).toBe(2);
    expect(offline.stderr).toContain("code came from a model (openai): add --ai to update it");
    const header = { ...HEADER, content: HEADER.content.replace("<h1>", '<h1 className="title">') };
    const next = await serve(responsesStream(split(answer([APP, header], "a class on the title"))));
    const updated = await figment(["code", LOGIN, "--ai", "--update", out, "--base-url", next.url]);
    expect(updated.code, updated.stderr + updated.stdout).toBe(0);
    expect(readFileSync(app, "utf8")).toContain("// team: routes go here");
    expect(readFileSync(join(out, "src/components/Header.tsx"), "utf8")).toContain('<h1 className="title">');
    expect(updated.stdout).toMatch(/updated: src\/components\/Header\.tsx/);
  });

  it("--json lists the files written and the problems, with the notes and the model", async () => {
    const srv = await serve(responsesStream(split(GOOD)));
    const { out } = workDir("json");
    const { code, stdout, stderr } = await figment([
      "code",
      LOGIN,
      "--ai",
      "--image",
      PNG,
      "--json",
      "--out",
      out,
      "--base-url",
      srv.url,
    ]);
    expect(code, stderr).toBe(0);
    const report = JSON.parse(stdout) as AiReport;
    expect(report.files.map((f) => f.path).sort()).toEqual(listFiles(out));
    for (const f of report.files) expect(statSync(join(out, f.path)).size).toBe(f.bytes);
    expect(Array.isArray(report.problems)).toBe(true);
    expect(report.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(report.notes).toBe("Two components; the logo is a placeholder.");
    expect(report.repair).toBe("none");
    expect(report.kept).toBe(0);
    expect(report.model).toEqual({
      provider: "openai",
      api: "responses",
      endpoint: `${srv.url}/responses`,
      model: "gpt-5.4-image-2",
      image: true,
    });
    // Progress stays off stdout.
    expect(stdout).not.toContain("checking");
  });

  it("--provider openrouter speaks chat completions with openai/gpt-5.4-image-2 and OPENROUTER_API_KEY", async () => {
    const srv = await serve(chatStream(split(GOOD)));
    const { out } = workDir("openrouter");
    const { code, stderr } = await figment(
      ["code", LOGIN, "--ai", "--image", PNG, "--provider", "openrouter", "--out", out, "--base-url", srv.url],
      {
        OPENAI_API_KEY: "sk-wrong-0000",
        OPENROUTER_API_KEY: "sk-or-test-4321",
      },
    );
    expect(code, stderr).toBe(0);
    const request = srv.requests[0]!;
    expect(request.path).toBe("/v1/chat/completions");
    expect(request.schemaErrors).toEqual([]);
    expect((request.body as { model: string }).model).toBe("openai/gpt-5.4-image-2");
    expect(request.headers["authorization"]).toBe("***4321");
    expect(request.headers["x-title"]).toBe("Figment");
    expect(request.rawBody).toContain('"type":"image_url"');
    expect(stderr).toContain("(chat completions)");
    expect(listFiles(out)).toHaveLength(3);
  });

  it('a custom endpoint without OPENAI_API_KEY gets the key "none" and says so', async () => {
    const srv = await serve(chatStream(split(GOOD)));
    const { out } = workDir("custom");
    const { code, stderr } = await figment(
      ["code", LOGIN, "--ai", "--provider", "custom", "--model", "llava", "--out", out, "--base-url", srv.url],
      {},
    );
    expect(code, stderr).toBe(0);
    expect(stderr).toContain('OPENAI_API_KEY is not set; sending the key "none" to the custom endpoint');
    expect(srv.requests[0]!.headers["authorization"]).toBe("***none");
    expect((srv.requests[0]!.body as { model: string }).model).toBe("llava");
  });

  it("repairs broken TSX in one round and reports which attempt was kept", async () => {
    const srv = await serve(
      responsesStream(split(BROKEN), { id: "resp_broken" }),
      responsesStream(split(FIXED), { id: "resp_fixed" }),
    );
    const { out } = workDir("repair");
    const { code, stderr } = await figment([
      "code",
      LOGIN,
      "--ai",
      "--image",
      PNG,
      "--out",
      out,
      "--base-url",
      srv.url,
    ]);
    expect(code, stderr).toBe(0);
    expect(srv.requests).toHaveLength(2);
    for (const request of srv.requests) expect(request.schemaErrors).toEqual([]);
    const lines = stderr.split("\n");
    expect(lines.filter((l) => l === "checking…")).toHaveLength(2);
    expect(lines.indexOf("repairing…")).toBeGreaterThan(lines.indexOf("checking…"));
    expect(stderr).toMatch(
      new RegExp(
        String.raw`^repair round: the repair helped; kept attempt 2 of 2 \(attempt ` +
          String.raw`1: [1-9]\d* blocking problems?, attempt 2: 0 blocking problems\)$`,
        "m",
      ),
    );
    // The first answer's notes streamed; the kept one's are printed after.
    expect(stderr).toContain("notes: first try");
    expect(stderr).toContain("notes: fixed the header");
    expect(readFileSync(join(out, "src/components/Header.tsx"), "utf8")).toContain("</header>");

    await srv.close();
    const again = await serve(responsesStream(split(BROKEN)), responsesStream(split(FIXED)));
    const json = await figment([
      "code",
      LOGIN,
      "--ai",
      "--image",
      PNG,
      "--json",
      "--out",
      join(out, "..", "json-out"),
      "--base-url",
      again.url,
    ]);
    const report = JSON.parse(json.stdout) as AiReport;
    expect(report.repair).toBe("kept");
    expect(report.kept).toBe(1);
    expect(report.attempts.map((a) => [a.kind, a.files])).toEqual([
      ["answer", 3],
      ["repair", 3],
    ]);
    expect(report.attempts[0]!.blocking).toBeGreaterThan(0);
    expect(report.attempts[1]!.blocking).toBe(0);
  });

  it("a repair that does not help keeps the first answer and reports the syntax error with file:line", async () => {
    const srv = await serve(responsesStream(split(BROKEN)), responsesStream(split(BROKEN)));
    const { out } = workDir("repair-fails");
    const { code, stderr } = await figment([
      "code",
      LOGIN,
      "--ai",
      "--image",
      PNG,
      "--out",
      out,
      "--base-url",
      srv.url,
    ]);
    expect(code).toBe(0);
    expect(stderr).toMatch(/^error syntax src\/components\/Header\.tsx:\d+(:\d+)?: /m);
    expect(stderr).toContain("repair round: the repair did not help; kept attempt 1 of 2");
    expect(listFiles(out)).toHaveLength(3);
  });

  it("an unreadable reply writes nothing and exits 1", async () => {
    const srv = await serve(responsesStream(['{"files": [ oops']));
    const { out } = workDir("garbage");
    const { code, stderr } = await figment(["code", LOGIN, "--ai", "--out", out, "--base-url", srv.url]);
    expect(code).toBe(1);
    expect(stderr).toContain("the model's reply held no usable files; nothing was written");
    expect(existsSync(out)).toBe(false);
  });
});

describe("figment code --ai failures", () => {
  it("a missing key exits 2 naming the environment variable, before any request", async () => {
    const srv = await serve();
    const { out } = workDir("no-key");
    const openai = await figment(["code", LOGIN, "--ai", "--out", out, "--base-url", srv.url], {
      OPENAI_API_KEY: "  ",
    });
    expect(openai.code).toBe(2);
    expect(openai.stderr).toContain("figment: no API key for openai: OPENAI_API_KEY is not set");
    expect(openai.stderr).toContain("figment: Set OPENAI_API_KEY in the environment");
    const openrouter = await figment(
      ["code", LOGIN, "--ai", "--provider", "openrouter", "--out", out, "--base-url", srv.url],
      { OPENAI_API_KEY: KEY },
    );
    expect(openrouter.code).toBe(2);
    expect(openrouter.stderr).toContain("OPENROUTER_API_KEY is not set");
    expect(srv.requests).toHaveLength(0);
    expect(existsSync(out)).toBe(false);
  });

  it("401 exits 2 with the next step", async () => {
    const srv = await serve({ kind: "error", status: 401, message: "Incorrect API key provided" });
    const { out } = workDir("401");
    const { code, stdout, stderr } = await figment(["code", LOGIN, "--ai", "--out", out, "--base-url", srv.url]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^figment: The endpoint answered 401: .*Incorrect API key provided/m);
    expect(stderr).toContain("figment: Check OPENAI_API_KEY: the provider did not accept the key.");
    expect(stderr).not.toContain(KEY);
    expect(existsSync(out)).toBe(false);
  });

  it.each([
    [404, 2, /Check --model and --base-url/],
    [400, 2, /rejected the request/],
    [500, 1, /server error; try again/],
  ] as const)("HTTP %i exits %i with the next step", async (status, exit, next) => {
    const srv = await serve({ kind: "error", status, message: `status ${status}` });
    const { out } = workDir(`http-${status}`);
    const { code, stderr } = await figment(["code", LOGIN, "--ai", "--out", out, "--base-url", srv.url]);
    expect(code).toBe(exit);
    expect(stderr).toMatch(next);
    expect(stderr).not.toMatch(/internal error|\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });

  it("429 exits 1 and says when to retry", async () => {
    const srv = await serve({ kind: "error", status: 429, message: "slow down", headers: { "retry-after": "3" } });
    const { code, stderr } = await figment(["code", LOGIN, "--ai", "--out", workDir("429").out, "--base-url", srv.url]);
    expect(code).toBe(1);
    expect(stderr).toContain("figment: the provider asks to retry after 3 s");
    expect(stderr).toMatch(/request id req_test_1/);
  });

  it("--timeout ends a request that never answers: exit 1", async () => {
    const srv = await serve({ kind: "hang" });
    const { code, stderr } = await figment([
      "code",
      LOGIN,
      "--ai",
      "--timeout",
      "0.3",
      "--out",
      workDir("timeout").out,
      "--base-url",
      srv.url,
    ]);
    expect(code).toBe(1);
    expect(stderr).toContain("raise --timeout");
  });

  it("cancelling mid-stream exits 130 and writes nothing", async () => {
    const srv = await serve(responsesStream(split(GOOD, 30), { delayMs: 30 }));
    const { out } = workDir("cancel");
    const controller = new AbortController();
    const { code, stderr } = await figment(
      ["code", LOGIN, "--ai", "--out", out, "--base-url", srv.url],
      ENV,
      controller.signal,
      (line) => {
        if (line.endsWith(" …")) controller.abort();
      },
    );
    expect(code).toBe(130);
    expect(stderr).toContain("figment: cancelled; nothing was written");
    expect(existsSync(out)).toBe(false);
  });

  const bad: { name: string; argv: () => string[]; message: RegExp }[] = [
    {
      name: "an --image that is not a PNG",
      argv: () => ["code", LOGIN, "--ai", "--image", LOGIN],
      message: /--image .*figmasharp-login\.file\.json is not a PNG/,
    },
    {
      name: "a missing --image",
      argv: () => ["code", LOGIN, "--ai", "--image", join(tmp, "nope.png")],
      message: /no such file: .*nope\.png/,
    },
    {
      name: "--image without --ai",
      argv: () => ["code", LOGIN, "--image", PNG],
      message: /--image only applies to the model path: add --ai/,
    },
    {
      name: "--dry-run without --ai",
      argv: () => ["code", LOGIN, "--dry-run"],
      message: /--dry-run only applies to the model path/,
    },
    {
      name: "--ai on another command",
      argv: () => ["hints", LOGIN, "--ai"],
      message: /--ai only applies to figment code/,
    },
    {
      name: "a bad --provider",
      argv: () => ["code", LOGIN, "--ai", "--provider", "anthropic"],
      message: /--provider must be openai, openrouter or custom, not anthropic/,
    },
    {
      name: "a bad --timeout",
      argv: () => ["code", LOGIN, "--ai", "--timeout", "soon"],
      message: /--timeout must be a number of seconds above 0, not soon/,
    },
    {
      name: "a bad --base-url",
      argv: () => ["code", LOGIN, "--ai", "--base-url", "ftp://x"],
      message: /--base-url must be an http\(s\) URL/,
    },
    {
      name: "an unknown node id",
      argv: () => ["code", LOGIN, "--ai", "--node", "999:999"],
      message: /unknown node id 999:999/,
    },
  ];

  it.each(bad)("$name exits 2 before any request", async ({ argv, message }) => {
    const srv = await serve();
    const out = join(tmp, "never-written");
    const args = argv();
    // Point the model path at the test server (a request would show in srv.requests).
    const endpoint = args.includes("--ai") && !args.includes("--base-url") ? ["--base-url", srv.url] : [];
    const { code, stdout, stderr } = await figment([...args, "--out", out, ...endpoint]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/internal error|\n\s+at /);
    expect(srv.requests).toHaveLength(0);
    expect(existsSync(out)).toBe(false);
  });

  it("--from-hint works with --ai", async () => {
    const hints = await figment(["hints", LOGIN]);
    const hintFile = join(tmp, "login.hint.txt");
    writeFileSync(hintFile, hints.stdout + "\n");
    const srv = await serve(responsesStream(split(GOOD)));
    const { out } = workDir("from-hint");
    const { code, stderr } = await figment([
      "code",
      "--from-hint",
      hintFile,
      "--ai",
      "--out",
      out,
      "--base-url",
      srv.url,
    ]);
    expect(code, stderr).toBe(0);
    expect(userContent(srv.requests[0]!)[0]!.text).toContain(hints.stdout);
    expect(listFiles(out)).toHaveLength(3);
  });
});

describe("the built binary (dist/cli.js) with --ai", () => {
  const cli = join(REPO_ROOT, "dist", "cli.js");

  /** The child's environment without the developer's own keys, plus `extra`. */
  function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
    const env = { ...process.env };
    delete env["OPENAI_API_KEY"];
    delete env["OPENROUTER_API_KEY"];
    return { ...env, ...extra };
  }

  function start(
    argv: string[],
    env: NodeJS.ProcessEnv,
    onErr?: (text: string, kill: (signal: NodeJS.Signals) => void) => void,
  ): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [cli, ...argv], { env, stdio: ["ignore", "pipe", "pipe"] });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
      child.stderr.on("data", (d: Buffer) => {
        stderr += d.toString();
        onErr?.(stderr, (signal) => child.kill(signal));
      });
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, stdout, stderr }));
    });
  }

  it("writes the model's files with the key from its environment", async () => {
    expect(existsSync(cli)).toBe(true);
    const srv = await serve(responsesStream(split(GOOD)));
    const { out } = workDir("bin");
    const result = await start(
      ["code", LOGIN, "--ai", "--image", PNG, "--out", out, "--base-url", srv.url],
      childEnv({ OPENAI_API_KEY: "sk-bin-test-5555" }),
    );
    expect(result.code, result.stderr).toBe(0);
    expect(listFiles(out)).toEqual(["src/App.tsx", "src/components/Header.tsx", "src/fonts.ts"]);
    expect(srv.requests[0]!.headers["authorization"]).toBe("***5555");
  });

  it("Ctrl-C (SIGINT) aborts the request and exits 130", async () => {
    const srv = await serve({ kind: "hang" });
    const { out } = workDir("bin-sigint");
    let sent = false;
    const result = await start(
      ["code", LOGIN, "--ai", "--out", out, "--base-url", srv.url],
      childEnv({ OPENAI_API_KEY: "sk-bin-test-5555" }),
      (stderr, kill) => {
        if (!sent && stderr.includes("figment: asking")) {
          sent = true;
          // Give the request a moment to reach the server first.
          setTimeout(() => kill("SIGINT"), 200);
        }
      },
    );
    expect(result.code, result.stderr).toBe(130);
    expect(result.stderr).toContain("figment: cancelled; nothing was written");
    expect(srv.requests).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
  });
});
