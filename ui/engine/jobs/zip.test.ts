/** `zip-files` in the worker: the request and reply through the protocol's checks, the zip read back byte-exact. */
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { parseEngineMessage, parseEngineRequest } from "../protocol/index.js";
import { runJob } from "./run.js";
import { zipJobs } from "./zip.js";

describe("zip-files in the worker", () => {
  it("zips text and binary files as the download needs them", async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 255]);
    const request = parseEngineRequest({
      kind: "zip-files",
      id: "z1",
      files: [
        { path: "src/App.tsx", content: "export const é = 1;\n" },
        { path: "public/logo.png", content: "", bytes: png },
      ],
    });
    if (request.kind !== "zip-files") throw new Error("expected zip-files");
    const message = parseEngineMessage(
      await runJob(zipJobs, request, { signal: new AbortController().signal, emit: () => undefined }),
    );
    if (!("reply" in message) || !message.reply.ok || message.reply.kind !== "zip-files")
      throw new Error(`expected the zip, got ${JSON.stringify(message)}`);
    const entries = unzipSync(message.reply.zip);
    expect(Object.keys(entries).sort()).toEqual(["public/logo.png", "src/App.tsx"]);
    expect(strFromU8(entries["src/App.tsx"]!)).toBe("export const é = 1;\n");
    expect(entries["public/logo.png"]).toEqual(png);
  });

  it("refuses a request whose files are not a file set", () => {
    expect(() => parseEngineRequest({ kind: "zip-files", id: "z2", files: [{ path: "a.txt" }] })).toThrow(/content/);
  });
});
