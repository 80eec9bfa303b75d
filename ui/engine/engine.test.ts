import { gzipSync } from "node:zlib";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Cancelled } from "../../kernel/cancelled.js";
import { isRequestTimeout } from "../../contract/requests.js";
import type { CodePart } from "../../contract/messages.js";
import type { ComponentMap } from "../../codegen/components-map/model.js";
import { DEFAULT_SETTINGS } from "../../contract/settings.js";
import type { BodyOf, EngineRequest } from "./protocol/index.js";
import { BOOT_TIMEOUT_MS } from "./worker-slot.js";
import type { Bridge } from "../channel/bridge.js";
import { BridgeRequests } from "../channel/requests.js";
import { Engine, ModelFailure, requestWorkerSource, type WorkerLike } from "./engine.js";
import { decodeWorkerScript } from "./source.js";
import { nextTask } from "../../test/helpers/next-task.js";

/** A fake worker: answers pings at once, other requests when the test says so. */
class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<unknown>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent<unknown>) => void) | null = null;
  readonly received: EngineRequest[] = [];
  terminated = false;

  postMessage(message: EngineRequest): void {
    this.received.push(message);
    if (message.kind === "ping") queueMicrotask(() => this.reply({ id: message.id, ok: true, kind: "pong" }));
  }
  terminate(): void {
    this.terminated = true;
  }
  reply(data: unknown): void {
    this.onmessage?.({ data } as MessageEvent<unknown>);
  }
  crash(message: string): void {
    this.onerror?.({ message, preventDefault: () => undefined } as ErrorEvent);
  }
  last(kind: EngineRequest["kind"]): EngineRequest {
    const found = [...this.received].reverse().find((r) => r.kind === kind);
    if (!found) throw new Error(`no ${kind} request`);
    return found;
  }
}

const options = { target: "react", styling: "css-modules", nodeIds: false } as const;
/** With the team's components mapped: generateCode then runs ts-morph, so `generate` needs the code-check part too. */
const mapped = {
  ...options,
  components: { components: [{ figma: { key: "k" } } as unknown as ComponentMap["components"][number]] },
};
const exports = [{ id: "1:2", json: { document: { id: "1:2", type: "FRAME" } } }];

function makeHost() {
  const workers: FakeWorker[] = [];
  const unpack = vi.fn(async () => ({ url: "blob:worker", decodeMs: 5 }));
  let clock = 0;
  const host = new Engine({
    unpack,
    createWorker: () => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker;
    },
    now: () => (clock += 10),
  });
  return { host, workers, unpack };
}

describe("Engine", () => {
  afterEach(() => vi.restoreAllMocks());

  it("starts nothing until the first request", async () => {
    const { host, workers, unpack } = makeHost();
    await nextTask();
    expect(unpack).not.toHaveBeenCalled();
    expect(workers).toHaveLength(0);
    expect(host.currentStatus).toBe("idle");
  });

  it("matches replies to requests by id and measures the cold start", async () => {
    const { host, workers } = makeHost();
    const first = host.call("generate", { exports, options });
    const second = host.call("hint", { exports });
    await nextTask();
    const worker = workers[0]!;
    const gen = worker.last("generate");
    const hint = worker.last("hint");
    // Replies in the other order still reach the right promise.
    worker.reply({ id: hint.id, ok: true, kind: "hint", hint: "frame 1:2" });
    worker.reply({
      id: gen.id,
      ok: true,
      kind: "generate",
      result: { files: [{ path: "a.tsx", content: "x" }], problems: [] },
      ms: 12,
    });
    await expect(second).resolves.toEqual({ hint: "frame 1:2" });
    await expect(first).resolves.toEqual({
      result: { files: [{ path: "a.tsx", content: "x" }], problems: [] },
      ms: 12,
    });
    expect(host.stats.starts).toBe(1);
    expect(host.stats.coldStartMs).toBeGreaterThan(0);
    expect(host.stats.decodeMs).toBe(5);
    expect(host.currentStatus).toBe("ready");
  });

  it("counts the time a bootstrapped worker spent unpacking itself as decoding, not booting", async () => {
    let clock = 0;
    const worker = new FakeWorker();
    worker.postMessage = (message: EngineRequest) => {
      worker.received.push(message);
      // The clock moves 100 ms while the worker starts; it says 60 of them went to unpacking.
      if (message.kind === "ping")
        queueMicrotask(() => ((clock += 100), worker.reply({ id: message.id, ok: true, kind: "pong", decodeMs: 60 })));
    };
    const host = new Engine({
      unpack: async () => ({ url: "blob:boot", decodeMs: 0 }),
      createWorker: () => worker,
      now: () => clock,
    });
    await host.warmUp();
    expect(host.stats).toMatchObject({ starts: 1, decodeMs: 60, bootMs: 40, coldStartMs: 100 });
  });

  it("warmUp starts the worker once, and the first request then finds it ready", async () => {
    const { host, workers, unpack } = makeHost();
    await Promise.all([host.warmUp(), host.warmUp()]);
    expect(host.currentStatus).toBe("ready");
    const hint = host.call("hint", { exports });
    await nextTask();
    workers[0]!.reply({ id: workers[0]!.last("hint").id, ok: true, kind: "hint", hint: "h" });
    await expect(hint).resolves.toEqual({ hint: "h" });
    expect(workers).toHaveLength(1);
    expect(unpack).toHaveBeenCalledTimes(1);
    expect(workers[0]!.received.filter((r) => r.kind === "ping")).toHaveLength(1);
  });

  it("turns an error reply into an input FigmentError", async () => {
    const { host, workers } = makeHost();
    const request = host.call("generate", { exports, options });
    await nextTask();
    const worker = workers[0]!;
    worker.reply({ id: worker.last("generate").id, ok: false, failure: { kind: "input", message: "not Figma JSON" } });
    await expect(request).rejects.toMatchObject({ name: "FigmentError", kind: "input", message: "not Figma JSON" });
  });

  it("rejects every pending request when the worker crashes, and starts a fresh one next time", async () => {
    const { host, workers, unpack } = makeHost();
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const a = host.call("generate", { exports, options });
    const b = host.call("hint", { exports });
    await nextTask();
    workers[0]!.crash("out of memory");
    await expect(a).rejects.toMatchObject({ name: "FigmentError", kind: "crashed" });
    await expect(b).rejects.toThrow(/stopped unexpectedly \(out of memory\)/);
    expect(workers[0]!.terminated).toBe(true);
    expect(host.currentStatus).toBe("crashed");

    const c = host.call("hint", { exports });
    await nextTask();
    expect(workers).toHaveLength(2);
    workers[1]!.reply({ id: workers[1]!.last("hint").id, ok: true, kind: "hint", hint: "ok" });
    await expect(c).resolves.toEqual({ hint: "ok" });
    // The script is unpacked once; only the worker is new.
    expect(unpack).toHaveBeenCalledTimes(1);
    expect(host.stats.starts).toBe(2);
  });

  it("ignores late messages from a crashed worker", async () => {
    const { host, workers } = makeHost();
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const a = host.call("generate", { exports, options });
    await nextTask();
    const old = workers[0]!;
    const id = old.last("generate").id;
    old.crash("boom");
    await expect(a).rejects.toMatchObject({ name: "FigmentError", kind: "crashed" });
    const b = host.call("generate", { exports, options });
    await nextTask();
    old.reply({ id, ok: true, kind: "generate", result: { files: [], problems: [] }, ms: 1 });
    const fresh = workers[1]!;
    fresh.reply({
      id: fresh.last("generate").id,
      ok: true,
      kind: "generate",
      result: { files: [{ path: "b", content: "" }], problems: [] },
      ms: 2,
    });
    await expect(b).resolves.toMatchObject({ ms: 2 });
  });

  it("cancel terminates the worker and rejects with Cancelled", async () => {
    const { host, workers } = makeHost();
    const a = host.call("generate", { exports, options });
    await nextTask();
    host.cancel();
    await expect(a).rejects.toBeInstanceOf(Cancelled);
    expect(workers[0]!.terminated).toBe(true);
    const b = host.call("hint", { exports });
    await nextTask();
    expect(workers).toHaveLength(2);
    workers[1]!.reply({ id: workers[1]!.last("hint").id, ok: true, kind: "hint", hint: "again" });
    await expect(b).resolves.toEqual({ hint: "again" });
  });

  it("a worker that fails to load rejects with a clear message, and the next request tries again", async () => {
    const unpack = vi
      .fn()
      .mockRejectedValueOnce(new Error("the worker payload is missing"))
      .mockResolvedValue({ url: "blob:x", decodeMs: 1 });
    const workers: FakeWorker[] = [];
    const host = new Engine({
      unpack,
      createWorker: () => (workers.push(new FakeWorker()), workers[workers.length - 1]!),
      now: () => 0,
    });
    await expect(host.call("hint", { exports })).rejects.toThrow(/could not be loaded: the worker payload is missing/);
    const again = host.call("hint", { exports });
    await nextTask();
    workers[0]!.reply({ id: workers[0]!.last("hint").id, ok: true, kind: "hint", hint: "h" });
    await expect(again).resolves.toEqual({ hint: "h" });
  });
});

describe("Engine boundary cases", () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it(
    "a worker that never answers its ping counts as crashed " +
      "after 30 s: the request rejects, the next one starts afresh",
    async () => {
      vi.useFakeTimers();
      const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
      const silent = new FakeWorker();
      silent.postMessage = (message: EngineRequest) => void silent.received.push(message);
      const workers: FakeWorker[] = [silent];
      const host = new Engine({
        unpack: async () => ({ url: "blob:x", decodeMs: 0 }),
        createWorker: () => workers.shift() ?? new FakeWorker(),
        now: () => 0,
      });
      const failed = host.call("hint", { exports }).catch((e: unknown) => e);
      await vi.advanceTimersByTimeAsync(BOOT_TIMEOUT_MS + 1);
      expect(isRequestTimeout(await failed)).toBe(true);
      expect(logged).toHaveBeenCalledWith(expect.stringContaining("did not start within 30 s"));
      expect(silent.terminated).toBe(true);
      expect(host.currentStatus).toBe("crashed");
      await host.warmUp();
      expect(host.currentStatus).toBe("ready");
    },
  );

  it("a reply of another kind fails its request as an internal FigmentError", async () => {
    const { host, workers } = makeHost();
    const request = host.call("hint", { exports });
    await nextTask();
    workers[0]!.reply({
      id: workers[0]!.last("hint").id,
      ok: true,
      kind: "generate",
      result: { files: [], problems: [] },
      ms: 1,
    });
    await expect(request).rejects.toMatchObject({
      name: "FigmentError",
      kind: "internal",
      message: `the code generator answered "generate" to hint`,
    });
  });

  it("passes on only the events the kind may stream", async () => {
    const { host, workers } = makeHost();
    const texts: string[] = [];
    const input = { frames: [], findings: [] } as unknown as BodyOf<"analyze-model">["input"];
    const pending = host.call(
      "analyze-model",
      { settings: DEFAULT_SETTINGS, apiKey: "sk-x", input, timeoutMs: 1000 },
      { onEvent: (event) => texts.push(event.delta) },
    );
    await nextTask();
    const sent = workers[0]!.last("analyze-model");
    workers[0]!.reply({ id: sent.id, event: { type: "stage", stage: "checking" } });
    workers[0]!.reply({ id: sent.id, event: { type: "analyze-text", delta: "Hello" } });
    workers[0]!.reply({ id: sent.id, ok: true, kind: "analyze-model", markdown: "Hello", model: "m", cut: false });
    await expect(pending).resolves.toEqual({ markdown: "Hello", model: "m", cut: false });
    expect(texts).toEqual(["Hello"]);
  });

  it("a signal already aborted rejects as Cancelled without sending the request", async () => {
    const { host, workers } = makeHost();
    const controller = new AbortController();
    controller.abort();
    const error = await host
      .call(
        "infer-rows",
        {
          settings: DEFAULT_SETTINGS,
          apiKey: "sk-x",
          input: { texts: [], params: [{ name: "a" }], rows: 1 },
          timeoutMs: 1000,
        },
        { signal: controller.signal },
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Cancelled);
    expect(workers[0]!.received.map((r) => r.kind)).toEqual(["ping"]);
  });
});

describe("decodeWorkerScript", () => {
  it("base64-decodes and gunzips the inlined worker", async () => {
    const source = "self.onmessage = () => postMessage('ok'); // ünïcode";
    const packed = gzipSync(Buffer.from(source, "utf8")).toString("base64");
    await expect(decodeWorkerScript(packed)).resolves.toBe(source);
  });

  it("refuses an empty script", async () => {
    await expect(decodeWorkerScript("")).rejects.toThrow(/missing/);
  });
});

describe("requestWorkerSource", () => {
  function channel() {
    const sent: { type: string; payload: Record<string, unknown> }[] = [];
    const handlers = new Map<string, Set<(message: unknown) => void>>();
    const bridge = {
      send: (type: string, payload: Record<string, unknown>) => void sent.push({ type, payload }),
      on: (type: string, handler: (message: unknown) => void) => {
        const set = handlers.get(type) ?? new Set();
        handlers.set(type, set.add(handler));
        return () => set.delete(handler);
      },
      onInvalid: () => () => undefined,
    } as unknown as Bridge;
    const deliver = (message: { type: string } & Record<string, unknown>) =>
      handlers.get(message.type)?.forEach((h) => h(message));
    return { requests: new BridgeRequests(bridge), sent, deliver };
  }

  it("asks the main thread once and resolves with the payload sent for that request", async () => {
    const { requests, sent, deliver } = channel();
    const info = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const pending = requestWorkerSource(requests, 1000);
    expect(sent.map((m) => m.type)).toEqual(["get-worker-source"]);
    const requestId = sent[0]!.payload["requestId"] as string;
    deliver({ type: "worker-source", requestId: "someone-else", data: "nope" });
    deliver({ type: "worker-source", requestId, data: "H4sIpayload" });
    await expect(pending).resolves.toBe("H4sIpayload");
    expect(info).toHaveBeenCalledWith(expect.stringContaining("unknown request someone-else"));
  });

  it("asks for the tokenizer by part", () => {
    const { requests, sent } = channel();
    void requestWorkerSource(requests, 1000, "tokenizer").catch(() => undefined);
    expect(sent[0]!.payload).toMatchObject({ part: "tokenizer" });
  });

  it("rejects at once with the main thread's error for that request", async () => {
    const { requests, sent, deliver } = channel();
    const pending = requestWorkerSource(requests, 60_000);
    deliver({
      type: "error",
      requestId: sent[0]!.payload["requestId"],
      kind: "internal",
      reason: "internal",
      message: "This build of Figment has no code generator",
    });
    await expect(pending).rejects.toThrow(/no code generator/);
  });

  it("gives up with a clear message when the main thread never answers", async () => {
    const { requests } = channel();
    await expect(requestWorkerSource(requests, 20)).rejects.toThrow(/did not send the code generator in time/);
  });
});

describe("Engine model requests", () => {
  const request = {
    settings: {
      provider: "openai",
      baseUrl: "",
      model: "m",
      target: "react",
      styling: "css-modules",
      maxImageSize: 2048,
      nodeIds: false,
      timeoutSec: 60,
      followSelection: false,
      codeSections: true,
      embeddingModel: "text-embedding-3-small",
      embeddingDimensions: 256,
      captionModel: "",
      batchApiThreshold: 20,
      imageSource: "hosted",
      sdBaseUrl: "http://127.0.0.1:7860",
      sdModel: "",
      sdSampler: "",
    } as const,
    apiKey: "sk-x",
    input: { target: "react", styling: "css-modules", hint: "h" } as const,
    timeoutMs: 60_000,
  };

  it("passes streamed events to the caller and resolves with the result", async () => {
    const { host, workers } = makeHost();
    const events: unknown[] = [];
    const pending = host.call("ai-generate", request, { onEvent: (event) => events.push(event) });
    await nextTask();
    const worker = workers[0]!;
    const sent = worker.last("ai-generate");
    worker.reply({ id: sent.id, event: { type: "progress", event: { type: "notes", text: "plan", done: false } } });
    worker.reply({ id: sent.id, event: { type: "stage", stage: "checking" } });
    worker.reply({ id: "w999", event: { type: "stage", stage: "repairing" } }); // someone else's: ignored
    const result = {
      files: [],
      problems: [],
      notes: "plan",
      conversation: { kind: "responses", previousResponseId: "r1" },
      attempts: [],
      kept: 0,
      repair: "none",
      timings: { modelMs: 1, postMs: 1 },
    };
    worker.reply({ id: sent.id, ok: true, kind: "ai-generate", result });
    await expect(pending).resolves.toEqual({ result });
    expect(events).toEqual([
      { type: "progress", event: { type: "notes", text: "plan", done: false } },
      { type: "stage", stage: "checking" },
    ]);
  });

  it("an abort asks the worker to stop the request and keeps the worker", async () => {
    const { host, workers } = makeHost();
    const controller = new AbortController();
    const events: unknown[] = [];
    const pending = host.call("ai-generate", request, {
      signal: controller.signal,
      onEvent: (event) => void events.push(event),
    });
    await nextTask();
    const worker = workers[0]!;
    const sent = worker.last("ai-generate");
    controller.abort();
    const abort = worker.last("abort");
    expect(abort).toMatchObject({ kind: "abort", target: sent.id });
    worker.reply({ id: abort.id, ok: true, kind: "aborted" });
    // What the job made before it stopped still reaches the caller; its "aborted" failure is the one Cancelled.
    worker.reply({ id: sent.id, event: { type: "stage", stage: "checking" } });
    worker.reply({
      id: sent.id,
      ok: false,
      failure: { kind: "cancelled", message: "Cancelled." },
    });
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Cancelled);
    expect(events).toEqual([{ type: "stage", stage: "checking" }]);
    expect(worker.terminated).toBe(false);
  });

  it("a model error arrives as a ModelFailure with its kind, status and retry-after", async () => {
    const { host, workers } = makeHost();
    const pending = host.call("ai-generate", request);
    await nextTask();
    const worker = workers[0]!;
    const sent = worker.last("ai-generate");
    worker.reply({
      id: sent.id,
      ok: false,
      failure: {
        kind: "limit",
        reason: "rate-limited",
        message: "slow down",
        data: { status: 429, retryAfterMs: 3000 },
      },
    });
    const error = (await pending.catch((e: unknown) => e)) as ModelFailure;
    expect(error).toBeInstanceOf(ModelFailure);
    expect(error.model).toEqual({ kind: "rate-limited", status: 429, retryAfterMs: 3000 });
  });
});

describe("Engine connection test", () => {
  const settings = {
    provider: "openrouter",
    baseUrl: "",
    model: "m",
    target: "react",
    styling: "css-modules",
    maxImageSize: 2048,
    nodeIds: false,
    timeoutSec: 60,
    followSelection: false,
    codeSections: true,
    embeddingModel: "text-embedding-3-small",
    embeddingDimensions: 256,
    captionModel: "",
    batchApiThreshold: 20,
    imageSource: "hosted",
    sdBaseUrl: "http://127.0.0.1:7860",
    sdModel: "",
    sdSampler: "",
  } as const;

  it("sends settings, key and timeout to the worker and resolves with the count and the listing's prices", async () => {
    const { host, workers } = makeHost();
    const pending = host.call("test-connection", { settings, apiKey: "sk-or-x", timeoutMs: 10_000 });
    await nextTask();
    const worker = workers[0]!;
    const sent = worker.last("test-connection");
    expect(sent).toMatchObject({ settings, apiKey: "sk-or-x", timeoutMs: 10_000 });
    const prices = {
      "openai/gpt-4o": { input: 2.5, output: 10, source: "https://openrouter.ai/api/v1/models", asOf: "2026-05-01" },
    };
    worker.reply({ id: sent.id, ok: true, kind: "test-connection", models: 2, prices });
    await expect(pending).resolves.toEqual({ models: 2, prices });
  });

  it("a refused key arrives as a ModelFailure; a malformed price fails the request loudly", async () => {
    const { host, workers } = makeHost();
    const refused = host.call("test-connection", { settings, apiKey: "sk-or-x", timeoutMs: 10_000 });
    const malformed = host.call("test-connection", { settings, apiKey: "sk-or-x", timeoutMs: 10_000 });
    await nextTask();
    const worker = workers[0]!;
    const [first, second] = worker.received.filter((r) => r.kind === "test-connection");
    worker.reply({
      id: first!.id,
      ok: false,
      failure: { kind: "auth", reason: "unauthorized", message: "No auth credentials found", data: { status: 401 } },
    });
    expect(((await refused.catch((e: unknown) => e)) as ModelFailure).model).toEqual({
      kind: "unauthorized",
      status: 401,
    });
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    worker.reply({
      id: second!.id,
      ok: true,
      kind: "test-connection",
      models: 1,
      prices: { m: { input: "cheap", output: 1, source: "s", asOf: "d" } },
    });
    const error = await malformed.catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "FigmentError", kind: "internal" });
    expect((error as Error).message).toContain("prices.m.input must be a finite number");
  });
});

describe("Engine tokenizer and code parts", () => {
  /** Answers load-script and ai-prepare at once. */
  class AnsweringWorker extends FakeWorker {
    override postMessage(message: EngineRequest): void {
      super.postMessage(message);
      if (message.kind === "load-script" || message.kind === "load-packed")
        queueMicrotask(() => this.reply({ id: message.id, ok: true, kind: "loaded" }));
      if (message.kind === "part-failed")
        queueMicrotask(() => this.reply({ id: message.id, ok: true, kind: "aborted" }));
      if (message.kind === "hint")
        queueMicrotask(() => this.reply({ id: message.id, ok: true, kind: "hint", hint: "" }));
      if (message.kind === "react-preview")
        queueMicrotask(() => this.reply({ id: message.id, ok: true, kind: "react-preview", html: "", problems: [] }));
      if (message.kind === "generate")
        queueMicrotask(() =>
          this.reply({ id: message.id, ok: true, kind: "generate", result: { files: [], problems: [] }, ms: 1 }),
        );
      if (message.kind === "ai-prepare")
        queueMicrotask(() =>
          this.reply({
            id: message.id,
            ok: true,
            kind: "ai-prepare",
            input: { target: "react", styling: "css-modules", hint: "" },
            estimate: {},
            image: undefined,
          }),
        );
    }
  }

  /** An engine whose workers answer at once, with `parts` (how it gets the tokenizer or the code parts; its clock). */
  function answeringEngine(
    parts: Partial<Pick<ConstructorParameters<typeof Engine>[0], "unpackTokenizer" | "codePartSource" | "now">>,
  ): { host: Engine; workers: AnsweringWorker[] } {
    const workers: AnsweringWorker[] = [];
    const host = new Engine({
      unpack: async () => ({ url: "blob:worker", decodeMs: 1 }),
      createWorker: () => {
        const worker = new AnsweringWorker();
        workers.push(worker);
        return worker;
      },
      now: () => 0,
      ...parts,
    });
    return { host, workers };
  }

  it("loads the tokenizer script into the worker before the first estimate, once per worker", async () => {
    const unpackTokenizer = vi.fn(async () => "blob:tokenizer");
    const { host, workers } = answeringEngine({ unpackTokenizer });
    const body = { exports, png: new Uint8Array(), options, model: "m", draft: false, instructions: "" };
    await host.call("ai-prepare", body);
    await host.call("ai-prepare", body);
    const kinds = workers[0]!.received.map((r) => r.kind);
    expect(kinds).toEqual(["ping", "load-script", "ai-prepare", "ai-prepare"]);
    expect(workers[0]!.last("load-script")).toMatchObject({ url: "blob:tokenizer" });
    expect(unpackTokenizer).toHaveBeenCalledTimes(1);
    // A new worker (after a cancel) gets the script again, from the same unpacked URL.
    host.cancel();
    await host.call("ai-prepare", body);
    expect(workers[1]!.received.map((r) => r.kind)).toEqual(["ping", "load-script", "ai-prepare"]);
    expect(unpackTokenizer).toHaveBeenCalledTimes(1);
  });

  it(
    "loads the code parts a kind needs before it, in " + "order, once per worker, and none for the other jobs",
    async () => {
      const codePartSource = vi.fn(async (part: CodePart) => `H4sI-${part}`);
      const { host, workers } = answeringEngine({ codePartSource });
      await host.call("hint", { exports });
      expect(codePartSource).not.toHaveBeenCalled();
      // The React preview needs only the preview's part.
      await host.call("react-preview", { files: [] });
      expect(workers[0]!.received.map((r) => r.kind)).toEqual(["ping", "hint", "load-packed", "react-preview"]);
      expect(codePartSource.mock.calls).toEqual([["code-preview"]]);
      // Two code jobs at once share one load of the checker, sent before either; the formatters follow the jobs.
      await Promise.all([
        host.call("generate", { exports, options: mapped }),
        host.call("generate", { exports, options: mapped }),
      ]);
      const packedIn = (worker: AnsweringWorker) =>
        worker.received.flatMap((r) => (r.kind === "load-packed" ? [r.packed] : []));
      await vi.waitFor(() => expect(packedIn(workers[0]!)).toHaveLength(3));
      expect(workers[0]!.received.map((r) => r.kind)).toEqual([
        "ping",
        "hint",
        "load-packed",
        "react-preview",
        "load-packed",
        "generate",
        "generate",
        "load-packed",
      ]);
      expect(packedIn(workers[0]!)).toEqual(["H4sI-code-preview", "H4sI-code-check", "H4sI-code-format"]);
      // A new worker (after a cancel): the Code panel's warm-up loads what an offline Generate waits for, then the
      // formatters in idle time; a Generate with components then loads the checker; each asked of the main thread
      // only once.
      host.cancel();
      await host.warmUp({ for: "generate" });
      await vi.waitFor(() => expect(packedIn(workers[1]!)).toEqual(["H4sI-code-preview", "H4sI-code-format"]));
      await host.call("generate", { exports, options: mapped });
      expect(workers[1]!.received.map((r) => r.kind)).toEqual([
        "ping",
        "load-packed",
        "load-packed",
        "load-packed",
        "generate",
      ]);
      expect(codePartSource).toHaveBeenCalledTimes(3);
    },
  );

  it("sends an offline Generate before the formatters, the warm-up's after a Generate under way", async () => {
    let sendFormat: (packed: string) => void = () => undefined;
    const formatPacked = new Promise<string>((resolve) => (sendFormat = resolve));
    const codePartSource = vi.fn((part: CodePart) =>
      part === "code-format" ? formatPacked : Promise.resolve(`H4sI-${part}`),
    );
    const { host, workers } = answeringEngine({ codePartSource });
    // The panel's warm-up and a click at once: the Generate goes first, then the formatters, asked for once.
    await Promise.all([host.warmUp({ for: "generate" }), host.call("generate", { exports, options })]);
    expect(workers[0]!.received.map((r) => r.kind)).toEqual(["ping", "load-packed", "generate"]);
    expect(host.stats.codePartsReadyMs).toEqual({ "code-preview": 0 });
    sendFormat("H4sI-code-format");
    await vi.waitFor(() => expect(workers[0]!.received.map((r) => r.kind)).toHaveLength(4));
    expect(workers[0]!.last("load-packed")).toMatchObject({ packed: "H4sI-code-format" });
    expect(codePartSource.mock.calls).toEqual([["code-preview"], ["code-format"]]);
  });

  it("tells the worker a part it promised a Generate could not be sent, and sends it again with the next", async () => {
    let attempt = 0;
    const codePartSource = vi.fn(async (part: CodePart) => {
      if (part === "code-format" && attempt++ === 0) throw new Error("main thread gone");
      return `H4sI-${part}`;
    });
    const { host, workers } = answeringEngine({ codePartSource });
    await host.call("generate", { exports, options });
    await vi.waitFor(() => expect(workers[0]!.last("part-failed")).toBeDefined());
    expect(workers[0]!.last("part-failed")).toMatchObject({
      part: "code-format",
      message: "The code formatter could not be loaded: main thread gone",
    });
    await host.call("generate", { exports, options });
    await vi.waitFor(() => expect(workers[0]!.last("load-packed")).toMatchObject({ packed: "H4sI-code-format" }));
  });

  it("asks the main thread for the first code part while the worker is still being fetched and booted", async () => {
    let unpacked: (value: { url: string; decodeMs: number }) => void = () => undefined;
    const codePartSource = vi.fn(async (part: CodePart) => `H4sI-${part}`);
    const host = new Engine({
      unpack: () => new Promise((resolve) => (unpacked = resolve)),
      createWorker: () => new AnsweringWorker(),
      now: () => 0,
      codePartSource,
    });
    const warming = host.warmUp({ for: "generate" });
    await vi.waitFor(() => expect(codePartSource).toHaveBeenCalledWith("code-preview"));
    expect(host.currentStatus).toBe("starting");
    expect(codePartSource.mock.calls).toEqual([["code-preview"]]);
    unpacked({ url: "blob:worker", decodeMs: 1 });
    await warming;
    // The formatters only once the preview's part has run (idle time).
    expect(codePartSource.mock.calls).toEqual([["code-preview"], ["code-format"]]);
  });

  it("says when each code part was ready, from the engine's first start, for the first worker only", async () => {
    let clock = 100;
    const { host } = answeringEngine({
      codePartSource: async (part) => (
        (clock += {
          "code-preview": 20,
          "code-format": 50,
          "code-check": 400,
          "code-vue": 30,
          "code-svelte": 30,
          "code-react-native": 30,
          "code-angular": 30,
        }[part]),
        `H4sI-${part}`
      ),
      now: () => clock,
    });
    expect(host.stats.codePartsReadyMs).toBeUndefined();
    await host.warmUp({ for: "ai-generate" });
    expect(host.stats.codePartsReadyMs).toEqual({ "code-preview": 20, "code-format": 70, "code-check": 470 });
    host.cancel();
    await host.warmUp({ for: "ai-generate" });
    expect(host.stats.codePartsReadyMs).toEqual({ "code-preview": 20, "code-format": 70, "code-check": 470 });
  });

  it("a code part that fails to load fails the code job clearly, and the next one tries again", async () => {
    let fail = true;
    const { host } = answeringEngine({
      codePartSource: async () => {
        if (fail) throw new Error("the main thread did not answer");
        return "packed";
      },
    });
    await expect(host.call("generate", { exports, options })).rejects.toThrow(
      "The React preview could not be loaded: the main thread did not answer",
    );
    fail = false;
    await expect(host.call("generate", { exports, options })).resolves.toMatchObject({ ms: 1 });
  });
});
