/**
 * Batch API answers, mutated (issue 38): the upload, create, retrieve, list and cancel answers, and the output and
 * error files' JSON lines (null bodies, missing or unknown custom ids, duplicate and cut lines, a body of another
 * shape, b64_json null, not base64 or huge). Every step ends in a result or a refusal in a sentence; the record it
 * saved reads back; a line that arrived whole is written, every failed line says why. Fixed seed.
 */
import { describe, it } from "vitest";
import { expectEveryCaseHandled } from "../../test/fuzz/expect-handled.js";
import { fuzz } from "../../test/fuzz/run-cases.js";
import { batchTargets } from "../../test/fuzz/targets-batch.js";

const targets = await batchTargets();

describe("the Batch API steps under mutated answers", () => {
  it.each(targets.map((target) => [target.name, target] as const))(
    "%s: every answer ends in a result or a sentence, nothing collected lost",
    async (name, target) => {
      const report = await fuzz(target, { seed: 38, cases: name === "batch-collect" ? 400 : 200 });
      expectEveryCaseHandled(report);
    },
    30_000,
  );
});
