/**
 * Image answers, mutated (issue 38): the Images API (JSON and stream, generations and edits), the Responses API's
 * image_generation tool and chat completions with image output, each answer recorded once from the OpenAI-wire
 * test server and replayed through the fetch the SDK is given — cut, dropped, stalled, held after the last event,
 * fields null, retyped, huge or not base64, events of garbage, other statuses. Every case ends in images or a
 * ModelError in a sentence, within 5 s, and no text shown carries a JavaScript message. Fixed seed.
 */
import { describe, it } from "vitest";
import { expectEveryCaseHandled } from "../../test/fuzz/expect-handled.js";
import { fuzz } from "../../test/fuzz/run-cases.js";
import { imageTargets } from "../../test/fuzz/targets-image.js";

const targets = await imageTargets();

describe("generateImages under mutated answers", () => {
  it.each(targets.map((target) => [target.name, target] as const))(
    "%s: every answer ends in images or a sentence",
    async (_name, target) => {
      const report = await fuzz(target, { seed: 38, cases: 150 });
      expectEveryCaseHandled(report);
    },
    30_000,
  );
});
