/**
 * The model's files through the project pass, prettier and one repair round, over real HTTP against the
 * OpenAI-wire test server (every request body validated against the OpenAPI spec).
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../../contract/settings.js";
import { chatStream, responsesStream } from "../../test/openai-server/server.js";
import { scriptedServer, splitInto } from "../../test/openai-server/scripted.js";
import { generateModelCode, isBlocking, postProcess, Preformatter, repairInstructions } from "./pipeline.js";
import type { PromptInput } from "./prompt.js";
import { providerConfig, type ProviderConfig } from "../client/providers.js";

const PNG_1x1 =
  "data:image/png;base64," +
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";
const INPUT: PromptInput = {
  target: "react",
  styling: "css-modules",
  imageDataUrl: PNG_1x1,
  hint: "figment-hint 1\nF 1:2 Login 375x667 f:#fff",
};

const answer = (files: { path: string; content: string }[], notes = ""): string => JSON.stringify({ files, notes });
const split = (text: string, n = 5): string[] => splitInto(text, n);

const BROKEN = answer(
  [
    {
      path: "src/App.tsx",
      content:
        'import { Header } from "./components/Header";\n' +
        "export default function App() {\n" +
        '  return <main><Header title="Art" /></main>;\n' +
        "}\n",
    },
    {
      path: "src/components/Header.tsx",
      content:
        "export function Header(props: { title: string }) {\n" +
        "  return <header><h1>{props.title}</h1></header>\n" +
        "  }\n" +
        "}\n",
    },
  ],
  "first try",
);
const FIXED = answer(
  [
    {
      path: "src/App.tsx",
      content:
        'import { Header } from "./components/Header";\n' +
        "export default function App() {\n" +
        '  return <main><Header title="Art" /></main>;\n' +
        "}\n",
    },
    {
      path: "src/components/Header.tsx",
      content:
        "export function Header(props: { title: string }) {\n  return <header><h1>{props.title}</h1></header>;\n}\n",
    },
  ],
  "fixed",
);

const serve = scriptedServer();
const openai = (url: string): ProviderConfig =>
  providerConfig({ ...DEFAULT_SETTINGS, provider: "openai", baseUrl: url }, "sk-test-key-1234");
const openrouter = (url: string): ProviderConfig =>
  providerConfig({ ...DEFAULT_SETTINGS, provider: "openrouter", baseUrl: url }, "sk-or-test-5678");

describe("model code through the project pass", () => {
  it("repairs broken TSX in one round, sending the problems with file:line", async () => {
    const srv = await serve(
      responsesStream(split(BROKEN), { id: "resp_broken" }),
      responsesStream(split(FIXED), { id: "resp_fixed" }),
    );
    const stages: string[] = [];
    const result = await generateModelCode(openai(srv.url), INPUT, { onStage: (s) => stages.push(s) });
    expect(srv.requests).toHaveLength(2);
    for (const request of srv.requests) expect(request.schemaErrors).toEqual([]);
    const repairBody = srv.requests[1]!.body as { previous_response_id?: string; input?: unknown };
    expect(repairBody.previous_response_id).toBe("resp_broken");
    expect(JSON.stringify(repairBody.input)).toMatch(/src\/components\/Header\.tsx:\d+/);
    expect(result.repair).toBe("kept");
    expect(result.kept).toBe(1);
    expect(result.attempts.map((a) => a.kind)).toEqual(["answer", "repair"]);
    expect(result.attempts[0]!.problems.some(isBlocking)).toBe(true);
    expect(result.problems.filter(isBlocking)).toEqual([]);
    expect(result.notes).toBe("fixed");
    expect(result.conversation).toEqual({ kind: "responses", previousResponseId: "resp_fixed" });
    // Formatted by prettier: semicolons, two-space indents.
    expect(result.files.find((f) => f.path === "src/components/Header.tsx")!.content).toContain("    <header>");
    expect(stages).toEqual(["checking", "repairing", "checking"]);
  });

  it("adds missing imports and reports a cycle without a repair round", async () => {
    const files = [
      { path: "src/App.tsx", content: "export default function App() {\n  return <Card />;\n}\n" },
      {
        path: "src/components/Card.tsx",
        content: 'import { Badge } from "./Badge";\nexport function Card() {\n  return <div><Badge /></div>;\n}\n',
      },
      {
        path: "src/components/Badge.tsx",
        content: 'import { Card } from "./Card";\nexport function Badge() {\n  return <span>{Card.name}</span>;\n}\n',
      },
    ];
    const srv = await serve(responsesStream(split(answer(files))));
    const result = await generateModelCode(openai(srv.url), INPUT);
    expect(srv.requests).toHaveLength(1);
    expect(result.repair).toBe("none");
    const app = result.files.find((f) => f.path === "src/App.tsx")!.content;
    expect(app).toContain('import { Card } from "./components/Card";');
    expect(result.problems.some((p) => p.code === "added-import" && p.file === "src/App.tsx")).toBe(true);
    const cycle = result.problems.find((p) => p.code === "import-cycle");
    expect(cycle?.message).toMatch(/Card.*Badge|Badge.*Card/);
  });

  it("refuses ../../ and absolute paths and keeps the safe files", async () => {
    const files = [
      { path: "../../evil.tsx", content: "export const x = 1;\n" },
      { path: "/etc/passwd.ts", content: "export const y = 2;\n" },
      { path: "src/App.tsx", content: "export default function App() {\n  return <p>ok</p>;\n}\n" },
    ];
    const srv = await serve(responsesStream(split(answer(files))));
    const result = await generateModelCode(openai(srv.url), INPUT);
    expect(result.files.map((f) => f.path)).toEqual(["src/App.tsx"]);
    const unsafe = result.problems.filter((p) => p.code === "unsafe-path").map((p) => p.message);
    expect(unsafe).toHaveLength(2);
    expect(unsafe.join("\n")).toContain("..");
    expect(unsafe.join("\n")).toContain("absolute");
  });

  it("keeps the first answer when the repair does not help, with both attempts", async () => {
    const srv = await serve(
      responsesStream(split(BROKEN), { id: "resp_a" }),
      responsesStream(split(BROKEN), { id: "resp_b" }),
    );
    const result = await generateModelCode(openai(srv.url), INPUT);
    expect(result.repair).toBe("discarded");
    expect(result.kept).toBe(0);
    expect(result.attempts).toHaveLength(2);
    expect(result.conversation).toEqual({ kind: "responses", previousResponseId: "resp_a" });
    const syntax = result.problems.find((p) => p.code === "syntax");
    expect(syntax?.file).toBe("src/components/Header.tsx");
    expect(syntax?.line).toBeGreaterThan(0);
  });

  it("keeps the first answer when the repair request fails", async () => {
    const srv = await serve(responsesStream(split(BROKEN)), { kind: "error", status: 500, message: "boom" });
    const result = await generateModelCode(openai(srv.url), INPUT);
    expect(result.repair).toBe("failed");
    expect(result.files).toHaveLength(2);
    expect(result.problems[0]!.message).toMatch(/repair round failed/);
  });

  it("repairs over chat completions by sending the kept messages", async () => {
    const srv = await serve(chatStream(split(BROKEN)), chatStream(split(FIXED)));
    const result = await generateModelCode(openrouter(srv.url), INPUT);
    expect(result.repair).toBe("kept");
    const messages = (srv.requests[1]!.body as { messages: { role: string; content: unknown }[] }).messages;
    expect(messages.map((m) => m.role)).toEqual(["system", "user", "assistant", "user"]);
    expect(messages[2]!.content).toBe(BROKEN);
    expect(String(messages[3]!.content)).toContain("src/components/Header.tsx:");
    for (const request of srv.requests) expect(request.schemaErrors).toEqual([]);
  });

  it("maxRepairs 0 turns the repair round off", async () => {
    const srv = await serve(responsesStream(split(BROKEN)));
    const result = await generateModelCode(openai(srv.url), INPUT, { maxRepairs: 0 });
    expect(srv.requests).toHaveLength(1);
    expect(result.problems.some(isBlocking)).toBe(true);
  });

  it("formatting files as they stream gives exactly the output of formatting afterwards", async () => {
    const files = [
      { path: "src/App.tsx", content: "export default function App(){return <main><Card/></main>}\n" },
      { path: "src/components/Card.tsx", content: "export function Card(){return <div className='c'>hi</div>}" },
      { path: "src/components/Card.module.css", content: ".c{color:red;padding:0 4px}" },
      { path: "src/components/Broken.tsx", content: "export function Broken( {\n" },
    ];
    const reply = { files, problems: [] };
    const pre = new Preformatter();
    for (const file of files.slice(0, 3)) pre.add(file); // the last one never completed in the stream
    await new Promise((resolve) => setTimeout(resolve, 0)); // one file formats in the background
    expect(await postProcess(reply, pre)).toEqual(await postProcess(reply));
  });

  it(
    "a Tailwind class's url() written from the component's folder " +
      "is made relative to src/, where Tailwind's build resolves it",
    async () => {
      const screen = {
        path: "src/screens/Hero.tsx",
        content:
          "export function Hero() {\n" +
          '  return <section className="h-[600px] bg-[url(../assets/hero.jpg)] bg-cover" />;\n' +
          "}\n",
      };
      const photo = { path: "src/assets/hero.jpg", content: "", bytes: new Uint8Array([0xff, 0xd8, 0xff]) };
      const out = await postProcess({ files: [screen], problems: [] }, undefined, [photo]);
      expect(out.files.find((f) => f.path === screen.path)!.content).toContain("bg-[url(./assets/hero.jpg)]");
      expect(out.files.map((f) => f.path)).toContain("src/assets/hero.jpg");
      expect(out.problems).toContainEqual(
        expect.objectContaining({ severity: "info", code: "tailwind-url", file: screen.path, line: 2 }),
      );
    },
  );

  it("lists at most 40 problems in a repair request", () => {
    const many = Array.from({ length: 45 }, (_, i) => ({
      severity: "error" as const,
      code: "syntax",
      message: `bad ${i}`,
      file: "a.tsx",
      line: i + 1,
    }));
    const text = repairInstructions(many);
    expect(text).toContain("a.tsx:40");
    expect(text).not.toContain("a.tsx:41");
    expect(text).toContain("and 5 more");
  });
});
