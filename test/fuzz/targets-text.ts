/**
 * The text and code readers as fuzz targets (issue 38): each reader's valid answers recorded once from the
 * OpenAI-wire test server, then replayed mutated. A code target also writes its files with the CLI's own writer
 * (cli/common/io.ts writeFilesUnder) into a fresh folder and fails, as a raw error, when a file lands outside it or the
 * writing throws; the embeddings targets fail when a vector is not finite or not of one length. The suite runs a
 * few hundred cases of each (the *-fuzz.test.ts files under ai/: SUITE_CASES); the bench reuses `textTargets()`
 * for a larger run.
 */
import { existsSync } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { analyzeWithModel } from "../../ai/analyze/run.js";
import type { AnalyzeInput } from "../../ai/analyze/input.js";
import { captionFrames, type CaptionFrame } from "../../ai/search/captions.js";
import { testConnection } from "../../ai/client/connection.js";
import { embedFrames, embedQuery } from "../../ai/search/embeddings.js";
import { ModelError } from "../../ai/errors/classify.js";
import { generateTurn, type Conversation, type TurnOptions } from "../../ai/code/generate.js";
import { ParamsError } from "../../ai/params/errors.js";
import { inferRows } from "../../ai/params/infer.js";
import type { InferInput } from "../../ai/params/infer-request.js";
import { generateModelCode, type ModelCodeResult } from "../../ai/code/pipeline.js";
import type { PromptInput } from "../../ai/code/prompt.js";
import type { ProviderConfig } from "../../ai/client/providers.js";
import { askModel } from "../../ai/verify/ask.js";
import { writeFilesUnder } from "../../cli/common/io.js";
import type { FrameDoc } from "../../codegen/search/frame-doc.js";
import type { Problem, SourceFile } from "../../codegen/types.js";
import { captionReplies } from "../openai-server/captions.js";
import {
  bagOfWordsEmbeddings,
  chatJson,
  chatStream,
  encodePng,
  modelsJson,
  openRouterModelsJson,
  responsesJson,
  responsesStream,
  type ScriptedReply,
} from "../openai-server/server.js";
import { splitInto } from "../openai-server/scripted.js";
import { fuzz, type FuzzReport, type FuzzTarget } from "./run-cases.js";
import { recordAnswers, type Endpoint } from "./wire.js";

/** A target of any result type, as the runner takes a list of them. */
export type AnyTarget = FuzzTarget<unknown>;

/** Options every replayed run gets: a short idle guard, so a stalled body ends in ms. */
export interface TargetOptions {
  /** The request and idle timeout of each run (default 30 ms). */
  timeoutMs?: number;
}

const PNG =
  "data:image/png;base64," +
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";
const REPLAY_URL = "http://fuzz.invalid/v1";

const APP =
  'import { Button } from "./components/Button";\n' +
  "export default function App() {\n" +
  "  return <main><h1>Héllo ✓ 日本</h1><Button /></main>;\n" +
  "}\n";
const BUTTON = "export function Button() {\n  return <button>Sign in</button>;\n}\n";
const CODE_ANSWER = JSON.stringify({
  notes: "Two files, a fence: ```tsx inside.",
  files: [
    { path: "src/App.tsx", content: APP },
    { path: "src/components/Button.tsx", content: BUTTON },
  ],
});
/** A first answer with a syntax error, so the pipeline's repair round runs and its answer is replayed too. */
const BROKEN_ANSWER = JSON.stringify({
  notes: "First try.",
  files: [
    { path: "src/App.tsx", content: "export default function App() {\n  return <main>\n" },
    { path: "src/components/Button.tsx", content: BUTTON },
  ],
});

/**
 * Paths no writer may follow out of the output folder, in one answer: parent segments, absolute and drive paths,
 * UNC, NUL, backslashes, device and short names, a file where a folder is. The field mutations cut, retype and
 * case them further.
 */
export const ESCAPE_ABSOLUTE = join(tmpdir(), "figment-fuzz-escape", "abs.tsx");
const HOSTILE_PATHS = [
  "../escape.tsx",
  "src/../../escape.tsx",
  "./src/./../../escape.tsx",
  "..\\escape.tsx",
  "src\\..\\..\\escape.tsx",
  ESCAPE_ABSOLUTE,
  "/etc/figment-escape.tsx",
  "C:\\figment\\escape.tsx",
  "c:escape.tsx",
  "\\\\server\\share\\escape.tsx",
  "src/nul\u0000.tsx",
  "\u0000",
  "src/CON.tsx",
  "src/GIT~1/x.tsx",
  "src/trailing.tsx.",
  "src/App.tsx/inner.tsx",
  "node_modules/x.js",
  "src/%2e%2e/escape.tsx",
  "src/\ud800.tsx",
  `src/${"a".repeat(300)}.tsx`,
  "",
];
const PATHS_ANSWER = JSON.stringify({
  notes: "Paths of every kind.",
  files: [
    { path: "src/App.tsx", content: APP },
    { path: "src/components/Button.tsx", content: BUTTON },
    ...HOSTILE_PATHS.map((path, i) => ({ path, content: `export const x${i} = ${i};\n` })),
  ],
});

const CODE_INPUT: PromptInput = {
  target: "react",
  styling: "css-modules",
  imageDataUrl: PNG,
  hint: "figment-hint 1\nF 1:2 Login 375x667 f:#fff",
};

const configFor = (kind: ProviderConfig["kind"], baseURL: string): ProviderConfig => ({
  kind,
  baseURL,
  model: kind === "responses" ? "gpt-5" : "openai/gpt-5",
  apiKey: "sk-fuzz",
  headers: {},
});

const modelRefusal = (error: unknown): string | undefined => (error instanceof ModelError ? error.message : undefined);

/** Lets a target of one result type sit in a list of targets of any. */
function erase<T>(target: FuzzTarget<T>): AnyTarget {
  const { shown, refusal } = target;
  return {
    name: target.name,
    answers: target.answers,
    run: (fetchFn, signal) => target.run(fetchFn, signal),
    ...(shown ? { shown: (result: unknown) => shown(result as T) } : {}),
    ...(refusal ? { refusal } : {}),
  };
}

/** Records `drive` once against `script`, checks it succeeded, and makes the target that replays it. */
async function recorded<T>(
  name: string,
  script: ScriptedReply[] | ((req: { path: string; body: unknown }) => ScriptedReply),
  drive: (
    config: (kind: ProviderConfig["kind"]) => ProviderConfig,
    fetchFn: typeof fetch,
    signal?: AbortSignal,
    timeoutMs?: number,
  ) => Promise<T>,
  rest: Omit<FuzzTarget<T>, "name" | "answers" | "run">,
  options: TargetOptions,
): Promise<AnyTarget> {
  const { answers } = await recordAnswers(script, (endpoint: Endpoint, fetchFn) =>
    drive((kind) => configFor(kind, endpoint.baseURL), fetchFn),
  );
  const timeoutMs = options.timeoutMs ?? 30;
  return erase<T>({
    name,
    answers,
    run: (fetchFn, signal) => drive((kind) => configFor(kind, REPLAY_URL), fetchFn, signal, timeoutMs),
    ...rest,
  });
}

const problemTexts = (problems: readonly Problem[]): string[] => problems.map((p) => p.message);

const CHAT_CONVERSATION: Conversation = {
  kind: "chat",
  messages: [
    { role: "user", content: "Make the login screen." },
    { role: "assistant", content: CODE_ANSWER },
  ],
};
const RESPONSES_CONVERSATION: Conversation = { kind: "responses", previousResponseId: "resp_fuzz_prev" };

function turnTarget(kind: ProviderConfig["kind"], refine: boolean, options: TargetOptions): Promise<AnyTarget> {
  const reply =
    kind === "responses" ? responsesStream(splitInto(CODE_ANSWER, 6)) : chatStream(splitInto(CODE_ANSWER, 6));
  const refinement: TurnOptions["refine"] = refine
    ? {
        conversation: kind === "responses" ? RESPONSES_CONVERSATION : CHAT_CONVERSATION,
        instructions: "Make the title larger.",
      }
    : undefined;
  return recorded(
    `turn-${kind}${refine ? "-refine" : ""}`,
    [reply],
    (config, fetchFn, signal, timeoutMs) =>
      generateTurn(config(kind), CODE_INPUT, {
        fetch: fetchFn,
        ...(signal ? { signal } : {}),
        ...(timeoutMs ? { timeoutMs } : {}),
        ...(refinement ? { refine: refinement } : {}),
      }),
    { shown: (r) => [r.notes, ...problemTexts(r.problems)] },
    options,
  );
}

/** Every file under `dir`, as paths relative to it. */
async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true }))
    if (!entry.isDirectory()) out.push(relative(dir, join(entry.parentPath, entry.name)));
  return out;
}

/**
 * Writes the files as `figment code --ai` does (writeFilesUnder into --out), in a fresh folder with --out inside it;
 * a file written outside --out, or one at the absolute path an answer named, fails the case.
 */
export async function writeInSandbox(files: SourceFile[]): Promise<void> {
  const sandbox = await mkdtemp(join(tmpdir(), "figment-fuzz-"));
  try {
    await writeFilesUnder(join(sandbox, "out"), files);
    const outside = (await filesUnder(sandbox)).filter((path) => !path.startsWith(`out${sep}`));
    if (outside.length > 0) throw new Error(`wrote outside the output folder: ${outside.join(", ")}`);
    if (existsSync(ESCAPE_ABSOLUTE)) throw new Error(`wrote the absolute path ${ESCAPE_ABSOLUTE}`);
  } finally {
    await rm(sandbox, { recursive: true, force: true });
  }
}

function codeShown(result: ModelCodeResult): string[] {
  return [
    result.notes,
    ...problemTexts(result.problems),
    ...result.attempts.flatMap((a) => [a.notes, ...problemTexts(a.problems)]),
  ];
}

function codeTarget(
  name: string,
  kind: ProviderConfig["kind"],
  answers: readonly string[],
  options: TargetOptions,
): Promise<AnyTarget> {
  const replies = answers.map((text) =>
    kind === "responses" ? responsesStream(splitInto(text, 5)) : chatStream(splitInto(text, 5)),
  );
  return recorded(
    name,
    replies,
    async (config, fetchFn, signal, timeoutMs) => {
      const result = await generateModelCode(config(kind), CODE_INPUT, {
        fetch: fetchFn,
        ...(signal ? { signal } : {}),
        ...(timeoutMs ? { timeoutMs } : {}),
      });
      await writeInSandbox(result.files);
      return result;
    },
    { shown: codeShown },
    options,
  );
}

function verifyTarget(kind: ProviderConfig["kind"], options: TargetOptions): Promise<AnyTarget> {
  const reply =
    kind === "responses" ? responsesStream(splitInto(CODE_ANSWER, 5)) : chatStream(splitInto(CODE_ANSWER, 5));
  const round = {
    round: 1,
    conversation: kind === "responses" ? RESPONSES_CONVERSATION : CHAT_CONVERSATION,
    instructions: "The title is 4 px too low.",
    images: [{ label: "Your code, rendered:", url: PNG }],
  };
  return recorded(
    `verify-${kind}`,
    [reply],
    (config, fetchFn, signal, timeoutMs) =>
      askModel(config(kind), CODE_INPUT, { fetch: fetchFn, ...(timeoutMs ? { timeoutMs } : {}) })(round, signal),
    { shown: (r) => [r.notes, ...problemTexts(r.problems)] },
    options,
  );
}

const ANALYSIS =
  "## Critique\n\n" +
  "- **Hierarchy**: the title leads — ✓ 日本.\n" +
  "- Contrast of `101:3`: 2.85:1.\n\n" +
  "```css\n" +
  "color: #595959;\n" +
  "```\n";
const ANALYZE_INPUT: AnalyzeInput = {
  task: "critique",
  frames: [
    {
      nodeId: "101:3",
      name: "Login",
      hint: "figment-hint 1\nF 101:3 Login 375x812",
      texts: [{ nodeId: "101:4", name: "Title", chars: "Sign in" }],
      image: { dataUrl: PNG, width: 375, height: 812 },
    },
  ],
  findings: [],
};

function analyzeTarget(kind: ProviderConfig["kind"], options: TargetOptions): Promise<AnyTarget> {
  const reply = kind === "responses" ? responsesStream(splitInto(ANALYSIS, 6)) : chatStream(splitInto(ANALYSIS, 6));
  return recorded(
    `analyze-${kind}`,
    [reply],
    (config, fetchFn, signal, timeoutMs) =>
      analyzeWithModel(config(kind), ANALYZE_INPUT, {
        fetch: fetchFn,
        ...(signal ? { signal } : {}),
        ...(timeoutMs ? { timeoutMs } : {}),
      }),
    { shown: (r) => [r.markdown] },
    options,
  );
}

const FRAMES: CaptionFrame[] = [0, 1].map((i) => ({
  id: `1:${i + 1}`,
  hash: `h${i}`,
  png: new Uint8Array(encodePng(24 + i, 16, { seed: i })),
}));

function captionsTarget(kind: ProviderConfig["kind"], options: TargetOptions): Promise<AnyTarget> {
  return recorded(
    `captions-${kind}`,
    captionReplies(),
    // One lane: the answers are replayed in the order the requests were made.
    (config, fetchFn, signal, timeoutMs) =>
      captionFrames(
        config(kind),
        FRAMES,
        {},
        { fetch: fetchFn, concurrency: 1, ...(signal ? { signal } : {}), ...(timeoutMs ? { timeoutMs } : {}) },
      ),
    { shown: (r) => Object.values(r.cache).map((c) => c.text) },
    options,
  );
}

const DOCS: FrameDoc[] = ["Sign in to your account", "Checkout: pay now", "Profile settings"].map((text, i) => ({
  id: `2:${i + 1}`,
  name: `Frame ${i + 1}`,
  page: "Page 1",
  texts: [text],
  components: [],
  counts: { buttons: 1, inputs: 0, images: 0, headings: 1, width: 375, height: 812 },
  summary: "screen 375×812",
  hash: `d${i}`,
}));

/** A vector the search can rank by: finite numbers, the same length for all. */
function checkVectors(vectors: readonly (readonly number[])[], count: number): void {
  if (vectors.length !== count) throw new Error(`${vectors.length} vectors for ${count} inputs`);
  const length = vectors[0]?.length ?? 0;
  for (const vector of vectors) {
    if (!Array.isArray(vector) || vector.length === 0 || vector.length !== length)
      throw new Error("vectors of different lengths");
    if (!vector.every((x) => typeof x === "number" && Number.isFinite(x)))
      throw new Error("a vector with a value that is not a finite number");
  }
}

function embedFramesTarget(options: TargetOptions): Promise<AnyTarget> {
  return recorded(
    "embed-frames",
    bagOfWordsEmbeddings,
    async (config, fetchFn, signal, timeoutMs) => {
      const result = await embedFrames(
        config("chat"),
        DOCS,
        {},
        {
          fetch: fetchFn,
          batchSize: 2,
          dimensions: 16,
          ...(signal ? { signal } : {}),
          ...(timeoutMs ? { timeoutMs } : {}),
        },
      );
      checkVectors([...result.vectors.values()], DOCS.length);
      return result;
    },
    {},
    options,
  );
}

function embedQueryTarget(options: TargetOptions): Promise<AnyTarget> {
  return recorded(
    "embed-query",
    bagOfWordsEmbeddings,
    async (config, fetchFn, signal, timeoutMs) => {
      const vector = await embedQuery(config("chat"), "sign in", {
        fetch: fetchFn,
        dimensions: 16,
        ...(signal ? { signal } : {}),
        ...(timeoutMs ? { timeoutMs } : {}),
      });
      checkVectors([vector], 1);
      return vector;
    },
    {},
    options,
  );
}

function connectionTarget(name: string, kind: ProviderConfig["kind"], options: TargetOptions): Promise<AnyTarget> {
  const reply =
    kind === "responses"
      ? modelsJson()
      : openRouterModelsJson([
          ["openai/gpt-5", "0.00000125", "0.00001"],
          ["anthropic/claude", "0.000003", "-1"],
          ["meta/llama", "0", "0"],
        ]);
  return recorded(
    name,
    [reply],
    async (config, fetchFn, signal, timeoutMs) => {
      const result = await testConnection(config(kind), {
        fetch: fetchFn,
        ...(signal ? { signal } : {}),
        ...(timeoutMs ? { timeoutMs } : {}),
      });
      // A failed test is the reader's refusal, said in its message.
      if (!result.ok) throw new ModelError(result.error.kind, result.error.message);
      for (const price of Object.values(result.prices ?? {}))
        if (!Number.isFinite(price.input) || !Number.isFinite(price.output) || price.input < 0 || price.output < 0)
          throw new Error(`a price that is not a finite amount: ${JSON.stringify(price)}`);
      return result;
    },
    {},
    options,
  );
}

const INFER_INPUT: InferInput = {
  texts: [{ layer: "Headline", text: "Bedtime stories your little ones will love" }],
  params: [
    { name: "audience", description: "who the page speaks to" },
    { name: "mood", choices: ["calm", "playful", "loud"] },
  ],
  rows: 2,
};
const INFER_ANSWER = JSON.stringify({
  rows: [
    { audience: "parents of toddlers", mood: "calm" },
    { audience: "young kids", mood: "playful" },
  ],
  notes: "Bedtime, little ones.",
});

function inferTarget(kind: ProviderConfig["kind"], options: TargetOptions): Promise<AnyTarget> {
  return recorded(
    `infer-${kind}`,
    [kind === "responses" ? responsesJson(INFER_ANSWER) : chatJson(INFER_ANSWER)],
    // Replayed without the SDK's retry: its back-off (about half a second a case) would be most of the run.
    (config, fetchFn, signal, timeoutMs) =>
      inferRows(config(kind), INFER_INPUT, {
        fetch: fetchFn,
        ...(signal ? { signal, maxRetries: 0 } : {}),
        ...(timeoutMs ? { timeoutMs } : {}),
      }),
    {
      // The rows are the model's words, shown as its values; the notes are shown as a sentence.
      shown: (r) => [r.notes],
      // "Fill from selection" refuses rows off the parameters with a ParamsError, shown beside the field.
      refusal: (error) => modelRefusal(error) ?? (error instanceof ParamsError ? error.message : undefined),
    },
    options,
  );
}

/** Each target by name, built (recorded) on demand. */
export const TEXT_TARGETS: Readonly<Record<string, (options: TargetOptions) => Promise<AnyTarget>>> = {
  "turn-responses": (o) => turnTarget("responses", false, o),
  "turn-responses-refine": (o) => turnTarget("responses", true, o),
  "turn-chat": (o) => turnTarget("chat", false, o),
  "turn-chat-refine": (o) => turnTarget("chat", true, o),
  "code-responses": (o) => codeTarget("code-responses", "responses", [BROKEN_ANSWER, CODE_ANSWER], o),
  "code-chat": (o) => codeTarget("code-chat", "chat", [BROKEN_ANSWER, CODE_ANSWER], o),
  "code-paths-responses": (o) => codeTarget("code-paths-responses", "responses", [PATHS_ANSWER], o),
  "code-paths-chat": (o) => codeTarget("code-paths-chat", "chat", [PATHS_ANSWER], o),
  "verify-responses": (o) => verifyTarget("responses", o),
  "verify-chat": (o) => verifyTarget("chat", o),
  "analyze-responses": (o) => analyzeTarget("responses", o),
  "analyze-chat": (o) => analyzeTarget("chat", o),
  "captions-responses": (o) => captionsTarget("responses", o),
  "captions-chat": (o) => captionsTarget("chat", o),
  "embed-frames": (o) => embedFramesTarget(o),
  "embed-query": (o) => embedQueryTarget(o),
  "connection-openai": (o) => connectionTarget("connection-openai", "responses", o),
  "connection-openrouter": (o) => connectionTarget("connection-openrouter", "chat", o),
  "infer-responses": (o) => inferTarget("responses", o),
  "infer-chat": (o) => inferTarget("chat", o),
};

/** The named targets (default all), recorded: the suite runs a few hundred cases of each, the bench ten times more. */
export async function textTargets(
  names: readonly string[] = Object.keys(TEXT_TARGETS),
  options: TargetOptions = {},
): Promise<AnyTarget[]> {
  const targets: AnyTarget[] = [];
  for (const name of names) {
    const build = TEXT_TARGETS[name];
    if (!build) throw new Error(`no text fuzz target named ${name}`);
    targets.push(await build(options));
  }
  return targets;
}

/**
 * Cases per target in the suite, each file well under 10 s on two busy cores: a case costs 3–10 ms for most readers,
 * 30–60 ms for the code targets (the project pass and prettier on every answer, twice with the repair round).
 */
export const SUITE_CASES: Readonly<Record<string, number>> = {
  "turn-responses": 150,
  "turn-responses-refine": 150,
  "turn-chat": 150,
  "turn-chat-refine": 150,
  "code-responses": 60,
  "code-chat": 60,
  "code-paths-responses": 60,
  "code-paths-chat": 60,
  "verify-responses": 80,
  "verify-chat": 80,
  "analyze-responses": 200,
  "analyze-chat": 200,
  "captions-responses": 200,
  "captions-chat": 200,
  "embed-frames": 200,
  "embed-query": 200,
  "connection-openai": 300,
  "connection-openrouter": 300,
  "infer-responses": 300,
  "infer-chat": 300,
};

/**
 * The suite's run of one target: seed 38, its SUITE_CASES, a huge value of 256 KB (the bench asks for 16 MB), a 20 ms
 * idle guard.
 */
export async function fuzzTextTarget(name: string): Promise<FuzzReport> {
  const [target] = await textTargets([name], { timeoutMs: 20 });
  return fuzz(target!, { seed: 38, cases: SUITE_CASES[name] ?? 200, hugeBytes: 256_000 });
}
