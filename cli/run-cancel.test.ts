/**
 * Exit 130 is decided in cli/run.ts from the command table (issue 50): a row says which runs can be cancelled, only
 * those get the signal and Ctrl-C, and a cancel anywhere else is an ordinary failure (exit 1), never 130.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { captureIo } from "../test/helpers/fixtures.js";
import { isCancellable, run } from "./run.js";

describe("which runs can be cancelled (the command table)", () => {
  it.each([
    [["code", "x.json", "--ai"], true],
    [["code", "x.json", "--file-key=ABC"], true],
    [["--json", "code", "x.json", "--ai"], true],
    [["analyze", "x.json", "--ai"], true],
    [["search", "x.json", "q", "--ai"], true],
    [["image", "--prompt", "p"], true],
    [["batch", "status", "dir"], true],
    [["score", "x.json", "--dir", "d"], true],
    [["code", "x.json"], false],
    [["frames", "x.json"], false],
    [["analyze", "x.json"], false],
    [["demo"], false],
    [[], false],
  ])("%j → %s", (argv, cancellable) => {
    expect(isCancellable(argv)).toBe(cancellable);
  });

  it("a run that cannot be cancelled gets no signal: an aborted one changes nothing", async () => {
    const io = captureIo();
    const exit = await run(["frames", "test/fixtures/figma/figmasharp-login.file.json"], io, {
      signal: AbortSignal.abort(),
    });
    expect(exit, io.stderr()).toBe(0);
  });

  it("figment score takes the signal: cancelled, it exits 130 before Chromium starts and prints no score", async () => {
    const dir = mkdtempSync(join(tmpdir(), "figment-score-cancel-"));
    try {
      writeFileSync(join(dir, "index.html"), '<div data-node-id="101:3">Log in</div>');
      const io = captureIo();
      const argv = ["score", "test/fixtures/figma/figmasharp-login.file.json", "--dir", dir, "--json"];
      expect(await run(argv, io, { signal: AbortSignal.abort() }), io.stderr()).toBe(130);
      expect(io.stderr()).toContain("cancelled before Chromium started");
      expect(io.stdout()).toBe("");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
