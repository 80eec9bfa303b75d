import { describe, expect, it } from "vitest";
import type { Decl } from "./css";
import { cascaded, tailwindClass, tailwindClasses } from "./tailwind";
import { fontSizeStep, shadowStep, spacingStep } from "./tailwind-scale";

const cases = (rows: [Decl, string][]): [string, string, string][] => rows.map(([[p, v], cls]) => [p, v, cls]);

describe("tailwindClass: keywords", () => {
  it.each(
    cases([
      [["display", "flex"], "flex"],
      [["display", "-webkit-box"], "[display:-webkit-box]"],
      [["display", "grid"], "grid"],
      [["flex-direction", "column"], "flex-col"],
      [["justify-content", "space-between"], "justify-between"],
      [["align-self", "stretch"], "self-stretch"],
      [["align-content", "center"], "content-center"],
      [["align-content", "end"], "content-end"],
      [["text-box", "trim-both cap alphabetic"], "[text-box:trim-both_cap_alphabetic]"],
      [["flex", "1 1 0"], "flex-1"],
      [["flex-shrink", "0"], "shrink-0"],
      [["white-space", "pre-wrap"], "whitespace-pre-wrap"],
      [["padding", "0"], "p-0"],
      [["margin", "0"], "m-0"],
      [["border", "0"], "border-0"],
      [["border", "none"], "border-none"],
      [["background", "none"], "bg-none"],
      [["color", "inherit"], "text-inherit"],
    ]),
  )("%s: %s → %s", (p, v, cls) => {
    expect(tailwindClass([p, v])).toBe(cls);
  });
});

describe("tailwindClass: the spacing scale (v4: 0.25rem = 4px steps)", () => {
  it.each(
    cases([
      [["width", "100%"], "w-full"],
      [["height", "100%"], "h-full"],
      [["height", "auto"], "h-auto"],
      [["flex-wrap", "nowrap"], "flex-nowrap"],
      [["max-width", "100%"], "max-w-full"],
      [["min-width", "0"], "min-w-0"],
      [["left", "0"], "left-0"],
      [["top", "0"], "top-0"],
      [["left", "50%"], "left-1/2"],
      [["top", "0%"], "top-0"],
      [["width", "256px"], "w-64"],
      [["width", "100px"], "w-25"],
      [["padding", "16px"], "p-4"],
      [["padding", "8px 16px"], "px-4 py-2"],
      [["padding", "4px 8px 12px 16px"], "pt-1 pr-2 pb-3 pl-4"],
      [["gap", "8px"], "gap-2"],
      [["gap", "2px"], "gap-0.5"],
      [["gap", "6px"], "gap-1.5"],
      [["gap", "1px"], "gap-px"],
      [["row-gap", "24px"], "gap-y-6"],
      [["column-gap", "12px"], "gap-x-3"],
      [["left", "-16px"], "-left-4"],
      [["max-width", "1440px"], "max-w-360"],
    ]),
  )("exact: %s %s → %s", (p, v, cls) => {
    expect(tailwindClass([p, v])).toBe(cls);
  });

  it.each(
    cases([
      [["width", "13px"], "w-[13px]"],
      [["width", "3px"], "w-[3px]"],
      [["height", "11.72px"], "h-[11.72px]"],
      [["left", "33.33%"], "left-[33.33%]"],
      [["left", "calc(50% - 190px)"], "left-[calc(50%_-_190px)]"],
      [["left", "-13px"], "left-[-13px]"],
      [["padding", "8px 15px"], "px-[15px] py-2"],
    ]),
  )("off the scale: %s %s → %s", (p, v, cls) => {
    expect(tailwindClass([p, v])).toBe(cls);
  });

  it("steps: multiples of 4px are integers, 2px half steps, 1px is px, anything else none", () => {
    expect([0, 1, 2, 4, 10, 16, 64, 1000].map((n) => spacingStep(`${n}px`))).toEqual([
      "0",
      "px",
      "0.5",
      "1",
      "2.5",
      "4",
      "16",
      "250",
    ]);
    expect([3, 5, 0.5, 12.5, -4].map((n) => spacingStep(`${n}px`))).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe("tailwindClass: radius, weight, opacity, blur, shadow, border, outline", () => {
  it.each(
    cases([
      [["border-radius", "8px"], "rounded-lg"],
      [["border-radius", "2px"], "rounded-xs"],
      [["border-radius", "4px"], "rounded-sm"],
      [["border-radius", "16px"], "rounded-2xl"],
      [["border-radius", "0"], "rounded-none"],
      [["border-radius", "10px"], "rounded-[10px]"],
      [["border-radius", "8px 8px 0 0"], "rounded-t-lg rounded-b-none"],
      [["border-radius", "8px 0 0 8px"], "rounded-l-lg rounded-r-none"],
      [["border-radius", "8px 4px 2px 10px"], "rounded-tl-lg rounded-tr-sm rounded-br-xs rounded-bl-[10px]"],
      // Alone, 50% is an ellipse on a box of unknown shape: kept exact (rounded-full needs the size, below).
      [["border-radius", "50%"], "rounded-[50%]"],
      [["font-weight", "400"], "font-normal"],
      [["font-weight", "600"], "font-semibold"],
      [["font-weight", "900"], "font-black"],
      [["font-weight", "450"], "font-[450]"],
      [["opacity", "0.5"], "opacity-50"],
      [["opacity", "0.35"], "opacity-35"],
      [["opacity", "0.355"], "opacity-[0.355]"],
      [["filter", "blur(8px)"], "blur-sm"],
      [["filter", "blur(4px)"], "blur-xs"],
      [["filter", "blur(5px)"], "blur-[5px]"],
      [["backdrop-filter", "blur(12px)"], "backdrop-blur-md"],
      [["filter", "drop-shadow(0 1px 2px #000000) blur(4px)"], "[filter:drop-shadow(0_1px_2px_#000000)_blur(4px)]"],
      [["box-shadow", "0 1px 2px 0 rgba(0, 0, 0, 0.05)"], "shadow-xs"],
      [["box-shadow", "0 4px 6px -1px rgba(0, 0, 0, 0.1), 0 2px 4px -2px rgba(0, 0, 0, 0.1)"], "shadow-md"],
      [["box-shadow", "0 25px 50px -12px rgba(0, 0, 0, 0.25)"], "shadow-2xl"],
      [["box-shadow", "0 4px 6px -1px rgba(0, 0, 0, 0.1)"], "shadow-[0_4px_6px_-1px_rgba(0,0,0,0.1)]"],
      [["box-shadow", "0 1px 2px 0 rgba(255, 0, 0, 0.05)"], "shadow-[0_1px_2px_0_rgba(255,0,0,0.05)]"],
      [["box-shadow", "0 4px 8px 0 rgba(0, 0, 0, 0.25)"], "shadow-[0_4px_8px_0_rgba(0,0,0,0.25)]"],
      [["border-width", "1px"], "border"],
      [["border-width", "2px"], "border-2"],
      [["border-width", "1.5px"], "border-[1.5px]"],
      [["border-width", "0 0 1px 0"], "border-t-0 border-r-0 border-b border-l-0"],
      [["border-style", "dashed"], "border-dashed"],
      [["outline", "1px solid #d9d9d9"], "outline outline-[#d9d9d9]"],
      [["outline", "2px dashed rgba(0, 0, 0, 0.5)"], "outline-2 outline-dashed outline-[rgba(0,0,0,0.5)]"],
      [["outline-offset", "-1px"], "-outline-offset-1"],
      [["outline-offset", "-0.5px"], "[outline-offset:-0.5px]"],
      [["transform", "rotate(45deg)"], "rotate-45"],
      [["transform", "rotate(-90deg)"], "-rotate-90"],
      [["transform", "rotate(12.5deg)"], "[transform:rotate(12.5deg)]"],
      [["mix-blend-mode", "multiply"], "mix-blend-multiply"],
      [["-webkit-line-clamp", "2"], "line-clamp-2"],
    ]),
  )("%s: %s → %s", (p, v, cls) => {
    expect(tailwindClass([p, v])).toBe(cls);
  });

  it("a shadow step needs every layer equal, in order", () => {
    expect(shadowStep("0 1px 3px 0 rgba(0, 0, 0, 0.1), 0 1px 2px -1px rgba(0, 0, 0, 0.1)")).toBe("sm");
    expect(shadowStep("0 1px 2px -1px rgba(0, 0, 0, 0.1), 0 1px 3px 0 rgba(0, 0, 0, 0.1)")).toBeUndefined();
    expect(shadowStep("inset 0 1px 2px 0 rgba(0, 0, 0, 0.05)")).toBeUndefined();
    expect(shadowStep("0 1px 0 0 #000000")).toBeUndefined();
  });
});

describe("tailwindClass: colours and other properties keep their values", () => {
  it.each(
    cases([
      [["background-color", "rgba(0, 0, 0, 0.5)"], "bg-[rgba(0,0,0,0.5)]"],
      [["color", "rgba(255, 0, 0, 0.5)"], "text-[color:rgba(255,0,0,0.5)]"],
      // White and black are the theme's: no arbitrary value where a standard class exists.
      [["color", "#ffffff"], "text-white"],
      [["background-color", "#FFFFFF"], "bg-white"],
      [["background-color", "#000000"], "bg-black"],
      [["border-color", "#000"], "border-black"],
      [["color", "#fffffe"], "text-[color:#fffffe]"],
      [["font-size", "15px"], "text-[15px]"],
      [["outline-offset", "-2px"], "-outline-offset-2"],
      // A family is a theme font of the React output (src/fonts.css): its own utility.
      [["font-family", '"Roboto Mono", "Roboto Mono Fallback", ui-monospace, monospace'], "font-roboto-mono"],
      [["font-family", 'Bold, "Bold Fallback", Helvetica, Arial, sans-serif'], "font-bold-family"],
      [
        ["background", "url(assets/a.png) center / cover no-repeat"],
        "[background:url(assets/a.png)_center_/_cover_no-repeat]",
      ],
      [["grid-area", "a_b"], "[grid-area:a\\_b]"],
      [["text-align", "start"], "[text-align:start]"],
    ]),
  )("%s: %s → %s", (p, v, cls) => {
    expect(tailwindClass([p, v])).toBe(cls);
  });
});

describe("tailwindClasses: rules read together", () => {
  it("font size on the scale: text-sm where the line height is its own, leading-* otherwise", () => {
    expect(fontSizeStep(14)).toEqual({ name: "sm", lineHeight: 20 });
    expect(
      tailwindClasses([
        ["font-size", "14px"],
        ["line-height", "20px"],
      ]),
    ).toBe("text-sm");
    expect(
      tailwindClasses([
        ["font-size", "16px"],
        ["line-height", "24px"],
      ]),
    ).toBe("text-base");
    expect(
      tailwindClasses([
        ["font-size", "18px"],
        ["line-height", "28px"],
      ]),
    ).toBe("text-lg");
    expect(
      tailwindClasses([
        ["font-size", "48px"],
        ["line-height", "48px"],
      ]),
    ).toBe("text-5xl");
    expect(
      tailwindClasses([
        ["font-size", "16px"],
        ["line-height", "20px"],
      ]),
    ).toBe("text-base leading-5");
    expect(
      tailwindClasses([
        ["font-size", "16px"],
        ["line-height", "16px"],
      ]),
    ).toBe("text-base leading-none");
    expect(
      tailwindClasses([
        ["font-size", "12px"],
        ["line-height", "14.06px"],
      ]),
    ).toBe("text-xs leading-[14.06px]");
    // text-sm would bring its own line height: without one in the rule the size stays exact.
    expect(tailwindClasses([["font-size", "14px"]])).toBe("text-[14px]");
    expect(
      tailwindClasses([
        ["font-size", "15px"],
        ["line-height", "24px"],
      ]),
    ).toBe("text-[15px] leading-6");
    expect(tailwindClasses([["line-height", "18.5px"]])).toBe("leading-[18.5px]");
  });

  it("letter spacing in em of the rule's font size: tracking-*", () => {
    expect(
      tailwindClasses([
        ["font-size", "16px"],
        ["letter-spacing", "-0.4px"],
      ]),
    ).toBe("text-[16px] tracking-tight");
    expect(
      tailwindClasses([
        ["font-size", "20px"],
        ["letter-spacing", "2px"],
      ]),
    ).toBe("text-[20px] tracking-widest");
    expect(
      tailwindClasses([
        ["font-size", "16px"],
        ["letter-spacing", "-0.3px"],
      ]),
    ).toBe("text-[16px] tracking-[-0.3px]");
    expect(tailwindClasses([["letter-spacing", "-0.4px"]])).toBe("tracking-[-0.4px]");
  });

  it("inset-0, inset-x/y, size-*", () => {
    const abs: Decl[] = [
      ["position", "absolute"],
      ["left", "0"],
      ["right", "0"],
      ["top", "0"],
      ["bottom", "0"],
    ];
    expect(tailwindClasses(abs)).toBe("absolute inset-0");
    expect(
      tailwindClasses([
        ["left", "16px"],
        ["right", "16px"],
        ["top", "0"],
      ]),
    ).toBe("inset-x-4 top-0");
    expect(
      tailwindClasses([
        ["left", "0"],
        ["top", "8px"],
        ["bottom", "8px"],
      ]),
    ).toBe("left-0 inset-y-2");
    expect(
      tailwindClasses([
        ["width", "40px"],
        ["height", "40px"],
      ]),
    ).toBe("size-10");
    expect(
      tailwindClasses([
        ["width", "100%"],
        ["height", "100%"],
      ]),
    ).toBe("size-full");
    expect(
      tailwindClasses([
        ["width", "375px"],
        ["height", "667px"],
      ]),
    ).toBe("w-[375px] h-[667px]");
  });

  it("rounded-full only where the box's size makes it exact", () => {
    expect(
      tailwindClasses([
        ["width", "40px"],
        ["height", "40px"],
        ["border-radius", "50%"],
      ]),
    ).toBe("size-10 rounded-full");
    expect(
      tailwindClasses([
        ["width", "60px"],
        ["height", "40px"],
        ["border-radius", "50%"],
      ]),
    ).toBe("w-15 h-10 rounded-[50%]");
    expect(
      tailwindClasses([
        ["width", "120px"],
        ["height", "40px"],
        ["border-radius", "20px"],
      ]),
    ).toBe("w-30 h-10 rounded-full");
    expect(
      tailwindClasses([
        ["width", "120px"],
        ["height", "40px"],
        ["border-radius", "100px"],
      ]),
    ).toBe("w-30 h-10 rounded-full");
    expect(
      tailwindClasses([
        ["width", "120px"],
        ["height", "40px"],
        ["border-radius", "8px"],
      ]),
    ).toBe("w-30 h-10 rounded-lg");
    expect(
      tailwindClasses([
        ["flex", "1 1 0"],
        ["border-radius", "20px"],
      ]),
    ).toBe("flex-1 rounded-[20px]");
  });

  it(
    "writes a rotation as a transform where a narrower screen's rule sets the transform " +
      "(`rotate-180` is the rotate property, which `transform: none` does not undo)",
    () => {
      // A rotated layer of a section that stacks below 1290 px (issue 37): unrotated in the stack, as in the CSS
      // module.
      expect(
        tailwindClasses(
          [["transform", "rotate(180deg)"]],
          [],
          [
            [
              1290,
              [
                ["position", "relative"],
                ["transform", "none"],
              ],
            ],
          ],
        ),
      ).toBe("[transform:rotate(180deg)] max-[1290px]:relative max-[1290px]:[transform:none]");
      // Alone, the rotation keeps its utility.
      expect(tailwindClasses([["transform", "rotate(180deg)"]], [], [[1290, [["position", "relative"]]]])).toBe(
        "rotate-180 max-[1290px]:relative",
      );
    },
  );

  it("keeps declaration order and drops nothing", () => {
    expect(
      tailwindClasses([
        ["display", "flex"],
        ["gap", "8px"],
        ["transform", "rotate(30deg)"],
      ]),
    ).toBe("flex gap-2 rotate-30");
    expect(tailwindClasses([])).toBe("");
  });

  it(
    "writes only what the cascade keeps: a later declaration or " +
      "shorthand overrides (Tailwind's classes apply in its own order)",
    () => {
      // A button's reset after its stroke, as in the CSS module: no border.
      expect(
        tailwindClasses([
          ["border-style", "solid"],
          ["border-color", "#f8d900"],
          ["border-width", "0 0 2px 0"],
          ["border", "none"],
          ["cursor", "pointer"],
        ]),
      ).toBe("border-none cursor-pointer");
      expect(
        tailwindClasses([
          ["font-family", "Inter"],
          ["font-size", "14px"],
          ["font", "inherit"],
        ]),
      ).toBe("[font:inherit]");
      expect(
        tailwindClasses([
          ["padding-top", "4px"],
          ["padding", "0"],
          ["margin", "0"],
          ["margin-top", "8px"],
        ]),
      ).toBe("p-0 m-0 [margin-top:8px]");
      expect(
        tailwindClasses([
          ["color", "#000"],
          ["gap", "8px"],
          ["color", "#fff"],
        ]),
      ).toBe("gap-2 text-white");
      // A shorthand before its longhands stays: they refine it.
      expect(
        cascaded([
          ["border", "1px solid #000"],
          ["border-bottom-width", "2px"],
        ]),
      ).toEqual([
        ["border", "1px solid #000"],
        ["border-bottom-width", "2px"],
      ]);
    },
  );
});

describe("tailwindClass: shorthands whose values are functions", () => {
  it("splits a side shorthand at spaces outside parentheses (a fluid side padding stays one value)", () => {
    expect(tailwindClass(["padding", "64px clamp(16px, calc(64px - (842px - 100%) * 0.5), 64px) 64px"])).toBe(
      "px-[clamp(16px,calc(64px_-_(842px_-_100%)_*_0.5),64px)] py-16",
    );
    expect(tailwindClass(["border-radius", "min(8px, 2vw) 0"])).toBe(
      "rounded-tl-[min(8px,2vw)] rounded-tr-none rounded-br-[min(8px,2vw)] rounded-bl-none",
    );
  });
});

describe("tailwindClasses: a state's variants", () => {
  it("a focused field's look on the wrapper (focus-within:) and on a layer inside it (its named group's)", () => {
    const outline: Decl[] = [["outline", "1px solid #000000"]];
    expect(tailwindClasses([], [[":focus-within", outline]])).toBe("focus-within:outline focus-within:outline-black");
    expect(tailwindClasses([], [[":is(.field:focus-within *)", [["color", "#ffffff"]]]])).toBe(
      "group-focus-within/field:text-white",
    );
    expect(tailwindClasses([], [[":is(.buy:hover *)", [["color", "#ffffff"]]]])).toBe("group-hover/buy:text-white");
  });
});

describe("tailwindClasses: a page's wider drawings (issue 70)", () => {
  it("writes a wider screen's rule with min-[…]:, narrowest first, a revert as revert-layer", () => {
    expect(
      tailwindClasses(
        [
          ["display", "flex"],
          ["flex-direction", "column"],
          ["margin", "0 0 8px"],
        ],
        [],
        [],
        [
          [
            768,
            [
              ["margin", "revert"],
              ["flex-direction", "row"],
            ],
          ],
          [1440, [["display", "none"]]],
        ],
      ),
    ).toBe("flex flex-col m-[0_0_8px] min-[768px]:[margin:revert-layer] min-[768px]:flex-row min-[1440px]:hidden");
  });

  it("reverts a shorthand longhand by longhand where the rule sets one of them (Tailwind orders by property)", () => {
    const at768 = (decls: Decl[]): string =>
      tailwindClasses([["padding", "8px"]], [], [], [[768, decls]]).replace("p-2 ", "");
    expect(
      at768([
        ["padding", "revert"],
        ["padding-top", "16px"],
      ]),
    ).toBe(
      "min-[768px]:[padding-right:revert-layer] min-[768px]:[padding-bottom:revert-layer] " +
        "min-[768px]:[padding-left:revert-layer] min-[768px]:pt-4",
    );
    // A longhand reverted under a shorthand the rule sets: the shorthand says it.
    expect(
      at768([
        ["padding-top", "revert"],
        ["padding", "4px"],
      ]),
    ).toBe("min-[768px]:p-1");
  });

  it("writes a component's placement between two widths with max-[…]:, from 0 without min-[…]:", () => {
    expect(
      tailwindClasses(
        [],
        [],
        [],
        [
          [0, [["display", "none"]], "", 1440],
          [1440, [["align-self", "stretch"]], ""],
        ],
      ),
    ).toBe("max-[1440px]:hidden min-[1440px]:self-stretch");
    expect(tailwindClasses([], [], [], [[768, [["width", "100%"]], "", 1440]])).toBe("min-[768px]:max-[1440px]:w-full");
  });
});
