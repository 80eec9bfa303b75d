import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ProgressReader, type ProgressEvent } from "./progress.js";

const sample = {
  files: [
    { path: "src/App.tsx", content: 'const s = "}{][\\"";\nexport default s;' },
    { path: 'src/ü "quoted" \\ path.css', content: ".a{}" },
  ],
  notes: 'Line one\nLine "two" \u2014 done',
};

function feed(chunks: string[]): { reader: ProgressReader; events: ProgressEvent[][] } {
  const reader = new ProgressReader();
  return { reader, events: chunks.map((chunk) => reader.push(chunk)) };
}

/** Length of the prefix of JSON.stringify(value) that ends with the closing brace of file `i`. */
function fileEnd(files: { path: string; content: string }[], i: number): number {
  return `{"files":[${files
    .slice(0, i + 1)
    .map((f) => JSON.stringify(f))
    .join(",")}`.length;
}

describe("ProgressReader", () => {
  it("reports paths, files and notes from one chunk", () => {
    const { reader, events } = feed([JSON.stringify(sample)]);
    expect(events[0]).toEqual([
      { type: "file-start", index: 0, path: "src/App.tsx" },
      { type: "file", index: 0, path: "src/App.tsx", content: sample.files[0]!.content },
      { type: "file-start", index: 1, path: sample.files[1]!.path },
      { type: "file", index: 1, path: sample.files[1]!.path, content: sample.files[1]!.content },
      { type: "notes", text: sample.notes, done: true },
    ]);
    expect(reader.files).toEqual(sample.files.map((f) => f.path));
    expect(reader.notes).toBe(sample.notes);
  });

  it("reports a file the moment its closing brace arrives", () => {
    const text = JSON.stringify(sample);
    const end = fileEnd(sample.files, 0);
    const { reader, events } = feed([text.slice(0, end - 1), text.slice(end - 1, end), text.slice(end)]);
    expect(events[0]!.filter((e) => e.type === "file")).toEqual([]);
    expect(events[1]).toEqual([{ type: "file", index: 0, path: "src/App.tsx", content: sample.files[0]!.content }]);
    expect(reader.files).toHaveLength(2);
  });

  it("streams notes as they grow, notes first or last", () => {
    const text = JSON.stringify({ notes: "abcdef", files: [] });
    const reader = new ProgressReader();
    const seen = [...text].flatMap((ch) => reader.push(ch)).filter((e) => e.type === "notes");
    expect(seen.map((e) => (e as { text: string }).text)).toEqual([
      "a",
      "ab",
      "abc",
      "abcd",
      "abcde",
      "abcdef",
      "abcdef",
    ]);
    expect(seen.at(-1)).toEqual({ type: "notes", text: "abcdef", done: true });
  });

  it("ignores keys named like ours at other depths and inside content", () => {
    const text = JSON.stringify({
      meta: { files: [{ path: "nope" }], notes: "nope" },
      files: [{ content: '{"files":[{"path":"fake"}]}', path: "real.ts" }],
      notes: "ok",
    });
    const { reader } = feed([text]);
    expect(reader.files).toEqual(["real.ts"]);
    expect(reader.notes).toBe("ok");
  });

  /** Characters that stress the scanner: JSON syntax, escapes, control characters, lone surrogates. */
  const unit = fc.oneof(
    fc.constantFrom('"', "\\", "{", "}", "[", "]", ",", ":", "\n", "\u0001", "\ud800", "\udc00", "😀", "é"),
    fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
  );
  const str = (maxLength: number) => fc.string({ unit, maxLength });
  const fileArb = fc.record({ path: str(20), content: str(80) });
  const replyArb = fc.record({ files: fc.array(fileArb, { maxLength: 6 }), notes: str(40) });

  it("gives the same result for any split of the stream, and reports each file as soon as complete", () => {
    fc.assert(
      fc.property(replyArb, fc.array(fc.nat(), { maxLength: 30 }), (reply, rawCuts) => {
        const text = JSON.stringify(reply);
        const cuts = [...new Set(rawCuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const bounds = [0, ...cuts, text.length];
        const reader = new ProgressReader();
        const reported: string[] = [];
        const contents: string[] = [];
        for (let k = 1; k < bounds.length; k++) {
          for (const event of reader.push(text.slice(bounds[k - 1], bounds[k])))
            if (event.type === "file") {
              reported.push(event.path);
              contents.push(event.content);
            }
          const consumed = bounds[k]!;
          const complete = reply.files.filter((_, i) => fileEnd(reply.files, i) <= consumed).length;
          expect(reported).toHaveLength(complete);
        }
        expect(reported).toEqual(reply.files.map((f) => f.path));
        expect(contents).toEqual(reply.files.map((f) => f.content));
        expect(reader.files).toEqual(reported);
        expect(reader.notes).toBe(reply.notes);
      }),
      { numRuns: 300 },
    );
  });

  it("reads a long stream fed a few characters at a time", () => {
    const content = "x".repeat(200_000);
    const text = JSON.stringify({ files: [{ path: "big.txt", content }], notes: "n" });
    const reader = new ProgressReader();
    for (let i = 0; i < text.length; i += 3) reader.push(text.slice(i, i + 3));
    expect(reader.files).toEqual(["big.txt"]);
    expect(reader.notes).toBe("n");
  });
});
