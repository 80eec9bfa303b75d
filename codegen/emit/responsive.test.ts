import { describe, expect, it } from "vitest";
import type { DesignNode } from "../design/types.js";
import { responsiveDecls } from "./responsive.js";

const title = (fluid: NonNullable<DesignNode["text"]>["fluid"]): DesignNode => ({
  id: "h", name: "h", kind: "text", w: 748, h: 104,
  text: { chars: "Grayscale", style: { family: "Varela Round", size: 104, weight: 400, lineHeight: 104, letterSpacing: 12.8 }, resize: "width", alignH: "center", alignV: "top", ...(fluid ? { fluid } : {}) },
});
const value = (decls: [string, string][], property: string) => decls.find(([p]) => p === property)?.[1];

describe("fluid headings", () => {
  it("scale between their phone size and the design size, letter spacing with them", () => {
    const decls = responsiveDecls(title([62, 7.22]), undefined, [["font-size", "104px"], ["letter-spacing", "12.8px"]]);
    expect(value(decls, "font-size")).toBe("clamp(62px, 7.22vw, 104px)");
    expect(value(decls, "letter-spacing")).toBe("0.1231em");
    expect(value(decls, "line-height")).toBe("1");
  });

  it("a word too wide for a phone lowers the phone size until it fits beside the gutters", () => {
    const decls = responsiveDecls(title([62, 7.22, 0.139]), undefined, [["font-size", "104px"]]);
    expect(value(decls, "font-size")).toBe("clamp(min(62px, calc((100vw - 32px) * 0.139)), 7.22vw, 104px)");
  });
});

describe("indented items", () => {
  const hero = (sizeH: DesignNode["sizeH"]): DesignNode => ({
    id: "s", name: "hero", kind: "group", x: 0, y: 0, w: 1440, h: 600, sizeH,
    layout: { dir: "column", gap: 10, padding: [0, 0, 96, 0], justify: "start", align: "start", inferred: { within: 1440 } },
  });
  const title: DesignNode = { id: "t", name: "title", kind: "text", x: 108, y: 100, w: 588, h: 172, flow: { offset: 108 }, text: { chars: "A Bootstrap 5 template", style: { family: "Inter", size: 48, weight: 700 }, resize: "height", alignH: "left", alignV: "top" } };

  it("keep a phone's gutter on both sides in a column that spans the section without side padding", () => {
    const decls = responsiveDecls(title, hero("fill"), [["width", "588px"], ["max-width", "100%"]]);
    expect(value(decls, "margin-left")).toBe("clamp(16px, calc(108px - (1440px - 100%)), 108px)");
    expect(value(decls, "max-width")).toBe("calc(100% - 32px)");
  });

  it("keep their indents as computed in a column that hugs its content (it may be narrower than drawn)", () => {
    const decls = responsiveDecls(title, hero("hug"), [["width", "588px"], ["max-width", "100%"]]);
    expect(value(decls, "margin-left")).toBe("clamp(0px, calc(108px - (1440px - 100%)), 108px)");
    expect(value(decls, "max-width")).toBe("100%");
  });
});
