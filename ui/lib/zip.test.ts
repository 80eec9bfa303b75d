import { unzipSync, strFromU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { zipFiles } from "./zip";

describe("zipFiles", () => {
  it("stores binary assets byte-exact beside text files", () => {
    const bytes = new Uint8Array(256).map((_, i) => i);
    const zip = zipFiles([
      { path: "index.html", content: "<p>é</p>\n" },
      { path: "assets/photo.jpg", content: "", bytes },
      { path: "assets/old.png", content: "AAEC" },
    ]);
    const entries = unzipSync(zip);
    expect(entries["assets/photo.jpg"]).toEqual(bytes);
    expect(strFromU8(entries["index.html"]!)).toBe("<p>é</p>\n");
    expect(entries["assets/old.png"]).toEqual(Uint8Array.from([0, 1, 2]));
  });
});
