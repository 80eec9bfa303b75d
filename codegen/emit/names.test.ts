import { describe, expect, it } from "vitest";
import { camelCase, kebabCase, NameScope, pascalCase } from "./names";

describe("case conversions", () => {
  it.each([
    ["primary button", "PrimaryButton", "primaryButton", "primary-button"],
    ["Button/State=Hover", "ButtonStateHover", "buttonStateHover", "button-state-hover"],
    ["iconArrowLeft", "IconArrowLeft", "iconArrowLeft", "icon-arrow-left"],
    ["Café  crème", "CafeCreme", "cafeCreme", "cafe-creme"],
    ["404 page", "Component404Page", "item404Page", "item-404-page"],
  ])("%j → %s / %s / %s", (text, pascal, camel, kebab) => {
    expect(pascalCase(text)).toBe(pascal);
    expect(camelCase(text)).toBe(camel);
    expect(kebabCase(text)).toBe(kebab);
  });

  it("falls back for names without letters or digits", () => {
    expect(pascalCase("***")).toBe("Component");
    expect(pascalCase("", "Screen")).toBe("Screen");
    expect(camelCase("—")).toBe("item");
    expect(kebabCase("", "frame")).toBe("frame");
  });

  it("caps long names at 48 characters", () => {
    expect(pascalCase("word ".repeat(20)).length).toBe(48);
    expect(kebabCase("ab ".repeat(30))).toBe("ab-".repeat(16).slice(0, 47));
  });
});

describe("NameScope", () => {
  it("hands out unique names, case-insensitively, after the reserved ones", () => {
    const scope = new NameScope(["Home"]);
    expect(scope.take("home")).toBe("home2");
    expect(scope.take("Card")).toBe("Card");
    expect(scope.take("card")).toBe("card2");
    expect(scope.take("Card")).toBe("Card3");
    expect(scope.take("h1")).toBe("h1");
    expect(scope.take("h1")).toBe("h1_2");
  });

  it("renames reserved words", () => {
    const scope = new NameScope();
    expect(scope.take("default")).toBe("defaultValue");
    expect(scope.take("className")).toBe("classNameValue");
    expect(scope.take("style")).toBe("styleValue");
  });
});
