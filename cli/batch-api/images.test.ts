/**
 * Images in bulk against the OpenAI-wire test server: `submitImageBatch` (the conditional-generation CLI's
 * entry) uploads one valid JSONL line per row and records the batch; status moves step by step; collect
 * writes each row's PNG once (a second collect fetches nothing), failed rows are listed and resubmitted alone;
 * crashes between steps lose nothing.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectBatch } from "../../ai/batch/collect.js";
import { ModelError } from "../../ai/errors/classify.js";
import { resubmitFailed } from "../../ai/batch/resubmit.js";
import { refreshStatus } from "../../ai/batch/status.js";
import { submitRun } from "../../ai/batch/submit.js";
import { pngSize } from "../../ai/estimate/estimate.js";
import { readBatchInput, type OpenAiTestServer } from "../../test/openai-server/server.js";
import { scriptedServer } from "../../test/openai-server/scripted.js";
import { batchClient } from "./client.js";
import { imageWriter, submitImageBatch, type ImageBatchRequest } from "./images.js";
import { folderStore } from "./store.js";

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "figment-batch-"));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const serve = scriptedServer();

const body = (prompt: string): Record<string, unknown> => ({
  model: "gpt-image-1",
  prompt,
  size: "1024x1024",
  quality: "low",
  n: 1,
});
const rows = (n: number): ImageBatchRequest[] =>
  Array.from({ length: n }, (_, i) => ({
    row: i + 1,
    fileStem: `${i + 1}-hero`,
    body: body(`A hero image, variant ${i + 1}`),
  }));
const conn = (srv: OpenAiTestServer) => ({ apiKey: "sk-test-batch-1234", baseURL: srv.url, headers: {} });
let dirs = 0;
const freshDir = (): string => join(tmp, `job-${++dirs}`);

/** Retrieves until the batch is final (each retrieve moves it one step on the test server). */
async function untilFinal(srv: OpenAiTestServer, dir: string): Promise<string[]> {
  const store = folderStore(dir);
  const client = batchClient(conn(srv));
  const seen: string[] = [];
  for (let i = 0; i < 6; i++) {
    const status = await refreshStatus(client, store, (await store.load())!);
    seen.push(status.runs.at(-1)!.status);
    if (status.finished) break;
  }
  return seen;
}

async function collect(srv: OpenAiTestServer, dir: string) {
  const store = folderStore(dir);
  return collectBatch(batchClient(conn(srv)), store, (await store.load())!, imageWriter(dir));
}

describe("submitImageBatch", () => {
  it("uploads one JSONL line per row, each body valid for /v1/images/generations, and records the batch", async () => {
    const srv = await serve();
    const dir = freshDir();
    const record = await submitImageBatch(dir, rows(3), conn(srv));
    const upload = srv.requests.find((r) => r.path === "/v1/files")!;
    expect(upload.schemaErrors).toEqual([]);
    expect(upload.body).toMatchObject({ purpose: "batch" });
    const text = upload.files[0]!.bytes.toString("utf8");
    const read = readBatchInput(text);
    expect(read.errors).toEqual([]);
    expect(read.lines.map((l) => l.custom_id)).toEqual(["row-1", "row-2", "row-3"]);
    const create = srv.requests.find((r) => r.path === "/v1/batches")!;
    expect(create.schemaErrors).toEqual([]);
    expect(create.body).toMatchObject({
      endpoint: "/v1/images/generations",
      completion_window: "24h",
      input_file_id: record.runs[0]!.inputFileId,
    });
    const saved = JSON.parse(readFileSync(join(dir, "batch.json"), "utf8"));
    expect(saved.runs[0].batchId).toMatch(/^batch-/);
    expect(saved.lines.map((l: { row: number; state: string }) => [l.row, l.state])).toEqual([
      [1, "pending"],
      [2, "pending"],
      [3, "pending"],
    ]);
    expect(readFileSync(join(dir, "batch.json"), "utf8")).not.toContain("sk-test-batch");
  });

  it("refuses unsafe or repeated file names and a folder that holds a batch, sending nothing", async () => {
    const srv = await serve();
    const dir = freshDir();
    await expect(submitImageBatch(dir, [{ row: 1, fileStem: "../x", body: body("a") }], conn(srv))).rejects.toThrow(
      expect.objectContaining({ kind: "input" }),
    );
    await expect(
      submitImageBatch(
        dir,
        [
          { row: 1, fileStem: "a", body: body("a") },
          { row: 2, fileStem: "a", body: body("b") },
        ],
        conn(srv),
      ),
    ).rejects.toThrow(/two rows would write a/);
    await expect(
      submitImageBatch(dir, [{ row: 1, fileStem: "a", body: { ...body("a"), stream: true } }], conn(srv)),
    ).rejects.toThrow(/stream/);
    expect(srv.requests).toHaveLength(0);
    await submitImageBatch(dir, rows(1), conn(srv));
    await expect(submitImageBatch(dir, rows(1), conn(srv))).rejects.toThrow(/already holds a batch/);
  });
});

describe("status and collect", () => {
  it(
    "moves validating → in_progress → finalizing → completed; " +
      "collect writes each row once, the second collect fetches nothing",
    async () => {
      const srv = await serve();
      const dir = freshDir();
      await submitImageBatch(dir, rows(3), conn(srv));
      expect(await untilFinal(srv, dir)).toEqual(["in_progress", "finalizing", "completed"]);
      const first = await collect(srv, dir);
      expect(first.done).toEqual(["row-1", "row-2", "row-3"]);
      expect(
        readdirSync(dir)
          .filter((f) => f.endsWith(".png"))
          .sort(),
      ).toEqual(["1-hero.png", "2-hero.png", "3-hero.png"]);
      expect(pngSize(readFileSync(join(dir, "2-hero.png")))).toEqual({ width: 1024, height: 1024 });
      const before = srv.routeCounts();
      expect(before["GET /v1/files/{id}/content"]).toBe(1);
      const second = await collect(srv, dir);
      expect(second).toEqual({ done: [], failed: [], downloaded: [] });
      expect(srv.routeCounts()).toEqual(before);
      expect(existsSync(join(dir, "3-hero.png"))).toBe(true);
    },
  );
});

describe("failures", () => {
  it(
    "lists failed rows with the provider's message and " + "resubmits them alone as a new batch linked in the record",
    async () => {
      const srv = await serve();
      srv.batches.script({ fail: (id) => id === "row-2" || id === "row-4" });
      const dir = freshDir();
      await submitImageBatch(dir, rows(4), conn(srv));
      await untilFinal(srv, dir);
      const report = await collect(srv, dir);
      expect(report.done).toEqual(["row-1", "row-3"]);
      expect(report.failed).toEqual(["row-2", "row-4"]);
      const store = folderStore(dir);
      let record = (await store.load())!;
      expect(record.lines.find((l) => l.customId === "row-2")).toMatchObject({
        state: "failed",
        error: expect.stringContaining("400: Invalid request for row-2"),
      });
      expect(srv.routeCounts()["GET /v1/files/{id}/content"]).toBe(2); // output and error file, once each

      srv.batches.script({});
      const again = await resubmitFailed(batchClient(conn(srv)), store, record);
      expect(again).toMatchObject({ run: 1, lines: 2 });
      const uploads = srv.requests.filter((r) => r.path === "/v1/files");
      expect(uploads).toHaveLength(2);
      expect(readBatchInput(uploads[1]!.files[0]!.bytes.toString("utf8")).lines.map((l) => l.custom_id)).toEqual([
        "row-2",
        "row-4",
      ]);
      record = (await store.load())!;
      expect(record.runs[1]).toMatchObject({
        resubmitOf: record.runs[0]!.batchId,
        batchId: expect.stringMatching(/^batch-/),
      });
      expect(srv.requests.filter((r) => r.path === "/v1/batches").at(-1)!.body).toMatchObject({
        metadata: { resubmit_of: record.runs[0]!.batchId },
      });

      await untilFinal(srv, dir);
      const last = await collect(srv, dir);
      expect(last.done).toEqual(["row-2", "row-4"]);
      expect((await store.load())!.lines.every((l) => l.state === "done")).toBe(true);
      expect(readdirSync(dir).filter((f) => f.endsWith(".png"))).toHaveLength(4);
      expect(await resubmitFailed(batchClient(conn(srv)), store, (await store.load())!)).toBeUndefined();
    },
  );

  it("an expired batch keeps the rows it answered and fails the rest with the reason", async () => {
    const srv = await serve();
    srv.batches.script({ end: "expired", answeredBeforeEnd: 1 });
    const dir = freshDir();
    await submitImageBatch(dir, rows(3), conn(srv));
    expect(await untilFinal(srv, dir)).toEqual(["in_progress", "expired"]);
    const report = await collect(srv, dir);
    expect(report.done).toEqual(["row-1"]);
    const record = (await folderStore(dir).load())!;
    expect(record.lines[2]).toMatchObject({ state: "failed", error: expect.stringContaining("batch_expired") });
  });

  it("a cancelled batch fails every unanswered row as cancelled", async () => {
    const srv = await serve();
    const dir = freshDir();
    const record = await submitImageBatch(dir, rows(2), conn(srv));
    await batchClient(conn(srv)).batches.cancel(record.runs[0]!.batchId!);
    expect(await untilFinal(srv, dir)).toEqual(["cancelled"]);
    const report = await collect(srv, dir);
    expect(report.failed).toEqual(["row-1", "row-2"]);
    expect((await folderStore(dir).load())!.lines[0]!.error).toContain("batch_cancelled");
  });

  it(
    "a body the endpoint would refuse is refused at upload (400 " +
      "→ bad-request), and the record says nothing was uploaded",
    async () => {
      const srv = await serve();
      const dir = freshDir();
      const error = await submitImageBatch(
        dir,
        [{ row: 1, fileStem: "a", body: { ...body("a"), n: 0 } }],
        conn(srv),
      ).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ModelError);
      expect((error as ModelError).reason).toBe("bad-request");
      expect((error as ModelError).message).toMatch(/line 1: body \/n/);
      const record = (await folderStore(dir).load())!;
      expect(record.runs[0]!.inputFileId).toBeUndefined();
    },
  );

  it.each([
    [401, "unauthorized"],
    [429, "rate-limited"],
    [503, "server"],
  ] as const)(
    "%i on batch creation becomes %s through toModelError, and the upload is not repeated on resume",
    async (status, kind) => {
      const srv = await serve();
      srv.failRoute("POST /v1/batches", {
        kind: "error",
        status,
        message: `scripted ${status}`,
        headers: { "retry-after": "7" },
      });
      const dir = freshDir();
      const error = await submitImageBatch(dir, rows(2), conn(srv), { maxRetries: 0 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ModelError);
      expect((error as ModelError).reason).toBe(kind);
      expect((error as ModelError).status).toBe(status);
      if (kind === "rate-limited") expect((error as ModelError).retryAfterMs).toBe(7000);
      const store = folderStore(dir);
      await submitRun(batchClient(conn(srv)), store, (await store.load())!, 0);
      expect(srv.routeCounts()).toMatchObject({ "POST /v1/files": 1, "POST /v1/batches": 2 });
    },
  );
});

/** A fetch that dies like the process would (the request never leaves) when `when` says so. */
function dyingFetch(when: (url: string, method: string) => boolean): typeof fetch {
  return async (input, init) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    if (when(url, init?.method ?? "GET")) throw new Error("killed");
    return fetch(input, init);
  };
}

describe("crashes between steps", () => {
  it(
    "killed after the upload: the record has the file id and no " +
      "batch; resuming creates the batch without uploading again",
    async () => {
      const srv = await serve();
      const dir = freshDir();
      await expect(
        submitImageBatch(dir, rows(2), conn(srv), {
          maxRetries: 0,
          fetch: dyingFetch((url, method) => method === "POST" && url.endsWith("/batches")),
        }),
      ).rejects.toThrow();
      const store = folderStore(dir);
      const record = (await store.load())!;
      expect(record.runs[0]!.inputFileId).toMatch(/^file-/);
      expect(record.runs[0]!.batchId).toBeUndefined();
      expect(srv.routeCounts()).toEqual({ "POST /v1/files": 1 });
      await submitRun(batchClient(conn(srv)), store, record, 0);
      // The resume first looks for a batch made from that file (none), then creates it.
      expect(srv.routeCounts()).toEqual({ "POST /v1/files": 1, "GET /v1/batches": 1, "POST /v1/batches": 1 });
      expect(srv.requests.at(-1)!.body).toMatchObject({ input_file_id: record.runs[0]!.inputFileId });
      expect((await store.load())!.runs[0]!.batchId).toMatch(/^batch-/);
    },
  );

  it(
    "killed after the provider created the batch, before the " +
      "record said so: resuming adopts that batch, creating none",
    async () => {
      const srv = await serve();
      const dir = freshDir();
      const diesAfterCreate: typeof fetch = async (input, init) => {
        const response = await fetch(input, init);
        if (init?.method === "POST" && String(input).endsWith("/batches")) throw new Error("killed");
        return response;
      };
      await expect(
        submitImageBatch(dir, rows(2), conn(srv), { maxRetries: 0, fetch: diesAfterCreate }),
      ).rejects.toThrow();
      const store = folderStore(dir);
      expect((await store.load())!.runs[0]!.batchId).toBeUndefined();
      await submitRun(batchClient(conn(srv)), store, (await store.load())!, 0);
      expect(srv.routeCounts()).toEqual({ "POST /v1/files": 1, "POST /v1/batches": 1, "GET /v1/batches": 1 });
      expect((await store.load())!.runs[0]!.batchId).toBe([...srv.batches.batches.keys()][0]);
    },
  );

  it(
    "killed during collect (after the output file, before " + "the error file): the rerun fetches only the error file",
    async () => {
      const srv = await serve();
      srv.batches.script({ fail: (id) => id === "row-3" });
      const dir = freshDir();
      await submitImageBatch(dir, rows(3), conn(srv));
      await untilFinal(srv, dir);
      const store = folderStore(dir);
      const record = (await store.load())!;
      const errorFile = record.runs[0]!.errorFileId!;
      const dying = batchClient(conn(srv), {
        maxRetries: 0,
        fetch: dyingFetch((url) => url.includes(`/files/${errorFile}/content`)),
      });
      await expect(collectBatch(dying, store, record, imageWriter(dir))).rejects.toThrow();
      const afterCrash = (await store.load())!;
      expect(afterCrash.lines.map((l) => l.state)).toEqual(["done", "done", "pending"]);
      const rerun = await collect(srv, dir);
      expect(rerun.done).toEqual([]);
      expect(rerun.failed).toEqual(["row-3"]);
      expect(rerun.downloaded).toEqual([errorFile]);
      const contents = srv.requests.filter((r) => r.path.endsWith("/content")).map((r) => r.path);
      expect(contents).toEqual([`/v1/files/${record.runs[0]!.outputFileId}/content`, `/v1/files/${errorFile}/content`]);
    },
  );

  it("killed while writing images: the rerun writes the rest from the kept download, fetching nothing", async () => {
    const srv = await serve();
    const dir = freshDir();
    await submitImageBatch(dir, rows(3), conn(srv));
    await untilFinal(srv, dir);
    const store = folderStore(dir);
    const write = imageWriter(dir);
    let calls = 0;
    const dies: typeof write = async (line, answer) => {
      if (++calls === 2) throw new Error("killed");
      return write(line, answer);
    };
    await expect(collectBatch(batchClient(conn(srv)), store, (await store.load())!, dies)).rejects.toThrow("killed");
    // A writer that throws (a full disk) still saves what was settled: row-1 stays done, the rerun writes the other
    // two.
    expect((await store.load())!.lines.map((l) => l.state)).toEqual(["done", "pending", "pending"]);
    const counts = srv.routeCounts();
    const rerun = await collect(srv, dir);
    expect(rerun.done).toEqual(["row-2", "row-3"]);
    expect(srv.routeCounts()).toEqual(counts);
    expect(readdirSync(dir).filter((f) => f.endsWith(".png"))).toHaveLength(3);
  });
});
