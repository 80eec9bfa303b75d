/** `highlight` in the worker: the request and reply through the protocol's checks, one escaped line per line. */
import { describe, expect, it } from "vitest";
import { parseEngineMessage, parseEngineRequest } from "../protocol/index.js";
import { highlightJobs } from "./highlight.js";
import { runJob } from "./run.js";

describe("highlight in the worker", () => {
  it("gives each line of a file as escaped HTML with the token classes", async () => {
    const text = 'export const a = 1 < 2 && "<b>";\n\n/* two\nlines */';
    const request = parseEngineRequest({ kind: "highlight", id: "h1", path: "src/a.ts", text });
    if (request.kind !== "highlight") throw new Error("expected highlight");
    const message = parseEngineMessage(
      await runJob(highlightJobs, request, { signal: new AbortController().signal, emit: () => undefined }),
    );
    if (!("reply" in message) || !message.reply.ok || message.reply.kind !== "highlight")
      throw new Error(`expected the lines, got ${JSON.stringify(message)}`);
    const { lines } = message.reply;
    expect(lines).toHaveLength(4);
    expect(lines[0]).toContain('<span class="tok-keyword">export</span>');
    expect(lines[0]).not.toContain("<b");
    expect(lines[0]).toContain("&lt;");
    expect(lines[1]).toBe("");
    expect(lines[3]).toContain("tok-comment");
  });

  it("refuses a file past the size the panel colours", () => {
    expect(() =>
      parseEngineRequest({ kind: "highlight", id: "h2", path: "a.ts", text: "x".repeat(250_001) }),
    ).toThrow();
  });
});
