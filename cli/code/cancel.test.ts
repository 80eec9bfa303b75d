/**
 * The commands' own cancellation as figment mcp drives it (RunContext: the request's signal and a progress callback):
 * `figment code` cancelled once its layout check is done writes nothing; `figment analyze` cancelled after reading
 * the design judges nothing and prints nothing. Each stops with kernel/cancelled.ts's Cancelled.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isCancelled } from "../../kernel/cancelled.js";
import { captureIo, fixturePath } from "../../test/helpers/fixtures.js";
import { parseAnalyzeArgs } from "../analyze/args.js";
import { analyzeCommand } from "../analyze/command.js";
import { parseCliArgs } from "../common/args.js";
import { codeCommand } from "./command.js";

const LOGIN = fixturePath("figmasharp-login.file.json");

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "figment-cancel-"));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("a command cancelled through its RunContext stops its own work", () => {
  it("figment code: a cancel after the layout check writes no file", async () => {
    const out = join(tmp, "code");
    const controller = new AbortController();
    const steps: string[] = [];
    const io = captureIo();
    const progress = (_done: number, _total: number, message: string): void => {
      steps.push(message);
      if (message.startsWith("layout checked")) controller.abort();
    };
    const run = codeCommand(parseCliArgs(["code", LOGIN, "--out", out, "--json"]), io, {
      signal: controller.signal,
      progress,
    });
    const error = await run.then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(isCancelled(error), String(error)).toBe(true);
    expect(steps).toEqual(["checking the inferred layout", "layout checked; generating the files"]);
    expect(existsSync(out) ? readdirSync(out, { recursive: true }) : []).toEqual([]);
    expect(io.stdout()).toBe("");
    // The same run, not cancelled, writes its files.
    expect(await codeCommand(parseCliArgs(["code", LOGIN, "--out", out, "--json"]), captureIo())).toBe(0);
    expect(readdirSync(out).length).toBeGreaterThan(0);
  }, 60_000);

  it("figment analyze: a cancel once the design is read prints no finding", async () => {
    const controller = new AbortController();
    const io = captureIo();
    const progress = (done: number): void => {
      if (done === 0) controller.abort();
    };
    const error = await analyzeCommand(parseAnalyzeArgs([LOGIN, "--json"]), io, {
      signal: controller.signal,
      progress,
    }).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(isCancelled(error), String(error)).toBe(true);
    expect((error as Error).message).toBe("cancelled before the design was judged");
    expect(io.stdout()).toBe("");
  });
});
