import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { frameDocs } from "./frame-doc.js";
import { contentHash } from "./hash.js";

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../test/fixtures/figma/${name}`, import.meta.url), "utf8"));

describe("frameDocs", () => {
  it("makes one document per top-level frame of every page, with its page name", () => {
    const docs = frameDocs(fixture("figmagic-design-system.file.json"));
    expect(docs.length).toBe(57);
    expect(new Set(docs.map((d) => d.page))).toEqual(
      new Set(["Design Tokens", "Graphics", "Elements", "Components", "Views"]),
    );
    expect(docs.find((d) => d.id === "3214:739")).toMatchObject({ name: "Easings", page: "Design Tokens" });
  });

  it("reads texts, components and a structural summary from the design tree", () => {
    const [login] = frameDocs(fixture("figmasharp-login.file.json"));
    expect(login).toMatchObject({
      name: "Log-In Page",
      page: "Page 1",
      counts: { buttons: 1, images: 1, width: 375, height: 667 },
    });
    expect(login!.texts).toContain("Forgot your password?");
    expect(login!.summary).toBe("375×667, 1 button, 1 image");
    const [selfie] = frameDocs(fixture("figma-differ-selfie.nodes.json"));
    expect(selfie!.page).toBe("");
    expect(selfie!.components).toContain("iOS Bar/Device=iPhone X");
  });

  it("hashes content, not key order; an edit changes the hash of that frame only", () => {
    expect(contentHash({ a: 1, b: [1, "x"] })).toBe(contentHash({ b: [1, "x"], a: 1 }));
    expect(contentHash({ a: 1 })).not.toBe(contentHash({ a: 2 }));
    const json = fixture("figmagic-design-system.file.json") as {
      document: { children: { children: { name: string }[] }[] };
    };
    const before = frameDocs(json);
    json.document.children[0]!.children[1]!.name = "Renamed";
    const after = frameDocs(json);
    const changed = after.filter((d, i) => d.hash !== before[i]!.hash);
    expect(changed.map((d) => d.name)).toEqual(["Renamed"]);
  });
});
