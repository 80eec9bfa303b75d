/**
 * Model files named to escape the output folder, mutated on the wire (issue 38): one answer whose files are named
 * `../`, `src/../../`, `..\`, absolute, `C:\`, `c:`, UNC, with NUL, a device or short name, a lone surrogate, a file
 * where a folder is, 300-byte names, and the two files of a real answer; replayed cut, stalled, retyped, nulled and
 * swollen (test/fuzz/targets-text.ts), its files then written as `figment code --ai` writes them (cli/common/io.ts
 * writeFilesUnder) into a fresh folder: no file lands outside it and writing never throws.
 */
import { describe, expect, it } from "vitest";
import { itHandlesMutatedAnswers } from "../../test/fuzz/expect-handled.js";
import { replayFetch } from "../../test/fuzz/wire.js";
import { textTargets, writeInSandbox } from "../../test/fuzz/targets-text.js";
import type { ModelCodeResult } from "./pipeline.js";

describe("Model files named to escape the output folder, mutated", () => {
  it("the answer as sent: its two real files (and a literal '%2e%2e' " +
    "folder) are kept, every other path refused with a problem naming it", {
    timeout: 30_000,
  }, async () => {
    const [target] = await textTargets(["code-paths-chat"]);
    const result = (await target!.run(replayFetch(target!.answers), new AbortController().signal)) as ModelCodeResult;
    // "%2e%2e" is a folder's name on disk, not a parent: it stays inside the output folder.
    expect(
      result.files
        .map((f) => f.path)
        .filter((p) => p.startsWith("src/"))
        .sort(),
    ).toEqual(["src/%2e%2e/escape.tsx", "src/App.tsx", "src/components/Button.tsx"]);
    const refused = result.problems.filter((p) => p.code === "unsafe-path" || p.code === "duplicate-path");
    expect(refused.length).toBeGreaterThanOrEqual(19);
    expect(refused.every((p) => p.message.length < 300)).toBe(true);
  });

  it("the writer's own check: a path out of the folder is refused, not written", async () => {
    await expect(
      writeInSandbox([
        { path: "../escape.tsx", content: "x" },
        { path: "/tmp/figment-abs.tsx", content: "x" },
        { path: "ok.tsx", content: "x" },
      ]),
    ).resolves.toBeUndefined();
  });

  itHandlesMutatedAnswers(
    ["code-paths-responses", "code-paths-chat"],
    "every mutated answer ends in a result or a refusal in a sentence, nothing written outside",
  );
});
