import { describe, expect, it } from "vitest";
import { CONSISTENT_NOTE } from "../../../../ai/params/requests.js";
import type { ImageVersion } from "../../versions.js";
import { EMPTY_STYLE, type RowsPlan } from "../plan.js";
import { FOLLOW_UP_NOTE, itemRequest } from "./item-request.js";

const ref = { nodeId: "1:1", name: "Moodboard", bytes: new Uint8Array([1, 2]), width: 10, height: 10 };
const plan: RowsPlan = {
  name: "Steps",
  items: [1, 2].map((row) => ({
    row,
    values: { step: String(row) },
    prompt: `Step ${row}, flat vector`,
    stem: `0${row}-step`,
  })),
  style: { ...EMPTY_STYLE, references: [ref] },
  size: { width: 1024, height: 1536 },
  quality: "medium",
  acceptFirst: true,
  reasonFirst: false,
};
const images = { api: "images", model: "gpt-image-2", imageModel: "gpt-image-2" } as const;
const responses = { api: "responses", model: "gpt-5", imageModel: "gpt-image-2" } as const;
const first = (api: "images" | "responses"): ImageVersion =>
  ({
    id: "b1-1",
    n: 1,
    prompt: "Step 1",
    width: 8,
    height: 8,
    format: "png",
    bytes: new Uint8Array([9]),
    api,
    conversation: api === "responses" ? { previousResponseId: "resp_first" } : undefined,
  }) as ImageVersion;

describe("a Rows item's request", () => {
  it("is the computed prompt, the plan's size and quality, the style's references, one image and one partial", () => {
    expect(itemRequest(plan, 1, images, undefined)).toEqual({
      prompt: "Step 2, flat vector",
      size: { width: 1024, height: 1536 },
      quality: "medium",
      count: 1,
      partials: 1,
      references: [{ bytes: ref.bytes, name: "Moodboard.png" }],
    });
    expect(itemRequest(plan, 0, { api: "chat", model: "m", imageModel: "m" }, undefined).partials).toBe(0);
  });

  it("after the first is accepted, the Images API gets it as the first reference with the consistency sentence", () => {
    const data = itemRequest(plan, 1, images, first("images"));
    expect(data.prompt).toBe(`Step 2, flat vector\n\n${CONSISTENT_NOTE}`);
    expect(data.references.map((r) => r.name)).toEqual(["first.png", "Moodboard.png"]);
    expect(data.refine).toBeUndefined();
    // The first item itself is never sent with itself.
    expect(itemRequest(plan, 0, images, first("images")).references).toHaveLength(1);
  });

  it("on the Responses API it builds on the first's response instead", () => {
    const data = itemRequest(plan, 1, responses, first("responses"));
    expect(data.refine).toEqual({ previousResponseId: "resp_first" });
    expect(data.prompt).toBe(`Step 2, flat vector\n\n${FOLLOW_UP_NOTE}`);
    expect(data.references.map((r) => r.name)).toEqual(["Moodboard.png"]);
  });
});
