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
import { ModelError } from "../../ai/errors.js";
import { BatchInputError } from "../../ai/batch/lines.js";
import { resubmitFailed } from "../../ai/batch/resubmit.js";
import { refreshStatus } from "../../ai/batch/status.js";
import { submitRun } from "../../ai/batch/submit.js";
import { pngSize } from "../../ai/estimate.js";
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

const body = (prompt: string): Record<string, unknown> => ({ model: "gpt-image-1", prompt, size: "1024x1024", quality: "low", n: 1 });
const rows = (n: number): ImageBatchRequest[] => Array.from({ length: n }, (_, i) => ({ row: i + 1, fileStem: `${i + 1}-hero`, body: body(`A hero image, variant ${i + 1}`) }));
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
    expect(create.body).toMatchObject({ endpoint: "/v1/images/generations", completion_window: "24h", input_file_id: record.runs[0]!.inputFileId });
    const saved = JSON.parse(readFileSync(join(dir, "batch.json"), "utf8"));
    expect(saved.runs[0].batchId).toMatch(/^batch-/);
    expect(saved.lines.map((l: { row: number; state: string }) => [l.row, l.state])).toEqual([[1, "pending"], [2, "pending"], [3, "pending"]]);
    expect(readFileSync(join(dir, "batch.json"), "utf8")).not.toContain("sk-test-batch");
  });

  it("refuses unsafe or repeated file names and a folder that holds a batch, sending nothing", async () => {
    const srv = await serve();
    const dir = freshDir();
    await expect(submitImageBatch(dir, [{ row: 1, fileStem: "../x", body: body("a") }], conn(srv))).rejects.toThrow(BatchInputError);
    await expect(submitImageBatch(dir, [{ row: 1, fileStem: "a", body: body("a") }, { row: 2, fileStem: "a", body: body("b") }], conn(srv))).rejects.toThrow(/two rows would write a/);
    await expect(submitImageBatch(dir, [{ row: 1, fileStem: "a", body: { ...body("a"), stream: true } }], conn(srv))).rejects.toThrow(/stream/);
    expect(srv.requests).toHaveLength(0);
    await submitImageBatch(dir, rows(1), conn(srv));
    await expect(submitImageBatch(dir, rows(1), conn(srv))).rejects.toThrow(/already holds a batch/);
  });
});

describe("status and collect", () => {
  it("moves validating → in_progress → finalizing → completed; collect writes each row once, the second collect fetches nothing", async () => {
    const srv = await serve();
    const dir = freshDir();
    await submitImageBatch(dir, rows(3), conn(srv));
    expect(await untilFinal(srv, dir)).toEqual(["in_progress", "finalizing", "completed"]);
    const first = await collect(srv, dir);
    expect(first.done).toEqual(["row-1", "row-2", "row-3"]);
    expect(readdirSync(dir).filter((f) => f.endsWith(".png")).sort()).toEqual(["1-hero.png", "2-hero.png", "3-hero.png"]);
    expect(pngSize(readFileSync(join(dir, "2-hero.png")))).toEqual({ width: 1024, height: 1024 });
    const before = srv.routeCounts();
    expect(before["GET /v1/files/{id}/content"]).toBe(1);
    const second = await collect(srv, dir);
    expect(second).toEqual({ done: [], failed: [], downloaded: [] });
    expect(srv.routeCounts()).toEqual(before);
    expect(existsSync(join(dir, "3-hero.png"))).toBe(true);
  });
});
