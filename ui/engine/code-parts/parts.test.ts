import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { emitFiles, loadDesign } from "../../../codegen/index.js";
import { formatFiles as realFormatFiles, isFormatted as realIsFormatted } from "../../../codegen/format/index.js";
import type { SourceFile } from "../../../codegen/types.js";
import { formatFiles } from "./format.shim.js";
import {
  CODE_FORMAT_GLOBAL,
  expectParts,
  partFailed,
  registerFormatPart,
  runPartScript,
  warmParts,
  type FormatPart,
} from "./parts.js";

const unused = (): never => {
  throw new Error("not called here");
};

afterEach(() => {
  delete (globalThis as Record<string, unknown>)[CODE_FORMAT_GLOBAL];
  partFailed("code-format", "test over");
});

describe("warmParts", () => {
  it("settles without a part loaded", async () => {
    await expect(warmParts()).resolves.toBeUndefined();
  });

  it("compiles the code-format part's formatters and settles once they are compiled", async () => {
    let compiled: () => void = () => undefined;
    let started = 0;
    const ready = new Promise<void>((resolve) => (compiled = resolve));
    const part: FormatPart = {
      formatFiles: unused,
      isFormatted: unused,
      ready: () => {
        started++;
        return ready;
      },
    };
    registerFormatPart(part);
    let settled = false;
    const waiting = warmParts().then(() => (settled = true));
    expect(started).toBe(1);
    await Promise.resolve();
    await Promise.resolve();
    expect(settled).toBe(false);
    compiled();
    await waiting;
    expect(settled).toBe(true);
  });

  it("settles when the formatters fail to compile (prettier then formats every file)", async () => {
    const part: FormatPart = {
      formatFiles: unused,
      isFormatted: unused,
      ready: () => Promise.reject(new Error("wasm refused")),
    };
    registerFormatPart(part);
    await expect(warmParts()).resolves.toBeUndefined();
  });
});

/** The login's emitted files with their indentation lost, and the formatter's files for them. */
async function loginFiles(): Promise<{ printed: SourceFile[]; unprinted: SourceFile[] }> {
  const json = readFileSync(
    new URL("../../../test/fixtures/figma/figmasharp-login.file.json", import.meta.url),
    "utf8",
  );
  const { document } = loadDesign(JSON.parse(json) as unknown);
  const emitted = emitFiles(document, { target: "react", styling: "css-modules", nodeIds: false }).files.filter(
    (file) => file.bytes === undefined && /\.(tsx|css)$/.test(file.path),
  );
  const unprinted = emitted.map((file) => ({ ...file, content: file.content.replace(/^ +/gm, "") }));
  return { printed: (await realFormatFiles(unprinted, "emitters")).files, unprinted };
}

describe("the code-format part, sent after the job", () => {
  it("formats a file the emitters did not print once the part has run, never before", async () => {
    const { printed, unprinted } = await loginFiles();
    expect(unprinted.length).toBeGreaterThan(1);
    expect(unprinted.map((f) => f.content)).not.toEqual(printed.map((f) => f.content));
    // A generate arrived: the host sends the formatters after it.
    expectParts(["code-format"]);
    let done = false;
    const formatting = formatFiles(unprinted, "emitters").then((result) => ((done = true), result));
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(done).toBe(false);
    runPartScript(() => registerFormatPart({ formatFiles: realFormatFiles, isFormatted: realIsFormatted }));
    const result = await formatting;
    expect(result.problems).toEqual([]);
    expect(result.files.map((f) => f.content)).toEqual(printed.map((f) => f.content));
  });

  it("fails the job waiting for a part the host could not send (never the file unformatted)", async () => {
    const { unprinted } = await loginFiles();
    expectParts(["code-format"]);
    const formatting = formatFiles(unprinted, "emitters");
    partFailed("code-format", "main thread gone");
    await expect(formatting).rejects.toThrow("the code formatter could not be loaded: main thread gone");
  });

  it("says plainly a part no job was promised (a host bug), without waiting", async () => {
    await expect(formatFiles((await loginFiles()).unprinted, "emitters")).rejects.toThrow(
      'the code formatter is not loaded in this worker yet (the host loads the "code-format" part',
    );
  });

  it("calls the part at once when it has run before the job", async () => {
    const { printed, unprinted } = await loginFiles();
    registerFormatPart({ formatFiles: realFormatFiles, isFormatted: realIsFormatted });
    expectParts(["code-format"]);
    const result = await formatFiles(unprinted, "emitters");
    expect(result.files.map((f) => f.content)).toEqual(printed.map((f) => f.content));
  });
});

describe("the code-format part as a bundle of its own (its copy of parts.ts is not the engine's)", () => {
  /** parts.ts as a fresh module: the engine bundle's copy, or a part bundle's. */
  const bundleCopy = async (): Promise<typeof import("./parts.js")> => {
    vi.resetModules();
    return import("./parts.js");
  };

  it("wakes a job that waited for the part before its script ran (the plugin's HTML Generate hung here)", async () => {
    const engine = await bundleCopy();
    const part = await bundleCopy();
    expect(part).not.toBe(engine);
    const api: FormatPart = { formatFiles: unused, isFormatted: unused };
    // A generate arrived; its emitters left a file to format before the host's code-format part came.
    engine.expectParts(["code-format"]);
    const waiting = engine.loadedPart("code-format");
    // load-packed: the engine runs the part's script, which registers the part through its own copy of the module.
    engine.runPartScript(() => part.registerFormatPart(api));
    await expect(waiting).resolves.toBe(api);
    // Settled, no longer expected: the next job calls the part at once.
    await expect(engine.loadedPart("code-format")).resolves.toBe(api);
  });
});
