import { describe, expect, it } from "vitest";
import type { SearchFrameDoc } from "../../contract/search.js";
import { encodeVector } from "../../contract/vector-codec.js";
import { likeQuery, likeTerm, MAX_LIKE_WORDS, selectedFrame } from "./like-selection.js";

const counts = { buttons: 0, inputs: 0, images: 0, headings: 0, width: 10, height: 10 };
const onboarding: SearchFrameDoc = {
  id: "5:1",
  name: "Onboarding 2",
  page: "Flows",
  pageId: "0:2",
  texts: ["Find places near you", "Allow location", "2 of 3"],
  components: ["Button/Primary", "Map pin"],
  counts,
  summary: "",
  hash: "abc",
};
const node = (id: string, frameId?: string) => ({
  id,
  name: id,
  type: "FRAME",
  width: 1,
  height: 1,
  ...(frameId ? { frameId } : {}),
});

describe("like the selection", () => {
  it("finds the selection's top-level frame in the index, by any selected layer", () => {
    const docs = new Map([[onboarding.id, onboarding]]);
    expect(selectedFrame({ nodes: [node("7:7"), node("5:9", "5:1")], unsupported: [] }, docs)).toBe(onboarding);
    expect(selectedFrame({ nodes: [node("8:8", "8:1")], unsupported: [] }, docs)).toBeUndefined();
    expect(selectedFrame({ nodes: [], unsupported: [] }, docs)).toBeUndefined();
  });

  it("offline: the frame's words, name first, then components and texts, each once, no numbers", () => {
    expect(likeTerm(onboarding)).toBe("onboarding button primary map pin find places near you allow location of");
    const many = {
      ...onboarding,
      texts: Array.from(
        { length: 100 },
        (_, i) => `word${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`,
      ),
    };
    expect(likeTerm(many).split(" ")).toHaveLength(MAX_LIKE_WORDS);
  });

  it("with a vector for the frame's current hash: that vector; a stale or broken one: the words", () => {
    const vector = [0.5, -0.25, 1];
    expect(
      likeQuery(onboarding, {
        vectors: { "5:1": { hash: "abc", model: "m", dimensions: 3, vector: encodeVector(vector) } },
      }),
    ).toEqual({ kind: "vector", vector });
    expect(
      likeQuery(onboarding, {
        vectors: { "5:1": { hash: "old", model: "m", dimensions: 3, vector: encodeVector(vector) } },
      }).kind,
    ).toBe("text");
    expect(
      likeQuery(onboarding, { vectors: { "5:1": { hash: "abc", model: "m", dimensions: 3, vector: "%%%" } } }),
    ).toEqual({ kind: "text", term: likeTerm(onboarding) });
  });
});
