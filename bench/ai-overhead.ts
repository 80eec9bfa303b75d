/**
 * The "## model path overhead" section of `npm run bench`: our own cost per model generation, with the
 * OpenAI-wire test server (test/openai-server) answering at once, so the model's thinking and token rate are
 * out of the picture and what is left is ours.
 *
 * 1. Request build: export encoding (the frame's PNG bytes → data URL with `pngDataUrl`), the hint
 *    (`printHint(loadDesign(json).document)` on the login file, JSON already parsed, as the plugin gets it
 *    from exportAsync), the Responses API params (`responsesRequest`) and the estimate (`estimatePrompt`).
 * 2. HTTP + stream + parse: `generateTurn` (client creation, POST, SSE reading with the progress reader,
 *    `parseFilesReply`) against the server answering a streamed Responses reply (`responsesStream`) at once.
 * 3. Post-processing: the project pass (`checkProject`) and prettier (`formatFiles`) on the parsed files, as
 *    `postProcess` runs them, and `postProcess` itself.
 * 4. Total overhead: encoding + hint + estimate, then `generateModelCode` (request params, turn,
 *    post-processing; no repair round — the answer has no blocking problem, checked below), one timed
 *    function. Its ratio to JSON.parse of the answer text is measured in the same run.
 *
 * The answer is a 10-file React project built from real emitter output: the offline pipeline's files for the
 * largest eval file (figmagic) — four screen components with their CSS modules, chosen so that with
 * src/App.tsx and src/App.module.css the files total close to 1,500 lines, plus the shared stylesheets the
 * screens import (the design tokens' src/tokens.css) — streamed in 20-character deltas
 * (~5 tokens at ~4 characters per token); one row repeats the round trip with one token (4 characters) per
 * delta, as the API tends to send them. With a real model most of the stream is read while the model is
 * still writing, so that part overlaps the wait; here, the server being instant, all of it counts.
 *
 * The server (bench/openai-server-worker.ts) runs in a worker thread: its own work per request — the OpenAPI
 * check of the body, framing every SSE event — goes on beside ours, as a remote server's would, and only its
 * latency counts. One row repeats the round trip with the server in the bench's own thread, for comparison.
 *
 * The image: test/fixtures/figma holds one real Figma-rendered PNG, grida-vector-frame.png (500×500); there
 * is no PNG of the login frame. The main table uses that real PNG; the second table repeats the image-bound
 * rows with the login frame's PNG as the Figma simulator exports it at the plugin's scale (same pixel size
 * as Figma's export, but its stored-deflate bytes stand in for a real render's).
 */
import { readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { build } from "esbuild";
import { estimatePrompt, loadTokenizer, pngSize } from "../ai/estimate/estimate.js";
import { generateTurn } from "../ai/code/generate.js";
import { generateModelCode, isBlocking, postProcess } from "../ai/code/pipeline.js";
import { pngDataUrl, responsesRequest, type PromptInput } from "../ai/code/prompt.js";
import { providerConfig, type ProviderConfig } from "../ai/client/providers.js";
import { FILES_SCHEMA, parseFilesReply } from "../ai/code/schema.js";
import { generateCode, loadDesign, printHint, type CodeOptions } from "../codegen/index.js";
import { formatFiles } from "../codegen/format/index.js";
import { checkProject } from "../codegen/project/index.js";
import type { SourceFile } from "../codegen/types.js";
import { DEFAULT_SETTINGS } from "../contract/settings.js";
import { responsesEvents } from "../test/openai-server/replies.js";
import { fixturesDir, type EvalFile } from "./fixtures.js";
import type { FromWorker, InstantServerData, ToWorker } from "./openai-server-worker.js";
import { loginExport } from "./plugin-browser.js";
import { repoRoot } from "./plugin-util.js";
import { round, type BenchResults, type Json } from "./results.js";
import { fmtMs, timeIt, type Timing } from "./timing.js";
import { benchCount, QUICK, warmups } from "./quick.js";

const LOGIN = "figmasharp-login.file.json";
const ANSWER_SOURCE = "figmagic-design-system.file.json";
const REAL_PNG = "grida-vector-frame.png";
/** Our overhead per generation, model wait excluded. */
const TARGET_MS = 100;
/** The answer's size: 10 files, about this many lines. */
const ANSWER_FILES = 10;
const ANSWER_LINES = 1500;
/** Characters per streamed delta: ~5 tokens at ~4 characters per token. */
const CHUNK_CHARS = 20;
/** One token per delta, for the comparison row. */
const TOKEN_CHARS = 4;
const MODEL = DEFAULT_SETTINGS.model;
const REACT: CodeOptions = { target: "react", styling: "css-modules", nodeIds: false };

const int = (n: number) => n.toLocaleString("en-US");
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const summary = (t: Timing) => `${fmtMs(t.medianMs)} ms (${fmtMs(t.minMs)}–${fmtMs(t.maxMs)})`;
const verdict = (ms: number) => (ms <= TARGET_MS ? "met" : "**missed**");

function table(head: string[], rows: string[][]): string {
  const sep = head.map((_, i) => (i === 0 || i === head.length - 1 ? "---" : "---:"));
  return [head, sep, ...rows].map((r) => `| ${r.join(" | ")} |`).join("\n");
}

/** Lines of a file: newline-terminated lines, plus a last line without one. */
export function lineCount(content: string): number {
  if (content === "") return 0;
  const breaks = content.split("\n").length - 1;
  return content.endsWith("\n") ? breaks : breaks + 1;
}

// ---------------------------------------------------------------- the answer

type Screen = { name: string; tsx: string; css: string; shared: SourceFile[] };

/** Screens of the emitter's output that are a real component (≥ 30 lines of TSX) importing only their CSS module. */
function screensOf(files: readonly SourceFile[]): Screen[] {
  const byPath = new Map(files.map((f) => [f.path, f.content]));
  const screens: Screen[] = [];
  for (const f of files) {
    const m = /^src\/screens\/(\w+)\.tsx$/.exec(f.path);
    const css = m ? byPath.get(`src/screens/${m[1]}.module.css`) : undefined;
    if (!m || css === undefined || lineCount(f.content) < 30) continue;
    // Self-contained only: a screen that imports other components would need them in the answer too.
    const imports = [...f.content.matchAll(/^import .* from "([^"]+)";$/gm)].map((i) => i[1]);
    if (imports.some((path) => path !== `./${m[1]}.module.css`)) continue;
    // A page section now, not a page: its root <main> becomes a <section> (App owns the <main>).
    const tsx = f.content.replace(/<main(\s)/, "<section$1").replace(/<\/main>(?![\s\S]*<\/main>)/, "</section>");
    // Side-effect imports of shared stylesheets one folder up (../tokens.css): the same path from src/components.
    const shared = [...f.content.matchAll(/^import "\.\.\/([^"]+\.css)";$/gm)].map((i) => {
      const path = `src/${i[1]}`;
      const content = byPath.get(path);
      if (content === undefined)
        throw new Error(`bench/ai-overhead: ${f.path} imports ${path}, which the output lacks`);
      return { path, content };
    });
    screens.push({ name: m[1]!, tsx, css, shared });
  }
  return screens;
}

function appFiles(names: readonly string[]): SourceFile[] {
  const tsx = [
    'import styles from "./App.module.css";',
    ...names.map((n) => `import { ${n} } from "./components/${n}";`),
    "",
    "export default function App() {",
    "  return (",
    "    <main className={styles.app}>",
    "      <header className={styles.header}>",
    "        <h1 className={styles.title}>Design system</h1>",
    "        <p className={styles.subtitle}>Elements and components, as designed in Figma.</p>",
    "      </header>",
    "      <div className={styles.grid}>",
    ...names.map((n) => `        <${n} />`),
    "      </div>",
    "    </main>",
    "  );",
    "}",
    "",
  ].join("\n");
  const css = [
    ".app {",
    "  display: flex;",
    "  flex-direction: column;",
    "  gap: 48px;",
    "  min-height: 100vh;",
    "  padding: 48px 32px;",
    "  background-color: #ffffff;",
    "  box-sizing: border-box;",
    "}",
    "",
    ".header {",
    "  display: flex;",
    "  flex-direction: column;",
    "  gap: 8px;",
    "}",
    "",
    ".title {",
    '  font-family: "Helvetica Neue", Helvetica, Arial, sans-serif;',
    "  font-size: 32px;",
    "  font-weight: 700;",
    "  line-height: 40px;",
    "  color: #333333;",
    "  margin: 0;",
    "}",
    "",
    ".subtitle {",
    '  font-family: "Helvetica Neue", Helvetica, Arial, sans-serif;',
    "  font-size: 16px;",
    "  line-height: 24px;",
    "  color: #828282;",
    "  margin: 0;",
    "}",
    "",
    ".grid {",
    "  display: grid;",
    "  grid-template-columns: repeat(auto-fill, minmax(360px, 1fr));",
    "  gap: 48px 32px;",
    "  align-items: start;",
    "}",
    "",
  ].join("\n");
  return [
    { path: "src/App.tsx", content: tsx },
    { path: "src/App.module.css", content: css },
  ];
}

function projectFiles(screens: readonly Screen[]): SourceFile[] {
  const shared = new Map(screens.flatMap((s) => s.shared).map((f) => [f.path, f]));
  return [
    ...appFiles(screens.map((s) => s.name)),
    ...shared.values(),
    ...screens.flatMap((s) => [
      { path: `src/components/${s.name}.tsx`, content: s.tsx },
      { path: `src/components/${s.name}.module.css`, content: s.css },
    ]),
  ];
}

const totalLines = (files: readonly SourceFile[]) => files.reduce((sum, f) => sum + lineCount(f.content), 0);

/** The four screens (of the candidates) whose project comes closest to ANSWER_LINES; the first such set wins a tie. */
function pickScreens(candidates: readonly Screen[]): Screen[] {
  const k = (ANSWER_FILES - 2) / 2;
  let best: { screens: Screen[]; diff: number } | undefined;
  const choose = (from: number, chosen: Screen[]): void => {
    if (chosen.length === k) {
      const diff = Math.abs(totalLines(projectFiles(chosen)) - ANSWER_LINES);
      if (!best || diff < best.diff) best = { screens: [...chosen], diff };
      return;
    }
    for (let i = from; i < candidates.length; i++) choose(i + 1, [...chosen, candidates[i]!]);
  };
  choose(0, []);
  if (!best) throw new Error(`bench/ai-overhead: fewer than ${k} screens of ≥ 30 lines in ${ANSWER_SOURCE}`);
  return best.screens;
}

export interface Answer {
  files: SourceFile[];
  notes: string;
  /** The model's reply text: `{ files, notes }` as JSON, keys in the schema's order. */
  text: string;
  lines: number;
  chunks: string[];
  /** Shared stylesheets the screens import (src/tokens.css), beyond the ANSWER_FILES. */
  sharedFiles: number;
}

/** The model's answer, built from the offline emitter's output for `source` (see the module comment). */
export async function buildAnswer(source: EvalFile): Promise<Answer> {
  const generated = await generateCode(loadDesign(JSON.parse(source.text)).document, REACT);
  const screens = pickScreens(screensOf(generated.files));
  const files = projectFiles(screens);
  const notes =
    `Built the page as App with ${screens.length} section components ` +
    `(${screens.map((s) => s.name).join(", ")}), each with its own CSS module. ` +
    "Kept the absolute positioning where the frames are absolute; fonts fall " +
    "back to system fonts when Helvetica Neue or Roboto Mono are missing.";
  // Keys in the schema's order, as strict structured output writes them.
  const text = JSON.stringify(
    Object.fromEntries(FILES_SCHEMA.required.map((key) => [key, key === "files" ? files : notes])),
  );
  const sharedFiles = new Set(screens.flatMap((s) => s.shared.map((f) => f.path))).size;
  return { files, notes, text, lines: totalLines(files), chunks: chunked(text, CHUNK_CHARS), sharedFiles };
}

/** `text` in pieces of `size` characters (the last one shorter). */
function chunked(text: string, size: number): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
  return chunks;
}

// ---------------------------------------------------------------- the server

type ServerModule = typeof import("./openai-server-worker.js");
interface InstantServer {
  url: string;
  /** Requests served and the OpenAPI errors found in their bodies. */
  stats(): Promise<{ requests: number; schemaErrors: string[] }>;
  close(): Promise<void>;
}

/**
 * bench/openai-server-worker.ts bundled (dependencies included) as a data: URL module. The server's validator
 * reads the OpenAPI spec relative to `import.meta.url`, so the bundle is given its real source URL.
 */
async function serverModuleUrl(root: string): Promise<string> {
  const result = await build({
    entryPoints: [join(root, "bench/openai-server-worker.ts")],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    write: false,
    logLevel: "silent",
    define: { "import.meta.url": JSON.stringify(pathToFileURL(join(root, "test/openai-server/validate.ts")).href) },
  });
  return `data:text/javascript;base64,${Buffer.from(result.outputFiles[0]!.contents).toString("base64")}`;
}

/** The server in a worker thread. */
function workerServer(moduleUrl: string, data: Omit<InstantServerData, "figmentBenchServer">): Promise<InstantServer> {
  const worker = new Worker(new URL(moduleUrl), {
    workerData: { figmentBenchServer: true, ...data } satisfies InstantServerData,
  });
  const next = (type: FromWorker["type"]) =>
    new Promise<FromWorker>((resolve, reject) => {
      const onMessage = (message: FromWorker) => {
        if (message.type !== type) return;
        worker.off("message", onMessage);
        worker.off("error", reject);
        resolve(message);
      };
      worker.on("message", onMessage);
      worker.once("error", reject);
    });
  const send = (message: ToWorker) => worker.postMessage(message);
  return next("ready").then((ready) => ({
    url: (ready as FromWorker & { type: "ready" }).url,
    async stats() {
      const reply = next("stats");
      send({ type: "stats" });
      const { requests, schemaErrors } = (await reply) as FromWorker & { type: "stats" };
      return { requests, schemaErrors };
    },
    async close() {
      const closed = next("closed");
      send({ type: "close" });
      await closed;
      await worker.terminate();
    },
  }));
}

/** The same server in this thread. */
async function threadServer(
  moduleUrl: string,
  data: Omit<InstantServerData, "figmentBenchServer">,
): Promise<InstantServer> {
  const mod = (await import(moduleUrl)) as ServerModule;
  const { server, stats } = await mod.startInstantServer(data);
  return { url: server.url, stats: async () => ({ ...stats }), close: () => server.close() };
}

// ---------------------------------------------------------------- the section

interface Image {
  label: string;
  bytes: Uint8Array;
  size: { width: number; height: number };
}

function imageFrom(label: string, bytes: Uint8Array): Image {
  const size = pngSize(bytes);
  if (!size) throw new Error(`bench/ai-overhead: ${label} is not a PNG`);
  return { label, bytes, size };
}

/** The paced run: a wait before each SSE event, so the client has idle time as with a real model. */
const PACED_DELAY_MS = 1;
const PACED_RUNS = benchCount(7);

export async function aiOverheadSection(
  files: readonly EvalFile[],
  runs: number,
  results: BenchResults,
): Promise<void> {
  const loadAtStart = loadavg()[0]!;
  const login = files.find((f) => f.name === LOGIN);
  const source = files.find((f) => f.name === ANSWER_SOURCE);
  if (!login || !source)
    throw new Error(`bench/ai-overhead: ${LOGIN} and ${ANSWER_SOURCE} must be among the eval files`);
  const loginJson = JSON.parse(login.text) as unknown;
  const realPng = imageFrom(
    `${REAL_PNG} (real Figma render)`,
    new Uint8Array(readFileSync(join(fixturesDir(), REAL_PNG))),
  );
  const loginPng = imageFrom(
    "login frame PNG (simulator export)",
    new Uint8Array(Buffer.from((await loginExport(login.text)).pngB64, "base64")),
  );

  await loadTokenizer();
  const answer = await buildAnswer(source);
  if (answer.files.length - answer.sharedFiles !== ANSWER_FILES)
    throw new Error(`bench/ai-overhead: the answer has ${answer.files.length} files, not ${ANSWER_FILES}`);
  const replyData = { chunks: answer.chunks, id: "resp_bench_overhead", model: MODEL };
  const sse = responsesEvents(replyData.chunks, { id: replyData.id, model: replyData.model });
  const deltas = answer.chunks.length;
  const events = sse.length;
  const sseBytes = sse.reduce((sum, e) => sum + `event: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`.length, 0);

  // The answer must be clean: no repair round may run (that would be a second model turn).
  const parsed = parseFilesReply(answer.text);
  const processed = await postProcess(parsed);
  const blocking = processed.problems.filter(isBlocking);
  if (blocking.length > 0)
    throw new Error(`bench/ai-overhead: the answer has blocking problems: ${JSON.stringify(blocking.slice(0, 5))}`);

  const moduleUrl = await serverModuleUrl(repoRoot());
  const servers: InstantServer[] = [];
  try {
    const server = await workerServer(moduleUrl, replyData);
    servers.push(server);
    // The same server on our event loop, for comparison: a full run's only.
    const local = QUICK ? undefined : await threadServer(moduleUrl, replyData);
    if (local) servers.push(local);
    const tokenData = { chunks: chunked(answer.text, TOKEN_CHARS), id: "resp_bench_tokens", model: MODEL };
    // The same answer one token per delta, for comparison: a full run's only (its 8,800 events take a quick run
    // seconds).
    const perToken = QUICK ? undefined : await workerServer(moduleUrl, tokenData);
    if (perToken) servers.push(perToken);
    const tokenEvents = responsesEvents(tokenData.chunks, { id: tokenData.id, model: tokenData.model }).length;
    const configFor = (url: string): ProviderConfig =>
      providerConfig({ ...DEFAULT_SETTINGS, provider: "openai", baseUrl: url }, "sk-bench-overhead");
    const config = configFor(server.url);
    const localConfig = local && configFor(local.url);
    const tokenConfig = perToken && configFor(perToken.url);
    const hint = printHint(loadDesign(loginJson).document);
    const inputFor = (image: Image): PromptInput => ({
      target: "react",
      styling: "css-modules",
      imageDataUrl: pngDataUrl(image.bytes),
      hint,
    });

    /** What the panel does before calling the model for one frame: encode the export, print the hint, estimate. */
    const prepare = (image: Image) => {
      const prompt: PromptInput = {
        target: "react",
        styling: "css-modules",
        imageDataUrl: pngDataUrl(image.bytes),
        hint: printHint(loadDesign(loginJson).document),
      };
      const estimate = estimatePrompt(prompt, image.size, { model: MODEL });
      return { prompt, estimate };
    };
    /** The request build: the above plus the request params (which generateTurn builds itself). */
    const requestBuild = (image: Image) => {
      const { prompt, estimate } = prepare(image);
      return { prompt, estimate, params: responsesRequest(prompt, { model: MODEL, stream: true }) };
    };
    /** The whole path: prepare, then generateModelCode (params, turn, post-processing) against the instant server. */
    const total = async (image: Image) => generateModelCode(config, prepare(image).prompt);

    /**
     * Timed calls to a server. Between stages our thread may be busy for seconds while the server's thread
     * closes the idle keep-alive connection on time (Node's 5 s); the first request after would then go out on
     * the closed socket. A throwaway request first (one retry) leaves the pool with a live connection.
     */
    const refresh = async (url: string): Promise<void> => {
      const ping = () => fetch(`${url}/models`).then((r) => r.arrayBuffer());
      await ping().catch(ping);
    };
    const timeServer = async (url: string, label: string, fn: () => unknown): Promise<Timing> => {
      await refresh(url);
      return timeIt(label, fn, runs);
    };

    const measure = async (image: Image) => {
      const input = inputFor(image);
      const body = JSON.stringify(responsesRequest(input, { model: MODEL, stream: true }));
      const encode = await timeIt("export encoding", () => pngDataUrl(image.bytes), runs);
      const built = await timeIt("request build", () => requestBuild(image), runs);
      const turn = await timeServer(server.url, "HTTP + stream + parse", () => generateTurn(config, input));
      const turnLocal =
        local &&
        localConfig &&
        (await timeServer(local.url, "HTTP + stream + parse, server in this thread", () =>
          generateTurn(localConfig, input),
        ));
      const whole = await timeServer(server.url, "total", () => total(image));
      return { input, body, encode, built, turn, turnLocal, whole };
    };

    const main = await measure(realPng);
    const turnTokens =
      perToken &&
      tokenConfig &&
      (await timeServer(perToken.url, "HTTP + stream + parse, one token per delta", () =>
        generateTurn(tokenConfig, main.input),
      ));
    const hintT = await timeIt("hint", () => printHint(loadDesign(loginJson).document), runs);
    const paramsT = await timeIt("params", () => responsesRequest(main.input, { model: MODEL, stream: true }), runs);
    const estimateT = await timeIt("estimate", () => estimatePrompt(main.input, realPng.size, { model: MODEL }), runs);
    const checked = checkProject(parsed.files);
    const project = await timeIt("project pass", () => checkProject(parsed.files), runs);
    const prettier = await timeIt("prettier", () => formatFiles(checked.files, "model"), runs);
    const post = await timeIt("postProcess", () => postProcess(parsed), runs);
    const modelCode = await timeServer(server.url, "generateModelCode", () => generateModelCode(config, main.input));
    const jsonParse = await timeIt("JSON.parse", () => JSON.parse(answer.text), runs);
    // The login frame's PNG, a second image: a full run's only.
    const sized = QUICK ? undefined : await measure(loginPng);

    // At a model's pace files are formatted as they complete (ai/code/pipeline.ts Preformatter), so what is left
    // after the last token is the project pass and the files it changed. The server waits PACED_DELAY_MS
    // before each event; we time from the last streamed event to the result.
    // Quick: ten times fewer, longer deltas (at this pace each event costs both threads a few ms).
    const pacedChunks = QUICK ? chunked(answer.text, 10 * CHUNK_CHARS) : replyData.chunks;
    const paced = await workerServer(moduleUrl, {
      ...replyData,
      chunks: pacedChunks,
      id: "resp_bench_paced",
      delayMs: PACED_DELAY_MS,
    });
    servers.push(paced);
    const pacedConfig = configFor(paced.url);
    await refresh(paced.url);
    const afterLast: number[] = [];
    let pacedStream = 0;
    const pacedWarmup = warmups(1);
    for (let i = 0; i < pacedWarmup + PACED_RUNS; i++) {
      let last = 0;
      const started = performance.now();
      await generateModelCode(pacedConfig, main.input, { onProgress: () => (last = performance.now()) });
      const end = performance.now();
      if (i < pacedWarmup) continue; // warm-up
      afterLast.push(end - last);
      pacedStream += (last - started) / PACED_RUNS;
    }
    afterLast.sort((a, b) => a - b);
    const afterLastTiming: Timing = {
      label: "after the last token",
      medianMs: afterLast[Math.floor(afterLast.length / 2)]!,
      minMs: afterLast[0]!,
      maxMs: afterLast.at(-1)!,
      samples: afterLast,
      runs: PACED_RUNS,
      warmup: pacedWarmup,
    };

    // What the timed runs did: requests valid against the OpenAPI spec, no repair round, clean files.
    await refresh(server.url);
    const result = await generateModelCode(config, main.input);
    if (result.repair !== "none" || result.attempts.length !== 1)
      throw new Error(`bench/ai-overhead: a repair round ran (${result.repair})`);
    if (result.files.length !== answer.files.length || result.problems.some(isBlocking))
      throw new Error(
        `bench/ai-overhead: generateModelCode returned ${result.files.length} ` +
          `files, ${result.problems.filter(isBlocking).length} blocking problems`,
      );
    const served = await Promise.all(servers.map((s) => s.stats()));
    const schemaErrors = served.flatMap((s) => s.schemaErrors);
    if (schemaErrors.length > 0)
      throw new Error(`bench/ai-overhead: requests failed the OpenAPI check: ${schemaErrors.slice(0, 3).join("; ")}`);
    const requests = served.reduce((sum, s) => sum + s.requests, 0);
    const problems =
      result.problems.length === 0 ? "none" : result.problems.map((p) => `${p.severity} ${p.code}`).join(", ");

    const chars = answer.text.length;
    const components = answer.files
      .filter((f) => f.path.startsWith("src/components/") && f.path.endsWith(".tsx"))
      .map((f) => f.path.slice("src/components/".length, -".tsx".length));
    const timed = (t: Timing, target?: number): Json => ({
      medianMs: round(t.medianMs),
      minMs: round(t.minMs),
      maxMs: round(t.maxMs),
      n: t.runs,
      ...(target === undefined ? {} : { targetMs: target, met: t.medianMs <= target }),
    });
    const put = (path: string[], value: Json) => results.set("ai", path, value);
    put(["answer"], {
      files: answer.files.length,
      lines: answer.lines,
      jsonChars: chars,
      deltas,
      sseEvents: events,
      sseBytes,
      deltaChars: CHUNK_CHARS,
      requests,
      repair: result.repair,
      problems: result.problems.length,
    });
    put(["loadAverage1m"], { start: round(loadAtStart), end: round(loadavg()[0]!) });
    for (const [key, t, target] of [
      ["requestBuild", main.built],
      ["exportEncoding", main.encode],
      ["hint", hintT],
      ["requestParams", paramsT],
      ["estimate", estimateT],
      ["httpStreamParse", main.turn],
      ...(main.turnLocal ? [["httpStreamParseServerInThread", main.turnLocal]] : []),
      ...(turnTokens ? [["httpStreamParseOneTokenPerDelta", turnTokens]] : []),
      ["projectPass", project],
      ["prettier", prettier],
      ["postProcess", post],
      ["generateModelCode", modelCode],
      ["totalOverhead", main.whole, TARGET_MS],
      ["afterLastTokenAtModelPace", afterLastTiming, TARGET_MS],
    ] as [string, Timing, number?][]) {
      put(["realPng", key], timed(t, target));
    }
    put(["realPng", "image"], {
      label: realPng.label,
      width: realPng.size.width,
      height: realPng.size.height,
      bytes: realPng.bytes.length,
      requestBodyBytes: main.body.length,
    });
    put(["realPng", "totalOverJsonParse"], round(main.whole.medianMs / jsonParse.medianMs));
    put(["realPng", "jsonParseOfAnswer"], timed(jsonParse));
    put(["realPng", "pacedStreamMs"], round(pacedStream));
    if (sized) {
      for (const [key, t, target] of [
        ["requestBuild", sized.built],
        ["exportEncoding", sized.encode],
        ["httpStreamParse", sized.turn],
        ...(sized.turnLocal ? [["httpStreamParseServerInThread", sized.turnLocal]] : []),
        ["totalOverhead", sized.whole, TARGET_MS],
      ] as [string, Timing, number?][]) {
        put(["loginPng", key], timed(t, target));
      }
      put(["loginPng", "image"], {
        label: loginPng.label,
        width: loginPng.size.width,
        height: loginPng.size.height,
        bytes: loginPng.bytes.length,
        requestBodyBytes: sized.body.length,
      });
      put(["loginPng", "totalOverJsonParse"], round(sized.whole.medianMs / jsonParse.medianMs));
    }
    results.print(`\n## model path overhead\n`);
    results.print(
      `Our work per generation, with the OpenAI-wire test server (127.0.0.1, ` +
        `in a worker thread) answering a streamed Responses API reply at once. ` +
        `Median ms (min–max) of ${runs} runs after warm-up, warm; 1-minute load average ` +
        `${loadAtStart.toFixed(2)} at the start, ${loadavg()[0]!.toFixed(2)} at the end, ${cpus().length} CPUs. ` +
        `Answer: ${answer.files.length} files, ${int(answer.lines)} lines, ${int(chars)} characters of JSON ` +
        `(${int(answer.files.reduce((sum, f) => sum + f.content.length, 0))} of ` +
        `file content), from the offline emitter's output for ${ANSWER_SOURCE}: ` +
        `src/App.tsx + App.module.css and ${components.length} of its screens ` +
        `as components with their CSS modules (${components.join(", ")}); ` +
        `streamed as ${int(deltas)} deltas of ${CHUNK_CHARS} characters ` +
        `= ${int(events)} SSE events (${kb(sseBytes)} of SSE). ` +
        `Hint: ${LOGIN}, ${int(hint.length)} characters. Image: ` +
        `${realPng.label}, ${realPng.size.width}×${realPng.size.height}, ` +
        `${kb(realPng.bytes.length)}; request body ${kb(main.body.length)}. ` +
        `After post-processing: problems ${problems}, repair round ${result.repair}; ` +
        `${int(requests)} requests served, all valid against the OpenAPI spec.\n`,
    );
    const sum = (...t: Timing[]) => t.reduce((acc, x) => acc + x.medianMs, 0);
    const head = ["stage", "median (min–max)", `target: total ≤ ${TARGET_MS} ms`, "what"];
    results.print(
      table(head, [
        [
          "request build",
          summary(main.built),
          "",
          `export encoding + hint + request params + estimate, one run; the four parts below, each timed ` +
            `alone on a reused input, sum to ${fmtMs(sum(main.encode, hintT, paramsT, estimateT))} ms`,
        ],
        [
          "… export encoding",
          summary(main.encode),
          "",
          `pngDataUrl (String.fromCharCode over 32 KB slices, then btoa; Node's here, the panel's browser ` +
            `in use): ${kb(realPng.bytes.length)} of PNG → ${kb(main.input.imageDataUrl!.length)} data URL`,
        ],
        ["… hint", summary(hintT), "", `printHint(loadDesign(json).document), ${LOGIN}`],
        ["… request params", summary(paramsT), "", "responsesRequest, streamed"],
        [
          "… estimate",
          summary(estimateT),
          "",
          "estimatePrompt: o200k_base count of instructions, hint and schema; image tiles",
        ],
        [
          "HTTP + stream + parse",
          summary(main.turn),
          "",
          `generateTurn: client, POST of ${kb(main.body.length)}, ${int(events)} ` +
            `SSE events read with the progress reader, parseFilesReply`,
        ],
        ...(main.turnLocal
          ? [
              [
                "… server in this thread instead",
                summary(main.turnLocal),
                "",
                "the same with the test server's work (OpenAPI check of the body, SSE framing) on our event loop",
              ],
            ]
          : []),
        ...(turnTokens
          ? [
              [
                "… one token per delta instead",
                summary(turnTokens),
                "",
                `the same answer in ${TOKEN_CHARS}-character deltas: ${int(tokenEvents)} SSE events`,
              ],
            ]
          : []),
        ["project pass", summary(project), "", `checkProject on the ${answer.files.length} parsed files`],
        ["prettier", summary(prettier), "", "formatFiles on the project pass's files"],
        ["… postProcess", summary(post), "", "project pass + prettier, as ai/code/pipeline.ts runs them"],
        [
          "generateModelCode",
          summary(modelCode),
          "",
          `request params + turn + postProcess, no repair round (its own timings in the check run: ` +
            `model ${fmtMs(result.timings.modelMs)} ms, post ${fmtMs(result.timings.postMs)} ms)`,
        ],
        [
          "**total overhead**",
          `**${summary(main.whole)}**`,
          verdict(main.whole.medianMs),
          `encoding + hint + estimate + generateModelCode, one run; ` +
            `**${(main.whole.medianMs / jsonParse.medianMs).toFixed(1)}× JSON.parse** ` +
            `of the answer text (${fmtMs(jsonParse.medianMs)} ms, same run)`,
        ],
        [
          "after the last token, at a model's pace",
          summary(afterLastTiming),
          verdict(afterLastTiming.medianMs),
          `the same answer with ${PACED_DELAY_MS} ms before each SSE event (stream ≈ ${fmtMs(pacedStream)} ` +
            `ms), ${PACED_RUNS} runs: last streamed event → files; formatting ran while the answer streamed`,
        ],
      ]),
    );
    if (sized) {
      results.print(
        `\n` +
          `The same with the login frame's PNG as the plugin would export it: ` +
          `${loginPng.size.width}×${loginPng.size.height} (its scale for a 2,048 px limit), ` +
          `${kb(loginPng.bytes.length)} from the Figma simulator's stored-deflate encoder ` +
          `(a real render's bytes differ); request body ${kb(sized.body.length)}.\n`,
      );
      results.print(
        table(head, [
          ["request build", summary(sized.built), "", "export encoding + hint + request params + estimate, one run"],
          [
            "… export encoding",
            summary(sized.encode),
            "",
            `pngDataUrl: ${kb(loginPng.bytes.length)} → ${kb(sized.input.imageDataUrl!.length)} data URL`,
          ],
          ["HTTP + stream + parse", summary(sized.turn), "", "generateTurn, as above"],
          ...(sized.turnLocal ? [["… server in this thread instead", summary(sized.turnLocal), "", "as above"]] : []),
          [
            "**total overhead**",
            `**${summary(sized.whole)}**`,
            verdict(sized.whole.medianMs),
            `encoding + hint + estimate + generateModelCode, one run; ` +
              `${(sized.whole.medianMs / jsonParse.medianMs).toFixed(1)}× JSON.parse of the answer text`,
          ],
        ]),
      );
    }
  } finally {
    for (const s of servers) await s.close();
  }
}
