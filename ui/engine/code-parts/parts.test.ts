import { afterEach, describe, expect, it } from "vitest";
import { CODE_FORMAT_GLOBAL, registerFormatPart, warmParts, type FormatPart } from "./parts.js";

const unused = (): never => {
  throw new Error("not called here");
};

describe("warmParts", () => {
  afterEach(() => {
    delete (globalThis as Record<string, unknown>)[CODE_FORMAT_GLOBAL];
  });

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
      reactPreview: unused,
      compileTailwind: unused,
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
      reactPreview: unused,
      compileTailwind: unused,
      ready: () => Promise.reject(new Error("wasm refused")),
    };
    registerFormatPart(part);
    await expect(warmParts()).resolves.toBeUndefined();
  });
});
