import { describe, expect, it } from "vitest";
import { parseCliArgs } from "./args.js";

describe("figment code --project for React Native", () => {
  it("is the Expo starter, alone or named; expo belongs to react-native only", () => {
    expect(parseCliArgs(["code", "d.json", "--target", "react-native", "--project"]).project).toBe(true);
    expect(parseCliArgs(["code", "d.json", "--target", "react-native", "--project", "expo"]).projectKind).toBe("expo");
    expect(() => parseCliArgs(["code", "d.json", "--project", "expo"])).toThrow(/--target react-native/);
  });
});
