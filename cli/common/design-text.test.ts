import { describe, expect, it } from "vitest";
import { readRestReply } from "../../codegen/rest/reply.js";
import { readDesignBytes } from "./design-text.js";

const REPLY = {
  name: "File",
  document: {
    id: "0:0",
    name: "Document",
    type: "DOCUMENT",
    children: [
      {
        id: "0:1",
        name: "Page 1",
        type: "CANVAS",
        children: [{ id: "1:2", name: "Home – ü 日本", type: "FRAME", children: [] }],
      },
    ],
  },
};
const TEXT = JSON.stringify(REPLY, null, 2);
const utf16le = Buffer.from(TEXT, "utf16le");
const utf16be = Buffer.from(utf16le).swap16();
const bytes = (...parts: (number[] | Buffer)[]): Uint8Array =>
  new Uint8Array(Buffer.concat(parts.map((p) => (Array.isArray(p) ? Buffer.from(p) : p))));

describe("readDesignBytes: a design file's encoding", () => {
  it("reads plain UTF-8 with no notes", () => {
    expect(readDesignBytes(bytes(Buffer.from(TEXT)))).toEqual({ json: REPLY, notes: [] });
  });

  it("skips a UTF-8 byte-order mark", () => {
    expect(readDesignBytes(bytes([0xef, 0xbb, 0xbf], Buffer.from(TEXT)))).toEqual({
      json: REPLY,
      notes: ["it starts with a UTF-8 byte-order mark (skipped)"],
    });
  });

  it("decodes UTF-16 LE and BE with a byte-order mark, non-ASCII names intact", () => {
    const le = readDesignBytes(bytes([0xff, 0xfe], utf16le));
    expect(le).toEqual({ json: REPLY, notes: ["it is UTF-16 LE text with a byte-order mark (decoded)"] });
    const be = readDesignBytes(bytes([0xfe, 0xff], utf16be));
    expect(be).toEqual({ json: REPLY, notes: ["it is UTF-16 BE text with a byte-order mark (decoded)"] });
    expect(readRestReply(be.json).roots.map((r) => r.name)).toEqual(["Home – ü 日本"]);
  });

  it("tells UTF-16 without a byte-order mark by its zero bytes", () => {
    expect(readDesignBytes(bytes(utf16le)).notes).toEqual(["it is UTF-16 LE text without a byte-order mark (decoded)"]);
    expect(readDesignBytes(bytes(utf16be)).json).toEqual(REPLY);
  });

  it("combines the encoding's note with the text's (UTF-16 with a trailer)", () => {
    const read = readDesignBytes(bytes([0xff, 0xfe], Buffer.from(`${TEXT}\nHTTP_STATUS:200`, "utf16le")));
    expect(read.json).toEqual(REPLY);
    expect(read.notes).toEqual([
      "it is UTF-16 LE text with a byte-order mark (decoded)",
      'it has text after the JSON: "HTTP_STATUS:200" (16 characters, ignored)',
    ]);
  });
});
