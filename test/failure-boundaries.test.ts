/**
 * One failure shape on every wire (contract/failure.ts): a FigmentError of each kind thrown on the far side of each
 * boundary — the main thread's request handler (the real session in the Figma simulator, on a real file), an engine
 * job (the worker's own job runner and reply), the search worker's index keeper (its own answer) — arrives at the
 * panel's caller as a FigmentError of that kind, with its reason and message; a stop is the one `Cancelled`; a
 * request that gets no answer in time is `network`.
 */
import { gzipSync } from "node:zlib";
import { afterEach, describe, expect, it, vi } from "vitest";
import { caught, expectArrived, thrown } from "./helpers/failure-kinds.js";
import { ModelError } from "../ai/errors/model-error.js";
import { ERROR_KINDS, kindOf } from "../kernel/errors.js";
import { Cancelled } from "../kernel/cancelled.js";
import { isRequestTimeout, PendingRequests } from "../contract/requests.js";
import { PluginBridge } from "../ui/channel/bridge.js";
import { BridgeRequests } from "../ui/channel/requests.js";
import { Engine, ModelFailure, requestWorkerSource, type WorkerLike } from "../ui/engine/engine.js";
import { runJob } from "../ui/engine/jobs/run.js";
import type { Jobs } from "../ui/engine/jobs/job.js";
import { parseEngineRequest, type EngineRequest, type RequestOf } from "../ui/engine/protocol/index.js";
import { answerRequest } from "../ui/search-worker/answer.js";
import { SearchWorkerClient } from "../ui/search-worker/client.js";
import { SearchIndexKeeper } from "../ui/search-worker/index-keeper.js";

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe("engine → panel", () => {
  /** An engine whose worker is the worker's own request check, job runner and failure reply, across a clone. */
  function engineThrowing(error: () => unknown): Engine {
    const jobs = { hint: async () => Promise.reject(error()) } as unknown as Jobs;
    return new Engine({
      unpack: async () => ({ url: "blob:engine", decodeMs: 0 }),
      now: () => 0,
      createWorker: () => {
        const worker: WorkerLike = {
          onmessage: null,
          onerror: null,
          onmessageerror: null,
          terminate: () => undefined,
          postMessage(message: EngineRequest) {
            const request = parseEngineRequest(structuredClone(message));
            const answer = async () =>
              request.kind === "ping"
                ? { id: request.id, ok: true, kind: "pong" }
                : await runJob(jobs, request as RequestOf<"hint">, {
                    signal: new AbortController().signal,
                    emit: () => undefined,
                  });
            void answer().then((reply) => worker.onmessage?.({ data: structuredClone(reply) } as MessageEvent));
          },
        };
        return worker;
      },
    });
  }
  const exports = [{ id: "1:2", json: { document: { id: "1:2", type: "FRAME" } } }];

  it("a FigmentError of each kind thrown by a job arrives as that kind, reason and message", async () => {
    for (const kind of ERROR_KINDS) {
      const engine = engineThrowing(() => thrown(kind));
      expectArrived(await caught(engine.call("hint", { exports })), kind);
      engine.dispose();
    }
  });

  it("a model failure keeps its reason, status and retry-after; its abort is Cancelled", async () => {
    const limited = engineThrowing(
      () => new ModelError("rate-limited", "Rate limit reached", { status: 429, retryAfterMs: 3000 }),
    );
    const error = await caught(limited.call("hint", { exports }));
    expect(error).toBeInstanceOf(ModelFailure);
    expect(error).toMatchObject({ kind: "limit", reason: "rate-limited", message: "Rate limit reached" });
    expect((error as ModelFailure).model).toEqual({ kind: "rate-limited", status: 429, retryAfterMs: 3000 });
    const aborted = engineThrowing(() => new Cancelled("The request was stopped."));
    expect(await caught(aborted.call("hint", { exports }))).toBeInstanceOf(Cancelled);
  });
});

describe("search worker → panel", () => {
  /** A search worker client whose worker is the worker's own answer (request check, keeper, reply), across a clone. */
  function searchThrowing(error: () => unknown): SearchWorkerClient {
    const keeper = new SearchIndexKeeper();
    vi.spyOn(keeper, "handle").mockImplementation(async () => Promise.reject(error()));
    return new SearchWorkerClient({
      source: async () => gzipSync("/* the search worker */").toString("base64"),
      createWorker: () => {
        const worker = {
          onmessage: null as ((event: MessageEvent) => void) | null,
          onerror: null,
          terminate: () => undefined,
          postMessage(data: unknown) {
            void answerRequest(keeper, structuredClone(data)).then((reply) =>
              worker.onmessage?.({ data: structuredClone(reply) } as MessageEvent),
            );
          },
        };
        return worker as unknown as Worker;
      },
    });
  }

  it("a FigmentError of each kind thrown by the index keeper arrives as that kind, reason and message", async () => {
    for (const kind of ERROR_KINDS) {
      const client = searchThrowing(() => thrown(kind));
      expectArrived(await caught(client.call("query", { term: "login", limit: 5 })), kind);
      client.dispose();
    }
  });

  it("the keeper's own refusal arrives as an input failure with its reason", async () => {
    const client = new SearchWorkerClient({
      source: async () => gzipSync("/* the search worker */").toString("base64"),
      createWorker: () => {
        const keeper = new SearchIndexKeeper();
        const worker = {
          onmessage: null as ((event: MessageEvent) => void) | null,
          onerror: null,
          terminate: () => undefined,
          postMessage: (data: unknown) =>
            void answerRequest(keeper, data).then((reply) => worker.onmessage?.({ data: reply } as MessageEvent)),
        };
        return worker as unknown as Worker;
      },
    });
    const error = await caught(client.call("query", { term: "login", limit: 5 }));
    expect(error).toMatchObject({
      kind: "input",
      reason: "no-index",
      message: "the search index is not built yet (the panel queried before sending it)",
    });
    client.dispose();
  });
});

describe("a request without an answer in time", () => {
  it("is a network failure, at every boundary's request idiom", async () => {
    vi.useFakeTimers();
    const pending = new PendingRequests<unknown>({ prefix: "t" });
    const { reply } = pending.open({ send: () => undefined, timeoutMs: 1000, timeoutMessage: "no answer in 1 s" });
    const error = caught(reply);
    await vi.advanceTimersByTimeAsync(1000);
    expect(isRequestTimeout(await error)).toBe(true);
    expect(await error).toMatchObject({ kind: "network", reason: "timeout", message: "no answer in 1 s" });
  });

  it("the main thread not sending the code generator in time is network, as the docs say", async () => {
    vi.useFakeTimers();
    const bridge = new PluginBridge(
      { postMessage: () => undefined },
      { addEventListener: () => undefined, removeEventListener: () => undefined },
    );
    const error = caught(requestWorkerSource(new BridgeRequests(bridge), 30_000));
    await vi.advanceTimersByTimeAsync(30_000);
    expect(kindOf(await error)).toBe("network");
    expect((await error) as Error).toMatchObject({ message: expect.stringMatching(/did not send the code generator/) });
  });
});
