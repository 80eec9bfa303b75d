import { afterEach, describe, expect, it } from "vitest";
import { CODE_FORMAT_GLOBAL, partsReady, registerFormatPart, type FormatPart } from "./parts.js";

const unused = (): never => {
  throw new Error("not called here");
};

describe("partsReady", () => {
  afterEach(() => {
    delete (globalThis as Record<string, unknown>)[CODE_FORMAT_GLOBAL];
  });

  it("settles without a part loaded", async () => {
    await expect(partsReady()).resolves.toBeUndefined();
  });

  it("waits until the code-format part's formatters are ready (the worker's `loaded` answer comes after)", async () => {
    let compiled: () => void = () => undefined;
    const ready = new Promise<void>((resolve) => (compiled = resolve));
    const part: FormatPart = { formatFiles: unused, isFormatted: unused, reactPreview: unused, ready: () => ready };
    registerFormatPart(part);
    let settled = false;
    const waiting = partsReady().then(() => (settled = true));
    await Promise.resolve();
    await Promise.resolve();
    expect(settled).toBe(false);
    compiled();
    await waiting;
    expect(settled).toBe(true);
  });
});
