/**
 * `figment batch cancel` and the folder lock, through the command against the OpenAI-wire test server:
 * cancel stops a moving batch (what it answered before stays collectable), marks a run interrupted before
 * its batch existed as cancelled so no later step creates it, and says so when nothing is left to cancel;
 * a second step on a folder whose lock a live process holds is refused, a dead owner's lock is taken over.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captureIo } from "../../test/helpers/fixtures.js";
import type { OpenAiTestServer } from "../../test/openai-server/server.js";
import { scriptedServer } from "../../test/openai-server/scripted.js";
import { run } from "../run.js";
import { submitImageBatch, type ImageBatchRequest } from "../batch-api/images.js";
import { LOCK_FILE } from "./lock.js";
import { KEPT_DIR, folderStore } from "../batch-api/store.js";

const ENV = { OPENAI_API_KEY: "sk-test-cancel-4321" };
let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "figment-batch-cmd-"));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const serve = scriptedServer();
let dirs = 0;
const freshDir = (): string => join(tmp, `job-${++dirs}`);
const rows = (n: number): ImageBatchRequest[] =>
  Array.from({ length: n }, (_, i) => ({
    row: i + 1,
    fileStem: `${i + 1}-hero`,
    body: { model: "gpt-image-1", prompt: `variant ${i + 1}`, size: "1024x1024", quality: "low", n: 1 },
  }));
const conn = (srv: OpenAiTestServer) => ({ apiKey: ENV.OPENAI_API_KEY, baseURL: srv.url, headers: {} });

async function batch(srv: OpenAiTestServer, ...argv: string[]) {
  const io = captureIo();
  const code = await run(["batch", ...argv, "--base-url", srv.url], io, { env: ENV });
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

describe("figment batch cancel", () => {
  it(
    "cancels a moving batch; collect then fails its rows " + "as cancelled, and a second cancel has nothing to do",
    async () => {
      const srv = await serve();
      const dir = freshDir();
      const record = await submitImageBatch(dir, rows(2), conn(srv));
      const cancelled = await batch(srv, "cancel", dir);
      expect(cancelled.code).toBe(0);
      expect(cancelled.stdout).toContain(`cancelling ${record.runs[0]!.batchId}`);
      expect(srv.routeCounts()["POST /v1/batches/{id}/cancel"]).toBe(1);
      // The status retrieved after the cancel (the test server moves one step per retrieve) is final.
      expect((await folderStore(dir).load())!.runs[0]!.status).toBe("cancelled");
      const collected = await batch(srv, "collect", dir);
      expect(collected.code).toBe(1);
      expect(collected.stderr).toMatch(/row 1 failed: .*cancelled/);
      const again = await batch(srv, "cancel", dir);
      expect(again.stdout).toContain("nothing to cancel: every run has ended");
      expect(srv.routeCounts()["POST /v1/batches/{id}/cancel"]).toBe(1);
    },
  );

  it("a run interrupted before its batch existed is cancelled here and never created later", async () => {
    const srv = await serve();
    const dir = freshDir();
    // The process dies as the batch would be created: the upload is recorded, the batch never made.
    const dies: typeof fetch = async (input, init) => {
      if (init?.method === "POST" && String(input).endsWith("/batches")) throw new Error("killed");
      return fetch(input, init);
    };
    await expect(submitImageBatch(dir, rows(1), conn(srv), { maxRetries: 0, fetch: dies })).rejects.toThrow();
    const stored = (await folderStore(dir).load())!;
    expect(stored.runs[0]!.inputFileId).toBeDefined();
    expect(stored.runs[0]!.batchId).toBeUndefined();
    const cancelled = await batch(srv, "cancel", dir, "--json");
    expect(JSON.parse(cancelled.stdout)).toMatchObject({ neverCreated: 1, finished: true });
    const status = await batch(srv, "status", dir);
    expect(status.stdout).toContain("cancelled");
    expect(srv.routeCounts()["POST /v1/batches"]).toBeUndefined(); // neither cancel nor status created it
    const collected = await batch(srv, "collect", dir);
    expect(collected.stderr).toContain("row 1 failed: the batch was cancelled before it was created");
  });
});

describe("one step at a time per folder", () => {
  it("refuses a step while a live process holds the lock, and takes over a dead owner's lock", async () => {
    const srv = await serve();
    const dir = freshDir();
    await submitImageBatch(dir, rows(1), conn(srv));
    const lock = join(dir, KEPT_DIR, LOCK_FILE);
    mkdirSync(join(dir, KEPT_DIR), { recursive: true });
    // The parent of this test process is alive and is not us.
    writeFileSync(lock, JSON.stringify({ pid: process.ppid, step: "collect" }));
    const refused = await batch(srv, "status", dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`another figment batch collect (pid ${process.ppid}) is working on ${dir}`);
    expect(readFileSync(lock, "utf8")).toContain(String(process.ppid));
    // A pid no process has: the lock is stale and taken over; the step runs and releases it.
    writeFileSync(lock, JSON.stringify({ pid: 2 ** 22 + 17, step: "collect" }));
    const taken = await batch(srv, "status", dir);
    expect(taken.code).toBe(0);
    expect(taken.stdout).toMatch(/batch batch-\S+ .* in_progress/);
    expect(() => readFileSync(lock)).toThrow();
  });
});
