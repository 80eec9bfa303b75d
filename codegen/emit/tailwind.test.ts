import { describe, expect, it } from "vitest";
import { tailwindClass, tailwindClasses } from "./tailwind";

describe("tailwindClass", () => {
  it.each([
    [["display", "flex"], "flex"],
    [["display", "-webkit-box"], "[display:-webkit-box]"],
    [["flex-direction", "column"], "flex-col"],
    [["justify-content", "space-between"], "justify-between"],
    [["align-self", "stretch"], "self-stretch"],
    [["flex", "1 1 0"], "flex-1"],
    [["flex-shrink", "0"], "shrink-0"],
    [["white-space", "pre-wrap"], "whitespace-pre-wrap"],
    [["border-radius", "50%"], "rounded-full"],
    [["padding", "0"], "p-0"],
    [["border", "0"], "border-0"],
    [["background", "none"], "bg-none"],
  ])("%j → %s (keyword)", (decl, cls) => {
    expect(tailwindClass(decl as [string, string])).toBe(cls);
  });

  it.each([
    [["width", "100px"], "w-[100px]"],
    [["max-width", "100%"], "max-w-[100%]"],
    [["padding", "8px 16px"], "p-[8px_16px]"],
    [["border-radius", "8px 8px 0 0"], "rounded-[8px_8px_0_0]"],
    [["background-color", "rgba(0, 0, 0, 0.5)"], "bg-[rgba(0,0,0,0.5)]"],
    [["box-shadow", "0 4px 8px 0 rgba(0, 0, 0, 0.25)"], "shadow-[0_4px_8px_0_rgba(0,0,0,0.25)]"],
    [["left", "calc(50% - 190px)"], "left-[calc(50%_-_190px)]"],
    [["font-size", "16px"], "text-[length:16px]"],
    [["color", "rgba(255, 0, 0, 0.5)"], "text-[color:rgba(255,0,0,0.5)]"],
    [["font-weight", "600"], "font-[600]"],
    [["-webkit-line-clamp", "2"], "line-clamp-[2]"],
  ])("%j → %s (mapped utility, arbitrary value)", (decl, cls) => {
    expect(tailwindClass(decl as [string, string])).toBe(cls);
  });

  it.each([
    [["outline-offset", "-2px"], "[outline-offset:-2px]"],
    [["outline", "2px solid #000000"], "[outline:2px_solid_#000000]"],
    [["font-family", '"Roboto Mono", ui-monospace, monospace'], "[font-family:'Roboto_Mono',ui-monospace,monospace]"],
    [["background", "url(assets/a.png) center / cover no-repeat"], "[background:url(assets/a.png)_center_/_cover_no-repeat]"],
    [["grid-area", "a_b"], "[grid-area:a\\_b]"],
    [["text-align", "start"], "[text-align:start]"],
  ])("%j → %s (arbitrary property)", (decl, cls) => {
    expect(tailwindClass(decl as [string, string])).toBe(cls);
  });

  it("joins classes with spaces", () => {
    expect(tailwindClasses([["display", "flex"], ["gap", "8px"], ["transform", "rotate(30deg)"]])).toBe("flex gap-[8px] [transform:rotate(30deg)]");
    expect(tailwindClasses([])).toBe("");
  });
});
