import { describe, expect, it } from "vitest";
import { scriptSafe } from "../../../codegen/preview/page-script.js";
import { cspHash } from "../../../kernel/sha256.js";
import { OUTLINE_SCRIPT } from "./outline-agent.js";

describe("the preview's outline script", () => {
  it("is allowed by the hash written beside it (change the script, and this names the new hash)", () => {
    expect(OUTLINE_SCRIPT.hash).toBe(cspHash(OUTLINE_SCRIPT.text));
  });

  it("sits in a page as it is and parses as JavaScript", () => {
    expect(scriptSafe(OUTLINE_SCRIPT.text)).toBe(OUTLINE_SCRIPT.text);
    expect(() => new Function(OUTLINE_SCRIPT.text)).not.toThrow();
  });
});
