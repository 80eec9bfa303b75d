import { describe, expect, it } from "vitest";
import { bytesToBase64 } from "../kernel/base64";
import { assetDataUrl } from "./file-paths";

describe("bytesToBase64", () => {
  it("matches Node's base64 for every padding case and for large inputs", () => {
    for (const length of [0, 1, 2, 3, 4, 5, 100_001]) {
      const bytes = new Uint8Array(length).map((_, i) => (i * 37 + 11) & 255);
      expect(bytesToBase64(bytes), String(length)).toBe(Buffer.from(bytes).toString("base64"));
    }
  });

  it("makes a data: URL of a binary file from its bytes, typed by its extension", () => {
    expect(assetDataUrl({ path: "src/assets/a.jpg", content: "", bytes: Uint8Array.from([255, 216, 255]) })).toBe(
      "data:image/jpeg;base64,/9j/",
    );
  });
});
