/**
 * Issue 50's mutations, as the bench's fuzz section runs them (the suite checks each with fixed cases): lists with
 * holes in every engine request that carries one and in panel⇄main messages, strings over their bound, the token
 * count of a million characters without a space, `choices: [null]`, model paths that show as another, and the SSE
 * decoding time of big events (ours against the SDK's decoder). Each case ends in a refusal of the boundary's own
 * kind, or in the result it must give; anything else is a defect: an internal error (another error, a raw JS
 * message), a hang (over its time) or a silent drop (accepted, or passed over, when it must be refused).
 */
import { Stream } from "openai/core/streaming";
import { countTextTokens, loadTokenizer } from "../../ai/estimate/estimate.js";
import { ModelError } from "../../ai/errors/model-error.js";
import { eventsOf } from "../../ai/answer/sse.js";
import { readChatChunk } from "../../ai/answer/stream-events.js";
import { normalisePath } from "../../codegen/project/paths.js";
import { MAX_TEXT_CHARS } from "../../contract/limits.js";
import { MessageError, parseMainMessage, parseUiMessage } from "../../contract/messages.js";
import { DEFAULT_SETTINGS } from "../../contract/settings.js";
import { parseEngineRequest, ProtocolError } from "../../ui/engine/protocol/index.js";
import { rawSign } from "./run-cases.js";

export interface Issue50Report {
  cases: number;
  refusals: number;
  defects: string[];
}

/** A list with its first item a hole (what structured clone carries), or all holes. */
function holed(items: readonly unknown[], all: boolean): unknown[] {
  const list = all ? new Array<unknown>(Math.max(1, items.length)) : [...items, ...items];
  if (!all) delete list[0];
  return list;
}

const exportEntry = { id: "1:2", json: { document: { id: "1:2", type: "FRAME", children: [] } } };
const input = { target: "react", styling: "css-modules", hint: "FRAME 1:1 Page 1440×900" };
/** Engine requests that carry a list, with the list's name. */
const ENGINE_LISTS: [Record<string, unknown>, string][] = [
  [{ kind: "zip-files", files: [{ path: "src/App.tsx", content: "x" }] }, "files"],
  [{ kind: "react-preview", files: [{ path: "src/App.tsx", content: "x" }] }, "files"],
  [{ kind: "hint", exports: [exportEntry] }, "exports"],
  [
    { kind: "generate", exports: [exportEntry], options: { target: "react", styling: "css-modules", nodeIds: false } },
    "exports",
  ],
  [{ kind: "inspect-instance", exports: [exportEntry], nodeId: "1:2" }, "exports"],
  [{ kind: "analyze-findings", exports: [exportEntry] }, "exports"],
  [{ kind: "analyze-prepare", exports: [exportEntry], task: "describe", question: "", model: "gpt-5" }, "exports"],
  [
    {
      kind: "image-prepare",
      settings: DEFAULT_SETTINGS,
      reasonFirst: false,
      request: { prompt: "a kite", size: "auto", quality: "auto", count: 1, partials: 0, references: [] },
      exports: [exportEntry],
    },
    "exports",
  ],
  [
    {
      kind: "ai-round-estimate",
      input,
      answers: ["{}"],
      earlier: [],
      round: { instructions: "Move it", images: [] },
      model: "gpt-5",
    },
    "answers",
  ],
];

/** Strings over their bound, each in the request whose field it is. */
const ENGINE_STRINGS: Record<string, unknown>[] = [
  {
    kind: "ai-round-estimate",
    input,
    answers: [],
    earlier: [],
    round: { instructions: "x".repeat(1_000_001), images: [] },
    model: "gpt-5",
  },
  {
    kind: "ai-round-estimate",
    input,
    answers: [],
    earlier: [],
    round: { instructions: "ok", images: [] },
    model: "m".repeat(1001),
  },
  { kind: "highlight", path: "a.ts", text: "x".repeat(250_001) },
];

/** One case: `run` must throw `refusal` (or return normally when `accepts`); its time is bounded by `maxMs`. */
function check(report: Issue50Report, name: string, run: () => unknown, isRefusal: (e: unknown) => boolean): void {
  report.cases++;
  const started = performance.now();
  try {
    run();
    report.defects.push(`${name}: accepted (a silent drop)`);
  } catch (error) {
    if (!isRefusal(error)) report.defects.push(`${name}: internal error ${String(error).slice(0, 200)}`);
    else {
      report.refusals++;
      const sign = rawSign((error as Error).message);
      if (sign) report.defects.push(`${name}: raw message (${sign})`);
    }
  }
  const ms = performance.now() - started;
  if (ms > 5000) report.defects.push(`${name}: took ${Math.round(ms)} ms (a hang)`);
}

const isProtocol = (e: unknown): boolean => e instanceof ProtocolError;
const isMessage = (e: unknown): boolean => e instanceof MessageError;
const isModel = (e: unknown): boolean => e instanceof ModelError && e.reason === "bad-output";

/** Every issue-50 message, chunk and path mutation; `huge` also sends a string over MAX_TEXT_CHARS. */
export function fuzzIssue50(options: { huge: boolean }): Issue50Report {
  const report: Issue50Report = { cases: 0, refusals: 0, defects: [] };
  for (const [request, list] of ENGINE_LISTS) {
    const whole = { id: "h1", ...request };
    try {
      parseEngineRequest(whole);
    } catch (error) {
      report.defects.push(`${String(request["kind"])}: the whole request refused (${String(error).slice(0, 160)})`);
    }
    for (const all of [false, true]) {
      const items = request[list] as unknown[];
      check(
        report,
        `${String(request["kind"])} ${list} with a hole`,
        () => parseEngineRequest({ ...whole, [list]: structuredClone(holed(items, all)) }),
        isProtocol,
      );
    }
  }
  for (const request of ENGINE_STRINGS)
    check(
      report,
      `${String(request["kind"])} with a string over its bound`,
      () => parseEngineRequest({ id: "s1", ...request }),
      isProtocol,
    );
  const matrix = [
    [1, 0, 0],
    [0, 1, 0],
  ];
  const rowHoled: unknown[][] = [
    [1, 0, 0],
    [0, 1, 0],
  ];
  delete rowHoled[0]![1];
  const source = (toImage: unknown) => ({
    nodeId: "1:2",
    name: "Photo",
    image: new Uint8Array(4),
    width: 10,
    height: 10,
    scaleMode: "FILL",
    layer: { width: 10, height: 10, toImage: matrix },
    shapes: [{ id: "1:3", name: "Mask", toImage, paths: [{ data: "M0 0L1 1Z", windingRule: "NONZERO" }] }],
  });
  check(
    report,
    "mask-source with a holed matrix row",
    () => parseUiMessage({ type: "mask-source", requestId: "r1", source: source(structuredClone(rowHoled)) }),
    isMessage,
  );
  check(
    report,
    "mask-source with a holed matrix",
    () => parseUiMessage({ type: "mask-source", requestId: "r1", source: source(holed(matrix, true)) }),
    isMessage,
  );
  check(
    report,
    "delete-image-versions ids with a hole",
    () => parseMainMessage({ type: "delete-image-versions", requestId: "r1", ids: holed(["a"], false) }),
    isMessage,
  );
  check(
    report,
    "image-placed nodeIds with a hole",
    () => parseUiMessage({ type: "image-placed", requestId: "r1", nodeIds: holed(["1:2"], true) }),
    isMessage,
  );
  if (options.huge)
    check(
      report,
      "a note over MAX_TEXT_CHARS",
      () =>
        parseUiMessage({ type: "image-placed", requestId: "r1", nodeIds: [], note: "x".repeat(MAX_TEXT_CHARS + 1) }),
      isMessage,
    );
  for (const first of [null, 5, "x".repeat(1_000_000), []])
    check(
      report,
      `choices: [${typeof first}]`,
      () => readChatChunk({ choices: [first, { delta: { content: "b" } }] }),
      isModel,
    );
  for (const path of [
    "src/\u202Egnp.tsx",
    "src/a\u2066b.tsx",
    "src/\u200Fa.tsx",
    "src/Ap\u200Bp.tsx",
    "\uFEFFsrc/App.tsx",
    "src/a\u2060.tsx",
    "src/a\u2028b.tsx",
    "src/a\u2029b.tsx",
    "src/a\u0085b.tsx",
    "src/a\u009bb.tsx",
  ])
    check(
      report,
      `path ${JSON.stringify(path)}`,
      () => {
        const checked = normalisePath(path);
        if (!checked.ok) throw new Error(checked.reason);
      },
      (e) => e instanceof Error && /^the path contains U\+[0-9A-F]{4}, /.test(e.message),
    );
  return report;
}

/** ms to count the tokens of a million characters without a space ("x", and random letters). */
export async function estimateTimings(length = 1_000_000): Promise<{
  xMs: number;
  lettersMs: number;
  spacesMs: number;
  /** A tenth of the letters (100,000), the best of three: lettersMs over it is how the time grows with the text. */
  tenthMs: number;
}> {
  await loadTokenizer();
  const timed = (text: string): number => {
    const started = performance.now();
    countTextTokens(text);
    return performance.now() - started;
  };
  // Random letters from a seed: a text of its own each time (the tokenizer keeps what it has counted).
  const lettersOf = (length: number, from: number): string => {
    let seed = from;
    return Array.from({ length }, () => {
      seed = (seed * 16_807) % 2_147_483_647;
      return String.fromCharCode(97 + (seed % 26));
    }).join("");
  };
  // The tenths first, each its own text, so that none is counted from what the million left behind.
  const tenthMs = Math.min(...[51, 52, 53].map((seed) => timed(lettersOf(length / 10, seed))));
  return {
    xMs: timed("x".repeat(length + 1)),
    // The best of two, as the tenths are the best of three: the machine is shared.
    lettersMs: Math.min(timed(lettersOf(length, 50)), timed(lettersOf(length, 54))),
    spacesMs: timed(" ".repeat(length + 1)),
    tenthMs,
  };
}

/** A body in network-sized pieces (64 KB, as undici hands them). */
function pieces(text: string, size = 65_536): Uint8Array[] {
  const bytes = new TextEncoder().encode(text);
  const out: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += size) out.push(bytes.subarray(at, at + size));
  return out;
}

function response(body: Uint8Array[]): Response {
  return new Response(
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (const piece of body) controller.enqueue(piece);
        controller.close();
      },
    }),
  );
}

/** An answer of `events` events of `bytes` bytes of base64 each (a partial image's shape). */
function sseAnswer(events: number, bytes: number): string {
  const b64 = "QUJD".repeat(Math.ceil(bytes / 4)).slice(0, bytes);
  const one =
    "event: image_generation.partial_image\n" +
    `data: {"type":"image_generation.partial_image","b64_json":"${b64}"}\n\n`;
  return one.repeat(events);
}

/** ms to decode an answer with our reader, or the SDK's (`sdk`), and whether every byte came through. */
export async function decodeMs(
  events: number,
  bytes: number,
  sdk: boolean,
): Promise<{ ms: number; cpuMs: number; intact: boolean }> {
  const body = pieces(sseAnswer(events, bytes));
  const started = performance.now();
  const cpu = process.cpuUsage();
  const stream = sdk
    ? Stream.fromSSEResponse<unknown>(response(body), new AbortController())
    : eventsOf(response(body));
  let total = 0;
  for await (const event of stream) total += String((event as { b64_json?: unknown }).b64_json ?? "").length;
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000, intact: total === events * bytes };
}
