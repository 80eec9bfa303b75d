/**
 * Images API bodies for batch lines: the live request's body minus streaming, each valid per openapi.json; references
 * refused.
 */
import { describe, expect, it } from "vitest";
import { validateRequest } from "../../test/openai-server/validate.js";
import { imageConfig } from "../image/config.js";
import { encodePng } from "../../test/openai-server/server.js";
import { imageBatchBodies, rowCustomId } from "./image-bodies.js";
import { FigmentError } from "../../kernel/errors.js";

const config = imageConfig({ provider: "openai", baseUrl: "", model: "gpt-5" }, "sk-test", { api: "images" });
const row = (n: number, extra: object = {}) => ({
  row: n,
  stem: `${n}-hero`,
  request: {
    prompt: `A hero, variant ${n}`,
    size: { width: 1536, height: 1024 },
    quality: "medium" as const,
    count: 1,
    partials: 2,
    references: [],
    ...extra,
  },
});

describe("imageBatchBodies", () => {
  it("writes each row's Images API body without stream or partial_images, valid per the OpenAPI schema", () => {
    const bodies = imageBatchBodies(config, [row(1), row(2)]);
    expect(bodies.map((b) => [b.row, b.fileStem, b.body.prompt, b.body.size, b.body.quality])).toEqual([
      [1, "1-hero", "A hero, variant 1", "1536x1024", "medium"],
      [2, "2-hero", "A hero, variant 2", "1536x1024", "medium"],
    ]);
    for (const b of bodies) {
      expect(b.body).not.toHaveProperty("stream");
      expect(b.body).not.toHaveProperty("partial_images");
      expect(validateRequest("/v1/images/generations", b.body)).toEqual([]);
    }
    expect(rowCustomId(3)).toBe("row-3");
  });

  it("refuses references (an edit) and a non-Images config by name, before anything is built", () => {
    expect(() =>
      imageBatchBodies(config, [row(1), row(2, { references: [{ bytes: new Uint8Array(encodePng(8, 8)) }] })]),
    ).toThrow(
      new FigmentError(
        "input",
        "row 2: only Images API generations can go in a batch (references " +
          "need an image edit, which the Batch API does not run)",
      ),
    );
    const responses = imageConfig({ provider: "openai", baseUrl: "", model: "gpt-5" }, "sk-test", { api: "responses" });
    expect(() => imageBatchBodies(responses, [row(1)])).toThrow(/responses API/);
  });
});
