import { describe, expect, it } from "vitest";
import { readRestReply } from "./reply";
import { readReplyText, unwrapReply } from "./reply-text";

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
        children: [{ id: "1:2", name: "Home – ü", type: "FRAME", children: [] }],
      },
    ],
  },
  components: {},
};
const TEXT = JSON.stringify(REPLY, null, 2);

/** The frame names readRestReply finds in what was read: the reply was read whole. */
const frames = (json: unknown): string[] => readRestReply(json).roots.map((r) => r.name);

describe("readReplyText: design files as people save them", () => {
  it("reads plain JSON as it is, with no notes", () => {
    expect(readReplyText(TEXT)).toEqual({ json: REPLY, notes: [] });
    expect(frames(readReplyText(TEXT).json)).toEqual(["Home – ü"]);
  });

  it("skips a byte-order mark left at the text's start", () => {
    expect(readReplyText(`\ufeff${TEXT}`)).toEqual({
      json: REPLY,
      notes: ["it starts with a byte-order mark (skipped)"],
    });
  });

  it("reads the JSON before a trailer (a download script's HTTP_STATUS line) and says what it ignored", () => {
    const read = readReplyText(`${TEXT}\nHTTP_STATUS:200\n`);
    expect(read.json).toEqual(REPLY);
    expect(read.notes).toEqual(['it has text after the JSON: "HTTP_STATUS:200" (16 characters, ignored)']);
    // Braces inside strings do not end the value early.
    const tricky = { document: { id: "1:1", type: "FRAME", name: 'a } b ] " {' } };
    expect(readReplyText(`${JSON.stringify(tricky)}% `).json).toEqual(tricky);
  });

  it("reads the reply inside a wrapper: { meta: … }, { Result: … } beside other members, nested", () => {
    const meta = readReplyText(JSON.stringify({ meta: REPLY }));
    expect(meta.json).toEqual(REPLY);
    expect(meta.notes).toEqual(['the reply is inside a wrapper (read the value of "meta")']);
    const nodes = { nodes: { "1:2": { document: { id: "1:2", name: "Card", type: "FRAME", children: [] } } } };
    expect(readReplyText(JSON.stringify({ status: 200, error: false, Result: nodes })).json).toEqual(nodes);
    const nested = readReplyText(JSON.stringify({ data: { response: REPLY } }));
    expect(nested.json).toEqual(REPLY);
    expect(nested.notes).toHaveLength(2);
    expect(frames(nested.json)).toEqual(["Home – ü"]);
  });

  it("leaves what is no wrapper alone: a reply, two candidate members, a bare node", () => {
    expect(unwrapReply(REPLY)).toBe(REPLY);
    const two = { a: REPLY, b: REPLY };
    expect(unwrapReply(two)).toBe(two);
    const node = { id: "1:2", type: "FRAME", name: "F" };
    expect(unwrapReply({ wrapped: node })).toEqual({ wrapped: node });
  });

  it("reads a fragment: an object's members without their outer braces (trailing comma too)", () => {
    const body = TEXT.trim().slice(1, -1).trim();
    for (const fragment of [body, `${body},\n`]) {
      const read = readReplyText(fragment);
      expect(read.json).toEqual(REPLY);
      expect(read.notes).toEqual([
        "it holds an object's members without their outer braces, a fragment (read as one object)",
      ]);
    }
  });

  it("refuses text that holds no JSON with one line naming what was expected", () => {
    for (const text of ["<html>nope</html>", "{ nope", '"document": {', "HTTP_STATUS:404"]) {
      let error: unknown;
      try {
        readReplyText(text);
      } catch (e) {
        error = e;
      }
      expect(error, text).toMatchObject({ name: "FigmentError", kind: "input" });
      const message = (error as Error).message;
      expect(message).toMatch(
        new RegExp(
          String.raw`^not Figma JSON: the text is not valid JSON \(.+\); expected a ` +
            String.raw`Figma REST reply: the JSON of GET \/v1\/files\/:key or \/nodes`,
        ),
      );
      expect(message).not.toContain("\n");
    }
    expect(() => readReplyText("  \n")).toThrow(/the text is empty; expected a Figma REST reply/);
    expect(() => readReplyText("{ nope", "design.json")).toThrow(/^not Figma JSON: design\.json is not valid JSON \(/);
  });

  it("passes JSON that is no reply through to readRestReply, which says what it expected and what it found", () => {
    const read = readReplyText('{"hello": "world"}');
    expect(read).toEqual({ json: { hello: "world" }, notes: [] });
    expect(() => readRestReply(read.json)).toThrow(
      new RegExp(
        "^not Figma JSON: expected `document`, `nodes`, or a node with id " +
          String.raw`and type \(a Figma REST reply\), found an object with key "hello"$`,
      ),
    );
    expect(() => readRestReply(readReplyText("[1, 2]").json)).toThrow(
      /expected an object \(a Figma REST reply\), found an array of 2 items/,
    );
  });
});
