/**
 * The worker's Batch API jobs over real HTTP against the OpenAI-wire test server, every message read back
 * through the protocol's checks as the panel reads it: submit (one JSONL line per item, each body valid per
 * the OpenAPI schema of /v1/images/generations; the record reported after every save), a crash between
 * upload and create resumed by refresh without a second upload, collect (image bytes or errors; a line not
 * placed is fetched again, a placed one never; a fully collected run downloads nothing), resubmit of the
 * failed lines alone, cancel, and refusals before anything is sent.
 */
import { describe, expect, it } from "vitest";
import type { BatchRecord } from "../ai/batch/record.js";
import { DEFAULT_SETTINGS, type Settings } from "../contract/settings.js";
import { readBatchInput, type OpenAiTestServer } from "./openai-server/server.js";
import { scriptedServer } from "./openai-server/scripted.js";
import { afterCollect, markPlaced } from "../ui/image/rows/batch-api/record-merge.js";
import {
  parseEngineMessage,
  type BatchEvent,
  type EngineReply,
  type OkReply,
  type RequestOf,
} from "../ui/engine/protocol/index.js";
import { batchJobs } from "../ui/engine/jobs/batch.js";
import { runJob } from "../ui/engine/jobs/run.js";

const KEY = "sk-test-batch-api-job-7788";
const serve = scriptedServer();
const settings = (url: string, patch: Partial<Settings> = {}): Settings => ({
  ...DEFAULT_SETTINGS,
  provider: "openai",
  baseUrl: url,
  ...patch,
});
const items = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    row: i + 1,
    stem: `${String(i + 1).padStart(2, "0")}-hero`,
    prompt: `A hero image for a tea brand, variant ${i + 1}`,
  }));

type Kind = "batch-submit" | "batch-refresh" | "batch-collect" | "batch-resubmit" | "batch-cancel";
type Body<K extends Kind> = Omit<RequestOf<K>, "id" | "kind" | "settings" | "apiKey" | "timeoutMs">;

/**
 * Runs a job as the worker would (on a copy: postMessage clones), reading every event and the reply through the
 * protocol's checks.
 */
async function run<K extends Kind>(srv: OpenAiTestServer, kind: K, body: Body<K>, patch: Partial<Settings> = {}) {
  const saved: BatchEvent[] = [];
  const request = {
    kind,
    id: "b1",
    settings: settings(srv.url, patch),
    apiKey: KEY,
    timeoutMs: 10_000,
    ...structuredClone(body),
  } as unknown as RequestOf<K>;
  const emit = (event: BatchEvent): void => {
    const parsed = parseEngineMessage({ id: "b1", event });
    if (!("event" in parsed) || parsed.event.event.type !== "batch-saved") throw new Error("expected batch-saved");
    saved.push(parsed.event.event);
  };
  const reply = await runJob(batchJobs, request, { signal: new AbortController().signal, emit });
  const parsed = parseEngineMessage(
    JSON.parse(
      JSON.stringify(reply, (_k, v: unknown) => (v instanceof Uint8Array ? { __bytes: [...v] } : v)),
      (_k, v: { __bytes?: number[] }) => (v && Array.isArray(v.__bytes) ? new Uint8Array(v.__bytes) : v),
    ),
  );
  if (!("reply" in parsed)) throw new Error("expected a reply");
  return { reply: parsed.reply, saved };
}

function okOf<K extends OkReply["kind"]>(reply: EngineReply, kind: K): Extract<OkReply, { kind: K }> {
  if (!reply.ok || reply.kind !== kind) throw new Error(`expected ${kind}, got ${JSON.stringify(reply).slice(0, 400)}`);
  return reply as Extract<OkReply, { kind: K }>;
}

async function submitted(srv: OpenAiTestServer, n: number) {
  const { reply } = await run(srv, "batch-submit", { items: items(n), size: "1024x1024", quality: "low" });
  return okOf(reply, "batch-submit");
}

/** Refreshes until every run is final. */
async function untilFinal(srv: OpenAiTestServer, job: { record: BatchRecord; inputs: Record<string, string> }) {
  const seen: string[] = [];
  for (let i = 0; i < 6; i++) {
    const r = okOf((await run(srv, "batch-refresh", job)).reply, "batch-refresh");
    job = { record: r.record as BatchRecord, inputs: r.inputs };
    seen.push(r.status.runs.at(-1)!.status);
    if (r.status.finished) break;
  }
  return { job, seen };
}

describe("batch-submit", () => {
  it(
    "uploads one valid line per item and reports the " + "record after every save; the key is in none of them",
    async () => {
      const srv = await serve();
      const { reply, saved } = await run(srv, "batch-submit", { items: items(3), size: "1024x1024", quality: "low" });
      const done = okOf(reply, "batch-submit");
      const upload = srv.requests.find((r) => r.path === "/v1/files")!;
      const read = readBatchInput(upload.files[0]!.bytes.toString("utf8"));
      expect(read.errors).toEqual([]); // every body checked against openapi.json's /v1/images/generations schema
      expect(
        read.lines.map((l) => [l.custom_id, (l.body as { prompt: string; size: string; quality: string }).size]),
      ).toEqual([
        ["row-1", "1024x1024"],
        ["row-2", "1024x1024"],
        ["row-3", "1024x1024"],
      ]);
      expect(read.lines.every((l) => (l.body as { stream?: boolean }).stream === undefined)).toBe(true);
      expect(srv.requests.find((r) => r.path === "/v1/batches")!.schemaErrors).toEqual([]);
      // Saved before the upload, after it, after the create: the panel can store each.
      expect(
        saved.map((s) => [s.record.runs[0]!.inputFileId !== undefined, s.record.runs[0]!.batchId !== undefined]),
      ).toEqual([
        [false, false],
        [true, false],
        [true, true],
      ]);
      expect(Object.keys(done.inputs)).toEqual(["input-1.jsonl"]);
      expect(done.record.lines.map((l) => [l.customId, l.row, l.fileStem, l.state])).toEqual([
        ["row-1", 1, "01-hero", "pending"],
        ["row-2", 2, "02-hero", "pending"],
        ["row-3", 3, "03-hero", "pending"],
      ]);
      expect(JSON.stringify({ done, saved })).not.toContain(KEY);
    },
  );

  it("is refused before anything is sent for a provider other than OpenAI", async () => {
    const srv = await serve();
    const { reply } = await run(
      srv,
      "batch-submit",
      { items: items(2), size: "auto", quality: "low" },
      { provider: "openrouter" },
    );
    expect(reply).toMatchObject({
      ok: false,
      failure: { kind: "input", message: expect.stringContaining("the provider in Settings is openrouter") },
    });
    expect(srv.requests).toHaveLength(0);
  });

  it("a crash between upload and create loses nothing: refresh creates the batch from the uploaded file", async () => {
    const srv = await serve();
    srv.failRoute(
      "POST /v1/batches",
      { kind: "error", status: 500, message: "boom" },
      { kind: "error", status: 500, message: "boom" },
      { kind: "error", status: 500, message: "boom" },
    );
    const { reply, saved } = await run(srv, "batch-submit", { items: items(2), size: "1024x1024", quality: "low" });
    expect(reply).toMatchObject({ ok: false, failure: { kind: "service", reason: "server" } });
    const last = saved.at(-1)!; // what the panel stored
    expect(last.record.runs[0]).toMatchObject({ inputFileId: expect.any(String) });
    expect(last.record.runs[0]!.batchId).toBeUndefined();
    const refreshed = okOf(
      (await run(srv, "batch-refresh", { record: last.record, inputs: last.inputs })).reply,
      "batch-refresh",
    );
    expect(refreshed.record.runs[0]!.batchId).toMatch(/^batch-/);
    expect(srv.routeCounts()["POST /v1/files"]).toBe(1);
  });
});

describe("batch-collect", () => {
  it(
    "answers each line's image; an unplaced line is fetched " +
      "again, a placed one never; a collected run downloads nothing",
    async () => {
      const srv = await serve();
      srv.batches.script({ fail: (id) => id === "row-3" });
      const first = await submitted(srv, 3);
      const { job, seen } = await untilFinal(srv, { record: first.record as BatchRecord, inputs: first.inputs });
      expect(seen).toEqual(["in_progress", "finalizing", "completed"]);
      const collect1 = okOf((await run(srv, "batch-collect", job)).reply, "batch-collect");
      expect(collect1.results.map((r) => [r.customId, r.image?.format, r.image?.width, r.error?.slice(0, 30)])).toEqual(
        [
          ["row-1", "png", 1024, undefined],
          ["row-2", "png", 1024, undefined],
          ["row-3", undefined, undefined, "400: Invalid request for row-3"],
        ],
      );
      expect(collect1.downloaded).toHaveLength(2);
      // The panel placed row-1 only (closed before row-2), then stored the record.
      let stored = markPlaced(afterCollect(job.record, collect1.record as BatchRecord), "row-1", ["9:1"]);
      const collect2 = okOf(
        (await run(srv, "batch-collect", { record: stored, inputs: job.inputs })).reply,
        "batch-collect",
      );
      expect(collect2.results.map((r) => r.customId)).toEqual(["row-2"]);
      stored = markPlaced(afterCollect(stored, collect2.record as BatchRecord), "row-2", ["9:2"]);
      expect(stored.runs[0]!.collected).toBe(true);
      const before = srv.routeCounts();
      const collect3 = okOf(
        (await run(srv, "batch-collect", { record: stored, inputs: job.inputs })).reply,
        "batch-collect",
      );
      expect(collect3.results).toEqual([]);
      expect(collect3.downloaded).toEqual([]);
      expect(srv.routeCounts()).toEqual(before);
    },
  );

  it("resubmits the failed lines alone as a new batch, then collects them", async () => {
    const srv = await serve();
    srv.batches.script({ fail: (id) => id === "row-2" });
    const first = await submitted(srv, 3);
    let { job } = await untilFinal(srv, { record: first.record as BatchRecord, inputs: first.inputs });
    const collected = okOf((await run(srv, "batch-collect", job)).reply, "batch-collect");
    let stored = afterCollect(job.record, collected.record as BatchRecord);
    for (const id of ["row-1", "row-3"]) stored = markPlaced(stored, id, [`9:${id}`]);
    srv.batches.script({});
    const again = okOf(
      (await run(srv, "batch-resubmit", { record: stored, inputs: job.inputs })).reply,
      "batch-resubmit",
    );
    expect(again.lines).toBe(1);
    expect(Object.keys(again.inputs)).toEqual(["input-1.jsonl", "input-2.jsonl"]);
    const uploads = srv.requests.filter((r) => r.path === "/v1/files");
    expect(readBatchInput(uploads[1]!.files[0]!.bytes.toString("utf8")).lines.map((l) => l.custom_id)).toEqual([
      "row-2",
    ]);
    ({ job } = await untilFinal(srv, { record: again.record as BatchRecord, inputs: again.inputs }));
    const last = okOf((await run(srv, "batch-collect", job)).reply, "batch-collect");
    expect(last.results.map((r) => [r.customId, r.image?.format])).toEqual([["row-2", "png"]]);
    expect(srv.routeCounts()["GET /v1/files/{id}/content"]).toBe(3); // run 1: output + errors; run 2: output
  });
});

describe("batch-cancel", () => {
  it("asks the provider to cancel a running batch and records it", async () => {
    const srv = await serve();
    const first = await submitted(srv, 2);
    const cancelled = okOf(
      (await run(srv, "batch-cancel", { record: first.record, inputs: first.inputs })).reply,
      "batch-cancel",
    );
    expect(cancelled.record.runs[0]!.status).toBe("cancelling");
    expect(srv.routeCounts()["POST /v1/batches/{id}/cancel"]).toBe(1);
  });
});
