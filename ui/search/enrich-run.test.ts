/**
 * "Search by meaning" over an index, end to end below the UI: the plan (what is missing for the current hash
 * and models, the estimate), and the run with the main thread's messages scripted here and the worker's job run
 * for real against the OpenAI-wire test server — pictures asked 3 at a time, captions and vectors kept by
 * `save-search-extras` chunk by chunk, a cancel or failure keeping what was made, `storage-full` said once.
 */
import { afterEach, describe, expect, it } from "vitest";
import { frameDocs } from "../../codegen/search/frame-doc.js";
import type { ToMain } from "../../contract/messages.js";
import type { SearchIndex } from "../../contract/search.js";
import { DEFAULT_SETTINGS, type Settings } from "../../contract/settings.js";
import { readFixture } from "../../test/helpers/fixtures.js";
import { searchAiScript } from "../../test/openai-server/captions.js";
import { encodePng, startOpenAiServer, type OpenAiTestServer } from "../../test/openai-server/server.js";
import { PluginError, type MainRequests } from "../channel/requests.js";
import { ModelFailure } from "../engine/engine.js";
import { searchJobs } from "../engine/jobs/search.js";
import { inProcessEngine } from "../../test/helpers/in-process-engine.js";
import { enrichAction, planEnrich } from "./enrich-plan.js";
import { CAPTION_CHUNK, runEnrich } from "./enrich-run.js";
import { Cancelled, isCancelled } from "../../kernel/cancelled.js";

let srv: OpenAiTestServer | undefined;
afterEach(async () => {
  await srv?.close();
  srv = undefined;
});

const docs = frameDocs(readFixture("figmagic-design-system.file.json"))
  .slice(0, 14)
  .map((d) => ({ ...d, pageId: "0:1" }));
const empty: SearchIndex = { docs, vectors: {}, captions: {}, scannedAt: 1 };

/** The worker's jobs run in-process, their messages read through the protocol's checks as the host reads them. */
const worker = inProcessEngine(searchJobs);

interface MainLog {
  exports: string[];
  inFlight: number;
  peak: number;
  saves: ToMain["save-search-extras"][];
}

function mainThread(options: { missing?: string[]; full?: boolean } = {}): { requests: MainRequests; log: MainLog } {
  const log: MainLog = { exports: [], inFlight: 0, peak: 0, saves: [] };
  const requests = {
    call: async (type: string, payload: Record<string, unknown>, opts?: { signal?: AbortSignal }) => {
      if (type === "export-frame-image") {
        const id = payload["nodeId"] as string;
        log.exports.push(id);
        log.peak = Math.max(log.peak, ++log.inFlight);
        await new Promise((r) => setTimeout(r, 5));
        log.inFlight--;
        if (opts?.signal?.aborted) throw new Cancelled();
        if (options.missing?.includes(id)) throw new PluginError("not-found", `No frame ${id}.`);
        return {
          nodeId: id,
          png: new Uint8Array(encodePng(32, 24, { seed: log.exports.length })),
          width: 32,
          height: 24,
        };
      }
      if (type === "save-search-extras") {
        log.saves.push(payload as ToMain["save-search-extras"]);
        if (options.full)
          throw new PluginError(
            "storage-full",
            "The search index would use 5.1 MB of Figma's 5 MB, so these " +
              "captions and embeddings were not saved. Nothing was deleted.",
          );
        return { requestId: "r" };
      }
      throw new Error(`unexpected ${type}`);
    },
  } as unknown as MainRequests;
  return { requests, log };
}

async function settings(script = searchAiScript()): Promise<Settings> {
  srv = await startOpenAiServer(script);
  return { ...DEFAULT_SETTINGS, provider: "custom", baseUrl: srv.url, model: "gpt-4o-mini" };
}

describe("planEnrich", () => {
  it("counts frames without a caption or vector for their hash and models, with the estimate in words", () => {
    const plan = planEnrich(empty, { ...DEFAULT_SETTINGS, model: "gpt-4o-mini" });
    expect(plan).toMatchObject({
      captions: 14,
      vectors: 14,
      models: { caption: "gpt-4o-mini", embedding: "text-embedding-3-small" },
    });
    expect(plan.estimate).toMatch(/^(about \$[\d.]+|under \$0\.01) for 14 captions and 14 embeddings$/);
    expect(enrichAction(plan)).toBe("describe and embed 14 frames");
    const d = docs[0]!;
    const done: SearchIndex = {
      ...empty,
      captions: { [d.id]: { hash: d.hash, model: "gpt-4o-mini", text: "a screen" } },
      vectors: { [d.id]: { hash: d.hash, model: "text-embedding-3-small", dimensions: 256, vector: "AAAA" } },
    };
    expect(planEnrich(done, { ...DEFAULT_SETTINGS, model: "gpt-4o-mini" })).toMatchObject({
      captions: 13,
      vectors: 13,
    });
    // Other dimensions: every vector again, no caption again.
    const onlyCaptions = {
      ...done,
      captions: Object.fromEntries(docs.map((x) => [x.id, { hash: x.hash, model: "gpt-4o-mini", text: "t" }])),
    };
    const redo = planEnrich(onlyCaptions, { ...DEFAULT_SETTINGS, model: "gpt-4o-mini", embeddingDimensions: 512 });
    expect(redo).toMatchObject({ captions: 0, vectors: 14 });
    expect(enrichAction(redo)).toBe("embed 14 frames");
    // A model without a known price: no estimate, never a wrong one.
    expect(planEnrich(empty, { ...DEFAULT_SETTINGS, model: "my-local-llava" }).estimate).toBeUndefined();
  });
});

describe("runEnrich", () => {
  it("describes then embeds every frame, 3 pictures at a time, kept chunk by chunk", async () => {
    const s = await settings();
    const { requests, log } = mainThread();
    const progress: string[] = [];
    const outcome = await runEnrich({ requests, worker, settings: s, apiKey: "sk-test-run" }, empty, {
      signal: new AbortController().signal,
      onProgress: (p) => progress.push(p.label),
    });
    expect(outcome).toMatchObject({ captioned: 14, embedded: 14, noPicture: [] });
    expect(outcome.notStored).toBeUndefined();
    expect(log.peak).toBe(3);
    expect(log.saves.filter((x) => x.captions).map((x) => Object.keys(x.captions!).length)).toEqual([
      CAPTION_CHUNK,
      CAPTION_CHUNK,
      14 - 2 * CAPTION_CHUNK,
    ]);
    expect(log.saves.filter((x) => x.vectors).map((x) => Object.keys(x.vectors!).length)).toEqual([14]);
    expect(Object.keys(outcome.index.captions).length).toBe(14);
    expect(Object.values(outcome.index.vectors).every((v) => v.dimensions === 256)).toBe(true);
    expect(progress).toContain("Describing frames 14 / 14");
    expect(progress.at(-1)).toBe("Embedding 14 frames");
    expect(srv!.requests.filter((r) => r.path === "/v1/embeddings").length).toBe(1);
    expect(srv!.requests.every((r) => r.schemaErrors.length === 0)).toBe(true);
    // Run again: nothing left to make, nothing sent.
    const before = srv!.requests.length;
    const again = await runEnrich({ requests, worker, settings: s, apiKey: "sk-test-run" }, outcome.index, {
      signal: new AbortController().signal,
      onProgress: () => undefined,
    });
    expect(again).toMatchObject({ captioned: 0, embedded: 0 });
    expect(srv!.requests.length).toBe(before);
  });

  it("a frame deleted since the scan is left without a caption, named; the rest go on", async () => {
    const s = await settings();
    const { requests } = mainThread({ missing: [docs[2]!.id] });
    const outcome = await runEnrich({ requests, worker, settings: s, apiKey: "sk" }, empty, {
      signal: new AbortController().signal,
      onProgress: () => undefined,
    });
    expect(outcome.noPicture).toEqual([docs[2]!.name]);
    expect(outcome.captioned).toBe(13);
    expect(outcome.embedded).toBe(14);
  });

  it("a failure stops the run and keeps what finished (saved, and in the index it carries)", async () => {
    let calls = 0;
    const script = searchAiScript();
    const s = await settings((req) =>
      req.path.startsWith("/v1/chat") && ++calls > CAPTION_CHUNK
        ? { kind: "error", status: 500, message: "down" }
        : script(req),
    );
    const { requests, log } = mainThread();
    const outcome = await runEnrich({ requests, worker, settings: s, apiKey: "sk" }, empty, {
      signal: new AbortController().signal,
      onProgress: () => undefined,
    });
    expect(outcome.stoppedBy).toBeInstanceOf(ModelFailure);
    expect((outcome.stoppedBy as ModelFailure).model.kind).toBe("server");
    expect(outcome.captioned).toBe(CAPTION_CHUNK);
    expect(Object.keys(outcome.index.captions).length).toBe(CAPTION_CHUNK);
    expect(log.saves.map((x) => Object.keys(x.captions ?? {}).length)).toEqual([CAPTION_CHUNK]);
  });

  it("storage-full is said once; what was made is still in the index for this session", async () => {
    const s = await settings();
    const { requests, log } = mainThread({ full: true });
    const outcome = await runEnrich({ requests, worker, settings: s, apiKey: "sk" }, empty, {
      signal: new AbortController().signal,
      onProgress: () => undefined,
    });
    expect(outcome.notStored).toMatch(/not saved\. Nothing was deleted/);
    expect(log.saves.length).toBe(1);
    expect(outcome).toMatchObject({ captioned: 14, embedded: 14 });
    expect(Object.keys(outcome.index.vectors).length).toBe(14);
  });

  it("cancel stops at once as Cancelled, keeping the chunks done", async () => {
    const s = await settings();
    const { requests, log } = mainThread();
    const controller = new AbortController();
    const running = runEnrich({ requests, worker, settings: s, apiKey: "sk" }, empty, {
      signal: controller.signal,
      onProgress: (p) => p.done >= CAPTION_CHUNK && controller.abort(),
    });
    const stopped = await running;
    expect(isCancelled(stopped.stoppedBy)).toBe(true);
    expect(stopped.captioned).toBeGreaterThanOrEqual(CAPTION_CHUNK);
    expect(stopped.embedded).toBe(0);
    expect(log.saves.reduce((n, x) => n + Object.keys(x.captions ?? {}).length, 0)).toBe(stopped.captioned);
  });
});
