/**
 * `figment code --ai --clarify` end to end through `run` over real HTTP against the OpenAI-wire test server (every
 * body validated against the OpenAPI spec): the clarify request goes first, its questions and defaults are printed on
 * stderr and the defaults used, or a --answers file's answers (unknown ids refused by name), questions that cannot be
 * read are said and the run goes on without, the decisions reach the code request (one frame's and each section's of
 * a tall real page), and --dry-run counts the clarify request.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodePng } from "../../ai/mask/png.js";
import { responsesJson, responsesStream, type RecordedRequest } from "../../test/openai-server/server.js";
import { startOpenAiServer, type OpenAiTestServer, type ScriptedReply } from "../../test/openai-server/server.js";
import { captureIo, fixturePath, REPO_ROOT } from "../../test/helpers/fixtures.js";
import { run } from "../run.js";

const LOGIN = fixturePath("figmasharp-login.file.json");
const PNG = fixturePath("grida-vector-frame.png");
const FLORA = join(REPO_ROOT, "test/fixtures/real/flora.file.json");
const ENV = { OPENAI_API_KEY: "sk-test-clarify-1234" };

const QUESTIONS = [
  {
    id: "q1",
    question: "Is the bottom text a button?",
    options: ["a button", "a link"],
    default: "a button",
    nodes: [],
  },
  { id: "q2", question: "Which layers repeat?", options: [], default: "none", nodes: [] },
];
const CODE = JSON.stringify({
  notes: "",
  files: [{ path: "src/App.tsx", content: "export default function App() {\n  return <main>Log in</main>;\n}\n" }],
});

let tmp: string;
let server: OpenAiTestServer | undefined;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "figment-clarify-"));
});
afterAll(async () => {
  await server?.close();
  rmSync(tmp, { recursive: true, force: true });
});

const isClarify = (req: RecordedRequest): boolean =>
  (req.body as { text?: { format?: { name?: string } } }).text?.format?.name === "figment_questions";
const textOf = (req: RecordedRequest): string => JSON.stringify(req.body);

/** A server answering the clarify request with `questions` (a text: as given) and any code request with `code`. */
async function serverWith(questions: unknown, code: (req: RecordedRequest) => string = () => CODE) {
  await server?.close();
  server = await startOpenAiServer(
    (req): ScriptedReply =>
      isClarify(req)
        ? responsesJson(typeof questions === "string" ? questions : JSON.stringify({ questions }))
        : responsesStream([code(req)]),
  );
  return server;
}

async function figment(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = captureIo();
  const code = await run(argv, io, { env: ENV });
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

const login = (url: string, name: string): string[] => [
  "code",
  LOGIN,
  "--ai",
  "--image",
  PNG,
  "--base-url",
  url,
  "--out",
  join(tmp, name),
];

describe("figment code --ai --clarify", () => {
  it("asks first, prints the questions and defaults, and goes on with the defaults", async () => {
    const srv = await serverWith(QUESTIONS);
    const result = await figment([...login(srv.url, "defaults"), "--clarify", "--json"]);
    expect(result.code, result.stderr).toBe(0);
    expect(srv.requests.map(isClarify)).toEqual([true, false]);
    expect(srv.requests.every((r) => r.schemaErrors.length === 0)).toBe(true);
    expect(result.stderr).toContain("going on with the defaults");
    expect(result.stderr).toContain("q1  Is the bottom text a button?");
    expect(result.stderr).toContain("options: a button | a link; default: a button");
    expect(result.stderr).toContain("free text; default: none");
    const sent = textOf(srv.requests[1]!);
    expect(sent).toContain("Is the bottom text a button? → a button [default]");
    expect(sent).toContain("Which layers repeat? → none [default]");
    const json = JSON.parse(result.stdout) as { clarify: { answers: string; decisions: { answer: string }[] } };
    expect(json.clarify.answers).toBe("defaults");
    expect(json.clarify.decisions.map((d) => d.answer)).toEqual(["a button", "none"]);
  });

  it("--answers FILE answers by id (the rest keep their defaults)", async () => {
    const srv = await serverWith(QUESTIONS);
    const file = join(tmp, "answers.json");
    writeFileSync(file, JSON.stringify({ q1: "a link" }));
    const result = await figment([...login(srv.url, "answers"), "--clarify", "--answers", file]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain("answered from --answers");
    const sent = textOf(srv.requests[1]!);
    expect(sent).toContain("Is the bottom text a button? → a link");
    expect(sent).not.toContain("→ a link [default]");
    expect(sent).toContain("Which layers repeat? → none [default]");
  });

  it("refuses an --answers id the model did not ask, by name, before the code request", async () => {
    const srv = await serverWith(QUESTIONS);
    const file = join(tmp, "unknown.json");
    writeFileSync(file, JSON.stringify({ q1: "a link", hero: "big" }));
    const result = await figment([...login(srv.url, "unknown"), "--clarify", "--answers", file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--answers: no question has the id hero (asked: q1, q2)");
    expect(srv.requests.map(isClarify)).toEqual([true]);
  });

  it("--answers needs --clarify, and a missing file is refused before anything is sent", async () => {
    const srv = await serverWith(QUESTIONS);
    const without = await figment([...login(srv.url, "no-clarify"), "--answers", join(tmp, "answers.json")]);
    expect(without.code).toBe(2);
    expect(without.stderr).toContain("--answers FILE answers the questions of --clarify: give --clarify too");
    const missing = await figment([...login(srv.url, "missing"), "--clarify", "--answers", join(tmp, "nope.json")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--answers: no such file:");
    expect(srv.requests).toEqual([]);
  });

  it("says why malformed questions cannot be used and goes on without them", async () => {
    const srv = await serverWith([{ ...QUESTIONS[0], default: "a tab" }]);
    const result = await figment([...login(srv.url, "malformed"), "--clarify"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(
      "question 1 (q1): its default “a tab” is not one of its options; going on without questions",
    );
    expect(srv.requests.map(isClarify)).toEqual([true, false]);
    expect(textOf(srv.requests[1]!)).not.toContain("Decisions:");
  });

  it("--dry-run --clarify says a clarify request is sent first and counts it, sending nothing", async () => {
    const srv = await serverWith(QUESTIONS);
    const plain = await figment([...login(srv.url, "dry"), "--dry-run"]);
    const asked = await figment([...login(srv.url, "dry"), "--dry-run", "--clarify"]);
    expect(asked.code, asked.stderr).toBe(0);
    expect(plain.stdout).not.toContain("clarify");
    expect(asked.stdout).toMatch(/clarify {7}a clarify request is sent first \(--clarify\): about [\d,]+ tokens/);
    const json = JSON.parse((await figment([...login(srv.url, "dry"), "--dry-run", "--clarify", "--json"])).stdout) as {
      inputTokens: number;
      totalInputTokens: number;
      clarify: { inputTokens: number; imageTokens: number };
    };
    expect(json.clarify.inputTokens).toBeGreaterThan(json.clarify.imageTokens);
    expect(json.clarify.imageTokens).toBeGreaterThan(0);
    expect(json.totalInputTokens).toBe(json.inputTokens + json.clarify.inputTokens);
    expect(srv.requests).toEqual([]);
  });
});

describe("--clarify on a page sent section by section", () => {
  it("asks once about the whole page, and every section's request carries the decisions", async () => {
    const png = join(tmp, "home.png");
    writeFileSync(png, encodePng(1440, 5594, 3, new Uint8Array(1440 * 5594 * 3).fill(200), "up"));
    const component = (req: RecordedRequest): string =>
      /src\/sections\/(\w+)\.tsx/.exec((req.body as { instructions: string }).instructions)![1]!;
    const srv = await serverWith(QUESTIONS, (req) =>
      JSON.stringify({
        notes: "",
        files: [
          {
            path: `src/sections/${component(req)}.tsx`,
            content: `export function ${component(req)}() {\n  return <section />;\n}\n`,
          },
        ],
      }),
    );
    const base = ["code", FLORA, "--node", "8203:59903", "--ai", "--image", png, "--base-url", srv.url, "--clarify"];
    const dry = await figment([...base, "--dry-run", "--json"]);
    expect(dry.code, dry.stderr).toBe(0);
    const estimate = JSON.parse(dry.stdout) as { inputTokens: number; clarify: { inputTokens: number } };
    expect(estimate.clarify.inputTokens).toBeGreaterThan(0);
    const result = await figment([...base, "--out", join(tmp, "flora")]);
    expect(result.code, result.stderr).toBe(0);
    const [first, ...sections] = srv.requests;
    expect(isClarify(first!)).toBe(true);
    expect(sections.length).toBeGreaterThanOrEqual(3);
    for (const req of sections) {
      expect(req.schemaErrors).toEqual([]);
      expect(textOf(req)).toContain("Is the bottom text a button? → a button [default]");
    }
  }, 120_000);
});
